//! Identity starting on a database where only the roles exist (a first deployment) migrates
//! before any background work touches its tables: no warning or error is logged.

use tessera_testkit::TestDb;

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
    // Give start-up background work (key rotation) time to run.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
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
