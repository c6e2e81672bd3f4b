//! Every closed set stored as text has one Rust enum, and that enum's spellings are exactly
//! what the column's CHECK constraint allows.

use tessera_identity::ids::{DeviceStatus, EventKind, SecurityEventKind};
use tessera_kit::ids::Tier;
use tessera_testkit::TestDb;

/// The quoted values of the CHECK constraints on `table.column`.
async fn allowed(db: &TestDb, table: &str, column: &str) -> Vec<String> {
    let definitions: Vec<String> = db
        .client()
        .await
        .query(
            "SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
             JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (c.conkey)
             WHERE n.nspname = 'identity' AND t.relname = $1 AND a.attname = $2 AND c.contype = 'c'",
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
        allowed(&db, "users", "subscription_tier").await,
        spellings(Tier::ALL, Tier::as_str)
    );
    assert_eq!(
        allowed(&db, "device_codes", "status").await,
        spellings(DeviceStatus::ALL, DeviceStatus::as_str)
    );
    assert_eq!(
        allowed(&db, "security_events", "kind").await,
        spellings(SecurityEventKind::ALL, SecurityEventKind::as_str)
    );
    assert_eq!(
        allowed(&db, "outbox", "kind").await,
        spellings(EventKind::ALL, EventKind::as_str)
    );
}
