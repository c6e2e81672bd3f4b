//! Every closed set the Storage Service stores as text has one Rust enum, and its spellings
//! are exactly what the column's CHECK constraint allows.

use tessera_testkit::TestDb;
use tessera_vault_storage::ids::{
    Driver, FtpProtocol, HttpAuthType, Namespace, PathStrategy, VersioningMode,
};

/// The quoted values of the CHECK constraint on `table.column` that lists them.
async fn allowed(db: &TestDb, table: &str, column: &str) -> Vec<String> {
    let definitions: Vec<String> = db
        .client()
        .await
        .query(
            "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE n.nspname = 'vault' AND t.relname = $1 AND c.contype = 'c' AND c.conname = $1 || '_' || $2",
            &[&table, &column],
        )
        .await
        .expect("constraints")
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(definitions.len(), 1, "{table}.{column}: {definitions:?}");
    let mut values: Vec<String> = definitions[0]
        .split('\'')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    values.sort();
    values.dedup();
    values
}

fn spellings<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> Vec<String> {
    let mut values: Vec<String> = all.iter().map(|v| as_str(*v).to_owned()).collect();
    values.sort();
    values
}

#[tokio::test]
async fn enums_spell_exactly_what_their_check_constraints_allow() {
    let db = TestDb::new().await;
    assert_eq!(
        allowed(&db, "storage_volumes", "driver").await,
        spellings(Driver::ALL, Driver::as_str)
    );
    assert_eq!(
        allowed(&db, "storage_volumes", "auto_path_strategy").await,
        spellings(PathStrategy::ALL, PathStrategy::as_str)
    );
    assert_eq!(
        allowed(&db, "storage_volumes", "versioning_mode").await,
        spellings(VersioningMode::ALL, VersioningMode::as_str)
    );
    assert_eq!(
        allowed(&db, "storage_files", "namespace").await,
        spellings(Namespace::ALL, Namespace::as_str)
    );
    assert_eq!(
        allowed(&db, "http_credentials", "auth_type").await,
        spellings(HttpAuthType::ALL, HttpAuthType::as_str)
    );
    assert_eq!(
        allowed(&db, "ftp_endpoints", "protocol").await,
        spellings(FtpProtocol::ALL, FtpProtocol::as_str)
    );
}
