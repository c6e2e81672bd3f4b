//! Every closed set stored as text has one Rust enum, and that enum's spellings are exactly
//! what the column's CHECK constraint allows.

use tessera_identity::ids::{DeviceStatus, EventKind, SecurityEventKind};
use tessera_kit::ids::Tier;
use tessera_testkit::TestDb;
use tessera_testkit::schema::{allowed_values, spellings};

#[tokio::test]
async fn enums_spell_exactly_what_their_check_constraints_allow() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let allowed = |table, column| allowed_values(&client, "identity", table, column);
    assert_eq!(
        allowed("users", "subscription_tier").await,
        spellings(Tier::ALL, Tier::as_str)
    );
    assert_eq!(
        allowed("device_codes", "status").await,
        spellings(DeviceStatus::ALL, DeviceStatus::as_str)
    );
    assert_eq!(
        allowed("security_events", "kind").await,
        spellings(SecurityEventKind::ALL, SecurityEventKind::as_str)
    );
    assert_eq!(
        allowed("outbox", "kind").await,
        spellings(EventKind::ALL, EventKind::as_str)
    );
}
