//! Re-sealing provider tokens and connection details under the key ring's primary key after a
//! rotation (each batch in its own transaction, rows other replicas hold skipped).

use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::api_error::ApiError;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::keyring;
use tessera_schema::intelligence::{
    infrastructure_resources as resources, provider_credentials as creds,
};
use uuid::Uuid;

use super::{connection_context, token_context};
use crate::state::Intel;

/// Rows re-sealed per transaction.
const BATCH: i64 = 200;

/// Re-seals tokens and connection details stored under an older key id; returns how many.
pub async fn rotate(intel: &Intel) -> Result<usize, ApiError> {
    let Some(ring) = intel.key_ring.as_ref() else {
        return Ok(0);
    };
    let pattern = ring.primary_pattern();
    let tokens = keyring::rotate(&intel.db, "intelligence.rotate_provider_tokens", |conn| {
        let pattern = &pattern;
        async move {
            let stale: Vec<(Uuid, Uuid, String, String)> = creds::table
                .filter(creds::api_token.not_like(pattern))
                .select((creds::id, creds::user_id, creds::provider, creds::api_token))
                .limit(BATCH)
                .for_update()
                .skip_locked()
                .load(conn)
                .await?;
            for (id, user, provider, sealed) in &stale {
                if let Some(resealed) = ring
                    .reseal(sealed, &token_context(*user, provider))
                    .map_err(ApiError::Internal)?
                {
                    diesel::update(creds::table.find(id))
                        .set(creds::api_token.eq(resealed))
                        .execute(conn)
                        .await?;
                }
            }
            Ok::<_, ApiError>(stale.len())
        }
        .scope_boxed()
    })
    .await?;
    let details = keyring::rotate(&intel.db, "intelligence.rotate_connection_info", |conn| {
        let pattern = &pattern;
        async move {
            let stale: Vec<(Uuid, Option<String>)> = resources::table
                .filter(resources::connection_info.not_like(pattern))
                .select((resources::id, resources::connection_info))
                .limit(BATCH)
                .for_update()
                .skip_locked()
                .load(conn)
                .await?;
            for (id, sealed) in &stale {
                let Some(sealed) = sealed else { continue };
                if let Some(resealed) = ring
                    .reseal(sealed, &connection_context(*id))
                    .map_err(ApiError::Internal)?
                {
                    diesel::update(resources::table.find(id))
                        .set(resources::connection_info.eq(resealed))
                        .execute(conn)
                        .await?;
                }
            }
            Ok::<_, ApiError>(stale.len())
        }
        .scope_boxed()
    })
    .await?;
    Ok(tokens + details)
}
