//! Identity starting on a database where only the roles exist (a first deployment) migrates
//! before any background work touches its tables: no warning or error is logged.

use std::time::Duration;

use tessera_testkit::TestDb;
use tessera_testkit::observe::{db_operations, eventually};

#[tokio::test]
async fn a_first_start_logs_no_warning() {
    let capture = tessera_testkit::logs::LogCapture::install("warn");

    let db = TestDb::empty().await;
    db.client()
        .await
        .batch_execute(tessera_testkit::db::ROLES_SQL)
        .await
        .expect("bootstrap roles");
    let identity =
        tessera_testkit::TestIdentity::start_with(db, tessera_testkit::identity::setup()).await;
    identity.sign_up("first").await;
    // Start-up background work (the key rotation) has run once it has recorded its operation.
    let metrics = identity.service.metrics_addr();
    eventually(
        "the start-up key rotation",
        Duration::from_secs(10),
        || async { db_operations(metrics, "rotate_api_keys").await >= 1.0 },
    )
    .await;
    let rotated_rows = identity
        .count("SELECT count(*) FROM identity.user_api_keys")
        .await;
    assert_eq!(rotated_rows, 0);

    let logs = capture.text();
    assert!(
        !logs.contains("WARN") && !logs.contains("ERROR"),
        "start-up logged problems:\n{logs}"
    );
}
