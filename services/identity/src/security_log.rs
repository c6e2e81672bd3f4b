//! The per-user security log: what happened to an account, for its owner to review.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use tessera_kit::db::ScopedFutureExt;
use uuid::Uuid;

use crate::error::IdentityError;
use crate::service::{Identity, Principal, decode_cursor, encode_cursor};
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
        let limit = match page_size {
            0 => 50,
            n if n < 0 => return Err(IdentityError::invalid("page_size", "must not be negative")),
            n => n.min(1000),
        };
        let after = if page_token.is_empty() {
            None
        } else {
            Some(decode_cursor(page_token).ok_or_else(|| {
                IdentityError::invalid("page_token", "is not a token this service issued")
            })?)
        };
        let user_id = principal.user_id;
        let mut events = self
            .db
            .transaction("security_events", |conn| {
                async move {
                    store::security_events_of(conn, user_id, after, i64::from(limit) + 1).await
                }
                .scope_boxed()
            })
            .await?;
        let next_page_token = if events.len() > limit as usize {
            events.truncate(limit as usize);
            events
                .last()
                .map(|e| encode_cursor(e.occurred_at, e.id))
                .unwrap_or_default()
        } else {
            String::new()
        };
        Ok(EventPage {
            events,
            next_page_token,
        })
    }
}
