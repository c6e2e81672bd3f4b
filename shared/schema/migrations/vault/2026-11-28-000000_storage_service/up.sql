-- The Storage Service (seed 002): volumes over four kinds of backend, the driver rows they name,
-- quotas per volume, user and app, and the records of stored files. Secrets (`secret_key`,
-- `password`, `credentials`) are envelopes sealed with the suite key ring, never plaintext.

CREATE TABLE vault.local_paths (
    id uuid PRIMARY KEY,
    path text NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT local_paths_path_key UNIQUE (path),
    CONSTRAINT local_paths_path_absolute CHECK (path LIKE '/%')
);
COMMENT ON TABLE vault.local_paths IS 'Approved directories on the host that local volumes store under.';
COMMENT ON COLUMN vault.local_paths.path IS 'Absolute, canonical, under a root of TESSERA_STORAGE_LOCAL_ROOTS.';

CREATE TABLE vault.s3_buckets (
    id uuid PRIMARY KEY,
    endpoint_url text NOT NULL,
    bucket_name varchar(255) NOT NULL,
    region varchar(50) NOT NULL,
    use_ssl boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT s3_buckets_bucket_name_nonempty CHECK (bucket_name <> '')
);
COMMENT ON TABLE vault.s3_buckets IS 'S3-compatible buckets and their endpoints.';

CREATE TABLE vault.s3_credentials (
    id uuid PRIMARY KEY,
    bucket_id uuid NOT NULL REFERENCES vault.s3_buckets (id) ON DELETE CASCADE,
    access_key text NOT NULL,
    secret_key text NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT s3_credentials_secret_key_sealed CHECK (secret_key LIKE 'enc:v2:%')
);
CREATE INDEX s3_credentials_bucket_id_idx ON vault.s3_credentials (bucket_id);
COMMENT ON TABLE vault.s3_credentials IS 'Access keys of a bucket; the newest is used.';
COMMENT ON COLUMN vault.s3_credentials.secret_key IS 'Envelope-encrypted (enc:v2), write-only.';

CREATE TABLE vault.http_endpoints (
    id uuid PRIMARY KEY,
    url text NOT NULL,
    description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT http_endpoints_url_scheme CHECK (url ~ '^https?://')
);
COMMENT ON TABLE vault.http_endpoints IS 'Remote HTTP or WebDAV storage locations.';

CREATE TABLE vault.http_credentials (
    id uuid PRIMARY KEY,
    endpoint_id uuid NOT NULL REFERENCES vault.http_endpoints (id) ON DELETE CASCADE,
    auth_type varchar(20) NOT NULL,
    credentials jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT http_credentials_auth_type CHECK (auth_type IN ('basic', 'bearer', 'custom_header')),
    CONSTRAINT http_credentials_credentials_sealed CHECK (
        jsonb_typeof(credentials) = 'object' AND credentials - 'sealed' = '{}'::jsonb
        AND credentials ->> 'sealed' LIKE 'enc:v2:%'
    )
);
CREATE INDEX http_credentials_endpoint_id_idx ON vault.http_credentials (endpoint_id);
COMMENT ON TABLE vault.http_credentials IS 'How to authenticate to an endpoint; the newest is used.';
COMMENT ON COLUMN vault.http_credentials.credentials IS '{"sealed": "enc:v2:..."}: the envelope of the JSON credentials, write-only.';

CREATE TABLE vault.ftp_endpoints (
    id uuid PRIMARY KEY,
    host varchar(255) NOT NULL,
    port integer NOT NULL,
    protocol varchar(10) NOT NULL,
    username varchar(100) NOT NULL,
    password text,
    key_path text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ftp_endpoints_protocol CHECK (protocol IN ('ftp', 'sftp')),
    CONSTRAINT ftp_endpoints_port_range CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT ftp_endpoints_sftp_key CHECK (protocol <> 'sftp' OR key_path IS NOT NULL),
    CONSTRAINT ftp_endpoints_password_sealed CHECK (password IS NULL OR password LIKE 'enc:v2:%'),
    CONSTRAINT ftp_endpoints_host_nonempty CHECK (host <> '')
);
COMMENT ON TABLE vault.ftp_endpoints IS 'FTP and SFTP servers with their login.';
COMMENT ON COLUMN vault.ftp_endpoints.port IS '21 for FTP and 22 for SFTP when the operator gives none.';
COMMENT ON COLUMN vault.ftp_endpoints.password IS 'Envelope-encrypted (enc:v2), write-only.';
COMMENT ON COLUMN vault.ftp_endpoints.key_path IS 'SFTP private key, under TESSERA_STORAGE_SSH_KEY_DIR.';

CREATE TABLE vault.storage_volumes (
    id uuid PRIMARY KEY,
    name varchar(100) NOT NULL,
    driver varchar(20) NOT NULL,
    config jsonb NOT NULL,
    default_prefix text,
    enforce_hierarchy boolean NOT NULL DEFAULT true,
    path_delimiter varchar(5) NOT NULL DEFAULT '/',
    use_query_params boolean NOT NULL DEFAULT false,
    auto_path_strategy varchar(20) NOT NULL DEFAULT 'none',
    versioning_mode varchar(20) NOT NULL DEFAULT 'none',
    quota_limit bigint,
    quota_used bigint NOT NULL DEFAULT 0,
    quota_reserved bigint NOT NULL DEFAULT 0,
    is_active boolean NOT NULL DEFAULT false,
    capabilities jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- The row `config` names, as real foreign keys: it must exist and cannot be deleted while
    -- a volume uses it.
    local_path_id uuid GENERATED ALWAYS AS ((config ->> 'local_path_id')::uuid) STORED
        REFERENCES vault.local_paths (id) ON DELETE RESTRICT,
    bucket_id uuid GENERATED ALWAYS AS ((config ->> 'bucket_id')::uuid) STORED
        REFERENCES vault.s3_buckets (id) ON DELETE RESTRICT,
    ftp_id uuid GENERATED ALWAYS AS ((config ->> 'ftp_id')::uuid) STORED
        REFERENCES vault.ftp_endpoints (id) ON DELETE RESTRICT,
    endpoint_id uuid GENERATED ALWAYS AS ((config ->> 'endpoint_id')::uuid) STORED
        REFERENCES vault.http_endpoints (id) ON DELETE RESTRICT,
    CONSTRAINT storage_volumes_name_key UNIQUE (name),
    CONSTRAINT storage_volumes_driver CHECK (driver IN ('local', 's3', 'ftp', 'http')),
    CONSTRAINT storage_volumes_config_shape CHECK (
        jsonb_typeof(config) = 'object' AND coalesce(CASE driver
            WHEN 'local' THEN config - 'local_path_id' = '{}'::jsonb AND config ? 'local_path_id'
            WHEN 's3' THEN config - 'bucket_id' = '{}'::jsonb AND config ? 'bucket_id'
            WHEN 'ftp' THEN config - 'ftp_id' = '{}'::jsonb AND config ? 'ftp_id'
            WHEN 'http' THEN config - 'endpoint_id' - 'webdav' = '{}'::jsonb AND config ? 'endpoint_id'
                AND jsonb_typeof(config -> 'webdav') = 'boolean'
            ELSE true -- an unknown driver is storage_volumes_driver's to refuse
        END, false)
    ),
    CONSTRAINT storage_volumes_path_delimiter_nonempty CHECK (path_delimiter <> ''),
    CONSTRAINT storage_volumes_auto_path_strategy CHECK (auto_path_strategy IN ('none', 'uuid', 'hash')),
    CONSTRAINT storage_volumes_versioning_mode CHECK (versioning_mode IN ('none', 'source', 'target')),
    CONSTRAINT storage_volumes_quota_limit_nonnegative CHECK (quota_limit IS NULL OR quota_limit >= 0),
    CONSTRAINT storage_volumes_quota_used_nonnegative CHECK (quota_used >= 0),
    CONSTRAINT storage_volumes_quota_reserved_nonnegative CHECK (quota_reserved >= 0),
    CONSTRAINT storage_volumes_capabilities_object CHECK (jsonb_typeof(capabilities) = 'object')
);
CREATE INDEX storage_volumes_local_path_id_idx ON vault.storage_volumes (local_path_id);
CREATE INDEX storage_volumes_bucket_id_idx ON vault.storage_volumes (bucket_id);
CREATE INDEX storage_volumes_ftp_id_idx ON vault.storage_volumes (ftp_id);
CREATE INDEX storage_volumes_endpoint_id_idx ON vault.storage_volumes (endpoint_id);
COMMENT ON TABLE vault.storage_volumes IS 'Logical storage locations: a driver, the row it names and how paths are laid out.';
COMMENT ON COLUMN vault.storage_volumes.config IS 'Exactly the driver''s key: local_path_id, bucket_id, ftp_id, or endpoint_id and webdav.';
COMMENT ON COLUMN vault.storage_volumes.quota_limit IS 'Bytes; NULL for unlimited. May be lowered below quota_used.';
COMMENT ON COLUMN vault.storage_volumes.quota_used IS 'Bytes of committed files and kept versions.';
COMMENT ON COLUMN vault.storage_volumes.quota_reserved IS 'Bytes declared by unfinished uploads.';
COMMENT ON COLUMN vault.storage_volumes.capabilities IS 'What the last capability check found (output only).';

CREATE TABLE vault.user_quotas (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE CASCADE,
    quota_limit bigint,
    quota_used bigint NOT NULL DEFAULT 0,
    quota_reserved bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_quotas_user_id_volume_id_key UNIQUE (user_id, volume_id),
    CONSTRAINT user_quotas_quota_limit_nonnegative CHECK (quota_limit IS NULL OR quota_limit >= 0),
    CONSTRAINT user_quotas_quota_used_nonnegative CHECK (quota_used >= 0),
    CONSTRAINT user_quotas_quota_reserved_nonnegative CHECK (quota_reserved >= 0)
);
CREATE INDEX user_quotas_volume_id_idx ON vault.user_quotas (volume_id);
COMMENT ON TABLE vault.user_quotas IS 'Per-user limit and usage on one volume (NULL limit: usage only).';

CREATE TABLE vault.app_quotas (
    id uuid PRIMARY KEY,
    app_id varchar(100) NOT NULL,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE CASCADE,
    quota_limit bigint,
    quota_used bigint NOT NULL DEFAULT 0,
    quota_reserved bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_quotas_app_id_volume_id_key UNIQUE (app_id, volume_id),
    CONSTRAINT app_quotas_quota_limit_nonnegative CHECK (quota_limit IS NULL OR quota_limit >= 0),
    CONSTRAINT app_quotas_quota_used_nonnegative CHECK (quota_used >= 0),
    CONSTRAINT app_quotas_quota_reserved_nonnegative CHECK (quota_reserved >= 0)
);
CREATE INDEX app_quotas_volume_id_idx ON vault.app_quotas (volume_id);
COMMENT ON TABLE vault.app_quotas IS 'Per-app limit and usage on one volume (NULL limit: usage only).';

CREATE TABLE vault.storage_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    user_id uuid,
    app_id varchar(100),
    namespace varchar(50) NOT NULL,
    path text NOT NULL,
    filename text NOT NULL,
    storage_path text NOT NULL,
    mime_type varchar(100) NOT NULL DEFAULT 'application/octet-stream',
    size bigint NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_public boolean NOT NULL DEFAULT false,
    sha256 bytea NOT NULL,
    version bigint NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT storage_files_namespace CHECK (
        (namespace = 'users' AND user_id IS NOT NULL)
        OR (namespace = 'apps' AND app_id IS NOT NULL AND user_id IS NULL)
    ),
    CONSTRAINT storage_files_size_nonnegative CHECK (size >= 0),
    CONSTRAINT storage_files_metadata_object CHECK (jsonb_typeof(metadata) = 'object'),
    CONSTRAINT storage_files_sha256_length CHECK (octet_length(sha256) = 32),
    CONSTRAINT storage_files_version_positive CHECK (version >= 1),
    CONSTRAINT storage_files_path_nonempty CHECK (path <> '' AND filename <> '')
);
-- One live file per path in its owner's namespace on a volume.
CREATE UNIQUE INDEX storage_files_live_path_key ON vault.storage_files
    (volume_id, namespace, (CASE namespace WHEN 'users' THEN user_id::text ELSE app_id END), path)
    WHERE deleted_at IS NULL;
CREATE INDEX storage_files_user_id_idx ON vault.storage_files (user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX storage_files_app_id_idx ON vault.storage_files (app_id, created_at) WHERE app_id IS NOT NULL;
CREATE INDEX storage_files_storage_path_idx ON vault.storage_files (volume_id, storage_path);
CREATE INDEX storage_files_deleted_at_idx ON vault.storage_files (deleted_at) WHERE deleted_at IS NOT NULL;
COMMENT ON TABLE vault.storage_files IS 'Records of stored files (seed `files`); soft-deleted rows are purged after the retention period.';
COMMENT ON COLUMN vault.storage_files.namespace IS '''users'' (user_id set, app_id the storing app if any) or ''apps'' (app_id set, no user).';
COMMENT ON COLUMN vault.storage_files.path IS 'The client''s path within its namespace.';
COMMENT ON COLUMN vault.storage_files.storage_path IS 'Where the bytes are, relative to the volume root.';
COMMENT ON COLUMN vault.storage_files.version IS 'The number of the current version (versioning ''source'').';

CREATE TABLE vault.storage_file_versions (
    file_id uuid NOT NULL REFERENCES vault.storage_files (id) ON DELETE CASCADE,
    version bigint NOT NULL,
    storage_path text NOT NULL,
    size bigint NOT NULL,
    sha256 bytea NOT NULL,
    mime_type varchar(100) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (file_id, version),
    CONSTRAINT storage_file_versions_version_positive CHECK (version >= 1),
    CONSTRAINT storage_file_versions_size_nonnegative CHECK (size >= 0),
    CONSTRAINT storage_file_versions_sha256_length CHECK (octet_length(sha256) = 32)
);
COMMENT ON TABLE vault.storage_file_versions IS 'Earlier versions kept by the service on ''source'' versioning volumes; counted in quotas.';

CREATE TABLE vault.storage_uploads (
    id uuid PRIMARY KEY,
    volume_id uuid NOT NULL REFERENCES vault.storage_volumes (id) ON DELETE RESTRICT,
    user_id uuid,
    app_id varchar(100),
    namespace varchar(50) NOT NULL,
    path text NOT NULL,
    mime_type varchar(100) NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    is_public boolean NOT NULL DEFAULT false,
    overwrite boolean NOT NULL DEFAULT false,
    declared_size bigint NOT NULL,
    declared_sha256 bytea,
    staging_path text NOT NULL,
    persisted_size bigint NOT NULL DEFAULT 0,
    hash_state bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CONSTRAINT storage_uploads_namespace CHECK (
        (namespace = 'users' AND user_id IS NOT NULL)
        OR (namespace = 'apps' AND app_id IS NOT NULL AND user_id IS NULL)
    ),
    CONSTRAINT storage_uploads_declared_size_nonnegative CHECK (declared_size >= 0),
    CONSTRAINT storage_uploads_persisted_size_range CHECK (persisted_size BETWEEN 0 AND declared_size),
    CONSTRAINT storage_uploads_declared_sha256_length CHECK (declared_sha256 IS NULL OR octet_length(declared_sha256) = 32),
    CONSTRAINT storage_uploads_metadata_object CHECK (jsonb_typeof(metadata) = 'object')
);
CREATE INDEX storage_uploads_expires_at_idx ON vault.storage_uploads (expires_at);
CREATE INDEX storage_uploads_volume_id_idx ON vault.storage_uploads (volume_id);
COMMENT ON TABLE vault.storage_uploads IS 'Unfinished uploads: their reservation against every applicable quota, and how far the bytes are persisted. Expire after 7 days.';
COMMENT ON COLUMN vault.storage_uploads.persisted_size IS 'Bytes durably staged; never decreases.';
COMMENT ON COLUMN vault.storage_uploads.hash_state IS 'The SHA-256 state over the persisted bytes, so any replica can continue.';
