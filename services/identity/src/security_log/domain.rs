//! Recording security events, and listing a user's own.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use tessera_kit::DbError;
use tessera_kit::auth::UserCaller;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::ids::UserId;
use tessera_kit::paging::{Page, Query};

use super::store;
use crate::error::IdentityError;
use crate::ids::{SecurityEventId, SecurityEventKind};
use crate::state::Identity;

/// One entry of a user's security log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityEvent {
    /// Its id.
    pub id: SecurityEventId,
    /// What happened.
    pub kind: SecurityEventKind,
    /// The client address it came from, when known.
    pub client_address: Option<String>,
    /// Context that is never a secret (a provider, a device's description).
    pub detail: String,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
}

/// Appends an event to `user_id`'s log inside the caller's transaction. `detail` must never
/// hold a secret.
pub async fn record(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    kind: SecurityEventKind,
    address: Option<IpAddr>,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    let event = SecurityEvent {
        id: SecurityEventId::new(),
        kind,
        client_address: address.map(|a| a.to_string()),
        detail: detail.to_owned(),
        occurred_at: now,
    };
    store::insert(conn, user_id, &event).await
}

impl Identity {
    /// The caller's security events, newest first.
    pub async fn security_events(
        &self,
        caller: &UserCaller,
        page_size: i32,
        page_token: &str,
    ) -> Result<Page<SecurityEvent>, IdentityError> {
        let query = Query::new("identity.security_events").scoped(caller.user_id);
        let request = query.request(page_size, page_token)?;
        let (user_id, after, limit) = (caller.user_id, request.after, request.fetch_limit());
        let events = self
            .db
            .read("security_events", move |conn| {
                store::list(conn, user_id, after, limit).scope_boxed()
            })
            .await?;
        Ok(query.page(events, &request, |e| (e.occurred_at, e.id)))
    }
}
