//! Background upkeep: expired sync previews are deleted, and secrets sealed under an older
//! key id are re-sealed under the primary key (at start-up, then on every sweep).

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::Context;
use tessera_kit::api_error::ApiError;
use tessera_schema::intelligence::sync_previews;

use crate::env_vars;
use crate::state::Intel;

/// What one sweep did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Swept {
    pub previews: usize,
    pub resealed: usize,
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

/// One sweep.
pub async fn sweep(intel: &Intel) -> Result<Swept, ApiError> {
    let now = intel.clock.now();
    let mut conn = intel.db.conn().await?;
    let previews = diesel::delete(sync_previews::table.filter(sync_previews::expires_at.le(now)))
        .execute(&mut conn)
        .await?;
    drop(conn);
    let resealed = env_vars::rotate(intel).await?;
    Ok(Swept { previews, resealed })
}
