//! The durable outbox: events written in the same transaction as the change they announce,
//! read back in order by the service's event stream.
//!
//! Every service that publishes events has an `outbox` table of the same shape in its own
//! schema (see its migrations), and every service that follows another's stream has a
//! `consumer_cursors` table. They are declared here without a schema: the pool's
//! `search_path` is the service's own schema, so each service reaches its own.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::DbError;

diesel::table! {
    /// Events waiting to be read by other services, in commit order.
    outbox (seq) {
        seq -> Int8,
        kind -> Text,
        payload -> Bytea,
        occurred_at -> Timestamptz,
    }
}

diesel::table! {
    /// How far this service has handled each stream it follows.
    consumer_cursors (consumer) {
        consumer -> Text,
        cursor -> Int8,
        updated_at -> Timestamptz,
    }
}

/// The LISTEN/NOTIFY channel on which a schema's outbox announces new events.
pub fn channel(schema: &str) -> String {
    format!("{schema}_outbox")
}

/// One stored event.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = outbox, check_for_backend(diesel::pg::Pg))]
pub struct OutboxEvent {
    /// Position in the stream; strictly increasing in commit order.
    pub seq: i64,
    /// What happened (the table's CHECK lists the kinds).
    pub kind: String,
    /// The event's protobuf encoding, without its cursor.
    pub payload: Vec<u8>,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
}

/// An event to append.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// What happened.
    pub kind: &'a str,
    /// The event's protobuf encoding.
    pub payload: Vec<u8>,
}

/// Appends `events` inside the caller's transaction and announces them on commit.
///
/// Writers take a transaction-scoped lock first, so events commit in `seq` order: a reader
/// that has seen `seq` N never later finds a smaller one committed behind it.
pub async fn append(
    conn: &mut AsyncPgConnection,
    events: &[NewEvent<'_>],
    at: DateTime<Utc>,
) -> Result<(), DbError> {
    if events.is_empty() {
        return Ok(());
    }
    diesel::sql_query(
        "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outbox')), \
                pg_notify(current_schema() || '_outbox', '')",
    )
    .execute(conn)
    .await?;
    let rows: Vec<_> = events
        .iter()
        .map(|event| {
            (
                outbox::kind.eq(event.kind),
                outbox::payload.eq(&event.payload),
                outbox::occurred_at.eq(at),
            )
        })
        .collect();
    diesel::insert_into(outbox::table)
        .values(rows)
        .execute(conn)
        .await?;
    Ok(())
}

/// Up to `limit` events after `cursor`, oldest first.
pub async fn read_after(
    conn: &mut AsyncPgConnection,
    cursor: i64,
    limit: i64,
) -> Result<Vec<OutboxEvent>, DbError> {
    Ok(outbox::table
        .filter(outbox::seq.gt(cursor))
        .order(outbox::seq.asc())
        .limit(limit)
        .select(OutboxEvent::as_select())
        .load(conn)
        .await?)
}

/// The newest event's cursor (0 when there is none).
pub async fn last_cursor(conn: &mut AsyncPgConnection) -> Result<i64, DbError> {
    Ok(outbox::table
        .select(diesel::dsl::max(outbox::seq))
        .first::<Option<i64>>(conn)
        .await?
        .unwrap_or(0))
}

/// Deletes events that happened before `before` (consumers away longer must resynchronise).
pub async fn prune(conn: &mut AsyncPgConnection, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(outbox::table.filter(outbox::occurred_at.lt(before)))
            .execute(conn)
            .await?,
    )
}

/// The stored cursor of `consumer` (0: nothing handled yet).
pub async fn consumer_cursor(conn: &mut AsyncPgConnection, consumer: &str) -> Result<i64, DbError> {
    Ok(consumer_cursors::table
        .find(consumer)
        .select(consumer_cursors::cursor)
        .first(conn)
        .await
        .optional()?
        .unwrap_or(0))
}

/// Moves `consumer`'s cursor forward to `cursor` (never back).
pub async fn advance_consumer(
    conn: &mut AsyncPgConnection,
    consumer: &str,
    cursor: i64,
) -> Result<(), DbError> {
    diesel::insert_into(consumer_cursors::table)
        .values((
            consumer_cursors::consumer.eq(consumer),
            consumer_cursors::cursor.eq(cursor),
            consumer_cursors::updated_at.eq(diesel::dsl::now),
        ))
        .on_conflict(consumer_cursors::consumer)
        .do_update()
        .set((
            consumer_cursors::cursor.eq(diesel::dsl::sql::<diesel::sql_types::Int8>(
                "GREATEST(consumer_cursors.cursor, excluded.cursor)",
            )),
            consumer_cursors::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
