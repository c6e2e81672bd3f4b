//! Queries on the `identity` schema. The only module that speaks Diesel.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::Value;
use tessera_kit::DbError;
use tessera_schema::identity::{
    auth_codes, device_codes, events, security_events, sessions, throttles, used_tokens,
    user_api_keys, users,
};
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

/// An `auth_codes` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = auth_codes, check_for_backend(diesel::pg::Pg))]
pub struct AuthCodeRow {
    pub id: Uuid,
    pub email: String,
    pub code_hash: Vec<u8>,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
}

/// Creation times of the codes sent to `email` since `since`, oldest first.
pub async fn codes_sent_since(
    conn: &mut AsyncPgConnection,
    email: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::created_at.gt(since))
        .order(auth_codes::created_at.asc())
        .select(auth_codes::created_at)
        .load(conn)
        .await?)
}

pub async fn insert_code(conn: &mut AsyncPgConnection, code: &AuthCodeRow) -> Result<()> {
    diesel::insert_into(auth_codes::table)
        .values(code)
        .execute(conn)
        .await?;
    Ok(())
}

/// The codes of `email` still usable now, locked for update.
pub async fn live_codes(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
    max_attempts: i32,
) -> Result<Vec<AuthCodeRow>> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::used_at.is_null())
        .filter(auth_codes::expires_at.gt(now))
        .filter(auth_codes::attempts.lt(max_attempts))
        .select(AuthCodeRow::as_select())
        .for_update()
        .load(conn)
        .await?)
}

pub async fn count_wrong_attempt(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<()> {
    diesel::update(auth_codes::table.filter(auth_codes::id.eq_any(ids)))
        .set(auth_codes::attempts.eq(auth_codes::attempts + 1))
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks a code used; `false` if it was used already.
pub async fn use_code(conn: &mut AsyncPgConnection, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
    Ok(diesel::update(
        auth_codes::table
            .find(id)
            .filter(auth_codes::used_at.is_null()),
    )
    .set(auth_codes::used_at.eq(now))
    .execute(conn)
    .await?
        == 1)
}

/// A `device_codes` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = device_codes, check_for_backend(diesel::pg::Pg))]
pub struct DeviceCodeRow {
    pub id: Uuid,
    pub device_code_hash: Vec<u8>,
    pub user_code: String,
    pub user_id: Option<Uuid>,
    pub status: String,
    pub client_description: String,
    pub interval_seconds: i32,
    pub last_polled_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

/// Inserts a device authorization; `false` when its user code is already pending.
pub async fn insert_device_code(conn: &mut AsyncPgConnection, row: &DeviceCodeRow) -> Result<bool> {
    let inserted = diesel::insert_into(device_codes::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}

/// Expired pending codes release their user code for reuse.
pub async fn expire_device_codes(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<()> {
    diesel::update(
        device_codes::table
            .filter(device_codes::status.eq("pending"))
            .filter(device_codes::expires_at.le(now)),
    )
    .set(device_codes::status.eq("denied"))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn device_by_hash(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> Result<Option<DeviceCodeRow>> {
    Ok(device_codes::table
        .filter(device_codes::device_code_hash.eq(hash))
        .select(DeviceCodeRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

pub async fn pending_device_by_user_code(
    conn: &mut AsyncPgConnection,
    user_code: &str,
    now: DateTime<Utc>,
) -> Result<Option<DeviceCodeRow>> {
    Ok(device_codes::table
        .filter(device_codes::user_code.eq(user_code))
        .filter(device_codes::status.eq("pending"))
        .filter(device_codes::expires_at.gt(now))
        .select(DeviceCodeRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

pub async fn update_device(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: &str,
    user_id: Option<Uuid>,
    interval_seconds: i32,
    last_polled_at: Option<DateTime<Utc>>,
) -> Result<()> {
    diesel::update(device_codes::table.find(id))
        .set((
            device_codes::status.eq(status),
            device_codes::user_id.eq(user_id),
            device_codes::interval_seconds.eq(interval_seconds),
            device_codes::last_polled_at.eq(last_polled_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A `user_api_keys` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = user_api_keys, check_for_backend(diesel::pg::Pg))]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub provider: String,
    pub key_name: String,
    pub key_value: String,
    pub key_hint: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Inserts or replaces the user's key for the row's provider.
pub async fn upsert_api_key(conn: &mut AsyncPgConnection, row: &ApiKeyRow) -> Result<ApiKeyRow> {
    Ok(diesel::insert_into(user_api_keys::table)
        .values(row)
        .on_conflict((user_api_keys::user_id, user_api_keys::provider))
        .do_update()
        .set((
            user_api_keys::key_name.eq(&row.key_name),
            user_api_keys::key_value.eq(&row.key_value),
            user_api_keys::key_hint.eq(&row.key_hint),
            user_api_keys::updated_at.eq(row.updated_at),
        ))
        .returning(ApiKeyRow::as_returning())
        .get_result(conn)
        .await?)
}

pub async fn api_keys_of(conn: &mut AsyncPgConnection, user_id: Uuid) -> Result<Vec<ApiKeyRow>> {
    Ok(user_api_keys::table
        .filter(user_api_keys::user_id.eq(user_id))
        .order(user_api_keys::provider.asc())
        .select(ApiKeyRow::as_select())
        .load(conn)
        .await?)
}

pub async fn api_key(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    provider: &str,
) -> Result<Option<ApiKeyRow>> {
    Ok(user_api_keys::table
        .filter(user_api_keys::user_id.eq(user_id))
        .filter(user_api_keys::provider.eq(provider))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn delete_api_key(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    provider: &str,
) -> Result<bool> {
    Ok(diesel::delete(
        user_api_keys::table
            .filter(user_api_keys::user_id.eq(user_id))
            .filter(user_api_keys::provider.eq(provider)),
    )
    .execute(conn)
    .await?
        == 1)
}

/// Keys sealed under a key id other than `primary`, a batch at a time.
pub async fn api_keys_not_under(
    conn: &mut AsyncPgConnection,
    primary: &str,
    limit: i64,
) -> Result<Vec<ApiKeyRow>> {
    Ok(user_api_keys::table
        .filter(user_api_keys::key_value.not_like(format!("enc:v1:{primary}:%")))
        .select(ApiKeyRow::as_select())
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?)
}

pub async fn reseal_api_key(conn: &mut AsyncPgConnection, id: Uuid, key_value: &str) -> Result<()> {
    diesel::update(user_api_keys::table.find(id))
        .set(user_api_keys::key_value.eq(key_value))
        .execute(conn)
        .await?;
    Ok(())
}

/// A `security_events` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = security_events, check_for_backend(diesel::pg::Pg))]
pub struct SecurityEventRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub kind: String,
    pub client_address: Option<String>,
    pub detail: String,
    pub occurred_at: DateTime<Utc>,
}

pub async fn insert_security_event(
    conn: &mut AsyncPgConnection,
    row: &SecurityEventRow,
) -> Result<()> {
    diesel::insert_into(security_events::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn security_events_of(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> Result<Vec<SecurityEventRow>> {
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
    Ok(query.load(conn).await?)
}

pub async fn sweep_security_events(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
) -> Result<usize> {
    Ok(
        diesel::delete(security_events::table.filter(security_events::occurred_at.lt(before)))
            .execute(conn)
            .await?,
    )
}

/// Deletes outbox events older than `before` (consumers offline longer must resync).
pub async fn sweep_events(conn: &mut AsyncPgConnection, before: DateTime<Utc>) -> Result<usize> {
    Ok(
        diesel::delete(events::table.filter(events::occurred_at.lt(before)))
            .execute(conn)
            .await?,
    )
}
