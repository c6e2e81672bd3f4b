//! Claiming one-time tokens.

use chrono::{DateTime, Duration, Utc};
use tessera_kit::db::ScopedFutureExt;

use super::store;
use crate::error::IdentityError;
use crate::state::Identity;

/// How long an anti-replay claim is kept.
pub const CLAIM_RETENTION: Duration = Duration::hours(24);

impl Identity {
    /// Claims a one-time token; `AlreadyExists` when claimed before. Exactly one of any number
    /// of concurrent claims succeeds (the primary key decides).
    pub async fn claim_token(&self, token: &str) -> Result<DateTime<Utc>, IdentityError> {
        let now = self.clock.now();
        let claimed = self
            .db
            .transaction("claim_token", |conn| {
                store::claim(conn, token, now).scope_boxed()
            })
            .await?;
        if claimed {
            Ok(now)
        } else {
            Err(IdentityError::AlreadyExists {
                field: "token",
                message: "the token was already used",
            })
        }
    }
}
