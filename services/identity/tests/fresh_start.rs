//! Identity starting on a database where only the roles exist (a first deployment) migrates
//! before any background work touches its tables: no warning or error is logged.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use tessera_testkit::TestDb;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("capture").extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_first_start_logs_no_warning() {
    let capture = Capture::default();
    let writer = capture.clone();
    tracing_subscriber::fmt()
        .with_env_filter("warn")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();

    let db = TestDb::empty().await;
    db.client()
        .await
        .batch_execute(tessera_testkit::db::ROLES_SQL)
        .await
        .expect("bootstrap roles");
    let identity = common::Identity::start_with(db, common::config()).await;
    identity.sign_up("first").await;
    // Give start-up background work (key rotation) time to run.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let rotated_rows = identity
        .count("SELECT count(*) FROM identity.user_api_keys")
        .await;
    assert_eq!(rotated_rows, 0);

    let logs = String::from_utf8(capture.0.lock().expect("capture").clone()).expect("utf8");
    assert!(
        !logs.contains("WARN") && !logs.contains("ERROR"),
        "start-up logged problems:\n{logs}"
    );
}
