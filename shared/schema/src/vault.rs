//! `vault`: Tessera vault-storage: zero-knowledge vault, storage volumes and drivers, quotas, content-addressed blobs
//!
//! Generated from the schema's migrations by `make schema`; do not edit by hand.

use diesel_migrations::{EmbeddedMigrations, embed_migrations};

/// The Postgres schema name.
pub const SCHEMA: &str = "vault";
/// Its migrations, applied by the service that owns it.
pub static MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/vault");

diesel::table! {
    /// Anonymised activity: a user, a kind, bytes and the hour; never a file, folder or chunk.
    vault.analytics_events (id) {
        id -> Uuid,
        user_id -> Uuid,
        kind -> Varchar,
        bytes -> Int8,
        occurred_at -> Timestamptz,
    }
}

diesel::table! {
    /// Per-app limit and usage on one volume (NULL limit: usage only).
    vault.app_quotas (id) {
        id -> Uuid,
        app_id -> Varchar,
        volume_id -> Uuid,
        quota_limit -> Nullable<Int8>,
        quota_used -> Int8,
        quota_reserved -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Unfinished WriteBlob streams: staged parts, the lease, the reservation.
    vault.blob_writes (user_id, sha256) {
        user_id -> Uuid,
        sha256 -> Bytea,
        size -> Int8,
        volume_id -> Uuid,
        part_offsets -> Array<Nullable<Int8>>,
        persisted_size -> Int8,
        writer_id -> Nullable<Uuid>,
        lease_expires_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    /// A user's blobs, stored at <user_id>/blobs/<sha256 hex> on their volume.
    vault.blobs (user_id, sha256) {
        user_id -> Uuid,
        sha256 -> Bytea,
        size -> Int8,
        volume_id -> Uuid,
        created_at -> Timestamptz,
        /// Last written, read or reported present: a blob in no manifest and unseen for TESSERA_BLOB_RETENTION is collected.
        last_seen_at -> Timestamptz,
    }
}

diesel::table! {
    /// The stored chunks of a file (ciphertext), each with its SHA-256 and object path.
    vault.file_chunks (file_id, chunk_index) {
        file_id -> Uuid,
        chunk_index -> Int4,
        size -> Int8,
        sha256 -> Bytea,
        /// vault/<user_id>/<file_id>/<chunk_index> on the vault volume.
        object_path -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Encrypted files: the content pointer, the wrapped file key and sizes, never a name.
    vault.files (id) {
        id -> Uuid,
        user_id -> Uuid,
        folder_id -> Nullable<Uuid>,
        /// The volume holding the chunks (TESSERA_VAULT_VOLUME when the file was created).
        volume_id -> Uuid,
        /// SHA-256 of the chunk hashes concatenated in index order; set by FinalizeFile.
        merkle_hash -> Nullable<Bytea>,
        encrypted_key -> Bytea,
        size -> Int8,
        chunk_count -> Int4,
        state -> Varchar,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    /// The vault's folder tree; names are in the metadata blob.
    vault.folders (id) {
        id -> Uuid,
        user_id -> Uuid,
        /// NULL: the root. Moves refuse a folder's own subtree, so the tree has no cycles.
        parent_id -> Nullable<Uuid>,
        encrypted_key -> Bytea,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// FTP and SFTP servers with their login.
    vault.ftp_endpoints (id) {
        id -> Uuid,
        host -> Varchar,
        /// 21 for FTP and 22 for SFTP when the operator gives none.
        port -> Int4,
        protocol -> Varchar,
        username -> Varchar,
        /// Envelope-encrypted (enc:v2), write-only.
        password -> Nullable<Text>,
        /// SFTP private key, under TESSERA_STORAGE_SSH_KEY_DIR.
        key_path -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Permanently deleted files until purge_at: restorable, their bytes still counted.
    vault.graveyard (file_id) {
        file_id -> Uuid,
        user_id -> Uuid,
        /// Where the file was (no reference: the folder may go; a restore then lands in the root).
        folder_id -> Nullable<Uuid>,
        volume_id -> Uuid,
        merkle_hash -> Bytea,
        encrypted_key -> Bytea,
        size -> Int8,
        chunk_count -> Int4,
        created_at -> Timestamptz,
        deleted_at -> Timestamptz,
        purge_at -> Timestamptz,
    }
}

diesel::table! {
    /// The chunk pointers of a graveyard file, moved with it.
    vault.graveyard_chunks (file_id, chunk_index) {
        file_id -> Uuid,
        chunk_index -> Int4,
        size -> Int8,
        sha256 -> Bytea,
        object_path -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// How to authenticate to an endpoint; the newest is used.
    vault.http_credentials (id) {
        id -> Uuid,
        endpoint_id -> Uuid,
        auth_type -> Varchar,
        /// {"sealed": "enc:v2:..."}: the envelope of the JSON credentials, write-only.
        credentials -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Remote HTTP or WebDAV storage locations.
    vault.http_endpoints (id) {
        id -> Uuid,
        url -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Approved directories on the host that local volumes store under.
    vault.local_paths (id) {
        id -> Uuid,
        /// Absolute, canonical, under a root of TESSERA_STORAGE_LOCAL_ROOTS.
        path -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Which blobs each manifest names: a named blob is never collected.
    vault.manifest_blobs (user_id, manifest_sha256, blob_sha256) {
        user_id -> Uuid,
        manifest_sha256 -> Bytea,
        blob_sha256 -> Bytea,
    }
}

diesel::table! {
    /// A user's manifests (canonical JSON), stored at <user_id>/manifests/<sha256 hex>.json.
    vault.manifests (user_id, sha256) {
        user_id -> Uuid,
        sha256 -> Bytea,
        size -> Int8,
        volume_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Backend objects to delete: queued with the rows that pointed at them.
    vault.object_deletions (id) {
        id -> Uuid,
        volume_id -> Uuid,
        object_path -> Text,
        attempts -> Int4,
        queued_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
    }
}

diesel::table! {
    /// S3-compatible buckets and their endpoints.
    vault.s3_buckets (id) {
        id -> Uuid,
        endpoint_url -> Text,
        bucket_name -> Varchar,
        region -> Varchar,
        use_ssl -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Access keys of a bucket; the newest is used.
    vault.s3_credentials (id) {
        id -> Uuid,
        bucket_id -> Uuid,
        access_key -> Text,
        /// Envelope-encrypted (enc:v2), write-only.
        secret_key -> Text,
        description -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    /// Earlier versions kept by the service on 'source' versioning volumes; counted in quotas.
    vault.storage_file_versions (file_id, version) {
        file_id -> Uuid,
        version -> Int8,
        storage_path -> Text,
        size -> Int8,
        sha256 -> Bytea,
        mime_type -> Varchar,
        created_at -> Timestamptz,
        /// The backend's version id of this version (target versioning), else NULL.
        backend_version -> Nullable<Text>,
    }
}

diesel::table! {
    /// Records of stored files (seed `files`); soft-deleted rows are purged after the retention period.
    vault.storage_files (id) {
        id -> Uuid,
        volume_id -> Uuid,
        user_id -> Nullable<Uuid>,
        app_id -> Nullable<Varchar>,
        /// 'users' (user_id set, app_id the storing app if any) or 'apps' (app_id set, no user).
        namespace -> Varchar,
        /// The client's path within its namespace.
        path -> Text,
        filename -> Text,
        /// Where the bytes are, relative to the volume root.
        storage_path -> Text,
        mime_type -> Varchar,
        size -> Int8,
        metadata -> Jsonb,
        is_public -> Bool,
        sha256 -> Bytea,
        /// The number of the current version (versioning 'source').
        version -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        deleted_at -> Nullable<Timestamptz>,
        /// The backend's version id of the current content (target versioning), else NULL.
        backend_version -> Nullable<Text>,
    }
}

diesel::table! {
    /// Unfinished uploads: their reservation against every applicable quota, and how far the bytes are persisted. Expire after 7 days.
    vault.storage_uploads (id) {
        id -> Uuid,
        volume_id -> Uuid,
        user_id -> Nullable<Uuid>,
        app_id -> Nullable<Varchar>,
        namespace -> Varchar,
        path -> Text,
        mime_type -> Varchar,
        metadata -> Jsonb,
        is_public -> Bool,
        overwrite -> Bool,
        declared_size -> Int8,
        declared_sha256 -> Nullable<Bytea>,
        staging_path -> Text,
        /// Bytes durably staged; never decreases.
        persisted_size -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        expires_at -> Timestamptz,
        /// The display name the file gets (NULL: the path's last segment).
        filename -> Nullable<Text>,
        /// Start offsets of the staged parts, ascending; each part ends where the next starts (the last at persisted_size).
        part_offsets -> Array<Nullable<Int8>>,
        /// The stream writing the upload now, if any.
        writer_id -> Nullable<Uuid>,
        /// When another stream may take the upload over from writer_id.
        lease_expires_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    /// Logical storage locations: a driver, the row it names and how paths are laid out.
    vault.storage_volumes (id) {
        id -> Uuid,
        name -> Varchar,
        driver -> Varchar,
        /// Exactly the driver's key: local_path_id, bucket_id, ftp_id, or endpoint_id and webdav.
        config -> Jsonb,
        default_prefix -> Nullable<Text>,
        enforce_hierarchy -> Bool,
        path_delimiter -> Varchar,
        use_query_params -> Bool,
        auto_path_strategy -> Varchar,
        versioning_mode -> Varchar,
        /// Bytes; NULL for unlimited. May be lowered below quota_used.
        quota_limit -> Nullable<Int8>,
        /// Bytes of committed files and kept versions.
        quota_used -> Int8,
        /// Bytes declared by unfinished uploads.
        quota_reserved -> Int8,
        is_active -> Bool,
        /// What the last capability check found (output only).
        capabilities -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        local_path_id -> Nullable<Uuid>,
        bucket_id -> Nullable<Uuid>,
        ftp_id -> Nullable<Uuid>,
        endpoint_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    /// One zero-knowledge vault per user: salt, wrapped master key, encrypted index.
    vault.user_crypto (user_id) {
        user_id -> Uuid,
        /// The client's Argon2id salt (16-64 bytes), unique.
        salt -> Bytea,
        /// The master key wrapped with the user's root key; opaque here.
        encrypted_master_key -> Bytea,
        /// The encrypted index of the vault (names live only here), at most 3 MiB.
        metadata_blob -> Bytea,
        /// Optimistic lock: every save names the version it read and adds 1.
        metadata_version -> Int8,
        /// Live, pending and graveyard file sizes, changed with the rows it counts.
        storage_used_bytes -> Int8,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    /// Per-user limit and usage on one volume (NULL limit: usage only).
    vault.user_quotas (id) {
        id -> Uuid,
        user_id -> Uuid,
        volume_id -> Uuid,
        quota_limit -> Nullable<Int8>,
        quota_used -> Int8,
        quota_reserved -> Int8,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(app_quotas -> storage_volumes (volume_id));
diesel::joinable!(blob_writes -> storage_volumes (volume_id));
diesel::joinable!(blobs -> storage_volumes (volume_id));
diesel::joinable!(file_chunks -> files (file_id));
diesel::joinable!(files -> user_crypto (user_id));
diesel::joinable!(files -> storage_volumes (volume_id));
diesel::joinable!(folders -> user_crypto (user_id));
diesel::joinable!(graveyard -> user_crypto (user_id));
diesel::joinable!(graveyard -> storage_volumes (volume_id));
diesel::joinable!(graveyard_chunks -> graveyard (file_id));
diesel::joinable!(http_credentials -> http_endpoints (endpoint_id));
diesel::joinable!(manifests -> storage_volumes (volume_id));
diesel::joinable!(object_deletions -> storage_volumes (volume_id));
diesel::joinable!(s3_credentials -> s3_buckets (bucket_id));
diesel::joinable!(storage_file_versions -> storage_files (file_id));
diesel::joinable!(storage_files -> storage_volumes (volume_id));
diesel::joinable!(storage_uploads -> storage_volumes (volume_id));
diesel::joinable!(storage_volumes -> s3_buckets (bucket_id));
diesel::joinable!(storage_volumes -> http_endpoints (endpoint_id));
diesel::joinable!(storage_volumes -> ftp_endpoints (ftp_id));
diesel::joinable!(storage_volumes -> local_paths (local_path_id));
diesel::joinable!(user_quotas -> storage_volumes (volume_id));

diesel::allow_tables_to_appear_in_same_query!(
    analytics_events,
    app_quotas,
    blob_writes,
    blobs,
    file_chunks,
    files,
    folders,
    ftp_endpoints,
    graveyard,
    graveyard_chunks,
    http_credentials,
    http_endpoints,
    local_paths,
    manifest_blobs,
    manifests,
    object_deletions,
    s3_buckets,
    s3_credentials,
    storage_file_versions,
    storage_files,
    storage_uploads,
    storage_volumes,
    user_crypto,
    user_quotas
);
