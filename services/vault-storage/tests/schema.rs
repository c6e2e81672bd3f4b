//! The Storage Service tables hold every column, default, CHECK and unique of the seed
//! (`002`, Storage Service), in Postgres types, with the suite's additions.

use crate::harness;

use harness::pg::{Column, NOW, assert_columns, broken};
use tessera_testkit::TestDb;

const TABLES: &[(&str, &[Column])] = &[
    (
        "storage_volumes",
        &[
            ("id", "uuid", false, None),
            ("name", "varchar(100)", false, None),
            ("driver", "varchar(20)", false, None),
            ("config", "jsonb", false, None),
            ("default_prefix", "text", true, None),
            ("enforce_hierarchy", "boolean", false, Some("true")),
            (
                "path_delimiter",
                "varchar(5)",
                false,
                Some("'/'::character varying"),
            ),
            ("use_query_params", "boolean", false, Some("false")),
            (
                "auto_path_strategy",
                "varchar(20)",
                false,
                Some("'none'::character varying"),
            ),
            (
                "versioning_mode",
                "varchar(20)",
                false,
                Some("'none'::character varying"),
            ),
            ("quota_limit", "bigint", true, None),
            ("quota_used", "bigint", false, Some("0")),
            ("quota_reserved", "bigint", false, Some("0")),
            ("is_active", "boolean", false, Some("false")),
            ("capabilities", "jsonb", false, Some("'{}'::jsonb")),
            ("created_at", "timestamptz", false, NOW),
            ("updated_at", "timestamptz", false, NOW),
            ("local_path_id", "uuid", true, None),
            ("bucket_id", "uuid", true, None),
            ("ftp_id", "uuid", true, None),
            ("endpoint_id", "uuid", true, None),
        ],
    ),
    (
        "user_quotas",
        &[
            ("id", "uuid", false, None),
            ("user_id", "uuid", false, None),
            ("volume_id", "uuid", false, None),
            ("quota_limit", "bigint", true, None),
            ("quota_used", "bigint", false, Some("0")),
            ("quota_reserved", "bigint", false, Some("0")),
            ("updated_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "app_quotas",
        &[
            ("id", "uuid", false, None),
            ("app_id", "varchar(100)", false, None),
            ("volume_id", "uuid", false, None),
            ("quota_limit", "bigint", true, None),
            ("quota_used", "bigint", false, Some("0")),
            ("quota_reserved", "bigint", false, Some("0")),
            ("updated_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "s3_buckets",
        &[
            ("id", "uuid", false, None),
            ("endpoint_url", "text", false, None),
            ("bucket_name", "varchar(255)", false, None),
            ("region", "varchar(50)", false, None),
            ("use_ssl", "boolean", false, Some("true")),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "s3_credentials",
        &[
            ("id", "uuid", false, None),
            ("bucket_id", "uuid", false, None),
            ("access_key", "text", false, None),
            ("secret_key", "text", false, None),
            ("description", "text", true, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "http_endpoints",
        &[
            ("id", "uuid", false, None),
            ("url", "text", false, None),
            ("description", "text", true, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "http_credentials",
        &[
            ("id", "uuid", false, None),
            ("endpoint_id", "uuid", false, None),
            ("auth_type", "varchar(20)", false, None),
            ("credentials", "jsonb", false, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "ftp_endpoints",
        &[
            ("id", "uuid", false, None),
            ("host", "varchar(255)", false, None),
            ("port", "integer", false, None),
            ("protocol", "varchar(10)", false, None),
            ("username", "varchar(100)", false, None),
            ("password", "text", true, None),
            ("key_path", "text", true, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "local_paths",
        &[
            ("id", "uuid", false, None),
            ("path", "text", false, None),
            ("description", "text", true, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "storage_files",
        &[
            ("id", "uuid", false, Some("gen_random_uuid()")),
            ("volume_id", "uuid", false, None),
            ("user_id", "uuid", true, None),
            ("app_id", "varchar(100)", true, None),
            ("namespace", "varchar(50)", false, None),
            ("path", "text", false, None),
            ("filename", "text", false, None),
            ("storage_path", "text", false, None),
            (
                "mime_type",
                "varchar(100)",
                false,
                Some("'application/octet-stream'::character varying"),
            ),
            ("size", "bigint", false, None),
            ("metadata", "jsonb", false, Some("'{}'::jsonb")),
            ("is_public", "boolean", false, Some("false")),
            ("sha256", "bytea", false, None),
            ("version", "bigint", false, Some("1")),
            ("created_at", "timestamptz", false, NOW),
            ("updated_at", "timestamptz", false, NOW),
            ("deleted_at", "timestamptz", true, None),
            ("backend_version", "text", true, None),
        ],
    ),
];

#[tokio::test]
async fn every_seed_column_has_its_type_nullability_and_default() {
    assert_columns(TABLES).await;
}

const LOCAL: &str = "00000000-0000-7000-8000-000000000001";
const VOLUME: &str = "00000000-0000-7000-8000-000000000002";
const USER: &str = "00000000-0000-7000-8000-000000000003";
const SHA: &str = "'\\x0000000000000000000000000000000000000000000000000000000000000000'";

fn volume(id: &str, name: &str, driver: &str, config: &str, extra: &str) -> String {
    let (columns, values) = extra.split_once('|').unwrap_or(("", ""));
    format!(
        "INSERT INTO vault.storage_volumes (id, name, driver, config{columns}) VALUES ('{id}', '{name}', '{driver}', '{config}'{values})"
    )
}

fn file(extra_columns: &str, extra_values: &str) -> String {
    format!(
        "INSERT INTO vault.storage_files (volume_id, namespace, user_id, path, filename, storage_path, size, sha256{extra_columns}) VALUES ('{VOLUME}', 'users', '{USER}', 'a/b.txt', 'b.txt', 'users/x/a/b.txt', 3, {SHA}{extra_values})"
    )
}

fn raw_file(namespace_and_user: &str, path: &str, size: &str, sha: &str) -> String {
    format!(
        "INSERT INTO vault.storage_files (volume_id, namespace, user_id, path, filename, storage_path, size, sha256) VALUES ('{VOLUME}', {namespace_and_user}, {path}, 'c', 'c', {size}, {sha})"
    )
}

#[tokio::test]
async fn checks_uniques_and_references_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let local_config = format!("{{\"local_path_id\": \"{LOCAL}\"}}");
    client
        .batch_execute(&format!(
            "SET ROLE tessera_vault;
             INSERT INTO vault.local_paths (id, path) VALUES ('{LOCAL}', '/srv/tessera');
             {};
             {};
             RESET ROLE",
            volume(VOLUME, "main", "local", &local_config, ""),
            file("", "")
        ))
        .await
        .expect("a valid volume and file");

    let other = "00000000-0000-7000-8000-0000000000ff";
    let cases: Vec<(String, &str)> = vec![
        (
            volume(other, "main", "local", &local_config, ""),
            "storage_volumes_name_key",
        ),
        (
            volume(other, "v", "dropbox", &local_config, ""),
            "storage_volumes_driver",
        ),
        (
            volume(other, "v", "s3", &local_config, ""),
            "storage_volumes_config_shape",
        ),
        (
            volume(
                other,
                "v",
                "local",
                &format!("{{\"local_path_id\": \"{LOCAL}\", \"root\": \"/\"}}"),
                "",
            ),
            "storage_volumes_config_shape",
        ),
        (
            volume(
                other,
                "v",
                "http",
                "{\"endpoint_id\": \"00000000-0000-7000-8000-000000000009\"}",
                "",
            ),
            "storage_volumes_config_shape",
        ),
        (
            volume(
                other,
                "v",
                "local",
                "{\"local_path_id\": \"00000000-0000-7000-8000-000000000009\"}",
                "",
            ),
            "storage_volumes_local_path_id_fkey",
        ),
        (
            volume(other, "v", "local", &local_config, ", path_delimiter|, ''"),
            "storage_volumes_path_delimiter_nonempty",
        ),
        (
            volume(other, "v", "local", &local_config, ", auto_path_strategy|, 'random'"),
            "storage_volumes_auto_path_strategy",
        ),
        (
            volume(other, "v", "local", &local_config, ", versioning_mode|, 'git'"),
            "storage_volumes_versioning_mode",
        ),
        (
            volume(other, "v", "local", &local_config, ", quota_used|, -1"),
            "storage_volumes_quota_used_nonnegative",
        ),
        (
            format!("DELETE FROM vault.local_paths WHERE id = '{LOCAL}'"),
            "storage_volumes_local_path_id_fkey",
        ),
        (
            format!("INSERT INTO vault.local_paths (id, path) VALUES ('{other}', '/srv/tessera')"),
            "local_paths_path_key",
        ),
        (
            format!("INSERT INTO vault.local_paths (id, path) VALUES ('{other}', 'relative')"),
            "local_paths_path_absolute",
        ),
        (
            format!(
                "INSERT INTO vault.user_quotas (id, user_id, volume_id) VALUES ('{other}', '{USER}', '{VOLUME}'), (gen_random_uuid(), '{USER}', '{VOLUME}')"
            ),
            "user_quotas_user_id_volume_id_key",
        ),
        (
            format!(
                "INSERT INTO vault.app_quotas (id, app_id, volume_id) VALUES ('{other}', 'chat', '{VOLUME}'), (gen_random_uuid(), 'chat', '{VOLUME}')"
            ),
            "app_quotas_app_id_volume_id_key",
        ),
        (
            format!(
                "INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username) VALUES ('{other}', 'h', 0, 'ftp', 'u')"
            ),
            "ftp_endpoints_port_range",
        ),
        (
            format!(
                "INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username) VALUES ('{other}', 'h', 22, 'sftp', 'u')"
            ),
            "ftp_endpoints_sftp_key",
        ),
        (
            format!(
                "INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username) VALUES ('{other}', 'h', 21, 'gopher', 'u')"
            ),
            "ftp_endpoints_protocol",
        ),
        (
            format!(
                "INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username, password) VALUES ('{other}', 'h', 21, 'ftp', 'u', 'hunter2')"
            ),
            "ftp_endpoints_password_sealed",
        ),
        (
            format!(
                "INSERT INTO vault.s3_buckets (id, endpoint_url, bucket_name, region) VALUES ('{other}', 'http://s3', 'b', 'r');
                 INSERT INTO vault.s3_credentials (id, bucket_id, access_key, secret_key) VALUES (gen_random_uuid(), '{other}', 'AK', 'plain')"
            ),
            "s3_credentials_secret_key_sealed",
        ),
        (
            format!(
                "INSERT INTO vault.http_endpoints (id, url) VALUES ('{other}', 'http://dav');
                 INSERT INTO vault.http_credentials (id, endpoint_id, auth_type, credentials) VALUES (gen_random_uuid(), '{other}', 'digest', '{{\"sealed\": \"enc:v2:k\"}}')"
            ),
            "http_credentials_auth_type",
        ),
        (
            format!(
                "INSERT INTO vault.http_endpoints (id, url) VALUES ('{other}', 'http://dav');
                 INSERT INTO vault.http_credentials (id, endpoint_id, auth_type, credentials) VALUES (gen_random_uuid(), '{other}', 'basic', '{{\"username\": \"u\", \"password\": \"p\"}}')"
            ),
            "http_credentials_credentials_sealed",
        ),
        (file("", ""), "storage_files_live_path_key"),
        (
            raw_file("'apps', '00000000-0000-7000-8000-000000000003'", "'c'", "3", SHA),
            "storage_files_namespace",
        ),
        (
            raw_file("'users', NULL", "'c'", "3", SHA),
            "storage_files_namespace",
        ),
        (
            raw_file("'users', '00000000-0000-7000-8000-000000000003'", "'c'", "-1", SHA),
            "storage_files_size_nonnegative",
        ),
        (
            raw_file("'users', '00000000-0000-7000-8000-000000000003'", "'c'", "3", "'\\x00'"),
            "storage_files_sha256_length",
        ),
        (
            raw_file("'users', '00000000-0000-7000-8000-000000000003'", "''", "3", SHA),
            "storage_files_path_nonempty",
        ),
        (
            file(", metadata", ", '[1]'"),
            "storage_files_metadata_object",
        ),
    ];
    for (sql, constraint) in cases {
        assert_eq!(broken(&client, &sql).await, constraint, "{sql}");
    }

    // A soft-deleted file frees its path; the volume cannot go while files remain.
    client
        .batch_execute(&format!(
            "SET ROLE tessera_vault; UPDATE vault.storage_files SET deleted_at = now(); {}; RESET ROLE",
            file("", "")
        ))
        .await
        .expect("a deleted path is free again");
    assert_eq!(
        broken(
            &client,
            &format!("DELETE FROM vault.storage_volumes WHERE id = '{VOLUME}'")
        )
        .await,
        "storage_files_volume_id_fkey"
    );
}
