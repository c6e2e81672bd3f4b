//! Backend objects whose rows are gone: queued in the transaction that removes the rows (with
//! a NOTIFY that wakes the drainer when it commits), then deleted and dequeued, with backoff
//! on failure; the sweep drains too, so the bytes go even if the service stops in between.
//! Deleting what is gone already succeeds.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::Context;
use tessera_schema::vault::object_deletions;
use uuid::Uuid;

use crate::error::StorageError;
use crate::ids::VolumeId;
use crate::state::Storage;
use crate::volumes;

/// Deletions handled per drain.
const BATCH: i64 = 500;
/// The NOTIFY channel that says deletions were queued.
const CHANNEL: &str = "vault_object_deletions";

/// Queues `paths` on `volume` for deletion; call in the transaction that drops their rows.
pub async fn queue(
    conn: &mut AsyncPgConnection,
    volume: VolumeId,
    paths: &[String],
) -> Result<(), StorageError> {
    if paths.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = paths
        .iter()
        .map(|path| {
            (
                object_deletions::id.eq(Uuid::now_v7()),
                object_deletions::volume_id.eq(volume),
                object_deletions::object_path.eq(path),
            )
        })
        .collect();
    diesel::insert_into(object_deletions::table)
        .values(rows)
        .execute(conn)
        .await?;
    diesel::sql_query(format!("NOTIFY {CHANNEL}"))
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes the queued objects due at `now`; returns how many went. A failure is retried
/// later (1 min doubling to 1 h), the rest of the batch carries on.
pub async fn drain(storage: &Storage, now: DateTime<Utc>) -> Result<usize, StorageError> {
    let mut conn = storage.db.conn().await?;
    let due: Vec<(Uuid, VolumeId, String, i32)> = object_deletions::table
        .filter(object_deletions::next_attempt_at.le(now))
        .select((
            object_deletions::id,
            object_deletions::volume_id,
            object_deletions::object_path,
            object_deletions::attempts,
        ))
        .order(object_deletions::next_attempt_at.asc())
        .limit(BATCH)
        .load(&mut *conn)
        .await?;
    let mut deleted = 0;
    let mut stores = std::collections::HashMap::new();
    for (id, volume_id, path, attempts) in due {
        if let std::collections::hash_map::Entry::Vacant(slot) = stores.entry(volume_id) {
            let Some(volume) = volumes::load(&mut conn, volume_id).await? else {
                continue; // the volume went, and its queue rows with it
            };
            slot.insert(volumes::store(&mut conn, storage.ring.as_ref(), &volume).await);
        }
        let outcome = match &stores[&volume_id] {
            Ok(store) => store.delete(&path).await.map_err(StorageError::from),
            Err(err) => Err(StorageError::Internal(err.to_string())),
        };
        match outcome {
            Ok(()) => {
                diesel::delete(object_deletions::table.find(id))
                    .execute(&mut *conn)
                    .await?;
                deleted += 1;
            }
            Err(err) => {
                tracing::warn!(error = %err, %volume_id, "a queued object deletion failed");
                let backoff = chrono::Duration::minutes(1 << attempts.clamp(0, 6));
                diesel::update(object_deletions::table.find(id))
                    .set((
                        object_deletions::attempts.eq(attempts.saturating_add(1)),
                        object_deletions::next_attempt_at.eq(now + backoff),
                    ))
                    .execute(&mut *conn)
                    .await?;
            }
        }
    }
    Ok(deleted)
}

/// Drains whenever a transaction that queued deletions commits, until shutdown.
pub fn start(ctx: &Context, storage: Storage) {
    let ctx = ctx.clone();
    let mut wakeup = ctx.notifier.subscribe(CHANNEL);
    tokio::spawn(async move {
        if !ctx.wait_until_ready().await {
            return;
        }
        loop {
            if let Err(err) = drain(&storage, Utc::now()).await {
                tracing::warn!(error = %err, "draining object deletions failed");
            }
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = wakeup.woken() => {}
            }
        }
    });
}
