//! Background upkeep: messages older than `TESSERA_CHAT_MESSAGE_RETENTION` are purged, in
//! batches, and rate-limit rows whose budget is full again are dropped.

use std::time::Duration;

use diesel::sql_types::{BigInt, Double};
use diesel_async::RunQueryDsl;
use tessera_kit::Context;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ratelimit;

use crate::error::ChatError;
use crate::state::Chat;

/// How often the sweep runs.
const INTERVAL: Duration = Duration::from_secs(60);
/// Messages deleted per statement.
const BATCH: i64 = 1000;

/// What one sweep removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub messages: usize,
    pub rate_limits: usize,
}

/// Starts the sweep loop once the schema is migrated; it ends with the service.
pub fn start(ctx: &Context, chat: Chat) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        if !ctx.wait_until_ready().await {
            return;
        }
        loop {
            match sweep(&chat).await {
                Ok(swept) if swept != Swept::default() => tracing::info!(?swept, "chat sweep"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the chat sweep failed"),
            }
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = tokio::time::sleep(INTERVAL) => {}
            }
        }
    });
}

/// One sweep.
pub async fn sweep(chat: &Chat) -> Result<Swept, ChatError> {
    let retention = chat.config.message_retention.as_secs_f64();
    let mut swept = Swept::default();
    loop {
        let deleted = chat
            .db
            .transaction("messaging.purge_messages", |conn| {
                async move {
                    Ok::<_, ChatError>(
                        diesel::sql_query(
                            "DELETE FROM messages WHERE id IN (SELECT id FROM messages \
                             WHERE created_at < now() - $1 * interval '1 second' LIMIT $2)",
                        )
                        .bind::<Double, _>(retention)
                        .bind::<BigInt, _>(BATCH)
                        .execute(conn)
                        .await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        swept.messages += deleted;
        if (deleted as i64) < BATCH {
            break;
        }
    }
    swept.rate_limits = chat
        .db
        .transaction("messaging.prune_rate_limits", |conn| {
            async move { Ok::<_, ChatError>(ratelimit::prune(conn).await?) }.scope_boxed()
        })
        .await?;
    Ok(swept)
}
