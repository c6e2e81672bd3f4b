//! The infrastructure tables as seed 004 has them (in Postgres types): columns and defaults,
//! enums, indexes and unique keys, foreign key actions, and the CHECKs.

use tessera_testkit::TestDb;
use tessera_testkit::pg::{Column, NOW, assert_columns, assert_indexes, broken, foreign_keys};
use tessera_testkit::schema::allowed_values;

const NONE: Option<&str> = None;

#[tokio::test]
async fn tables_have_the_seeds_columns_and_defaults() {
    let credentials: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("user_id", "uuid", false, NONE),
        ("provider", "text", false, NONE),
        ("api_token", "text", false, NONE),
        ("metadata", "jsonb", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let resources: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("type", "text", false, NONE),
        ("provider", "text", false, NONE),
        ("provider_resource_id", "text", true, NONE),
        ("name", "text", false, NONE),
        ("connection_info", "text", true, NONE),
        ("status", "text", false, Some("'pending'::text")),
        ("error", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let settings: &[Column] = &[
        ("workspace_id", "uuid", false, NONE),
        ("auto_deploy", "boolean", false, Some("false")),
        ("runtime_override", "text", true, NONE),
        ("build_command", "text", true, NONE),
        ("start_command", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let deployments: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", true, NONE),
        ("project_id", "uuid", false, NONE),
        ("snapshot_id", "text", true, NONE),
        ("status", "text", false, NONE),
        ("trigger", "text", false, NONE),
        ("url", "text", true, NONE),
        ("error", "text", true, NONE),
        ("started_at", "timestamptz", false, NONE),
        ("completed_at", "timestamptz", true, NONE),
    ];
    assert_columns(
        "intelligence",
        &[
            ("provider_credentials", credentials),
            ("infrastructure_resources", resources),
            ("deployment_settings", settings),
            ("deployments", deployments),
        ],
    )
    .await;
}

#[tokio::test]
async fn enums_indexes_and_foreign_keys_are_the_seeds() {
    let db = TestDb::new().await;
    let client = db.client().await;
    for (table, column, values) in [
        (
            "provider_credentials",
            "provider",
            vec!["cloudflare", "railway"],
        ),
        (
            "infrastructure_resources",
            "provider",
            vec!["cloudflare", "railway"],
        ),
        (
            "infrastructure_resources",
            "type",
            vec![
                "compute",
                "compute:edge",
                "database:postgres",
                "database:redis",
                "storage:blob",
            ],
        ),
        (
            "infrastructure_resources",
            "status",
            vec!["deleted", "error", "pending", "provisioning", "ready"],
        ),
        (
            "deployments",
            "status",
            vec!["deploying", "failed", "success"],
        ),
        ("deployments", "trigger", vec!["auto", "chat", "manual"]),
    ] {
        let mut allowed = allowed_values(&client, "intelligence", table, column).await;
        allowed.sort();
        assert_eq!(allowed, values, "{table}.{column}");
    }
    assert_indexes(
        &client,
        "intelligence",
        &[
            (
                "idx_provider_credentials_user_provider",
                "(user_id, provider)",
                true,
            ),
            (
                "idx_infrastructure_resources_project",
                "(project_id)",
                false,
            ),
            (
                "idx_infrastructure_resources_project_type",
                "(project_id, type)",
                false,
            ),
            ("deployment_settings_pkey", "(workspace_id)", true),
            (
                "idx_deployments_workspace_started",
                "(workspace_id, started_at)",
                false,
            ),
            (
                "idx_deployments_project_started",
                "(project_id, started_at)",
                false,
            ),
            (
                "idx_deployments_status_started",
                "(status, started_at)",
                false,
            ),
            (
                "idx_deployments_one_deploying",
                "(workspace_id) WHERE (status = 'deploying'::text)",
                true,
            ),
        ],
    )
    .await;
    let keys = foreign_keys(
        &client,
        "intelligence",
        &[
            "provider_credentials",
            "infrastructure_resources",
            "deployment_settings",
            "deployments",
        ],
    )
    .await;
    let mut expected = vec![
        "deployment_settings(workspace_id) -> workspaces c",
        "deployments(project_id) -> projects c",
        "deployments(project_id,snapshot_id) -> snapshots n snapshot_id",
        "deployments(project_id,workspace_id) -> workspaces n workspace_id",
        "infrastructure_resources(project_id) -> projects c",
    ];
    expected.sort();
    assert_eq!(keys, expected);
}

const P: &str = "00000000-0000-7000-8000-0000000000a1";
const W: &str = "00000000-0000-7000-8000-0000000000b1";
const OWNER: &str = "00000000-0000-7000-8000-000000000001";

#[tokio::test]
async fn checks_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO intelligence.projects (id, owner_user_id, name) VALUES ('{P}', '{OWNER}', 'p');
             INSERT INTO intelligence.workspaces (id, project_id, name) VALUES ('{W}', '{P}', 'w');
             INSERT INTO intelligence.deployments (id, workspace_id, project_id, status, trigger, started_at)
               VALUES (gen_random_uuid(), '{W}', '{P}', 'deploying', 'manual', now());"
        ))
        .await
        .expect("rows");
    let deployment = |status: &str, extra: &str| {
        format!(
            "INSERT INTO intelligence.deployments (id, workspace_id, project_id, status, trigger, started_at{}) VALUES (gen_random_uuid(), '{W}', '{P}', '{status}', 'manual', now(){})",
            if extra.is_empty() {
                ""
            } else {
                ", completed_at, url"
            },
            if extra.is_empty() {
                String::new()
            } else {
                format!(", now(), {extra}")
            }
        )
    };
    let cases = [
        (
            format!(
                "INSERT INTO intelligence.provider_credentials (id, user_id, provider, api_token) VALUES (gen_random_uuid(), '{OWNER}', 'railway', 'plain')"
            ),
            "provider_credentials_api_token",
        ),
        (
            format!(
                "INSERT INTO intelligence.provider_credentials (id, user_id, provider, api_token) VALUES (gen_random_uuid(), '{OWNER}', 'aws', 'enc:v1:k')"
            ),
            "provider_credentials_provider",
        ),
        (
            format!(
                "INSERT INTO intelligence.infrastructure_resources (id, project_id, type, provider, name) VALUES (gen_random_uuid(), '{P}', 'vm', 'railway', 'n')"
            ),
            "infrastructure_resources_type",
        ),
        (
            format!(
                "INSERT INTO intelligence.infrastructure_resources (id, project_id, type, provider, name, connection_info) VALUES (gen_random_uuid(), '{P}', 'compute', 'railway', 'n', '{{}}')"
            ),
            "infrastructure_resources_connection_info",
        ),
        (deployment("deploying", ""), "idx_deployments_one_deploying"),
        (deployment("success", "NULL"), "deployments_outcome"),
        (deployment("done", "'https://x'"), "deployments_status"),
    ];
    for (sql, constraint) in &cases {
        assert_eq!(
            broken(&client, "intelligence", sql).await,
            *constraint,
            "{sql}"
        );
    }
}
