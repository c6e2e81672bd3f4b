//! Queries on `identity.user_api_keys`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::ids::UserId;
use tessera_schema::identity::user_api_keys;

use super::domain::ApiKey;
use crate::ids::ApiKeyId;

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = user_api_keys, check_for_backend(diesel::pg::Pg))]
struct ApiKeyRow {
    id: ApiKeyId,
    user_id: UserId,
    provider: String,
    key_name: String,
    key_value: String,
    key_hint: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

impl From<ApiKeyRow> for ApiKey {
    fn from(row: ApiKeyRow) -> Self {
        Self {
            id: row.id,
            user_id: row.user_id,
            provider: row.provider,
            key_name: row.key_name,
            sealed_value: row.key_value,
            hint: row.key_hint,
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }
}

/// Inserts or replaces the user's key for the key's provider.
pub async fn upsert(conn: &mut AsyncPgConnection, key: &ApiKey) -> Result<ApiKey, DbError> {
    let row = ApiKeyRow {
        id: key.id,
        user_id: key.user_id,
        provider: key.provider.clone(),
        key_name: key.key_name.clone(),
        key_value: key.sealed_value.clone(),
        key_hint: key.hint.clone(),
        created_at: key.created_at,
        updated_at: key.updated_at,
    };
    Ok(diesel::insert_into(user_api_keys::table)
        .values(&row)
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
        .await?
        .into())
}

pub async fn of_user(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
) -> Result<Vec<ApiKey>, DbError> {
    let rows: Vec<ApiKeyRow> = user_api_keys::table
        .filter(user_api_keys::user_id.eq(user_id))
        .order(user_api_keys::provider.asc())
        .select(ApiKeyRow::as_select())
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(ApiKey::from).collect())
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    provider: &str,
) -> Result<Option<ApiKey>, DbError> {
    Ok(user_api_keys::table
        .filter(user_api_keys::user_id.eq(user_id))
        .filter(user_api_keys::provider.eq(provider))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .await
        .optional()?
        .map(ApiKey::from))
}

pub async fn delete(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    provider: &str,
) -> Result<bool, DbError> {
    Ok(diesel::delete(
        user_api_keys::table
            .filter(user_api_keys::user_id.eq(user_id))
            .filter(user_api_keys::provider.eq(provider)),
    )
    .execute(conn)
    .await?
        == 1)
}

/// Keys whose sealed value does not match `primary_pattern`, a batch at a time, locked and
/// skipped by other replicas doing the same.
pub async fn not_matching(
    conn: &mut AsyncPgConnection,
    primary_pattern: &str,
    limit: i64,
) -> Result<Vec<ApiKey>, DbError> {
    let rows: Vec<ApiKeyRow> = user_api_keys::table
        .filter(user_api_keys::key_value.not_like(primary_pattern))
        .select(ApiKeyRow::as_select())
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(ApiKey::from).collect())
}

pub async fn reseal(
    conn: &mut AsyncPgConnection,
    id: ApiKeyId,
    sealed: &str,
) -> Result<(), DbError> {
    diesel::update(user_api_keys::table.find(id))
        .set(user_api_keys::key_value.eq(sealed))
        .execute(conn)
        .await?;
    Ok(())
}
