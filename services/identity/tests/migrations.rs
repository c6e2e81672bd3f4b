//! The move of identity's events to the kit's outbox carries every recorded event over with
//! its cursor, encoded exactly as the stream sends it.

use prost::Message;
use tessera_kit::db::DbSettings;
use tessera_proto::tessera::identity::v1 as pb;
use tessera_testkit::TestDb;

/// The migrations before the outbox, as a database upgraded from them has them.
const BEFORE: [(&str, &str); 3] = [
    (
        "20261123000000",
        include_str!(
            "../../../shared/schema/migrations/identity/2026-11-23-000000_describe_schema/up.sql"
        ),
    ),
    (
        "20261123000100",
        include_str!(
            "../../../shared/schema/migrations/identity/2026-11-23-000100_accounts_sessions/up.sql"
        ),
    ),
    (
        "20261123000200",
        include_str!(
            "../../../shared/schema/migrations/identity/2026-11-23-000200_codes_keys_security_events/up.sql"
        ),
    ),
];

#[tokio::test]
async fn recorded_events_move_to_the_outbox_with_their_cursors() {
    let db = TestDb::empty().await;
    let admin = db.client().await;
    admin
        .batch_execute(tessera_testkit::db::ROLES_SQL)
        .await
        .expect("roles");
    admin
        .batch_execute("SET ROLE tessera_identity; CREATE TABLE identity.__diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)")
        .await
        .expect("ledger");
    for (version, sql) in BEFORE {
        admin.batch_execute(sql).await.expect(version);
        admin
            .execute(
                "INSERT INTO identity.__diesel_schema_migrations (version) VALUES ($1)",
                &[&version],
            )
            .await
            .expect("ledger row");
    }
    admin
        .batch_execute(
            "INSERT INTO identity.events (kind, user_id, session_id, occurred_at) VALUES
                ('session_revoked', '0190a6f2-1c3e-7b4a-9d2e-5f6a7b8c9d0e', '0190a6f2-1c3e-7b4a-9d2e-000000000001', '2026-11-20 10:00:00.123456+00'),
                ('session_revoked', '0190a6f2-1c3e-7b4a-9d2e-5f6a7b8c9d0e', '0190a6f2-1c3e-7b4a-9d2e-000000000002', '2026-11-20 10:00:01+00'),
                ('account_deleted', '0190a6f2-1c3e-7b4a-9d2e-5f6a7b8c9d0e', NULL, '2026-11-20 10:00:02.5+00');
             DELETE FROM identity.events WHERE seq = 1;
             RESET ROLE;",
        )
        .await
        .expect("events");

    let mut settings = DbSettings::from_config(&db.config(), "test", "identity");
    settings.role = Some("tessera_identity".into());
    tessera_kit::migrate::run(&settings, &tessera_schema::identity::MIGRATIONS)
        .await
        .expect("migrating to the outbox");

    let rows = admin
        .query(
            "SELECT seq, kind, payload FROM identity.outbox ORDER BY seq",
            &[],
        )
        .await
        .expect("outbox");
    let moved: Vec<(i64, String, pb::Event)> = rows
        .iter()
        .map(|row| {
            let payload: Vec<u8> = row.get(2);
            (
                row.get(0),
                row.get(1),
                pb::Event::decode(payload.as_slice()).expect("a tessera.identity.v1.Event"),
            )
        })
        .collect();
    assert_eq!(moved.len(), 2);
    let (seq, kind, event) = &moved[0];
    assert_eq!((*seq, kind.as_str()), (2, "session_revoked"));
    assert_eq!(event.kind, pb::EventKind::SessionRevoked as i32);
    assert_eq!(event.user_id, "0190a6f2-1c3e-7b4a-9d2e-5f6a7b8c9d0e");
    assert_eq!(event.session_id, "0190a6f2-1c3e-7b4a-9d2e-000000000002");
    let at = event.occur_time.expect("time");
    assert_eq!((at.seconds, at.nanos), (1_795_168_801, 0));
    let (seq, kind, event) = &moved[1];
    assert_eq!((*seq, kind.as_str()), (3, "account_deleted"));
    assert_eq!(event.kind, pb::EventKind::AccountDeleted as i32);
    assert_eq!(event.session_id, "");
    let at = event.occur_time.expect("time");
    assert_eq!((at.seconds, at.nanos), (1_795_168_802, 500_000_000));
    assert_eq!(
        event.cursor, 0,
        "the cursor is the row's, not the payload's"
    );

    // New events continue after the carried-over cursors.
    let next: i64 = admin
        .query_one(
            "INSERT INTO identity.outbox (kind, payload) VALUES ('account_deleted', '') RETURNING seq",
            &[],
        )
        .await
        .expect("insert")
        .get(0);
    assert_eq!(next, 4);
}
