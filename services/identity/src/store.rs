//! Queries on the `identity` schema. The only module that speaks Diesel.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use tessera_kit::DbError;
use tessera_schema::identity::{events, sessions, throttles, used_tokens, users};
use uuid::Uuid;

type Result<T> = std::result::Result<T, DbError>;

/// A `users` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct UserRow {
    pub id: Uuid,
    pub email: Option<String>,
    pub username: Option<String>,
    pub display_name: String,
    pub picture_url: String,
    pub password_hash: Option<String>,
    pub kdf_params: Option<Value>,
    pub public_key: Option<Value>,
    pub subscription_tier: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new `users` row.
#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser {
    pub id: Uuid,
    pub email: Option<String>,
    pub username: Option<String>,
    pub display_name: String,
    pub picture_url: String,
    pub password_hash: Option<String>,
    pub kdf_params: Option<Value>,
    pub public_key: Option<Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Changes to a user; `None` leaves a column as it is.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub email: Option<Option<String>>,
    pub username: Option<Option<String>>,
    pub display_name: Option<String>,
    pub picture_url: Option<String>,
    pub public_key: Option<Option<Value>>,
    pub password_hash: Option<Option<String>>,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A `sessions` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions, check_for_backend(diesel::pg::Pg))]
pub struct SessionRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub token_hash: Vec<u8>,
    pub client_description: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A `throttles` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = throttles, check_for_backend(diesel::pg::Pg), treat_none_as_null = true)]
pub struct ThrottleRow {
    pub subject: String,
    pub failures: i32,
    pub lockouts: i32,
    pub locked_until: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

pub async fn insert_user(conn: &mut AsyncPgConnection, user: &NewUser) -> Result<UserRow> {
    Ok(diesel::insert_into(users::table)
        .values(user)
        .returning(UserRow::as_returning())
        .get_result(conn)
        .await?)
}

pub async fn user_by_id(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<UserRow>> {
    Ok(users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn user_by_email(conn: &mut AsyncPgConnection, email: &str) -> Result<Option<UserRow>> {
    Ok(users::table
        .filter(users::email.eq(email))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>);

pub async fn user_by_username(
    conn: &mut AsyncPgConnection,
    username: &str,
) -> Result<Option<UserRow>> {
    // Matches the case-insensitive unique index users_username_key.
    Ok(users::table
        .filter(lower(users::username).eq(username.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn update_user(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    changes: &UserChanges,
) -> Result<Option<UserRow>> {
    Ok(diesel::update(users::table.find(id))
        .set(changes)
        .returning(UserRow::as_returning())
        .get_result(conn)
        .await
        .optional()?)
}

pub async fn delete_user(conn: &mut AsyncPgConnection, id: Uuid) -> Result<bool> {
    Ok(diesel::delete(users::table.find(id)).execute(conn).await? == 1)
}

pub async fn insert_session(conn: &mut AsyncPgConnection, session: &SessionRow) -> Result<()> {
    diesel::insert_into(sessions::table)
        .values(session)
        .execute(conn)
        .await?;
    Ok(())
}

/// The live session with this token hash, with its user.
pub async fn live_session(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<(SessionRow, UserRow)>> {
    Ok(sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select((SessionRow::as_select(), UserRow::as_select()))
        .first(conn)
        .await
        .optional()?)
}

pub async fn touch_session(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    diesel::update(sessions::table.find(id))
        .set(sessions::last_used_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// A page of a user's live sessions, newest first, after the keyset cursor `after`.
pub async fn list_sessions(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    now: DateTime<Utc>,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<SessionRow>> {
    let mut query = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .order((sessions::created_at.desc(), sessions::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some((created_at, id)) = after {
        query = query.filter(
            sessions::created_at
                .lt(created_at)
                .or(sessions::created_at.eq(created_at).and(sessions::id.lt(id))),
        );
    }
    Ok(query.load(conn).await?)
}

/// Revokes the user's live sessions matching `only` (one id) and not `keep`; returns their ids.
pub async fn revoke_sessions(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    only: Option<Uuid>,
    keep: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<Vec<Uuid>> {
    let mut query = diesel::update(sessions::table)
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(sessions::id.eq(id));
    }
    if let Some(id) = keep {
        query = query.filter(sessions::id.ne(id));
    }
    Ok(query
        .set(sessions::revoked_at.eq(now))
        .returning(sessions::id)
        .get_results(conn)
        .await?)
}

/// An outbox row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = events, check_for_backend(diesel::pg::Pg))]
pub struct EventRow {
    pub seq: i64,
    pub kind: String,
    pub user_id: Uuid,
    pub session_id: Option<Uuid>,
    pub occurred_at: DateTime<Utc>,
}

/// Appends lifecycle events to the outbox. Writers take a transaction-scoped lock first, so
/// events commit in `seq` order and a reader that has seen `seq` N never later finds a
/// smaller one committed behind it.
pub async fn record_events(
    conn: &mut AsyncPgConnection,
    kind: &str,
    user_id: Uuid,
    session_ids: &[Option<Uuid>],
    now: DateTime<Utc>,
) -> Result<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('identity.events'))")
        .execute(conn)
        .await?;
    let rows: Vec<_> = session_ids
        .iter()
        .map(|session_id| {
            (
                events::kind.eq(kind),
                events::user_id.eq(user_id),
                events::session_id.eq(*session_id),
                events::occurred_at.eq(now),
            )
        })
        .collect();
    diesel::insert_into(events::table)
        .values(rows)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records a one-time token; `false` if it was claimed before.
pub async fn claim_token(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let inserted = diesel::insert_into(used_tokens::table)
        .values((used_tokens::token.eq(token), used_tokens::used_at.eq(now)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}

/// Deletes claims recorded before `before`.
pub async fn sweep_used_tokens(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
) -> Result<usize> {
    Ok(
        diesel::delete(used_tokens::table.filter(used_tokens::used_at.lt(before)))
            .execute(conn)
            .await?,
    )
}

/// The throttle row of `subject`, locked for update (created if missing).
pub async fn lock_throttle(
    conn: &mut AsyncPgConnection,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<ThrottleRow> {
    diesel::insert_into(throttles::table)
        .values((
            throttles::subject.eq(subject),
            throttles::updated_at.eq(now),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(throttles::table
        .find(subject)
        .select(ThrottleRow::as_select())
        .for_update()
        .first(conn)
        .await?)
}

/// Reads a throttle row without locking.
pub async fn throttle(conn: &mut AsyncPgConnection, subject: &str) -> Result<Option<ThrottleRow>> {
    Ok(throttles::table
        .find(subject)
        .select(ThrottleRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn save_throttle(conn: &mut AsyncPgConnection, row: &ThrottleRow) -> Result<()> {
    diesel::update(throttles::table.find(&row.subject))
        .set(row)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn clear_throttle(conn: &mut AsyncPgConnection, subject: &str) -> Result<()> {
    diesel::delete(throttles::table.find(subject))
        .execute(conn)
        .await?;
    Ok(())
}

/// Events after `cursor`, oldest first.
pub async fn events_after(
    conn: &mut AsyncPgConnection,
    cursor: i64,
    limit: i64,
) -> Result<Vec<EventRow>> {
    Ok(events::table
        .filter(events::seq.gt(cursor))
        .order(events::seq.asc())
        .limit(limit)
        .select(EventRow::as_select())
        .load(conn)
        .await?)
}

/// The newest event's cursor (0 when there is none).
pub async fn last_event_cursor(conn: &mut AsyncPgConnection) -> Result<i64> {
    Ok(events::table
        .select(diesel::dsl::max(events::seq))
        .first::<Option<i64>>(conn)
        .await?
        .unwrap_or(0))
}
