//! Device rows: reading them, the wire form, and finding the caller's own.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::convert::timestamp;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_schema::messaging::devices;
use uuid::Uuid;

use crate::error::ChatError;
use crate::ids::{DeviceId, KeyType};

/// A `devices` row without its prekey list (only its length is shown).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = devices, check_for_backend(diesel::pg::Pg))]
pub struct DeviceRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub identity_key_type: KeyType,
    pub identity_pubkey: Vec<u8>,
    pub prekey_pubkey: Vec<u8>,
    pub signed_prekey_pub: Vec<u8>,
    pub signed_prekey_sig: Vec<u8>,
    #[diesel(
        select_expression = diesel::dsl::sql::<diesel::sql_types::Integer>("jsonb_array_length(one_time_prekeys)"),
        select_expression_type = diesel::expression::SqlLiteral<diesel::sql_types::Integer>
    )]
    pub prekey_count: i32,
    pub last_prekey_id: i64,
    pub device_label: Option<String>,
    #[diesel(
        select_expression = devices::push_token.is_not_null(),
        select_expression_type = diesel::dsl::IsNotNull<devices::push_token>
    )]
    pub has_push_token: bool,
    pub last_seen: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The public keys of a row.
pub fn keys(row: &DeviceRow) -> pb::DeviceKeys {
    pb::DeviceKeys {
        identity_key_type: key_type(row.identity_key_type) as i32,
        identity_key: row.identity_pubkey.clone(),
        last_resort_prekey: row.prekey_pubkey.clone(),
        signed_prekey: row.signed_prekey_pub.clone(),
        signed_prekey_signature: row.signed_prekey_sig.clone(),
    }
}

/// The wire form of a key type.
pub fn key_type(key_type: KeyType) -> pb::IdentityKeyType {
    match key_type {
        KeyType::Ed25519 => pb::IdentityKeyType::Ed25519,
        KeyType::X25519 => pb::IdentityKeyType::X25519,
    }
}

/// The wire form (the push token stays write-only).
pub fn device(row: &DeviceRow) -> pb::Device {
    pb::Device {
        id: row.id.to_string(),
        user_id: row.user_id.to_string(),
        keys: Some(keys(row)),
        one_time_prekey_count: row.prekey_count,
        last_prekey_id: u64::try_from(row.last_prekey_id).unwrap_or_default(),
        label: row.device_label.clone().unwrap_or_default(),
        has_push_token: row.has_push_token,
        last_seen_time: row.last_seen.map(timestamp),
        create_time: Some(timestamp(row.created_at)),
    }
}

/// The caller's device `id`; NOT_FOUND for anyone else's (or none), so ids reveal nothing.
pub async fn own(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: DeviceId,
) -> Result<DeviceRow, ChatError> {
    devices::table
        .filter(devices::id.eq(id.as_uuid()))
        .filter(devices::user_id.eq(user.as_uuid()))
        .select(DeviceRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ChatError::not_found(DeviceId::RESOURCE, id))
}

/// Like [`own`], locking the row for the rest of the transaction.
pub async fn own_for_update(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: DeviceId,
) -> Result<DeviceRow, ChatError> {
    devices::table
        .filter(devices::id.eq(id.as_uuid()))
        .filter(devices::user_id.eq(user.as_uuid()))
        .select(DeviceRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ChatError::not_found(DeviceId::RESOURCE, id))
}

/// Notes the device's activity, at most once a minute (sends and streams call this).
pub async fn seen(conn: &mut AsyncPgConnection, id: DeviceId) -> Result<(), ChatError> {
    diesel::sql_query(
        "UPDATE devices SET last_seen = now() \
         WHERE id = $1 AND (last_seen IS NULL OR last_seen < now() - interval '1 minute')",
    )
    .bind::<diesel::sql_types::Uuid, _>(id.as_uuid())
    .execute(conn)
    .await?;
    Ok(())
}
