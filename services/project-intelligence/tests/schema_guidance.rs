//! The guidance and action tables as seed 004 has them (in Postgres types): columns and
//! defaults, enums (spelled as the protos' values), indexes and unique keys, foreign key
//! actions, and the CHECKs by the constraint a bad row breaks.

use tessera_project_intelligence::input::Stored;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::TestDb;
use tessera_testkit::pg::{Column, NOW, assert_columns, assert_indexes, broken, foreign_keys};
use tessera_testkit::schema::allowed_values;

const NONE: Option<&str> = None;

#[tokio::test]
async fn tables_have_the_seeds_columns_and_defaults() {
    let next_steps: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("title", "text", false, NONE),
        ("description", "text", true, NONE),
        ("rationale", "text", true, NONE),
        ("category", "text", false, NONE),
        ("priority", "integer", false, Some("2")),
        ("effort", "text", true, NONE),
        ("status", "text", false, Some("'pending'::text")),
        ("helpful_count", "integer", false, Some("0")),
        ("not_helpful_count", "integer", false, Some("0")),
        ("model", "text", true, NONE),
        ("generated_at", "timestamptz", false, NOW),
        ("acted_on_at", "timestamptz", true, NONE),
    ];
    let decisions: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("conversation_id", "uuid", true, NONE),
        ("decision", "text", false, NONE),
        ("rationale", "text", true, NONE),
        ("category", "text", true, NONE),
        ("decided_at", "timestamptz", false, NOW),
    ];
    let info = Some("'info'::text");
    let items: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("type", "text", false, NONE),
        ("severity", "text", false, info),
        ("title", "text", false, NONE),
        ("description", "text", true, NONE),
        ("affected_files", "jsonb", true, NONE),
        ("suggested_prompt", "text", true, NONE),
        ("metadata", "jsonb", true, NONE),
        ("status", "text", false, Some("'pending'::text")),
        ("source", "text", false, Some("'analysis'::text")),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
        ("imported_from", "uuid", true, NONE),
    ];
    let runs: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("action_item_id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("status", "text", false, Some("'queued'::text")),
        ("attempt_count", "integer", false, Some("0")),
        ("max_attempts", "integer", false, Some("3")),
        ("base_manifest_hash", "bytea", true, NONE),
        ("summary", "text", true, NONE),
        ("report", "text", true, NONE),
        ("patch", "text", true, NONE),
        ("checks", "jsonb", true, NONE),
        ("error", "text", true, NONE),
        ("started_at", "timestamptz", true, NONE),
        ("completed_at", "timestamptz", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
        ("run_after", "timestamptz", false, NOW),
        ("locked_by", "text", true, NONE),
        ("lease_expires_at", "timestamptz", true, NONE),
    ];
    let suggestions: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("snapshot_id", "text", true, NONE),
        ("type", "text", false, NONE),
        ("severity", "text", false, info),
        ("title", "text", false, NONE),
        ("description", "text", true, NONE),
        ("affected_files", "jsonb", true, NONE),
        ("suggested_prompt", "text", true, NONE),
        ("status", "text", false, Some("'pending'::text")),
        ("created_at", "timestamptz", false, NOW),
    ];
    let jobs: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("prompt", "text", false, NONE),
        ("status", "text", false, Some("'pending'::text")),
        ("output_snapshot_id", "text", true, NONE),
        ("error", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("started_at", "timestamptz", true, NONE),
        ("completed_at", "timestamptz", true, NONE),
    ];
    assert_columns(
        "intelligence",
        &[
            ("next_steps", next_steps),
            ("project_decisions", decisions),
            ("action_items", items),
            ("action_item_runs", runs),
            ("refactoring_suggestions", suggestions),
            ("jobs", jobs),
        ],
    )
    .await;
}

/// Every value of a proto enum but unspecified, as stored.
fn stored<E: Stored>() -> Vec<String> {
    let mut all: Vec<String> = (1..32)
        .filter_map(|n| E::try_from(n).ok())
        .map(Stored::text)
        .collect();
    all.sort();
    all
}

fn sorted(values: &[&str]) -> Vec<String> {
    let mut all: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
    all.sort();
    all
}

#[tokio::test]
async fn enums_are_the_seeds_and_the_protos_spell_them_alike() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let allowed = |table: &'static str, column: &'static str| {
        let client = &client;
        async move {
            let mut values = allowed_values(client, "intelligence", table, column).await;
            values.sort();
            values
        }
    };
    let category = sorted(&[
        "feature",
        "validation",
        "launch",
        "technical",
        "user_research",
    ]);
    assert_eq!(allowed("next_steps", "category").await, category);
    assert_eq!(stored::<pb::NextStepCategory>(), category);
    let step_status = sorted(&["pending", "started", "completed", "dismissed"]);
    assert_eq!(allowed("next_steps", "status").await, step_status);
    assert_eq!(stored::<pb::NextStepStatus>(), step_status);
    let effort = sorted(&["small", "medium", "large"]);
    assert_eq!(allowed("next_steps", "effort").await, effort);
    assert_eq!(stored::<pb::Effort>(), effort);
    let decision = sorted(&[
        "architecture",
        "scope",
        "tech_choice",
        "approach",
        "process",
        "product",
    ]);
    assert_eq!(allowed("project_decisions", "category").await, decision);
    assert_eq!(stored::<pb::DecisionCategory>(), decision);
    let item_type = sorted(&["refactoring", "security", "test_coverage", "build_failure"]);
    assert_eq!(allowed("action_items", "type").await, item_type);
    assert_eq!(stored::<pb::ActionItemType>(), item_type);
    let severity = sorted(&["info", "warning", "critical"]);
    assert_eq!(allowed("action_items", "severity").await, severity);
    assert_eq!(
        allowed("refactoring_suggestions", "severity").await,
        severity
    );
    assert_eq!(stored::<pb::Severity>(), severity);
    let item_status = sorted(&["pending", "running", "ready", "applied", "dismissed"]);
    assert_eq!(allowed("action_items", "status").await, item_status);
    assert_eq!(stored::<pb::ActionItemStatus>(), item_status);
    let source = sorted(&["analysis", "import", "manual"]);
    assert_eq!(allowed("action_items", "source").await, source);
    assert_eq!(stored::<pb::ActionItemSource>(), source);
    let run_status = sorted(&["queued", "running", "ready", "failed", "applied"]);
    assert_eq!(allowed("action_item_runs", "status").await, run_status);
    assert_eq!(stored::<pb::RunStatus>(), run_status);
    assert_eq!(
        allowed("refactoring_suggestions", "type").await,
        sorted(&[
            "security",
            "duplication",
            "performance",
            "naming",
            "structure",
            "test_coverage"
        ])
    );
    assert_eq!(
        allowed("refactoring_suggestions", "status").await,
        sorted(&["pending", "applied", "dismissed"])
    );
}

#[tokio::test]
async fn every_seed_index_and_unique_key_exists() {
    let db = TestDb::new().await;
    let client = db.client().await;
    assert_indexes(
        &client,
        "intelligence",
        &[
            (
                "idx_next_steps_project_status",
                "(project_id, status)",
                false,
            ),
            (
                "idx_next_steps_project_priority",
                "(project_id, priority)",
                false,
            ),
            (
                "idx_project_decisions_project_decided",
                "(project_id, decided_at)",
                false,
            ),
            (
                "idx_project_decisions_project_decision",
                "(project_id, decision)",
                true,
            ),
            (
                "idx_action_items_workspace_created",
                "(workspace_id, created_at)",
                false,
            ),
            (
                "idx_action_items_project_created",
                "(project_id, created_at)",
                false,
            ),
            (
                "idx_action_items_workspace_status",
                "(workspace_id, status)",
                false,
            ),
            ("action_items_imported_from_key", "(imported_from)", true),
            (
                "idx_action_item_runs_item_created",
                "(action_item_id, created_at)",
                false,
            ),
            (
                "idx_action_item_runs_workspace_created",
                "(workspace_id, created_at)",
                false,
            ),
            (
                "idx_action_item_runs_status_created",
                "(status, created_at)",
                false,
            ),
            (
                "idx_action_item_runs_one_active",
                "(action_item_id) WHERE (status = ANY (ARRAY['queued'::text, 'running'::text]))",
                true,
            ),
            (
                "idx_refactoring_suggestions_workspace_created",
                "(workspace_id, created_at)",
                false,
            ),
            (
                "idx_refactoring_suggestions_workspace_status",
                "(workspace_id, status)",
                false,
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn foreign_keys_cascade_set_null_or_restrict_as_the_seed_says() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let keys = foreign_keys(
        &client,
        "intelligence",
        &[
            "next_steps",
            "project_decisions",
            "action_items",
            "action_item_runs",
            "refactoring_suggestions",
            "jobs",
        ],
    )
    .await;
    // a: no action (the seed names no action), c: cascade, n: set null.
    let mut expected = vec![
        "action_item_runs(action_item_id) -> action_items c",
        "action_item_runs(project_id) -> projects c",
        "action_item_runs(project_id,action_item_id) -> action_items c",
        "action_item_runs(workspace_id) -> workspaces c",
        "action_items(imported_from) -> refactoring_suggestions n",
        "action_items(project_id) -> projects c",
        "action_items(project_id,workspace_id) -> workspaces c",
        "action_items(workspace_id) -> workspaces c",
        "jobs(output_snapshot_id) -> snapshots a",
        "jobs(project_id) -> projects a",
        "jobs(workspace_id) -> workspaces a",
        "next_steps(project_id) -> projects c",
        "project_decisions(conversation_id) -> conversations n",
        "project_decisions(project_id) -> projects c",
        "refactoring_suggestions(snapshot_id) -> snapshots a",
        "refactoring_suggestions(workspace_id) -> workspaces c",
    ];
    expected.sort();
    assert_eq!(keys, expected);
}

const P: &str = "00000000-0000-7000-8000-0000000000a1";
const W: &str = "00000000-0000-7000-8000-0000000000b1";
const I: &str = "00000000-0000-7000-8000-0000000000c1";
const OWNER: &str = "00000000-0000-7000-8000-000000000001";

fn run(status: &str, extra: &str) -> String {
    format!(
        "INSERT INTO intelligence.action_item_runs (id, action_item_id, workspace_id, project_id, status{}) \
         VALUES (gen_random_uuid(), '{I}', '{W}', '{P}', '{status}'{})",
        if extra.is_empty() {
            ""
        } else {
            ", locked_by, lease_expires_at"
        },
        if extra.is_empty() {
            String::new()
        } else {
            format!(", {extra}")
        }
    )
}

#[tokio::test]
async fn checks_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO intelligence.projects (id, owner_user_id, name) VALUES ('{P}', '{OWNER}', 'p');
             INSERT INTO intelligence.workspaces (id, project_id, name) VALUES ('{W}', '{P}', 'w');
             INSERT INTO intelligence.action_items (id, workspace_id, project_id, type, title)
               VALUES ('{I}', '{W}', '{P}', 'security', 't');
             INSERT INTO intelligence.next_steps (id, project_id, title, category)
               VALUES (gen_random_uuid(), '{P}', 's', 'launch');
             {};",
            run("queued", "")
        ))
        .await
        .expect("rows");
    let step = |set: &str| format!("UPDATE intelligence.next_steps SET {set}");
    let item = |set: &str| format!("UPDATE intelligence.action_items SET {set}");
    let cases = [
        (step("priority = 4"), "next_steps_priority"),
        (step("category = 'growth'"), "next_steps_category"),
        (step("effort = 'huge'"), "next_steps_effort"),
        (
            step("status = 'done', acted_on_at = now()"),
            "next_steps_status",
        ),
        (step("status = 'started'"), "next_steps_acted_on"),
        (step("helpful_count = -1"), "next_steps_counts"),
        (step("title = ''"), "next_steps_title"),
        (
            format!(
                "INSERT INTO intelligence.project_decisions (id, project_id, decision, category) VALUES (gen_random_uuid(), '{P}', 'd', 'vibes')"
            ),
            "project_decisions_category",
        ),
        (
            format!(
                "INSERT INTO intelligence.project_decisions (id, project_id, decision) VALUES (gen_random_uuid(), '{P}', repeat('é', 1001))"
            ),
            "project_decisions_decision",
        ),
        (item("type = 'style'"), "action_items_type"),
        (item("severity = 'high'"), "action_items_severity"),
        (item("status = 'done'"), "action_items_status"),
        (item("source = 'llm'"), "action_items_source"),
        (item("affected_files = '{}'"), "action_items_affected_files"),
        (item("metadata = '[]'"), "action_items_metadata"),
        (
            format!(
                "INSERT INTO intelligence.action_items (id, workspace_id, project_id, type, title) VALUES (gen_random_uuid(), '{W}', gen_random_uuid(), 'security', 't')"
            ),
            "action_items_project_id_fkey",
        ),
        (run("queued", ""), "idx_action_item_runs_one_active"),
        (run("running", ""), "action_item_runs_lease"),
        (run("done", ""), "action_item_runs_status"),
        (
            "UPDATE intelligence.action_item_runs SET locked_by = 'w', lease_expires_at = now()"
                .into(),
            "action_item_runs_lease",
        ),
        (
            "UPDATE intelligence.action_item_runs SET attempt_count = 4".into(),
            "action_item_runs_attempts",
        ),
        (
            "UPDATE intelligence.action_item_runs SET max_attempts = 11".into(),
            "action_item_runs_attempts",
        ),
        (
            "UPDATE intelligence.action_item_runs SET base_manifest_hash = '\\x01'".into(),
            "action_item_runs_base_manifest_hash",
        ),
        (
            "UPDATE intelligence.action_item_runs SET checks = '1'".into(),
            "action_item_runs_checks",
        ),
        (
            format!(
                "INSERT INTO intelligence.refactoring_suggestions (id, workspace_id, type, title) VALUES (gen_random_uuid(), '{W}', 'style', 't')"
            ),
            "refactoring_suggestions_type",
        ),
    ];
    for (sql, constraint) in &cases {
        assert_eq!(
            broken(&client, "intelligence", sql).await,
            *constraint,
            "{sql}"
        );
    }
    // A failed run frees the item for another; a running one must say who holds it until when.
    client
        .batch_execute(&format!(
            "UPDATE intelligence.action_item_runs SET status = 'failed'; {}",
            run("running", "'w', now()")
        ))
        .await
        .expect("a second run once the first ended");
}
