//! UploadMedia: the description first, then chunks, streamed through to vault-storage without
//! holding the file. The group's quota (bytes and one file) is reserved before any byte moves,
//! by one conditional update, and the reservation (a `media_uploads` row with a lease) becomes
//! the media row on success or is released on failure; a crashed upload's lease runs out and
//! the cleanup job releases it.

use std::time::Instant;

use chrono::Duration;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::ratelimit;
use tessera_kit::stream::ClientStream;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_schema::messaging::{group_quotas, media, media_uploads, threads};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Streaming;
use uuid::Uuid;

use super::{MediaRow, RETENTION_DAYS};
use crate::error::ChatError;
use crate::forum::store::{Lock, check_bytes, check_epoch, require_current_epoch};
use crate::forum::threads::visible_thread;
use crate::forum::vault::storage_url;
use crate::ids::{MediaId, ThreadId};
use crate::state::Chat;

/// Smallest chunk but the last.
pub const MIN_CHUNK: usize = 256 << 10;
/// Largest chunk.
pub const MAX_CHUNK: usize = 2 << 20;
/// Largest file.
pub const MAX_SIZE: i64 = 500_000_000;
/// Longest encrypted metadata, in bytes.
pub const MAX_METADATA_BYTES: usize = 4096;
/// Longest IV, in bytes.
pub const MAX_IV_BYTES: usize = 24;
/// How long a reservation outlives its upload's last sign of life.
pub const LEASE: Duration = Duration::minutes(10);
/// How often a running upload renews its lease.
const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

/// A validated description.
#[derive(Debug, Clone)]
struct Spec {
    thread: ThreadId,
    metadata: Vec<u8>,
    iv: Vec<u8>,
    size: i64,
    sha256: Vec<u8>,
    epoch: i64,
}

fn parse(m: pb::Media) -> Result<Spec, ChatError> {
    let mut v = FieldViolations::new();
    let thread = ThreadId::parse_into(&mut v, "media.thread_id", &m.thread_id);
    check_bytes(
        &mut v,
        "media.encrypted_metadata",
        &m.encrypted_metadata,
        MAX_METADATA_BYTES,
    );
    check_bytes(
        &mut v,
        "media.encryption_iv",
        &m.encryption_iv,
        MAX_IV_BYTES,
    );
    if !(1..=MAX_SIZE).contains(&m.size_bytes) {
        v.add("media.size_bytes", format!("1 to {MAX_SIZE} bytes"));
    }
    if m.sha256.len() != 32 {
        v.add("media.sha256", "the 32-byte SHA-256 of the ciphertext");
    }
    check_epoch(&mut v, "media.key_epoch", m.key_epoch);
    let thread = ChatError::checked(v, thread)?;
    Ok(Spec {
        thread,
        metadata: m.encrypted_metadata,
        iv: m.encryption_iv,
        size: m.size_bytes,
        sha256: m.sha256,
        epoch: m.key_epoch,
    })
}

/// Runs one UploadMedia stream; returns the stored media.
pub async fn upload(
    chat: &Chat,
    user: UserId,
    stream: Streaming<pb::UploadMediaRequest>,
) -> Result<MediaRow, ChatError> {
    let mut stream = ClientStream::from(stream);
    let first = stream
        .first_message("media", "the media's description")
        .await?;
    let spec = match first.message {
        Some(pb::upload_media_request::Message::Media(m)) => parse(m)?,
        _ => {
            return Err(ChatError::invalid(
                "media",
                "the first message describes the media",
            ));
        }
    };
    chat.vault.require()?;
    let id = MediaId::new();
    let group = reserve(chat, user, &spec, id).await?;
    match transfer(chat, user, group, id, &spec, stream).await {
        Ok(file) => commit(chat, user, group, id, &spec, file).await,
        Err(err) => {
            abandon(chat, id.as_uuid()).await;
            Err(err)
        }
    }
}

/// The rate limit, membership, epoch and quota checks, and the reservation, in one transaction.
async fn reserve(chat: &Chat, user: UserId, spec: &Spec, id: MediaId) -> Result<Uuid, ChatError> {
    let rate = chat.config.upload_rate;
    let now = chat.clock.now();
    chat.db
        .transaction("messaging.reserve_media", |conn| {
            let spec = spec.clone();
            async move {
                let key = format!("forum.uploads:{user}");
                if let Some(wait) = ratelimit::take(conn, &key, rate).await? {
                    return Err(ChatError::Limited {
                        reason: "UPLOAD_RATE",
                        message: "too many uploads: try again later".into(),
                        retry_after: wait,
                    });
                }
                let (_, group) = visible_thread(conn, user, spec.thread, Lock::Share).await?;
                require_current_epoch(&group, spec.epoch)?;
                let reserved = diesel::update(
                    group_quotas::table
                        .find(group.id)
                        .filter((group_quotas::total_bytes + spec.size).le(group_quotas::max_bytes))
                        .filter((group_quotas::media_count + 1).le(group_quotas::max_media_count)),
                )
                .set((
                    group_quotas::total_bytes.eq(group_quotas::total_bytes + spec.size),
                    group_quotas::media_count.eq(group_quotas::media_count + 1),
                    group_quotas::updated_at.eq(diesel::dsl::now),
                ))
                .execute(conn)
                .await?;
                if reserved == 0 {
                    let (bytes, count, max_bytes, max_count): (i64, i32, i64, i32) =
                        group_quotas::table
                            .find(group.id)
                            .select((
                                group_quotas::total_bytes,
                                group_quotas::media_count,
                                group_quotas::max_bytes,
                                group_quotas::max_media_count,
                            ))
                            .first(conn)
                            .await?;
                    let (subject, description) = if count >= max_count {
                        (
                            "media_count",
                            format!("the group holds {count} of {max_count} files"),
                        )
                    } else {
                        (
                            "total_bytes",
                            format!(
                                "the group uses {bytes} of {max_bytes} bytes: {} more do not fit",
                                spec.size
                            ),
                        )
                    };
                    return Err(ChatError::Quota {
                        subject: format!("groups/{}/{subject}", group.id),
                        description,
                    });
                }
                diesel::insert_into(media_uploads::table)
                    .values((
                        media_uploads::id.eq(id.as_uuid()),
                        media_uploads::group_id.eq(group.id),
                        media_uploads::thread_id.eq(spec.thread.as_uuid()),
                        media_uploads::user_id.eq(user.as_uuid()),
                        media_uploads::size_bytes.eq(spec.size),
                        media_uploads::started_at.eq(now),
                        media_uploads::lease_expires_at.eq(now + LEASE),
                    ))
                    .execute(conn)
                    .await?;
                Ok(group.id)
            }
            .scope_boxed()
        })
        .await
}

/// How feeding the client's chunks to vault-storage ended, when it did not fail.
enum Fed {
    /// Every byte and the hash were handed over.
    Done,
    /// vault-storage stopped reading: its answer says why.
    VaultClosed,
}

async fn transfer(
    chat: &Chat,
    user: UserId,
    group: Uuid,
    id: MediaId,
    spec: &Spec,
    stream: ClientStream<pb::UploadMediaRequest>,
) -> Result<Uuid, ChatError> {
    // Its own task: a client that goes away drops this handler, and an upload started in
    // vault-storage whose id was not yet recorded here could never be cancelled.
    let upload = {
        let (chat, spec) = (chat.clone(), spec.clone());
        tokio::spawn(async move {
            let upload = chat
                .vault
                .start_upload(user, group, id, spec.size, &spec.sha256)
                .await?;
            diesel::update(media_uploads::table.find(id.as_uuid()))
                .set(media_uploads::vault_upload_id.eq(upload))
                .execute(&mut *chat.db.conn().await?)
                .await?;
            Ok::<_, ChatError>(upload)
        })
        .await
        .map_err(|e| ChatError::Internal(format!("starting the upload failed: {e}")))??
    };
    let (tx, rx) = mpsc::channel(4);
    let resume = vpb::UploadRequest {
        message: Some(vpb::upload_request::Message::Resume(
            vpb::upload_request::Resume {
                upload_id: upload.to_string(),
                write_offset: 0,
            },
        )),
    };
    tx.send(resume)
        .await
        .map_err(|_| ChatError::Internal("the upload channel closed".into()))?;
    let (sent, fed) = tokio::join!(
        chat.vault.upload(ReceiverStream::new(rx)),
        feed(chat, id, spec, stream, tx)
    );
    match fed? {
        Fed::Done | Fed::VaultClosed => sent,
    }
}

/// Checks and passes on the client's chunks, then the hash; renews the lease as it goes.
async fn feed(
    chat: &Chat,
    id: MediaId,
    spec: &Spec,
    mut stream: ClientStream<pb::UploadMediaRequest>,
    tx: mpsc::Sender<vpb::UploadRequest>,
) -> Result<Fed, ChatError> {
    let (mut received, mut short_seen, mut renewed) = (0i64, false, Instant::now());
    while let Some(message) = stream.next().await? {
        let Some(pb::upload_media_request::Message::Chunk(chunk)) = message.message else {
            return Err(ChatError::invalid(
                "media",
                "sent once, as the first message",
            ));
        };
        if chunk.is_empty() || chunk.len() > MAX_CHUNK {
            return Err(ChatError::invalid("chunk", "chunks are 256 KiB to 2 MiB"));
        }
        if short_seen {
            return Err(ChatError::invalid(
                "chunk",
                "only the last chunk may be shorter than 256 KiB",
            ));
        }
        short_seen = chunk.len() < MIN_CHUNK;
        received += chunk.len() as i64;
        if received > spec.size {
            return Err(ChatError::OutOfRange(format!(
                "more bytes than the declared size, {}",
                spec.size
            )));
        }
        if renewed.elapsed() >= RENEW_EVERY {
            renew(chat, id).await?;
            renewed = Instant::now();
        }
        let chunk = vpb::UploadRequest {
            message: Some(vpb::upload_request::Message::Chunk(chunk)),
        };
        if tx.send(chunk).await.is_err() {
            return Ok(Fed::VaultClosed);
        }
    }
    if received != spec.size {
        return Err(ChatError::OutOfRange(format!(
            "{received} bytes arrived, {} were declared",
            spec.size
        )));
    }
    let finish = vpb::UploadRequest {
        message: Some(vpb::upload_request::Message::Finish(
            vpb::upload_request::Finish {
                sha256: spec.sha256.clone().into(),
            },
        )),
    };
    Ok(if tx.send(finish).await.is_err() {
        Fed::VaultClosed
    } else {
        Fed::Done
    })
}

async fn renew(chat: &Chat, id: MediaId) -> Result<(), ChatError> {
    diesel::update(media_uploads::table.find(id.as_uuid()))
        .set(media_uploads::lease_expires_at.eq(chat.clock.now() + LEASE))
        .execute(&mut *chat.db.conn().await?)
        .await?;
    Ok(())
}

/// Turns the reservation into the media row. If the thread went meanwhile, the file is queued
/// for deletion, the reservation is given back and the answer is NOT_FOUND.
async fn commit(
    chat: &Chat,
    user: UserId,
    group: Uuid,
    id: MediaId,
    spec: &Spec,
    file: Uuid,
) -> Result<MediaRow, ChatError> {
    let now = chat.clock.now();
    let stored = chat
        .db
        .transaction("messaging.commit_media", |conn| {
            let spec = spec.clone();
            async move {
                let held = diesel::delete(media_uploads::table.find(id.as_uuid()))
                    .execute(conn)
                    .await?;
                let thread_there: Option<Uuid> = threads::table
                    .find(spec.thread.as_uuid())
                    .select(threads::id)
                    .for_share()
                    .first(conn)
                    .await
                    .optional()?;
                if held == 0 || thread_there.is_none() {
                    if held > 0 {
                        give_back(conn, group, spec.size).await?;
                    }
                    queue_deletion(conn, file).await?;
                    return Ok(None);
                }
                Ok::<_, ChatError>(Some(
                    diesel::insert_into(media::table)
                        .values((
                            media::id.eq(id.as_uuid()),
                            media::thread_id.eq(spec.thread.as_uuid()),
                            media::group_id.eq(group),
                            media::author_id.eq(user.as_uuid()),
                            media::encrypted_metadata.eq(&spec.metadata),
                            media::storage_url.eq(storage_url(file)),
                            media::file_id.eq(file),
                            media::encryption_iv.eq(&spec.iv),
                            media::size_bytes.eq(spec.size),
                            media::sha256.eq(&spec.sha256),
                            media::key_epoch.eq(spec.epoch),
                            media::uploaded_at.eq(now),
                            media::expires_at.eq(now + Duration::days(RETENTION_DAYS)),
                        ))
                        .returning(MediaRow::as_returning())
                        .get_result(conn)
                        .await?,
                ))
            }
            .scope_boxed()
        })
        .await?;
    stored.ok_or_else(|| ChatError::not_found(ThreadId::RESOURCE, spec.thread))
}

async fn queue_deletion(
    conn: &mut diesel_async::AsyncPgConnection,
    file: Uuid,
) -> Result<(), ChatError> {
    diesel::sql_query("INSERT INTO media_deletions (file_id) VALUES ($1) ON CONFLICT DO NOTHING")
        .bind::<SqlUuid, _>(file)
        .execute(conn)
        .await?;
    Ok(())
}

async fn give_back(
    conn: &mut diesel_async::AsyncPgConnection,
    group: Uuid,
    size: i64,
) -> Result<(), ChatError> {
    diesel::sql_query(
        "UPDATE group_quotas SET total_bytes = total_bytes - $2, media_count = media_count - 1, \
         updated_at = now() WHERE group_id = $1",
    )
    .bind::<SqlUuid, _>(group)
    .bind::<BigInt, _>(size)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends a failed upload: cancels it in vault-storage, then releases the reservation. If the
/// cancel cannot be made now, the lease is ended so the cleanup job retries both.
pub(crate) async fn abandon(chat: &Chat, id: Uuid) {
    let outcome = async {
        let upload: Option<Option<Uuid>> = media_uploads::table
            .find(id)
            .select(media_uploads::vault_upload_id)
            .first(&mut *chat.db.conn().await?)
            .await
            .optional()?;
        if let Some(Some(upload)) = upload
            && let Err(err) = chat.vault.cancel_upload(upload).await
        {
            tracing::warn!(error = %err, "an abandoned upload could not be cancelled yet");
            diesel::update(media_uploads::table.find(id))
                .set(media_uploads::lease_expires_at.eq(chat.clock.now()))
                .execute(&mut *chat.db.conn().await?)
                .await?;
            return Ok(());
        }
        release(chat, id).await
    };
    if let Err(err) = outcome.await {
        tracing::warn!(error = %err, "an abandoned upload's reservation stays for the cleanup job");
    }
}

/// Deletes the reservation `id` and gives its bytes and file back to the group.
pub(crate) async fn release(chat: &Chat, id: Uuid) -> Result<(), ChatError> {
    chat.db
        .transaction("messaging.release_media", |conn| {
            async move {
                let gone: Option<(Uuid, i64)> = diesel::delete(media_uploads::table.find(id))
                    .returning((media_uploads::group_id, media_uploads::size_bytes))
                    .get_result(conn)
                    .await
                    .optional()?;
                if let Some((group, size)) = gone {
                    give_back(conn, group, size).await?;
                }
                Ok(())
            }
            .scope_boxed()
        })
        .await
}
