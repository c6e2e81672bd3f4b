//! Blobs: found, stored (re-hashed, staged, moved into place, then recorded; the quota
//! reserved first and settled after) and read, per user. Dedup never crosses users: each user
//! has their own objects and pays for their own bytes.

use bytes::Bytes;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bytea, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use futures::TryStreamExt;
use futures::stream::BoxStream;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_schema::vault::blobs;
use tonic::Code;
use uuid::Uuid;

use super::digests::Digest;
use crate::drivers::Store;
use crate::error::StorageError;
use crate::files::download::{Recorded, integrity_fault, read_checked};
use crate::quotas::{self, Owner};
use crate::state::Storage;
use crate::volumes::{self, VolumeRow};

/// The blob volume and its driver.
#[derive(Debug, Clone)]
pub struct Shelf {
    pub volume: VolumeRow,
    pub store: Store,
}

impl Shelf {
    /// The configured blob volume, opened.
    pub async fn open(storage: &Storage) -> Result<Self, StorageError> {
        let mut conn = storage.db.conn().await?;
        let volume = volumes::named(
            &mut conn,
            "TESSERA_BLOB_VOLUME",
            &storage.config.blob_volume,
        )
        .await?;
        let store = volumes::store(&mut conn, storage.ring.as_ref(), &volume).await?;
        Ok(Self { volume, store })
    }

    /// `<prefix><user>/blobs/<hex>`.
    pub fn blob_path(&self, user: UserId, digest: &Digest) -> String {
        format!("{}{user}/blobs/{}", self.volume.probe_dir(), digest.hex())
    }

    /// `<prefix><user>/manifests/<hex>.json`.
    pub fn manifest_path(&self, user: UserId, digest: &Digest) -> String {
        format!(
            "{}{user}/manifests/{}.json",
            self.volume.probe_dir(),
            digest.hex()
        )
    }

    /// Writes `bytes` to `path` by way of a staging object, so no reader sees half of it.
    pub async fn put(&self, path: &str, bytes: Bytes) -> Result<(), StorageError> {
        let dir = format!(
            "{}blob-{}/",
            self.volume.service_dir("uploads"),
            Uuid::now_v7().simple()
        );
        let len = bytes.len() as u64;
        let staged = self
            .store
            .stage_part(&dir, 0, futures::stream::iter([Ok(bytes)]))
            .await;
        let placed = match staged {
            Ok(_) => self.store.promote(&dir, &[0], len, path).await,
            Err(err) => Err(err),
        };
        if placed.is_err() {
            let _ = self.store.unstage(&dir, &[0]).await;
        }
        Ok(placed?)
    }

    /// All of the object at `path`, which must be `digest`'s bytes (DATA_LOSS otherwise).
    pub async fn get(&self, path: &str, digest: &Digest) -> Result<Bytes, StorageError> {
        if digest.size == 0 {
            return Ok(Bytes::new());
        }
        let pieces: Vec<Bytes> = self
            .store
            .read(path, 0..digest.size as u64)
            .await?
            .try_collect()
            .await?;
        let bytes: Bytes = pieces.concat().into();
        if Digest::of(&bytes) != *digest {
            return Err(integrity_fault(
                path,
                "its size or SHA-256 differs from the record",
            ));
        }
        Ok(bytes)
    }
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = Bytea)]
    sha: Vec<u8>,
    #[diesel(sql_type = BigInt)]
    size: i64,
}

/// The digests of `wanted` the user does not hold; the held ones are marked seen.
pub async fn find_missing(
    conn: &mut AsyncPgConnection,
    user: UserId,
    wanted: &[Digest],
) -> Result<Vec<Digest>, StorageError> {
    let mut wanted: Vec<Digest> = wanted.iter().filter(|d| !d.is_empty()).copied().collect();
    wanted.sort();
    wanted.dedup();
    let shas: Vec<Vec<u8>> = wanted.iter().map(|d| d.sha256.to_vec()).collect();
    let sizes: Vec<i64> = wanted.iter().map(|d| d.size).collect();
    let missing: Vec<Found> = diesel::sql_query(
        "WITH d(sha, size) AS (SELECT * FROM unnest($2::bytea[], $3::bigint[])),
         seen AS (
             UPDATE vault.blobs b SET last_seen_at = now() FROM d
             WHERE b.user_id = $1 AND b.sha256 = d.sha AND b.size = d.size
             RETURNING b.sha256
         )
         SELECT d.sha, d.size FROM d
         WHERE NOT EXISTS (
             SELECT 1 FROM vault.blobs b WHERE b.user_id = $1 AND b.sha256 = d.sha AND b.size = d.size
         )",
    )
    .bind::<SqlUuid, _>(user.as_uuid())
    .bind::<Array<Bytea>, _>(&shas)
    .bind::<Array<BigInt>, _>(&sizes)
    .load(conn)
    .await?;
    Ok(missing
        .into_iter()
        .filter_map(|f| {
            Some(Digest {
                sha256: f.sha.try_into().ok()?,
                size: f.size,
            })
        })
        .collect())
}

/// Whether the user holds `digest` (marking it seen).
pub async fn holds(
    conn: &mut AsyncPgConnection,
    user: UserId,
    digest: &Digest,
) -> Result<bool, StorageError> {
    if digest.is_empty() {
        return Ok(true);
    }
    let touched = diesel::update(
        blobs::table
            .find((user.as_uuid(), digest.sha256.to_vec()))
            .filter(blobs::size.eq(digest.size)),
    )
    .set(blobs::last_seen_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(touched == 1)
}

/// The outcome of storing one blob, as a batch item reports it.
pub fn status(result: &Result<(), StorageError>) -> (Code, String) {
    match result {
        Ok(()) => (Code::Ok, String::new()),
        Err(StorageError::DataLoss(why)) => (Code::DataLoss, why.clone()),
        Err(StorageError::Quota { subject, bytes }) => (
            Code::ResourceExhausted,
            format!("the {subject} quota has no room for {bytes} more bytes"),
        ),
        Err(StorageError::Backend(_)) => (Code::Unavailable, "the storage backend failed".into()),
        Err(_) => (Code::Internal, "the blob could not be stored".into()),
    }
}

/// Stores one blob whose bytes were sent as `data` under `digest`.
pub async fn put(
    storage: &Storage,
    shelf: &Shelf,
    user: UserId,
    digest: &Digest,
    data: Bytes,
) -> Result<(), StorageError> {
    if Digest::of(&data) != *digest {
        return Err(StorageError::DataLoss(
            "the data does not have the digest's SHA-256 and size".into(),
        ));
    }
    if digest.is_empty() || holds(&mut *storage.db.conn().await?, user, digest).await? {
        return Ok(());
    }
    let (volume, size) = (shelf.volume.id, digest.size);
    let owner = Owner::of(Some(user.as_uuid()), None);
    let owner = &owner;
    reserve(storage, volume, owner, size).await?;
    let placed = shelf.put(&shelf.blob_path(user, digest), data).await;
    let recorded = match placed {
        Ok(()) => {
            let sha = digest.sha256.to_vec();
            storage
                .db
                .transaction("blobs.record", |conn| {
                    let sha = sha.clone();
                    async move {
                        let inserted = diesel::insert_into(blobs::table)
                            .values((
                                blobs::user_id.eq(user.as_uuid()),
                                blobs::sha256.eq(sha),
                                blobs::size.eq(size),
                                blobs::volume_id.eq(volume),
                            ))
                            .on_conflict_do_nothing()
                            .execute(conn)
                            .await?;
                        // Another writer of the same blob won: its bytes count, not ours.
                        let used = if inserted == 1 { size } else { 0 };
                        quotas::settle(conn, volume.as_uuid(), owner, size, used).await?;
                        Ok::<_, StorageError>(())
                    }
                    .scope_boxed()
                })
                .await
        }
        Err(err) => Err(err),
    };
    if recorded.is_err() {
        release(storage, volume, owner, size).await;
    }
    recorded
}

/// Reserves `size` bytes for a blob or manifest about to be written.
pub async fn reserve(
    storage: &Storage,
    volume: crate::ids::VolumeId,
    owner: &Owner,
    size: i64,
) -> Result<(), StorageError> {
    storage
        .db
        .transaction("blobs.reserve", |conn| {
            async move { quotas::reserve(conn, volume.as_uuid(), owner, size).await }.scope_boxed()
        })
        .await
        .map_err(StorageError::from)
}

/// Gives a reservation back after a failed write (best effort: the sweep of uploads does not
/// cover blobs, so a failure here is logged).
pub async fn release(storage: &Storage, volume: crate::ids::VolumeId, owner: &Owner, size: i64) {
    let released = storage
        .db
        .transaction("blobs.release", |conn| {
            async move { quotas::settle(conn, volume.as_uuid(), owner, size, 0).await }
                .scope_boxed()
        })
        .await;
    if let Err(err) = released {
        tracing::warn!(error = %err, "a blob reservation was not released");
    }
}

/// The bytes of `digest` in `range` as a stream (NOT_FOUND if the user lacks it).
pub async fn read(
    storage: &Storage,
    shelf: &Shelf,
    user: UserId,
    digest: &Digest,
    offset: i64,
    limit: i64,
) -> Result<BoxStream<'static, Result<Bytes, StorageError>>, StorageError> {
    if !holds(&mut *storage.db.conn().await?, user, digest).await? {
        return Err(StorageError::not_found("blob", digest.hex()));
    }
    let size = digest.size as u64;
    let start = offset as u64;
    if start > size {
        return Err(StorageError::OutOfRange(format!(
            "offset must be between 0 and the blob's size, {size}"
        )));
    }
    let end = match limit {
        0 => size,
        limit => size.min(start.saturating_add(limit as u64)),
    };
    let path = shelf.blob_path(user, digest);
    let recorded = Recorded {
        path: &path,
        size,
        sha256: &digest.sha256,
    };
    read_checked(&shelf.store, recorded, start..end, None).await
}
