//! WriteBlob: a large blob streamed in, resumable. Its size is reserved when the write opens;
//! bytes are staged as parts recorded every `TESSERA_STORAGE_PART_BYTES` (what a broken
//! stream persisted stays), one stream at a time holds the write's lease, and once every byte
//! is in the staged bytes are hashed, then moved into place and recorded, or thrown away.

use std::time::Instant;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures::TryStreamExt;
use sha2::{Digest as _, Sha256};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::stream::ClientStream;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::{blob_writes, blobs};
use uuid::Uuid;

use super::digests::Digest;
use super::objects::{self, Shelf};
use crate::error::StorageError;
use crate::files::session::{MAX_CHUNK, Part};
use crate::files::uploads::{LEASE, UPLOAD_TTL};
use crate::ids::VolumeId;
use crate::quotas::{self, Owner};
use crate::state::Storage;

use pb::write_blob_request::Message;

/// How often a streaming writer renews its lease between parts.
const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// A `blob_writes` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = blob_writes, check_for_backend(diesel::pg::Pg))]
struct WriteRow {
    part_offsets: Vec<Option<i64>>,
    persisted_size: i64,
}

impl WriteRow {
    fn parts(&self) -> Vec<u64> {
        self.part_offsets
            .iter()
            .flatten()
            .map(|o| *o as u64)
            .collect()
    }
}

fn key(user: UserId, digest: &Digest) -> (Uuid, Vec<u8>) {
    (user.as_uuid(), digest.sha256.to_vec())
}

/// Where a write's parts are staged.
fn staging(shelf: &Shelf, user: UserId, digest: &Digest) -> String {
    format!(
        "{}blob-write-{user}-{}/",
        shelf.volume.service_dir("uploads"),
        digest.hex()
    )
}

/// Opens the write (reserving its size) or takes it over, and holds its lease as `writer`.
async fn claim(
    storage: &Storage,
    shelf: &Shelf,
    user: UserId,
    digest: &Digest,
    writer: Uuid,
) -> Result<WriteRow, StorageError> {
    let volume = shelf.volume.id;
    storage
        .db
        .transaction("blobs.claim_write", |conn| {
            async move {
                let now = Utc::now();
                let inserted = diesel::insert_into(blob_writes::table)
                    .values((
                        blob_writes::user_id.eq(user.as_uuid()),
                        blob_writes::sha256.eq(digest.sha256.to_vec()),
                        blob_writes::size.eq(digest.size),
                        blob_writes::volume_id.eq(volume),
                        blob_writes::expires_at.eq(now + UPLOAD_TTL),
                    ))
                    .on_conflict_do_nothing()
                    .execute(conn)
                    .await?;
                if inserted == 1 {
                    let owner = Owner::of(Some(user.as_uuid()), None);
                    quotas::reserve(conn, volume.as_uuid(), &owner, digest.size).await?;
                }
                diesel::update(blob_writes::table.find(key(user, digest)))
                    .filter(
                        blob_writes::writer_id
                            .is_null()
                            .or(blob_writes::lease_expires_at.lt(now)),
                    )
                    .set((
                        blob_writes::writer_id.eq(writer),
                        blob_writes::lease_expires_at.eq(now + LEASE),
                    ))
                    .returning(WriteRow::as_returning())
                    .get_result(conn)
                    .await
                    .optional()?
                    .ok_or_else(|| {
                        StorageError::Aborted(
                            "another stream is writing this blob; retry after it ends".into(),
                        )
                    })
            }
            .scope_boxed()
        })
        .await
}

/// Records a part `writer` persisted (or only renews the lease when `len` is 0).
async fn record(
    storage: &Storage,
    user: UserId,
    digest: &Digest,
    writer: Uuid,
    offset: i64,
    len: i64,
) -> Result<(), StorageError> {
    let mut conn = storage.db.conn().await?;
    let now = Utc::now();
    let query = diesel::update(blob_writes::table.find(key(user, digest)))
        .filter(blob_writes::writer_id.eq(writer))
        .filter(blob_writes::persisted_size.eq(offset));
    let updated = if len == 0 {
        query
            .set(blob_writes::lease_expires_at.eq(now + LEASE))
            .execute(&mut *conn)
            .await?
    } else {
        query
            .set((
                blob_writes::persisted_size.eq(offset + len),
                blob_writes::part_offsets.eq(diesel::dsl::sql::<
                    diesel::sql_types::Array<
                        diesel::sql_types::Nullable<diesel::sql_types::BigInt>,
                    >,
                >(&format!(
                    "array_append(part_offsets, {offset}::bigint)"
                ))),
                blob_writes::lease_expires_at.eq(now + LEASE),
            ))
            .execute(&mut *conn)
            .await?
    };
    if updated == 0 {
        return Err(StorageError::Aborted(
            "the write was taken over or ended while this stream wrote it".into(),
        ));
    }
    Ok(())
}

/// After a failed stream: a write with nothing persisted ends (its reservation released: a
/// refused first stream leaves nothing behind), one with persisted parts waits for a resume.
async fn give_up(storage: &Storage, shelf: &Shelf, user: UserId, digest: &Digest, writer: Uuid) {
    let ended = storage
        .db
        .transaction("blobs.give_up_write", |conn| {
            async move {
                let gone: Option<VolumeId> =
                    diesel::delete(blob_writes::table.find(key(user, digest)))
                        .filter(blob_writes::writer_id.eq(writer))
                        .filter(blob_writes::persisted_size.eq(0))
                        .returning(blob_writes::volume_id)
                        .get_result(conn)
                        .await
                        .optional()?;
                if let Some(volume) = gone {
                    let owner = Owner::of(Some(user.as_uuid()), None);
                    quotas::settle(conn, volume.as_uuid(), &owner, digest.size, 0).await?;
                }
                Ok::<_, StorageError>(gone.is_some())
            }
            .scope_boxed()
        })
        .await;
    match ended {
        Ok(true) => {
            let _ = shelf
                .store
                .unstage(&staging(shelf, user, digest), &[])
                .await;
        }
        Ok(false) => release(storage, user, digest, writer).await,
        Err(err) => {
            tracing::warn!(error = %err, "ending a failed blob write failed; it expires by itself");
        }
    }
}

/// Lets another stream take the write at once (best effort).
async fn release(storage: &Storage, user: UserId, digest: &Digest, writer: Uuid) {
    if let Ok(mut conn) = storage.db.conn().await {
        let _ = diesel::update(blob_writes::table.find(key(user, digest)))
            .filter(blob_writes::writer_id.eq(writer))
            .set((
                blob_writes::writer_id.eq(None::<Uuid>),
                blob_writes::lease_expires_at.eq(None::<DateTime<Utc>>),
            ))
            .execute(&mut *conn)
            .await;
    }
}

/// Ends a write: its row and reservation go (`stored` bytes become usage), its staging too.
async fn end(
    storage: &Storage,
    shelf: &Shelf,
    user: UserId,
    digest: &Digest,
    parts: &[u64],
    stored: bool,
) -> Result<(), StorageError> {
    if !stored {
        let _ = shelf
            .store
            .unstage(&staging(shelf, user, digest), parts)
            .await;
    }
    storage
        .db
        .transaction("blobs.end_write", |conn| {
            async move { finish_row(conn, user, digest, stored).await }.scope_boxed()
        })
        .await
}

async fn finish_row(
    conn: &mut AsyncPgConnection,
    user: UserId,
    digest: &Digest,
    stored: bool,
) -> Result<(), StorageError> {
    let gone: Option<VolumeId> = diesel::delete(blob_writes::table.find(key(user, digest)))
        .returning(blob_writes::volume_id)
        .get_result(conn)
        .await
        .optional()?;
    let Some(volume) = gone else {
        return Ok(()); // ended by another stream or the sweep
    };
    let inserted = if stored {
        diesel::insert_into(blobs::table)
            .values((
                blobs::user_id.eq(user.as_uuid()),
                blobs::sha256.eq(digest.sha256.to_vec()),
                blobs::size.eq(digest.size),
                blobs::volume_id.eq(volume),
            ))
            .on_conflict_do_nothing()
            .execute(conn)
            .await?
    } else {
        0
    };
    let used = if inserted == 1 { digest.size } else { 0 };
    let owner = Owner::of(Some(user.as_uuid()), None);
    quotas::settle(conn, volume.as_uuid(), &owner, digest.size, used).await?;
    Ok(())
}

/// The WriteBlob RPC, after its `start` (`user` and `digest` validated).
pub async fn write(
    storage: &Storage,
    user: UserId,
    digest: Digest,
    offset: i64,
    mut stream: ClientStream<pb::WriteBlobRequest>,
) -> Result<pb::WriteBlobResponse, StorageError> {
    let done = pb::WriteBlobResponse {
        committed_size: digest.size,
        complete: true,
    };
    if digest.is_empty() || objects::holds(&mut *storage.db.conn().await?, user, &digest).await? {
        return Ok(done);
    }
    let shelf = Shelf::open(storage).await?;
    let writer = Uuid::now_v7();
    let row = claim(storage, &shelf, user, &digest, writer).await?;
    if offset != row.persisted_size {
        release(storage, user, &digest, writer).await;
        return Err(StorageError::OutOfRange(format!(
            "{} bytes are persisted: resume at that offset",
            row.persisted_size
        )));
    }
    let dir = staging(&shelf, user, &digest);
    let received = receive(
        storage,
        &shelf,
        &dir,
        user,
        &digest,
        writer,
        offset,
        &mut stream,
    )
    .await;
    let persisted = match received {
        Ok(persisted) => persisted,
        Err(err) => {
            give_up(storage, &shelf, user, &digest, writer).await;
            return Err(err);
        }
    };
    if persisted < digest.size {
        release(storage, user, &digest, writer).await;
        return Ok(pb::WriteBlobResponse {
            committed_size: persisted,
            complete: false,
        });
    }
    // Every byte is in: hash what is staged, then keep it or throw it away.
    let parts = {
        let mut conn = storage.db.conn().await?;
        blob_writes::table
            .find(key(user, &digest))
            .select(WriteRow::as_select())
            .first(&mut *conn)
            .await?
            .parts()
    };
    let size = digest.size as u64;
    let mut hasher = Sha256::new();
    let mut staged = shelf.store.read_staged(&dir, &parts, size, 0..size).await?;
    while let Some(piece) = staged.try_next().await? {
        hasher.update(&piece);
    }
    if <[u8; 32]>::from(hasher.finalize()) != digest.sha256 {
        end(storage, &shelf, user, &digest, &parts, false).await?;
        return Err(StorageError::DataLoss(
            "the blob's bytes do not have its SHA-256: nothing was kept".into(),
        ));
    }
    shelf
        .store
        .promote(&dir, &parts, size, &shelf.blob_path(user, &digest))
        .await?;
    end(storage, &shelf, user, &digest, &parts, true).await?;
    Ok(done)
}

/// Streams data into parts of `part_bytes`, recording each; returns the persisted size.
#[allow(clippy::too_many_arguments)]
async fn receive(
    storage: &Storage,
    shelf: &Shelf,
    dir: &str,
    user: UserId,
    digest: &Digest,
    writer: Uuid,
    mut offset: i64,
    stream: &mut ClientStream<pb::WriteBlobRequest>,
) -> Result<i64, StorageError> {
    let part_bytes = storage.config.part_bytes as i64;
    let mut part: Option<Part> = None;
    let mut in_part: i64 = 0;
    let mut renewed = Instant::now();
    loop {
        let message = match stream.next().await {
            Ok(Some(message)) => message,
            Ok(None) => break,
            Err(err) => return refused(&mut part, err.into()).await,
        };
        let data = match message.message {
            Some(Message::Data(data)) if data.len() <= MAX_CHUNK => data,
            Some(Message::Data(_)) => {
                return refused(
                    &mut part,
                    StorageError::invalid("data", format!("at most {MAX_CHUNK} bytes per message")),
                )
                .await;
            }
            _ => {
                let err = StorageError::invalid("data", "only data follows start");
                return refused(&mut part, err).await;
            }
        };
        if offset + in_part + data.len() as i64 > digest.size {
            let err = StorageError::OutOfRange(format!(
                "more than the {} bytes of the digest",
                digest.size
            ));
            return refused(&mut part, err).await;
        }
        let current = part.get_or_insert_with(|| Part::start(&shelf.store, dir, offset as u64));
        in_part += data.len() as i64;
        current.send(data).await?;
        if in_part >= part_bytes
            && let Some(full) = part.take()
        {
            let (start, len) = full.finish().await?;
            record(storage, user, digest, writer, start as i64, len as i64).await?;
            offset += len as i64;
            in_part = 0;
            renewed = Instant::now();
        } else if renewed.elapsed() >= RENEW_EVERY {
            record(storage, user, digest, writer, offset, 0).await?;
            renewed = Instant::now();
        }
    }
    if let Some(part) = part.take() {
        let (start, len) = part.finish().await?;
        record(storage, user, digest, writer, start as i64, len as i64).await?;
        offset += len as i64;
    }
    Ok(offset)
}

/// Stops the part being written, then answers `err`.
async fn refused(part: &mut Option<Part>, err: StorageError) -> Result<i64, StorageError> {
    if let Some(part) = part.take() {
        part.abort().await;
    }
    Err(err)
}

/// QueryWriteStatus.
pub async fn status(
    storage: &Storage,
    user: UserId,
    digest: &Digest,
) -> Result<pb::QueryWriteStatusResponse, StorageError> {
    let mut conn = storage.db.conn().await?;
    if objects::holds(&mut conn, user, digest).await? {
        return Ok(pb::QueryWriteStatusResponse {
            committed_size: digest.size,
            complete: true,
        });
    }
    let persisted: Option<i64> = blob_writes::table
        .find(key(user, digest))
        .select(blob_writes::persisted_size)
        .first(&mut *conn)
        .await
        .optional()?;
    Ok(pb::QueryWriteStatusResponse {
        committed_size: persisted.unwrap_or(0),
        complete: false,
    })
}

/// Ends writes past their 7 days: staged bytes and reservations go. Returns how many.
pub async fn expire(storage: &Storage, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let due: Vec<(Uuid, Vec<u8>, i64)> = {
        let mut conn = storage.db.conn().await?;
        blob_writes::table
            .filter(blob_writes::expires_at.le(now))
            .select((blob_writes::user_id, blob_writes::sha256, blob_writes::size))
            .limit(200)
            .load(&mut *conn)
            .await?
    };
    if due.is_empty() {
        return Ok(0);
    }
    let shelf = Shelf::open(storage).await?;
    for (user, sha, size) in &due {
        let digest = Digest {
            sha256: sha
                .clone()
                .try_into()
                .map_err(|_| StorageError::Internal("a sha".into()))?,
            size: *size,
        };
        let user = UserId::from_uuid(*user);
        let parts = {
            let mut conn = storage.db.conn().await?;
            blob_writes::table
                .find(key(user, &digest))
                .select(WriteRow::as_select())
                .first(&mut *conn)
                .await
                .optional()?
                .map(|row| row.parts())
                .unwrap_or_default()
        };
        end(storage, &shelf, user, &digest, &parts, false).await?;
    }
    Ok(due.len())
}
