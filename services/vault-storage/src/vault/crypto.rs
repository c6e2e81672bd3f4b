//! The vault's own row (`user_crypto`): created once, read, and replaced only at the version
//! the client read, each a single statement, so two devices saving at once cannot both win.

use bytes::Bytes;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_schema::vault::user_crypto;
use uuid::Uuid;

use crate::error::StorageError;

/// Largest encrypted metadata blob (Nest's index).
pub const MAX_METADATA_BYTES: usize = 3 << 20;
/// Largest wrapped key (master, folder or file key).
pub const MAX_WRAPPED_KEY_BYTES: usize = 1024;
/// Salt lengths the client may choose.
const SALT_BYTES: std::ops::RangeInclusive<usize> = 16..=64;

/// A `user_crypto` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = user_crypto, check_for_backend(diesel::pg::Pg))]
pub struct VaultRow {
    pub user_id: Uuid,
    pub salt: Vec<u8>,
    pub encrypted_master_key: Vec<u8>,
    pub metadata_blob: Vec<u8>,
    pub metadata_version: i64,
    pub storage_used_bytes: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The wire form.
pub fn vault(row: VaultRow) -> pb::Vault {
    pb::Vault {
        salt: row.salt.into(),
        encrypted_master_key: row.encrypted_master_key.into(),
        metadata_blob: row.metadata_blob.into(),
        metadata_version: row.metadata_version,
        storage_used_bytes: row.storage_used_bytes,
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// Checks a wrapped key: present and at most [`MAX_WRAPPED_KEY_BYTES`].
pub fn check_wrapped_key(v: &mut FieldViolations, field: &str, key: &Bytes) {
    if key.is_empty() {
        v.add(field, "required");
    } else if key.len() > MAX_WRAPPED_KEY_BYTES {
        v.add(field, format!("at most {MAX_WRAPPED_KEY_BYTES} bytes"));
    }
}

fn check_salt(v: &mut FieldViolations, salt: &Bytes) {
    if !SALT_BYTES.contains(&salt.len()) {
        v.add(
            "salt",
            format!(
                "must be {} to {} bytes",
                SALT_BYTES.start(),
                SALT_BYTES.end()
            ),
        );
    }
}

fn check_metadata(v: &mut FieldViolations, blob: &Bytes) {
    if blob.len() > MAX_METADATA_BYTES {
        v.add(
            "metadata_blob",
            format!("at most {MAX_METADATA_BYTES} bytes"),
        );
    }
}

fn check_version(v: &mut FieldViolations, version: i64) {
    if version < 0 {
        v.add("expected_version", "must not be negative");
    }
}

/// A salt another vault uses: refused as input (salts are random; a repeat is a client bug).
fn salt_taken(err: diesel::result::Error) -> StorageError {
    match DbError::from(err) {
        DbError::UniqueViolation { constraint } if constraint == "user_crypto_salt_key" => {
            StorageError::invalid("salt", "is in use: generate a fresh random salt")
        }
        other => other.into(),
    }
}

/// The caller's vault, or NOT_FOUND.
pub async fn load(conn: &mut AsyncPgConnection, user: UserId) -> Result<VaultRow, StorageError> {
    user_crypto::table
        .find(user.as_uuid())
        .select(VaultRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| StorageError::not_found("vault", user))
}

/// InitVault: the row at version 0, once.
pub async fn init(
    conn: &mut AsyncPgConnection,
    user: UserId,
    request: &pb::InitVaultRequest,
) -> Result<VaultRow, StorageError> {
    let mut v = FieldViolations::new();
    check_salt(&mut v, &request.salt);
    check_wrapped_key(
        &mut v,
        "encrypted_master_key",
        &request.encrypted_master_key,
    );
    check_metadata(&mut v, &request.metadata_blob);
    v.into_result_with(()).map_err(StorageError::from)?;
    diesel::insert_into(user_crypto::table)
        .values((
            user_crypto::user_id.eq(user.as_uuid()),
            user_crypto::salt.eq(request.salt.as_ref()),
            user_crypto::encrypted_master_key.eq(request.encrypted_master_key.as_ref()),
            user_crypto::metadata_blob.eq(request.metadata_blob.as_ref()),
        ))
        .on_conflict(user_crypto::user_id)
        .do_nothing()
        .returning(VaultRow::as_returning())
        .get_result(conn)
        .await
        .optional()
        .map_err(salt_taken)?
        .ok_or_else(|| StorageError::AlreadyExists("the vault exists: GetVault reads it".into()))
}

/// What a guarded write found when it did not apply: no vault, or another version.
async fn refused(conn: &mut AsyncPgConnection, user: UserId) -> StorageError {
    match load(conn, user).await {
        Ok(row) => StorageError::Stale {
            resource: "vault metadata",
            current: row.metadata_version,
        },
        Err(err) => err,
    }
}

/// SaveMetadata: one conditional UPDATE at `expected_version`; returns the new version.
pub async fn save_metadata(
    conn: &mut AsyncPgConnection,
    user: UserId,
    request: &pb::SaveMetadataRequest,
) -> Result<i64, StorageError> {
    let mut v = FieldViolations::new();
    check_metadata(&mut v, &request.metadata_blob);
    check_version(&mut v, request.expected_version);
    v.into_result_with(()).map_err(StorageError::from)?;
    let saved = diesel::update(
        user_crypto::table
            .find(user.as_uuid())
            .filter(user_crypto::metadata_version.eq(request.expected_version)),
    )
    .set((
        user_crypto::metadata_blob.eq(request.metadata_blob.as_ref()),
        user_crypto::metadata_version.eq(user_crypto::metadata_version + 1),
        user_crypto::updated_at.eq(diesel::dsl::now),
    ))
    .returning(user_crypto::metadata_version)
    .get_result::<i64>(conn)
    .await
    .optional()?;
    match saved {
        Some(version) => Ok(version),
        None => Err(refused(conn, user).await),
    }
}

/// RewrapMasterKey: a new salt and wrapped master key, guarded like SaveMetadata.
pub async fn rewrap(
    conn: &mut AsyncPgConnection,
    user: UserId,
    request: &pb::RewrapMasterKeyRequest,
) -> Result<i64, StorageError> {
    let mut v = FieldViolations::new();
    check_salt(&mut v, &request.salt);
    check_wrapped_key(
        &mut v,
        "encrypted_master_key",
        &request.encrypted_master_key,
    );
    check_version(&mut v, request.expected_version);
    v.into_result_with(()).map_err(StorageError::from)?;
    let saved = diesel::update(
        user_crypto::table
            .find(user.as_uuid())
            .filter(user_crypto::metadata_version.eq(request.expected_version)),
    )
    .set((
        user_crypto::salt.eq(request.salt.as_ref()),
        user_crypto::encrypted_master_key.eq(request.encrypted_master_key.as_ref()),
        user_crypto::metadata_version.eq(user_crypto::metadata_version + 1),
        user_crypto::updated_at.eq(diesel::dsl::now),
    ))
    .returning(user_crypto::metadata_version)
    .get_result::<i64>(conn)
    .await
    .optional()
    .map_err(salt_taken)?;
    match saved {
        Some(version) => Ok(version),
        None => Err(refused(conn, user).await),
    }
}
