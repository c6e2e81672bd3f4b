//! The per-user security log: what happened to an account, for its owner to review.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use crate::error::IdentityError;
use crate::service::{Identity, Principal, page_request, page_result};
use crate::store::{self, SecurityEventRow};

/// Appends an event inside the caller's transaction. `detail` must never hold a secret.
pub async fn record(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    kind: &str,
    address: Option<IpAddr>,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), tessera_kit::DbError> {
    let row = SecurityEventRow {
        id: Uuid::now_v7(),
        user_id,
        kind: kind.to_owned(),
        client_address: address.map(|a| a.to_string()),
        detail: detail.to_owned(),
        occurred_at: now,
    };
    store::insert_security_event(conn, &row).await
}

/// A page of security events.
#[derive(Debug)]
pub struct EventPage {
    /// Newest first.
    pub events: Vec<SecurityEventRow>,
    /// Empty on the last page.
    pub next_page_token: String,
}

impl Identity {
    /// The caller's security events, newest first.
    pub async fn security_events(
        &self,
        principal: &Principal,
        page_size: i32,
        page_token: &str,
    ) -> Result<EventPage, IdentityError> {
        let (limit, after) = page_request(page_size, page_token)?;
        let user_id = principal.user_id;
        let events = self
            .db
            .transaction("security_events", |conn| {
                async move { store::security_events_of(conn, user_id, after, limit + 1).await }
                    .scope_boxed()
            })
            .await?;
        let (events, next_page_token) = page_result(events, limit, |e| (e.occurred_at, e.id));
        Ok(EventPage {
            events,
            next_page_token,
        })
    }
}
