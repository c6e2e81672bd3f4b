//! Background upkeep: expired sync previews are deleted, secrets sealed under an older key id
//! are re-sealed under the primary key (at start-up, then on every sweep), and manifests a
//! deleted project left unused are deleted from vault-storage. Runs whose lease expired are
//! requeued on their own, shorter interval.

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::Context;
use tessera_kit::api_error::ApiError;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_schema::intelligence::{manifest_releases, manifests, projects, sync_previews};
use uuid::Uuid;

use crate::actions::queue;
use crate::blobs::Digest;
use crate::env_vars;
use crate::state::Intel;

/// What one sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub previews: usize,
    pub resealed: usize,
    pub released: usize,
}

/// Starts the sweep loop; it ends with the service.
pub fn start(ctx: &Context, intel: Intel) {
    let interval = intel.config.sweep_interval;
    ctx.every(interval, move || {
        let intel = intel.clone();
        async move {
            match sweep(&intel).await {
                Ok(swept) if swept != Swept::default() => {
                    tracing::info!(?swept, "intelligence sweep");
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "the intelligence sweep failed"),
            }
        }
    });
}

/// Starts the loop that requeues (or fails) runs whose lease expired.
pub fn start_leases(ctx: &Context, intel: Intel) {
    ctx.every(intel.config.lease_sweep_interval, move || {
        let intel = intel.clone();
        async move {
            match sweep_leases(&intel).await {
                Ok(0) => {}
                Ok(requeued) => {
                    tracing::info!(requeued, "runs with expired leases requeued or failed")
                }
                Err(err) => tracing::warn!(error = %err, "the run lease sweep failed"),
            }
        }
    });
}

/// Requeues (or fails) every run whose lease expired, a batch per transaction.
pub async fn sweep_leases(intel: &Intel) -> Result<usize, ApiError> {
    let mut total = 0;
    loop {
        let now = intel.clock.now();
        let swept = intel
            .db
            .transaction("intelligence.sweep_leases", |conn| {
                async move { Ok::<_, ApiError>(queue::sweep_expired(conn, now).await?) }
                    .scope_boxed()
            })
            .await?;
        total += swept;
        if swept == 0 {
            return Ok(total);
        }
    }
}

/// One sweep.
pub async fn sweep(intel: &Intel) -> Result<Swept, ApiError> {
    let now = intel.clock.now();
    let mut conn = intel.db.conn().await?;
    let previews = diesel::delete(sync_previews::table.filter(sync_previews::expires_at.le(now)))
        .execute(&mut conn)
        .await?;
    drop(conn);
    let resealed = env_vars::rotate(intel).await? + crate::infra::rotate::rotate(intel).await?;
    let released = release_manifests(intel).await?;
    Ok(Swept {
        previews,
        resealed,
        released,
    })
}

/// Deletes queued manifests from vault-storage (unless a push made one of them used again);
/// a release vault-storage does not confirm stays queued for the next sweep.
async fn release_manifests(intel: &Intel) -> Result<usize, ApiError> {
    let queued: Vec<(Uuid, Vec<u8>, i64)> = {
        let mut conn = intel.db.conn().await?;
        manifest_releases::table
            .select((
                manifest_releases::owner_user_id,
                manifest_releases::sha256,
                manifest_releases::byte_size,
            ))
            .order(manifest_releases::queued_at)
            .limit(100)
            .load(&mut conn)
            .await?
    };
    let mut released = 0;
    for (owner, sha, size) in queued {
        let mut conn = intel.db.conn().await?;
        let in_use: i64 = manifests::table
            .inner_join(projects::table)
            .filter(projects::owner_user_id.eq(owner))
            .filter(manifests::sha256.eq(&sha))
            .count()
            .get_result(&mut conn)
            .await?;
        if in_use == 0 {
            let digest = Digest {
                sha256: sha.as_slice().try_into().map_err(|_| {
                    ApiError::Internal("a queued manifest hash is not 32 bytes".into())
                })?,
                size,
            };
            if let Err(err) = intel.blobs.delete(UserId::from_uuid(owner), digest).await {
                tracing::warn!(error = %err, "releasing a manifest in vault-storage failed; retrying later");
                continue;
            }
            released += 1;
        }
        diesel::delete(manifest_releases::table.find((owner, sha)))
            .execute(&mut conn)
            .await?;
    }
    Ok(released)
}
