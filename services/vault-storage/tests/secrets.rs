//! Driver secrets are envelopes bound to their row and column: never plaintext in a column,
//! re-wrapped under the primary key in batches, after which the old key can go and every
//! secret still opens; an envelope copied onto another row is refused.

use base64::Engine;
use tessera_kit::Db;
use tessera_kit::keyring::KeyRing;
use tessera_testkit::TestDb;
use tessera_vault_storage::secrets::{self, RewrapError, context};
use uuid::Uuid;

fn ring(ids: &[(&str, u8)]) -> KeyRing {
    let spec: Vec<String> = ids
        .iter()
        .map(|(id, byte)| {
            let key = base64::engine::general_purpose::STANDARD.encode([*byte; 32]);
            format!("{id}:{key}")
        })
        .collect();
    KeyRing::parse(&spec.join(",")).expect("ring")
}

fn vault_db(db: &TestDb) -> Db {
    Db::new(&db.service_settings("vault")).expect("pool")
}

const S3_ROWS: usize = 205;

/// Seals one secret of each kind (and `S3_ROWS` S3 keys) under `old`; returns the plaintexts.
async fn seed(db: &TestDb, old: &KeyRing) -> Vec<String> {
    let bucket = Uuid::now_v7();
    let mut sql = format!(
        "INSERT INTO vault.s3_buckets (id, endpoint_url, bucket_name, region) VALUES ('{bucket}', 'http://s3', 'b', 'us-east-1');"
    );
    let mut plaintexts = Vec::new();
    for i in 0..S3_ROWS {
        let id = Uuid::now_v7();
        let secret = format!("s3-secret-{i:04}-wJalrXUtnFEMI");
        let sealed = old
            .seal_envelope(&secret, &context("s3_credentials", id, "secret_key"))
            .expect("seal");
        sql.push_str(&format!(
            "INSERT INTO vault.s3_credentials (id, bucket_id, access_key, secret_key) VALUES ('{id}', '{bucket}', 'AK{i}', '{sealed}');"
        ));
        plaintexts.push(secret);
    }
    let (ftp, ftp_plain) = (Uuid::now_v7(), Uuid::now_v7());
    let password = old
        .seal_envelope(
            "ftp-password-hunter2",
            &context("ftp_endpoints", ftp, "password"),
        )
        .expect("seal");
    sql.push_str(&format!(
        "INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username, password) VALUES ('{ftp}', 'h', 21, 'ftp', 'u', '{password}');
         INSERT INTO vault.ftp_endpoints (id, host, port, protocol, username, key_path) VALUES ('{ftp_plain}', 'h', 22, 'sftp', 'u', '/keys/id');"
    ));
    plaintexts.push("ftp-password-hunter2".into());
    let (endpoint, credential) = (Uuid::now_v7(), Uuid::now_v7());
    let sealed = old
        .seal_envelope(
            r#"{"token":"dav-bearer-token-xyz"}"#,
            &context("http_credentials", credential, "credentials"),
        )
        .expect("seal");
    sql.push_str(&format!(
        "INSERT INTO vault.http_endpoints (id, url) VALUES ('{endpoint}', 'http://dav');
         INSERT INTO vault.http_credentials (id, endpoint_id, auth_type, credentials) VALUES ('{credential}', '{endpoint}', 'bearer', '{{\"sealed\": \"{sealed}\"}}');"
    ));
    plaintexts.push(r#"{"token":"dav-bearer-token-xyz"}"#.into());
    db.client().await.batch_execute(&sql).await.expect("seed");
    plaintexts
}

fn id(row: &tokio_postgres::Row) -> Uuid {
    Uuid::parse_str(row.get(0)).expect("uuid")
}

/// Every stored secret, opened with `ring`.
async fn open_all(db: &TestDb, ring: &KeyRing) -> Vec<String> {
    let client = db.client().await;
    let mut opened = Vec::new();
    for row in client
        .query("SELECT id::text, secret_key FROM vault.s3_credentials", &[])
        .await
        .expect("s3")
    {
        let aad = context("s3_credentials", id(&row), "secret_key");
        opened.push(
            ring.open_envelope(row.get(1), &aad)
                .expect("s3 secret opens"),
        );
    }
    opened.sort();
    for row in client
        .query(
            "SELECT id::text, password FROM vault.ftp_endpoints WHERE password IS NOT NULL",
            &[],
        )
        .await
        .expect("ftp")
    {
        let aad = context("ftp_endpoints", id(&row), "password");
        opened.push(
            ring.open_envelope(row.get(1), &aad)
                .expect("ftp password opens"),
        );
    }
    for row in client
        .query(
            "SELECT id::text, credentials ->> 'sealed' FROM vault.http_credentials",
            &[],
        )
        .await
        .expect("http")
    {
        let aad = context("http_credentials", id(&row), "credentials");
        opened.push(
            ring.open_envelope(row.get(1), &aad)
                .expect("http credentials open"),
        );
    }
    opened
}

#[tokio::test]
async fn rotation_rewraps_every_secret_and_the_old_key_can_go() {
    let db = TestDb::new().await;
    let old = ring(&[("k1", 1)]);
    let plaintexts = seed(&db, &old).await;

    let dump: String = db
        .client()
        .await
        .query_one(
            "SELECT concat_ws(' ', (SELECT string_agg(t::text, ' ') FROM vault.s3_credentials t),
                    (SELECT string_agg(t::text, ' ') FROM vault.ftp_endpoints t),
                    (SELECT string_agg(t::text, ' ') FROM vault.http_credentials t))",
            &[],
        )
        .await
        .expect("dump")
        .get(0);
    for secret in ["wJalrXUtnFEMI", "hunter2", "dav-bearer-token"] {
        assert!(!dump.contains(secret), "{secret} is stored in clear");
    }

    let rotated = ring(&[("k2", 2), ("k1", 1)]);
    let pool = vault_db(&db);
    let moved = secrets::rewrap_all(&pool, &rotated).await.expect("rewrap");
    assert_eq!(moved, S3_ROWS + 2, "every sealed value, in batches of 200");
    assert_eq!(
        secrets::rewrap_all(&pool, &rotated).await.expect("again"),
        0,
        "nothing left under k1"
    );

    let only_new = ring(&[("k2", 2)]);
    assert_eq!(open_all(&db, &only_new).await, plaintexts);
}

#[tokio::test]
async fn an_envelope_copied_to_another_row_is_refused() {
    let db = TestDb::new().await;
    let old = ring(&[("k1", 1)]);
    seed(&db, &old).await;
    // Give one S3 credential another row's envelope (as someone with write access might).
    db.client()
        .await
        .batch_execute(
            "UPDATE vault.s3_credentials SET secret_key = (SELECT secret_key FROM vault.s3_credentials WHERE access_key = 'AK1')
             WHERE access_key = 'AK2'",
        )
        .await
        .expect("copy");
    let rotated = ring(&[("k2", 2), ("k1", 1)]);
    let refused = secrets::rewrap_all(&vault_db(&db), &rotated)
        .await
        .expect_err("the copy does not authenticate on its new row");
    assert!(
        matches!(
            refused,
            RewrapError::Sealing {
                table: "s3_credentials",
                ..
            }
        ),
        "{refused:?}"
    );
}
