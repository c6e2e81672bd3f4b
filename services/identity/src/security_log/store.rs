//! Queries on `identity.security_events`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::ids::UserId;
use tessera_schema::identity::security_events;

use super::domain::SecurityEvent;
use crate::ids::{SecurityEventId, SecurityEventKind};

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = security_events, check_for_backend(diesel::pg::Pg))]
struct SecurityEventRow {
    id: SecurityEventId,
    user_id: UserId,
    kind: SecurityEventKind,
    client_address: Option<String>,
    detail: String,
    occurred_at: DateTime<Utc>,
}

impl From<SecurityEventRow> for SecurityEvent {
    fn from(row: SecurityEventRow) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            client_address: row.client_address,
            detail: row.detail,
            occurred_at: row.occurred_at,
        }
    }
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    event: &SecurityEvent,
) -> Result<(), DbError> {
    let row = SecurityEventRow {
        id: event.id,
        user_id,
        kind: event.kind,
        client_address: event.client_address.clone(),
        detail: event.detail.clone(),
        occurred_at: event.occurred_at,
    };
    diesel::insert_into(security_events::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

/// A page of a user's events, newest first, after the keyset position `after`.
pub async fn list(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    after: Option<(DateTime<Utc>, SecurityEventId)>,
    limit: i64,
) -> Result<Vec<SecurityEvent>, DbError> {
    let mut query = security_events::table
        .filter(security_events::user_id.eq(user_id))
        .order((
            security_events::occurred_at.desc(),
            security_events::id.desc(),
        ))
        .select(SecurityEventRow::as_select())
        .limit(limit)
        .into_boxed();
    if let Some((at, id)) = after {
        query = query.filter(
            security_events::occurred_at
                .lt(at)
                .or(security_events::occurred_at
                    .eq(at)
                    .and(security_events::id.lt(id))),
        );
    }
    let rows = query.load(conn).await?;
    Ok(rows.into_iter().map(SecurityEvent::from).collect())
}

/// Deletes events that happened before `before`.
pub async fn sweep(conn: &mut AsyncPgConnection, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(security_events::table.filter(security_events::occurred_at.lt(before)))
            .execute(conn)
            .await?,
    )
}
