//! TLS to PostgreSQL, against a real server that accepts TLS connections only, with a
//! certificate made here: the pool, the LISTEN connection and statement cancellation work
//! over `verify-full`; the real binary serves with the right CA (in the URL or
//! TESSERA_DB_CA_FILE), and stops at start-up with one configuration line for a wrong CA, a
//! host the certificate does not name, and `sslmode=disable`.

use std::time::{Duration, Instant};

use tessera_kit::db::{Db, DbSettings, ScopedFutureExt};
use tessera_kit::notify::Notifier;
use tessera_testkit::binary::RunningBinary;
use tessera_testkit::tls::{TestCa, TlsPostgres};
use tokio_util::sync::CancellationToken;

const BINARY: &str = env!("CARGO_BIN_EXE_tessera-identity");

fn settings(url: &str) -> DbSettings {
    let config = tessera_kit::CommonConfig::with_database_url(url).expect("config");
    DbSettings::from_config(&config, "identity", "identity")
}

/// Starts the binary on `url` and expects it to stop at once with one configuration line
/// that says `expected` (the start-up timeout is long: giving up must not wait for it).
async fn refused(url: &str, extra: &[(&str, &str)], expected: &str) {
    let mut env = vec![("TESSERA_DB_STARTUP_TIMEOUT", "60s")];
    env.extend_from_slice(extra);
    let started = Instant::now();
    let binary = RunningBinary::spawn(BINARY, url, &env);
    let (code, stderr) = binary.wait(Duration::from_secs(30)).await;
    assert_ne!(code, Some(0), "{url}: {stderr}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{url}: gave up only after {:?}",
        started.elapsed()
    );
    let lines: Vec<&str> = stderr.trim().lines().collect();
    assert_eq!(lines.len(), 1, "{url}: one line, got {stderr}");
    assert!(
        lines[0].contains("configuration error: DATABASE_URL") && lines[0].contains(expected),
        "{url}: {stderr}"
    );
    assert!(
        !lines[0].contains("BEGIN CERTIFICATE"),
        "no key material in errors"
    );
}

async fn serves(url: &str, extra: &[(&str, &str)]) {
    let binary = RunningBinary::spawn(BINARY, url, extra);
    binary.wait_serving(Duration::from_secs(30)).await;
    binary.signal("TERM");
    let (code, stderr) = binary.wait(Duration::from_secs(30)).await;
    assert_eq!(code, Some(0), "{url}: {stderr}");
}

#[tokio::test]
async fn connections_use_tls_as_sslmode_says() {
    let dir = std::env::temp_dir().join(format!("tessera-db-tls-{}", uuid::Uuid::now_v7()));
    let ca = TestCa::new(&dir.join("pki"), "db");
    let stranger = TestCa::new(&dir.join("pki"), "stranger");
    let pg = TlsPostgres::start(&ca, &dir.join("pg"));
    let ca_file = ca.ca_file().display().to_string();
    let verified = pg.url(
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={ca_file}"),
    );

    // The pool's connections are encrypted and verified.
    let db = Db::new(&settings(&verified)).expect("pool");
    let client = tessera_testkit::tls::pg_client(&verified).await;
    let ssl: bool = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .expect("ssl")
        .get(0);
    assert!(ssl, "the test's own client is on TLS too");
    db.ping().await.expect("a verified TLS connection");
    let over_tls: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) \
             WHERE s.ssl AND a.application_name = 'tessera-identity'",
            &[],
        )
        .await
        .expect("count")
        .get(0);
    assert!(over_tls >= 1, "the pool's connection uses TLS");

    // The LISTEN connection: a notification arrives.
    let shutdown = CancellationToken::new();
    let notifier = Notifier::start(&settings(&verified), shutdown.clone());
    let mut payloads = notifier.payloads("tls_check");
    let mut connections = notifier.connections();
    tokio::time::timeout(Duration::from_secs(10), connections.wait_for(|n| *n >= 1))
        .await
        .expect("LISTEN connection within 10 s")
        .expect("connections");
    client
        .execute("SELECT pg_notify('tls_check', 'over tls')", &[])
        .await
        .expect("notify");
    let got = tokio::time::timeout(Duration::from_secs(10), payloads.recv())
        .await
        .expect("a notification within 10 s")
        .expect("payload");
    assert_eq!(&*got, "over tls");
    shutdown.cancel();

    // An abandoned statement is cancelled on the server through a TLS cancel request.
    let sleeping = db.read("tls.sleep", |conn| {
        async move {
            use diesel_async::RunQueryDsl;
            diesel::sql_query("SELECT pg_sleep(60)")
                .execute(conn)
                .await
                .map(drop)
                .map_err(tessera_kit::DbError::from)
        }
        .scope_boxed()
    });
    let _ = tokio::time::timeout(Duration::from_millis(500), sleeping).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let running: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(60)' \
                 AND state = 'active'",
                &[],
            )
            .await
            .expect("activity")
            .get(0);
        if running == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "the statement was not cancelled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(client);

    // The binary: the right CA from the URL or from TESSERA_DB_CA_FILE; verify-ca ignores
    // the host name; anything else stops start-up with one line.
    serves(&verified, &[]).await;
    serves(
        &pg.url("localhost", "sslmode=verify-full"),
        &[("TESSERA_DB_CA_FILE", &ca_file)],
    )
    .await;
    serves(
        &pg.url(
            "127.0.0.1",
            &format!("sslmode=verify-ca&sslrootcert={ca_file}"),
        ),
        &[],
    )
    .await;
    let wrong = stranger.ca_file().display().to_string();
    refused(
        &pg.url(
            "localhost",
            &format!("sslmode=verify-full&sslrootcert={wrong}"),
        ),
        &[],
        "UnknownIssuer",
    )
    .await;
    refused(
        &pg.url(
            "127.0.0.1",
            &format!("sslmode=verify-full&sslrootcert={ca_file}"),
        ),
        &[],
        "not valid for name",
    )
    .await;
    refused(&pg.url("localhost", "sslmode=disable"), &[], "requires TLS").await;
    refused(
        &pg.url("localhost", "sslmode=verify-full"),
        &[],
        "TESSERA_DB_CA_FILE",
    )
    .await;
    drop(pg);
    let _ = std::fs::remove_dir_all(&dir);
}
