//! Every closed set the Storage Service stores as text has one Rust enum, and its spellings
//! are exactly what the column's CHECK constraint allows.

use tessera_testkit::TestDb;
use tessera_testkit::schema::{allowed_values, spellings};
use tessera_vault_storage::ids::{
    AnalyticsKind, Driver, FileState, FtpProtocol, HttpAuthType, Namespace, PathStrategy,
    VersioningMode,
};

#[tokio::test]
async fn enums_spell_exactly_what_their_check_constraints_allow() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let allowed = |table, column| allowed_values(&client, "vault", table, column);
    assert_eq!(
        allowed("storage_volumes", "driver").await,
        spellings(Driver::ALL, Driver::as_str)
    );
    assert_eq!(
        allowed("storage_volumes", "auto_path_strategy").await,
        spellings(PathStrategy::ALL, PathStrategy::as_str)
    );
    assert_eq!(
        allowed("storage_volumes", "versioning_mode").await,
        spellings(VersioningMode::ALL, VersioningMode::as_str)
    );
    assert_eq!(
        allowed("storage_files", "namespace").await,
        spellings(Namespace::ALL, Namespace::as_str)
    );
    assert_eq!(
        allowed("http_credentials", "auth_type").await,
        spellings(HttpAuthType::ALL, HttpAuthType::as_str)
    );
    assert_eq!(
        allowed("ftp_endpoints", "protocol").await,
        spellings(FtpProtocol::ALL, FtpProtocol::as_str)
    );
    assert_eq!(
        allowed("files", "state").await,
        spellings(FileState::ALL, FileState::as_str)
    );
    assert_eq!(
        allowed("analytics_events", "kind").await,
        spellings(AnalyticsKind::ALL, AnalyticsKind::as_str)
    );
}
