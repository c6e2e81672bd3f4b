//! Nest's vault tables (seed 000) hold every seed field and the constraints, in
//! Postgres types; and no vault table can hold a name: names live only in the encrypted
//! metadata blob.

use crate::harness;

use harness::pg::{Column, NOW, assert_columns, broken};
use tessera_testkit::TestDb;

const TABLES: &[(&str, &[Column])] = &[
    (
        "user_crypto",
        &[
            ("user_id", "uuid", false, None),
            ("salt", "bytea", false, None),
            ("encrypted_master_key", "bytea", false, None),
            ("metadata_blob", "bytea", false, None),
            ("metadata_version", "bigint", false, Some("0")),
            ("storage_used_bytes", "bigint", false, Some("0")),
            ("created_at", "timestamptz", false, NOW),
            ("updated_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "folders",
        &[
            ("id", "uuid", false, None),
            ("user_id", "uuid", false, None),
            ("parent_id", "uuid", true, None),
            ("encrypted_key", "bytea", false, None),
            ("created_at", "timestamptz", false, NOW),
            ("updated_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "files",
        &[
            ("id", "uuid", false, None),
            ("user_id", "uuid", false, None),
            ("folder_id", "uuid", true, None),
            ("volume_id", "uuid", false, None),
            ("merkle_hash", "bytea", true, None),
            ("encrypted_key", "bytea", false, None),
            ("size", "bigint", false, None),
            ("chunk_count", "integer", false, None),
            (
                "state",
                "varchar(10)",
                false,
                Some("'pending'::character varying"),
            ),
            ("created_at", "timestamptz", false, NOW),
            ("updated_at", "timestamptz", false, NOW),
            ("completed_at", "timestamptz", true, None),
        ],
    ),
    (
        "file_chunks",
        &[
            ("file_id", "uuid", false, None),
            ("chunk_index", "integer", false, None),
            ("size", "bigint", false, None),
            ("sha256", "bytea", false, None),
            ("object_path", "text", false, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "graveyard",
        &[
            ("file_id", "uuid", false, None),
            ("user_id", "uuid", false, None),
            ("folder_id", "uuid", true, None),
            ("volume_id", "uuid", false, None),
            ("merkle_hash", "bytea", false, None),
            ("encrypted_key", "bytea", false, None),
            ("size", "bigint", false, None),
            ("chunk_count", "integer", false, None),
            ("created_at", "timestamptz", false, None),
            ("deleted_at", "timestamptz", false, NOW),
            ("purge_at", "timestamptz", false, None),
        ],
    ),
    (
        "graveyard_chunks",
        &[
            ("file_id", "uuid", false, None),
            ("chunk_index", "integer", false, None),
            ("size", "bigint", false, None),
            ("sha256", "bytea", false, None),
            ("object_path", "text", false, None),
            ("created_at", "timestamptz", false, None),
        ],
    ),
    (
        "analytics_events",
        &[
            ("id", "uuid", false, None),
            ("user_id", "uuid", false, None),
            ("kind", "varchar(20)", false, None),
            ("bytes", "bigint", false, Some("0")),
            (
                "occurred_at",
                "timestamptz",
                false,
                Some("date_trunc('hour'::text, now(), 'UTC'::text)"),
            ),
        ],
    ),
    (
        "blobs",
        &[
            ("user_id", "uuid", false, None),
            ("sha256", "bytea", false, None),
            ("size", "bigint", false, None),
            ("volume_id", "uuid", false, None),
            ("created_at", "timestamptz", false, NOW),
            ("last_seen_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "manifests",
        &[
            ("user_id", "uuid", false, None),
            ("sha256", "bytea", false, None),
            ("size", "bigint", false, None),
            ("volume_id", "uuid", false, None),
            ("created_at", "timestamptz", false, NOW),
        ],
    ),
    (
        "manifest_blobs",
        &[
            ("user_id", "uuid", false, None),
            ("manifest_sha256", "bytea", false, None),
            ("blob_sha256", "bytea", false, None),
        ],
    ),
    (
        "blob_writes",
        &[
            ("user_id", "uuid", false, None),
            ("sha256", "bytea", false, None),
            ("size", "bigint", false, None),
            ("volume_id", "uuid", false, None),
            ("part_offsets", "bigint[]", false, Some("'{}'::bigint[]")),
            ("persisted_size", "bigint", false, Some("0")),
            ("writer_id", "uuid", true, None),
            ("lease_expires_at", "timestamptz", true, None),
            ("created_at", "timestamptz", false, NOW),
            ("expires_at", "timestamptz", false, None),
        ],
    ),
    (
        "object_deletions",
        &[
            ("id", "uuid", false, None),
            ("volume_id", "uuid", false, None),
            ("object_path", "text", false, None),
            ("attempts", "integer", false, Some("0")),
            ("queued_at", "timestamptz", false, NOW),
            ("next_attempt_at", "timestamptz", false, NOW),
        ],
    ),
];

#[tokio::test]
async fn every_vault_field_has_its_type_nullability_and_default() {
    assert_columns(TABLES).await;
}

#[tokio::test]
async fn no_vault_table_has_a_column_that_could_hold_a_name() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let tables: Vec<&str> = TABLES.iter().map(|(t, _)| *t).collect();
    let rows = client
        .query(
            "SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'vault' AND c.relname = ANY($1) AND a.attnum > 0
               AND NOT a.attisdropped",
            &[&tables],
        )
        .await
        .expect("columns");
    assert!(rows.len() > 40, "the query sees the vault's columns");
    // Free text is where a name would go: only these are text, each a closed set or a path
    // the server builds from ids.
    let allowed_text = [
        "files.state",
        "file_chunks.object_path",
        "graveyard_chunks.object_path",
        "object_deletions.object_path",
        "analytics_events.kind",
    ];
    for row in &rows {
        let (table, column, udt): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        let lower = column.to_lowercase();
        for word in ["name", "title", "label", "path"] {
            assert!(
                !lower.contains(word) || column == "object_path",
                "vault.{table}.{column} looks like it holds a name"
            );
        }
        let texty = udt == "text" || udt.starts_with("character") || udt == "jsonb";
        assert!(
            !texty || allowed_text.contains(&format!("{table}.{column}").as_str()),
            "vault.{table}.{column} ({udt}) could hold a name"
        );
    }
}

const ALICE: &str = "00000000-0000-7000-8000-00000000000a";
const BOB: &str = "00000000-0000-7000-8000-00000000000b";
const ROOT: &str = "00000000-0000-7000-8000-000000000001";
const BOBS: &str = "00000000-0000-7000-8000-000000000002";
const FILE: &str = "00000000-0000-7000-8000-000000000003";
const LOCAL: &str = "00000000-0000-7000-8000-000000000004";
const VOLUME: &str = "00000000-0000-7000-8000-000000000005";
const HASH: &str = "'\\x0000000000000000000000000000000000000000000000000000000000000000'";

fn vault(user: &str, salt: &str) -> String {
    format!(
        "INSERT INTO vault.user_crypto (user_id, salt, encrypted_master_key, metadata_blob) VALUES ('{user}', {salt}, '\\x01', '\\x')"
    )
}

fn blob(sha: &str, size: &str) -> String {
    format!(
        "INSERT INTO vault.blobs (user_id, sha256, size, volume_id) VALUES ('{ALICE}', {sha}, {size}, '{VOLUME}')"
    )
}

fn folder(id: &str, user: &str, parent: &str, key: &str) -> String {
    format!(
        "INSERT INTO vault.folders (id, user_id, parent_id, encrypted_key) VALUES ('{id}', '{user}', {parent}, {key})"
    )
}

fn file(columns: &str, values: &str) -> String {
    format!(
        "INSERT INTO vault.files (id, user_id, volume_id, encrypted_key, size, chunk_count{columns}) VALUES (gen_random_uuid(), '{ALICE}', '{VOLUME}', uuid_send(gen_random_uuid()), 10, 1{values})"
    )
}

#[tokio::test]
async fn vault_constraints_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let salt_a = "'\\x000102030405060708090a0b0c0d0e0f'";
    client
        .batch_execute(&format!(
            "SET ROLE tessera_vault; {}; {}; {}; {};
             INSERT INTO vault.local_paths (id, path) VALUES ('{LOCAL}', '/srv/tessera');
             INSERT INTO vault.storage_volumes (id, name, driver, config)
                 VALUES ('{VOLUME}', 'vault', 'local', '{{\"local_path_id\": \"{LOCAL}\"}}');
             INSERT INTO vault.files (id, user_id, folder_id, volume_id, encrypted_key, size, chunk_count)
                 VALUES ('{FILE}', '{ALICE}', '{ROOT}', '{VOLUME}', '\\x03', 10, 1);
             RESET ROLE",
            vault(ALICE, salt_a),
            vault(BOB, "'\\x101112131415161718191a1b1c1d1e1f'"),
            folder(ROOT, ALICE, "NULL", "'\\x01'"),
            folder(BOBS, BOB, "NULL", "'\\x02'"),
        ))
        .await
        .expect("valid rows");

    let cases: Vec<(String, &str)> = vec![
        (
            vault(ALICE, "'\\x202122232425262728292a2b2c2d2e2f'"),
            "user_crypto_pkey",
        ),
        (
            vault("00000000-0000-7000-8000-0000000000cc", salt_a),
            "user_crypto_salt_key",
        ),
        (
            vault("00000000-0000-7000-8000-0000000000cc", "'\\x0001'"),
            "user_crypto_salt_length",
        ),
        (
            "UPDATE vault.user_crypto SET metadata_blob = convert_to(repeat('x', 3145729), 'UTF8')"
                .into(),
            "user_crypto_metadata_blob_size",
        ),
        (
            "UPDATE vault.user_crypto SET storage_used_bytes = -1".into(),
            "user_crypto_storage_used",
        ),
        (
            "UPDATE vault.user_crypto SET metadata_version = -1".into(),
            "user_crypto_metadata_version",
        ),
        (
            folder(
                "00000000-0000-7000-8000-0000000000dd",
                ALICE,
                "NULL",
                "'\\x01'",
            ),
            "folders_encrypted_key_key",
        ),
        // Bob's folder cannot hang under Alice's.
        (
            folder(
                "00000000-0000-7000-8000-0000000000dd",
                BOB,
                &format!("'{ROOT}'"),
                "'\\x09'",
            ),
            "folders_parent_fkey",
        ),
        (
            folder(
                "00000000-0000-7000-8000-0000000000dd",
                "00000000-0000-7000-8000-0000000000cc",
                "NULL",
                "'\\x09'",
            ),
            "folders_user_id_fkey",
        ),
        (
            format!("UPDATE vault.folders SET parent_id = id WHERE id = '{ROOT}'"),
            "folders_not_own_parent",
        ),
        (file(", state", ", 'done'"), "files_state"),
        (
            file(
                ", state, merkle_hash, completed_at",
                ", 'complete', NULL, now()",
            ),
            "files_complete_shape",
        ),
        (
            file(
                ", state, merkle_hash, completed_at",
                ", 'complete', '\\x00', now()",
            ),
            "files_merkle_hash_length",
        ),
        (
            format!(
                "INSERT INTO vault.files (id, user_id, volume_id, encrypted_key, size, chunk_count) VALUES (gen_random_uuid(), '{ALICE}', '{VOLUME}', '\\x03', 1, 1)"
            ),
            "files_encrypted_key_key",
        ),
        (
            format!(
                "INSERT INTO vault.files (id, user_id, volume_id, encrypted_key, size, chunk_count) VALUES (gen_random_uuid(), '{ALICE}', '{VOLUME}', '\\x04', 0, 1)"
            ),
            "files_chunk_count",
        ),
        (
            format!(
                "INSERT INTO vault.files (id, user_id, folder_id, volume_id, encrypted_key, size, chunk_count) VALUES (gen_random_uuid(), '{ALICE}', '{BOBS}', '{VOLUME}', '\\x05', 1, 1)"
            ),
            "files_folder_fkey",
        ),
        (
            format!("DELETE FROM vault.folders WHERE id = '{ROOT}'"),
            "files_folder_fkey",
        ),
        (
            format!(
                "INSERT INTO vault.file_chunks (file_id, chunk_index, size, sha256, object_path) VALUES ('{FILE}', -1, 1, {HASH}, 'p')"
            ),
            "file_chunks_chunk_index",
        ),
        (
            format!(
                "INSERT INTO vault.file_chunks (file_id, chunk_index, size, sha256, object_path) VALUES ('{FILE}', 0, 1, '\\x00', 'p')"
            ),
            "file_chunks_sha256_length",
        ),
        (
            format!(
                "INSERT INTO vault.file_chunks (file_id, chunk_index, size, sha256, object_path) VALUES ('{FILE}', 0, 1, {HASH}, 'p'), ('{FILE}', 0, 1, {HASH}, 'q')"
            ),
            "file_chunks_pkey",
        ),
        (
            format!(
                "INSERT INTO vault.graveyard (file_id, user_id, volume_id, merkle_hash, encrypted_key, size, chunk_count, created_at, purge_at) VALUES (gen_random_uuid(), '{ALICE}', '{VOLUME}', {HASH}, '\\x07', 1, 1, now(), now() - interval '1 day')"
            ),
            "graveyard_purge_after_delete",
        ),
        (
            format!(
                "INSERT INTO vault.analytics_events (id, user_id, kind) VALUES (gen_random_uuid(), '{ALICE}', 'rename')"
            ),
            "analytics_events_kind",
        ),
        (
            format!(
                "INSERT INTO vault.analytics_events (id, user_id, kind, occurred_at) VALUES (gen_random_uuid(), '{ALICE}', 'upload', '2026-11-27 10:15:00+00')"
            ),
            "analytics_events_hour",
        ),
        (blob("'\\x00'", "1"), "blobs_sha256_length"),
        (blob(HASH, "-1"), "blobs_size"),
        (format!("{}; {}", blob(HASH, "1"), blob(HASH, "1")), "blobs_pkey"),
        (
            format!(
                "INSERT INTO vault.manifests (user_id, sha256, size, volume_id) VALUES ('{ALICE}', {HASH}, 0, '{VOLUME}')"
            ),
            "manifests_size",
        ),
        (
            format!(
                "INSERT INTO vault.manifests (user_id, sha256, size, volume_id) VALUES ('{ALICE}', {HASH}, 10, '{VOLUME}');
                 INSERT INTO vault.manifest_blobs (user_id, manifest_sha256, blob_sha256) VALUES ('{ALICE}', {HASH}, {HASH})"
            ),
            "manifest_blobs_blob_fkey",
        ),
        (
            format!(
                "INSERT INTO vault.blob_writes (user_id, sha256, size, volume_id, persisted_size, expires_at) VALUES ('{ALICE}', {HASH}, 10, '{VOLUME}', 11, now())"
            ),
            "blob_writes_sizes",
        ),
        (
            format!(
                "INSERT INTO vault.blob_writes (user_id, sha256, size, volume_id, writer_id, expires_at) VALUES ('{ALICE}', {HASH}, 10, '{VOLUME}', gen_random_uuid(), now())"
            ),
            "blob_writes_lease",
        ),
    ];
    for (sql, constraint) in cases {
        assert_eq!(broken(&client, &sql).await, constraint, "{sql}");
    }

    // Chunks go with their file, and a vault takes its user's rows with it.
    client
        .batch_execute(&format!(
            "SET ROLE tessera_vault;
             INSERT INTO vault.file_chunks (file_id, chunk_index, size, sha256, object_path) VALUES ('{FILE}', 0, 10, {HASH}, 'vault/a/f/0');
             DELETE FROM vault.files WHERE id = '{FILE}';
             DELETE FROM vault.user_crypto WHERE user_id = '{ALICE}';
             RESET ROLE"
        ))
        .await
        .expect("cascades");
    let left = client
        .query_one(
            "SELECT (SELECT count(*) FROM vault.file_chunks) + (SELECT count(*) FROM vault.folders WHERE user_id = $1::text::uuid)",
            &[&ALICE],
        )
        .await
        .expect("count");
    assert_eq!(left.get::<_, i64>(0), 0);
}
