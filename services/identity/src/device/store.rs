//! Queries on `identity.device_codes`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::ids::UserId;
use tessera_schema::identity::device_codes;

use super::domain::DeviceAuthorization;
use crate::ids::{DeviceAuthorizationId, DeviceStatus};

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = device_codes, check_for_backend(diesel::pg::Pg))]
struct DeviceCodeRow {
    id: DeviceAuthorizationId,
    device_code_hash: Vec<u8>,
    user_code: String,
    user_id: Option<UserId>,
    status: DeviceStatus,
    client_description: String,
    interval_seconds: i32,
    last_polled_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

impl From<DeviceCodeRow> for DeviceAuthorization {
    fn from(row: DeviceCodeRow) -> Self {
        Self {
            id: row.id,
            user_code: row.user_code,
            user_id: row.user_id,
            status: row.status,
            client_description: row.client_description,
            interval_seconds: row.interval_seconds,
            last_polled_at: row.last_polled_at,
            created_at: row.created_at,
            expires_at: row.expires_at,
        }
    }
}

/// Stores an authorization under the hash of its device code; `false` when its user code is
/// already pending.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    authorization: &DeviceAuthorization,
    device_code_hash: &[u8; 32],
) -> Result<bool, DbError> {
    let row = DeviceCodeRow {
        id: authorization.id,
        device_code_hash: device_code_hash.to_vec(),
        user_code: authorization.user_code.clone(),
        user_id: authorization.user_id,
        status: authorization.status,
        client_description: authorization.client_description.clone(),
        interval_seconds: authorization.interval_seconds,
        last_polled_at: authorization.last_polled_at,
        created_at: authorization.created_at,
        expires_at: authorization.expires_at,
    };
    let inserted = diesel::insert_into(device_codes::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}

/// Expired pending authorizations release their user code for reuse.
pub async fn expire(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<(), DbError> {
    diesel::update(
        device_codes::table
            .filter(device_codes::status.eq(DeviceStatus::Pending))
            .filter(device_codes::expires_at.le(now)),
    )
    .set(device_codes::status.eq(DeviceStatus::Denied))
    .execute(conn)
    .await?;
    Ok(())
}

/// The authorization of a device code hash, locked for update.
pub async fn by_hash(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> Result<Option<DeviceAuthorization>, DbError> {
    Ok(device_codes::table
        .filter(device_codes::device_code_hash.eq(hash))
        .select(DeviceCodeRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .map(DeviceAuthorization::from))
}

/// The pending authorization showing `user_code`, locked for update.
pub async fn pending_by_user_code(
    conn: &mut AsyncPgConnection,
    user_code: &str,
    now: DateTime<Utc>,
) -> Result<Option<DeviceAuthorization>, DbError> {
    Ok(device_codes::table
        .filter(device_codes::user_code.eq(user_code))
        .filter(device_codes::status.eq(DeviceStatus::Pending))
        .filter(device_codes::expires_at.gt(now))
        .select(DeviceCodeRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .map(DeviceAuthorization::from))
}

/// Stores the authorization's new state.
pub async fn update(
    conn: &mut AsyncPgConnection,
    authorization: &DeviceAuthorization,
) -> Result<(), DbError> {
    diesel::update(device_codes::table.find(authorization.id))
        .set((
            device_codes::status.eq(authorization.status),
            device_codes::user_id.eq(authorization.user_id),
            device_codes::interval_seconds.eq(authorization.interval_seconds),
            device_codes::last_polled_at.eq(authorization.last_polled_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
