//! Migrations: each schema's ledger lives in that schema, and concurrent starts are safe.

use tessera_kit::db::DbSettings;
use tessera_testkit::TestDb;

#[tokio::test]
async fn concurrent_migrations_of_every_schema_apply_each_migration_once() {
    let db = TestDb::empty().await;
    let config = db.config();
    let mut runs = Vec::new();
    // Two "replicas" of each service start at the same moment against an empty database.
    for _ in 0..2 {
        for (schema, migrations) in tessera_schema::all() {
            let settings = DbSettings::from_config(&config, "test", schema);
            runs.push(tokio::spawn(async move {
                tessera_kit::migrate::run(&settings, migrations).await
            }));
        }
    }
    let mut applied_total = 0;
    for run in runs {
        applied_total += run.await.expect("task").expect("migration run").len();
    }
    let expected: usize = tessera_schema::all()
        .iter()
        .map(|(_, m)| {
            diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(*m)
                .expect("migrations")
                .len()
        })
        .sum();
    assert_eq!(
        applied_total, expected,
        "every migration applied exactly once across all runs"
    );

    let client = db.client().await;
    for (schema, _) in tessera_schema::all() {
        let count: i64 = client
            .query_one(
                &format!("SELECT count(*) FROM \"{schema}\".__diesel_schema_migrations"),
                &[],
            )
            .await
            .unwrap_or_else(|e| panic!("ledger of {schema}: {e}"))
            .get(0);
        assert!(count >= 1, "schema {schema} has its own ledger");
    }
    let public_ledger: Option<String> = client
        .query_one(
            "SELECT to_regclass('public.__diesel_schema_migrations')::text",
            &[],
        )
        .await
        .expect("lookup")
        .get(0);
    assert_eq!(
        public_ledger, None,
        "no ledger outside the services' schemas"
    );
}

#[tokio::test]
async fn test_databases_are_isolated() {
    let (a, b) = (TestDb::new().await, TestDb::new().await);
    assert_ne!(a.name(), b.name());
    a.client()
        .await
        .batch_execute("CREATE TABLE identity.only_in_a (x int)")
        .await
        .expect("create");
    let seen: Option<String> = b
        .client()
        .await
        .query_one("SELECT to_regclass('identity.only_in_a')::text", &[])
        .await
        .expect("lookup")
        .get(0);
    assert_eq!(seen, None);
}
