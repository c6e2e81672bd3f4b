//! deploy/k8s/base/roles.sql: each service's role can use its own schema and is refused elsewhere.

use tessera_testkit::TestDb;
use tessera_testkit::db::service_role;

async fn as_role(db: &TestDb, role: &str) -> tokio_postgres::Client {
    // The admin login switches to the role at connection start, as TESSERA_DB_ROLE does.
    let url = format!("{}?options=-c%20role%3D{role}", db.url());
    tessera_testkit::db::admin_client(&url).await
}

fn is_permission_denied(err: &tokio_postgres::Error) -> bool {
    err.code() == Some(&tokio_postgres::error::SqlState::INSUFFICIENT_PRIVILEGE)
}

#[tokio::test]
async fn each_role_owns_only_its_schema() {
    let db = TestDb::new().await;
    let schemas: Vec<&str> = tessera_schema::all().iter().map(|(s, _)| *s).collect();
    for own in &schemas {
        let role = service_role(own);
        let client = as_role(&db, &role).await;
        let whoami: String = client
            .query_one("SELECT current_user::text", &[])
            .await
            .expect("whoami")
            .get(0);
        assert_eq!(whoami, role);

        client
            .batch_execute(&format!("CREATE TABLE {own}.role_probe (id int); INSERT INTO {own}.role_probe VALUES (1); DROP TABLE {own}.role_probe"))
            .await
            .unwrap_or_else(|e| panic!("{role} cannot use its own schema {own}: {e}"));
        client
            .query_one(
                &format!("SELECT count(*) FROM {own}.__diesel_schema_migrations"),
                &[],
            )
            .await
            .unwrap_or_else(|e| panic!("{role} cannot read its own ledger: {e}"));

        for other in schemas.iter().filter(|s| *s != own) {
            let read = client
                .query(
                    &format!("SELECT * FROM {other}.__diesel_schema_migrations"),
                    &[],
                )
                .await;
            assert!(
                read.as_ref().is_err_and(is_permission_denied),
                "{role} read {other}: {read:?}"
            );
            let write = client
                .batch_execute(&format!("CREATE TABLE {other}.intruder (id int)"))
                .await;
            assert!(
                write.as_ref().is_err_and(is_permission_denied),
                "{role} wrote into {other}: {write:?}"
            );
        }
        let public = client
            .batch_execute("CREATE TABLE public.intruder (id int)")
            .await;
        assert!(
            public.as_ref().is_err_and(is_permission_denied),
            "{role} wrote into public: {public:?}"
        );
    }
}

#[tokio::test]
async fn roles_sql_is_idempotent() {
    let db = TestDb::new().await;
    let client = db.client().await;
    client
        .batch_execute(tessera_testkit::db::ROLES_SQL)
        .await
        .expect("second application");
    let owner: String = client
        .query_one(
            "SELECT pg_get_userbyid(nspowner)::text FROM pg_namespace WHERE nspname = 'messaging'",
            &[],
        )
        .await
        .expect("owner")
        .get(0);
    assert_eq!(owner, "tessera_messaging");
}
