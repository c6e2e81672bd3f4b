//! The forum's cleanup job, safe to run on every replica at once (rows are claimed with
//! `FOR UPDATE SKIP LOCKED`): expired media are deleted in batches (the trigger queues their
//! files and frees the group's quota), reservations whose lease ran out are cancelled in
//! vault-storage and released, and queued file deletions are sent to vault-storage, each retried
//! with backoff until it confirms. "Now" is the service's clock, so tests can move it. Besides
//! its interval, it runs when a transaction that queued deletions commits (a trigger NOTIFYs
//! [`CHANNEL`], whatever deleted the media: an RPC, a cascade, an account deletion).

use chrono::{DateTime, Utc};
use diesel::sql_types::{BigInt, Integer, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::RunQueryDsl;
use tessera_kit::Context;
use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use super::media::release;
use crate::error::ChatError;
use crate::state::Chat;

/// The channel the `media_deletions_queued` trigger notifies.
pub const CHANNEL: &str = "messaging_media_deletions";
/// Rows handled per statement.
const BATCH: i64 = 100;
/// A claimed deletion or reservation is left alone this long by other replicas.
const CLAIM: &str = "1 minute";
/// Longest wait between two attempts of one deletion.
const MAX_BACKOFF_SECS: i64 = 3600;

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Cleaned {
    /// Expired media rows deleted.
    pub expired: usize,
    /// Reservations of abandoned uploads released.
    pub released: usize,
    /// Files vault-storage confirmed deleted.
    pub deleted: usize,
    /// Deletions that failed this time (retried later).
    pub failed: usize,
}

/// Starts the job once the schema is migrated; it ends with the service.
pub fn start(ctx: &Context, chat: Chat) {
    let ctx = ctx.clone();
    let mut queued = ctx.notifier.subscribe(CHANNEL);
    tokio::spawn(async move {
        if !ctx.wait_until_ready().await {
            return;
        }
        loop {
            match run(&chat).await {
                Ok(done) if done != Cleaned::default() => tracing::info!(?done, "forum cleanup"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the forum cleanup failed"),
            }
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = tokio::time::sleep(chat.config.cleanup_interval) => {}
                () = queued.woken() => {}
            }
        }
    });
}

/// One run of every step.
pub async fn run(chat: &Chat) -> Result<Cleaned, ChatError> {
    let mut done = Cleaned {
        expired: expire(chat).await?,
        released: release_abandoned(chat).await?,
        ..Cleaned::default()
    };
    let (deleted, failed) = drain_deletions(chat).await?;
    done.deleted = deleted;
    done.failed = failed;
    Ok(done)
}

#[derive(diesel::QueryableByName)]
struct Claimed {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Nullable<SqlUuid>)]
    upload: Option<Uuid>,
}

#[derive(diesel::QueryableByName)]
struct Deletion {
    #[diesel(sql_type = SqlUuid)]
    file_id: Uuid,
    #[diesel(sql_type = Integer)]
    attempts: i32,
}

async fn expire(chat: &Chat) -> Result<usize, ChatError> {
    let now = chat.clock.now();
    let mut total = 0;
    loop {
        let deleted = chat
            .db
            .transaction("messaging.expire_media", |conn| {
                async move {
                    Ok::<_, ChatError>(
                        diesel::sql_query(
                            "DELETE FROM media WHERE id IN (SELECT id FROM media \
                             WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 \
                             FOR UPDATE SKIP LOCKED)",
                        )
                        .bind::<Timestamptz, _>(now)
                        .bind::<BigInt, _>(BATCH)
                        .execute(conn)
                        .await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        total += deleted;
        if (deleted as i64) < BATCH {
            return Ok(total);
        }
    }
}

/// Claims up to a batch of reservations whose lease ran out by `now` (pushing their lease a
/// minute on, so no other replica takes them meanwhile).
async fn claim_abandoned(chat: &Chat, now: DateTime<Utc>) -> Result<Vec<Claimed>, ChatError> {
    chat.db
        .transaction("messaging.claim_abandoned_uploads", |conn| {
            async move {
                Ok(diesel::sql_query(format!(
                    "UPDATE media_uploads SET lease_expires_at = $1 + interval '{CLAIM}' \
                     WHERE id IN (SELECT id FROM media_uploads WHERE lease_expires_at <= $1 \
                     ORDER BY lease_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED) \
                     RETURNING id, vault_upload_id AS upload"
                ))
                .bind::<Timestamptz, _>(now)
                .bind::<BigInt, _>(BATCH)
                .load(conn)
                .await?)
            }
            .scope_boxed()
        })
        .await
}

async fn release_abandoned(chat: &Chat) -> Result<usize, ChatError> {
    let mut released = 0;
    for claimed in claim_abandoned(chat, chat.clock.now()).await? {
        if let Some(upload) = claimed.upload
            && let Err(err) = chat.vault.cancel_upload(upload).await
        {
            tracing::warn!(error = %err, "an abandoned upload could not be cancelled yet");
            continue;
        }
        release(chat, claimed.id).await?;
        released += 1;
    }
    Ok(released)
}

async fn drain_deletions(chat: &Chat) -> Result<(usize, usize), ChatError> {
    let (mut deleted, mut failed) = (0, 0);
    loop {
        let claimed: Vec<Deletion> = chat
            .db
            .transaction("messaging.claim_deletions", |conn| {
                async move {
                    Ok::<_, ChatError>(
                        diesel::sql_query(format!(
                            "UPDATE media_deletions SET next_attempt_at = now() + interval '{CLAIM}', \
                             attempts = attempts + 1 \
                             WHERE file_id IN (SELECT file_id FROM media_deletions \
                             WHERE next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 \
                             FOR UPDATE SKIP LOCKED) RETURNING file_id, attempts"
                        ))
                        .bind::<BigInt, _>(BATCH)
                        .load(conn)
                        .await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        let batch = claimed.len();
        for deletion in claimed {
            let mut conn = chat.db.conn().await?;
            match chat.vault.delete_file(deletion.file_id).await {
                Ok(()) => {
                    diesel::sql_query("DELETE FROM media_deletions WHERE file_id = $1")
                        .bind::<SqlUuid, _>(deletion.file_id)
                        .execute(&mut *conn)
                        .await?;
                    deleted += 1;
                }
                Err(err) => {
                    failed += 1;
                    let backoff = 2i64
                        .saturating_pow(deletion.attempts.clamp(0, 20) as u32)
                        .min(MAX_BACKOFF_SECS);
                    diesel::sql_query(
                        "UPDATE media_deletions SET next_attempt_at = now() + $2 * interval '1 second', \
                         last_error = $3 WHERE file_id = $1",
                    )
                    .bind::<SqlUuid, _>(deletion.file_id)
                    .bind::<BigInt, _>(backoff)
                    .bind::<Text, _>(err.to_string().chars().take(500).collect::<String>())
                    .execute(&mut *conn)
                    .await?;
                }
            }
        }
        if (batch as i64) < BATCH || failed > 0 {
            return Ok((deleted, failed));
        }
    }
}
