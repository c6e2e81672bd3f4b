//! Background upkeep: re-sealing API keys under the primary key at start-up, and sweeping
//! what is past its retention every hour.

use std::time::Duration;

use tessera_kit::Context;
use tessera_kit::DbError;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::events::outbox;

use crate::error::IdentityError;
use crate::state::Identity;
use crate::{anti_replay, device, events, security_log};

/// How often expired claims, security events, outbox events and device codes are cleaned up.
const SWEEP_INTERVAL: Duration = Duration::from_secs(3600);

/// Starts the upkeep loop once the schema is migrated; it ends with the service.
pub fn start(identity: Identity, ctx: &Context) {
    let ctx = ctx.clone();
    tokio::spawn(async move {
        // The schema must be migrated before anything here touches it.
        if !ctx.wait_until_ready().await {
            return;
        }
        match identity.rotate_api_keys().await {
            Ok(0) => {}
            Ok(n) => tracing::info!(rotated = n, "re-encrypted API keys under the primary key"),
            Err(err) => tracing::warn!(error = %err, "re-encrypting API keys failed"),
        }
        loop {
            tokio::select! {
                () = ctx.shutdown.cancelled() => return,
                () = tokio::time::sleep(SWEEP_INTERVAL) => {}
            }
            match identity.sweep().await {
                Ok(n) => tracing::debug!(deleted = n, "swept expired claims and security events"),
                Err(err) => tracing::warn!(error = %err, "sweeping expired rows failed"),
            }
        }
    });
}

impl Identity {
    /// Deletes anti-replay claims, security events and outbox events past their retention,
    /// and releases the user codes of expired device authorizations. Returns how many claims
    /// and security events went.
    pub async fn sweep(&self) -> Result<usize, IdentityError> {
        let now = self.clock.now();
        let claims_before = now - anti_replay::CLAIM_RETENTION;
        let retention = chrono::Duration::from_std(self.options.security_event_retention)
            .unwrap_or(chrono::Duration::days(90));
        let events_before = now - retention;
        Ok(self
            .db
            .transaction("sweep", |conn| {
                async move {
                    let claims = anti_replay::store::sweep(conn, claims_before).await?;
                    let logged = security_log::store::sweep(conn, events_before).await?;
                    outbox::prune(conn, now - events::EVENT_RETENTION).await?;
                    device::store::expire(conn, now).await?;
                    Ok::<_, DbError>(claims + logged)
                }
                .scope_boxed()
            })
            .await?)
    }
}
