//! The project tables as seed 004 has them (in Postgres types): columns and defaults, enums,
//! CHECKs and unique keys (by the constraint a bad row breaks), indexes, foreign key actions,
//! and the snapshot DAG's triggers.

use tessera_project_intelligence::ids::{Actor, Intent};
use tessera_testkit::TestDb;
use tessera_testkit::pg::{Column, NOW, assert_columns, assert_indexes, broken, foreign_keys};
use tessera_testkit::schema::{allowed_values, spellings};

const NONE: Option<&str> = None;

#[tokio::test]
async fn tables_have_the_seeds_columns_and_defaults() {
    let projects: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("owner_user_id", "uuid", false, NONE),
        ("name", "text", false, NONE),
        ("intent", "text", true, NONE),
        ("brief", "jsonb", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
        ("last_snapshot_id", "text", true, NONE),
        ("main_workspace_id", "uuid", true, NONE),
    ];
    let env_vars: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("key", "text", false, NONE),
        ("value", "text", false, NONE),
        ("is_secret", "boolean", false, Some("false")),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let workspaces: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("name", "text", false, NONE),
        ("machine_id", "text", true, NONE),
        ("base_snapshot_id", "text", true, NONE),
        ("current_snapshot_id", "text", true, NONE),
        ("current_manifest_hash", "bytea", true, NONE),
        ("local_path", "text", true, NONE),
        ("last_seen_at", "timestamptz", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("version", "integer", false, Some("1")),
        ("merge_history", "jsonb", true, NONE),
    ];
    let snapshots: &[Column] = &[
        ("id", "text", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("workspace_id", "uuid", true, NONE),
        ("manifest_hash", "bytea", false, NONE),
        ("parent_snapshot_ids", "text[]", false, Some("'{}'::text[]")),
        ("source", "text", false, Some("'cli'::text")),
        ("summary", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("request_id", "uuid", true, NONE),
    ];
    let empty = Some("'[]'::jsonb");
    let drift: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("source_workspace_id", "uuid", true, NONE),
        ("workspace_snapshot_id", "text", true, NONE),
        ("source_snapshot_id", "text", true, NONE),
        ("source_only", "jsonb", false, empty),
        ("workspace_only", "jsonb", false, empty),
        ("both_same", "jsonb", false, empty),
        ("both_different", "jsonb", false, empty),
        ("renamed", "jsonb", false, empty),
        ("files_added", "integer", false, Some("0")),
        ("files_modified", "integer", false, Some("0")),
        ("files_deleted", "integer", false, Some("0")),
        ("bytes_changed", "bigint", false, Some("0")),
        ("summary", "text", true, NONE),
        ("reported_at", "timestamptz", false, NOW),
    ];
    let previews: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("workspace_version", "integer", false, NONE),
        ("source_snapshot_id", "text", false, NONE),
        ("result", "jsonb", false, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("expires_at", "timestamptz", false, NONE),
    ];
    let activity: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("workspace_id", "uuid", true, NONE),
        ("actor", "text", false, NONE),
        ("type", "text", false, NONE),
        ("snapshot_id", "text", true, NONE),
        ("message", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    let conversations: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("workspace_id", "uuid", false, NONE),
        ("title", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    assert_columns(
        "intelligence",
        &[
            ("projects", projects),
            ("project_env_vars", env_vars),
            ("workspaces", workspaces),
            ("snapshots", snapshots),
            ("drift_reports", drift),
            ("sync_previews", previews),
            ("activity_events", activity),
            ("conversations", conversations),
        ],
    )
    .await;
}

#[tokio::test]
async fn enums_are_spelled_as_the_seed_spells_them() {
    let db = TestDb::new().await;
    let client = db.client().await;
    let intents = allowed_values(&client, "intelligence", "projects", "intent").await;
    assert_eq!(intents, spellings(Intent::ALL, Intent::as_str));
    assert_eq!(intents.len(), 8);
    for (table, column) in [("activity_events", "actor"), ("snapshots", "source")] {
        assert_eq!(
            allowed_values(&client, "intelligence", table, column).await,
            spellings(Actor::ALL, Actor::as_str),
            "{table}.{column}"
        );
    }
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
                "idx_projects_owner_updated",
                "(owner_user_id, updated_at)",
                false,
            ),
            (
                "idx_project_env_vars_project_key",
                "(project_id, key)",
                true,
            ),
            (
                "idx_workspaces_project_created",
                "(project_id, created_at)",
                false,
            ),
            (
                "idx_snapshots_project_created",
                "(project_id, created_at)",
                false,
            ),
            (
                "idx_snapshots_workspace_created",
                "(workspace_id, created_at)",
                false,
            ),
            (
                "idx_drift_reports_workspace_reported",
                "(workspace_id, reported_at)",
                false,
            ),
            (
                "idx_activity_events_project_created",
                "(project_id, created_at)",
                false,
            ),
            (
                "idx_conversations_workspace_updated",
                "(workspace_id, updated_at)",
                false,
            ),
            (
                "snapshots_project_id_request_id_key",
                "(project_id, request_id)",
                true,
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
            "projects",
            "project_env_vars",
            "manifests",
            "workspaces",
            "snapshots",
            "drift_reports",
            "sync_previews",
            "activity_events",
            "conversations",
        ],
    )
    .await;
    // a: no action (checked at the end of the statement: the project/workspace/snapshot cycle),
    // r: restrict, c: cascade, n: set null (of the named columns).
    let mut expected = vec![
        "activity_events(project_id) -> projects r",
        "activity_events(project_id,snapshot_id) -> snapshots r",
        "activity_events(project_id,workspace_id) -> workspaces n workspace_id",
        "conversations(workspace_id) -> workspaces r",
        "drift_reports(source_snapshot_id) -> snapshots r",
        "drift_reports(source_workspace_id) -> workspaces r",
        "drift_reports(workspace_id) -> workspaces r",
        "drift_reports(workspace_snapshot_id) -> snapshots r",
        "manifests(project_id) -> projects c",
        "project_env_vars(project_id) -> projects c",
        "projects(id,last_snapshot_id) -> snapshots a",
        "projects(id,main_workspace_id) -> workspaces n main_workspace_id",
        "snapshots(project_id) -> projects r",
        "snapshots(project_id,manifest_hash) -> manifests r",
        "snapshots(project_id,workspace_id) -> workspaces n workspace_id",
        "sync_previews(source_snapshot_id) -> snapshots c",
        "sync_previews(workspace_id) -> workspaces c",
        "workspaces(project_id) -> projects r",
        "workspaces(project_id,base_snapshot_id) -> snapshots r",
        "workspaces(project_id,current_snapshot_id) -> snapshots r",
    ];
    expected.sort();
    assert_eq!(keys, expected);
}

const P: &str = "00000000-0000-7000-8000-0000000000a1";
const W: &str = "00000000-0000-7000-8000-0000000000b1";
const OWNER: &str = "00000000-0000-7000-8000-000000000001";
const SNAP1: &str = "snap-01JF0000000000000000000001";
const SNAP2: &str = "snap-01JF0000000000000000000002";

fn snapshot(id: &str, parents: &str) -> String {
    format!(
        "INSERT INTO intelligence.snapshots (id, project_id, manifest_hash, parent_snapshot_ids) \
         VALUES ('{id}', '{P}', decode(repeat('00', 32), 'hex'), '{parents}')"
    )
}

#[tokio::test]
async fn checks_and_the_snapshot_triggers_hold() {
    let db = TestDb::new().await;
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO intelligence.projects (id, owner_user_id, name) VALUES ('{P}', '{OWNER}', 'p');
             INSERT INTO intelligence.manifests (project_id, sha256, entry_count, total_size, byte_size, entries)
               VALUES ('{P}', decode(repeat('00', 32), 'hex'), 0, 0, 26, '\\x');
             INSERT INTO intelligence.workspaces (id, project_id, name) VALUES ('{W}', '{P}', 'w');
             {};",
            snapshot(SNAP1, "{}")
        ))
        .await
        .expect("rows");
    let cases = [
        (
            "UPDATE intelligence.projects SET intent = 'hobby'".to_owned(),
            "projects_intent",
        ),
        (
            "UPDATE intelligence.projects SET brief = '[1]'".to_owned(),
            "projects_brief",
        ),
        (
            "UPDATE intelligence.projects SET name = ''".to_owned(),
            "projects_name",
        ),
        (
            format!(
                "INSERT INTO intelligence.project_env_vars (id, project_id, key, value) VALUES (gen_random_uuid(), '{P}', '1KEY', 'v')"
            ),
            "project_env_vars_key",
        ),
        (
            format!(
                "INSERT INTO intelligence.project_env_vars (id, project_id, key, value, is_secret) VALUES (gen_random_uuid(), '{P}', 'KEY', 'plain', true)"
            ),
            "project_env_vars_value",
        ),
        (
            "UPDATE intelligence.workspaces SET version = 0".to_owned(),
            "workspaces_version",
        ),
        (
            "UPDATE intelligence.workspaces SET current_manifest_hash = '\\x01'".to_owned(),
            "workspaces_current_manifest_hash",
        ),
        (
            "UPDATE intelligence.workspaces SET merge_history = '[]'".to_owned(),
            "workspaces_merge_history",
        ),
        (snapshot("snap-1", "{}"), "snapshots_id_format"),
        (
            snapshot(SNAP2, &format!("{{{SNAP2}}}")),
            "snapshots_parents_exist",
        ),
        (
            snapshot(SNAP2, &format!("{{{SNAP1},{SNAP1}}}")),
            "snapshots_parents_exist",
        ),
        (
            format!(
                "INSERT INTO intelligence.snapshots (id, project_id, manifest_hash, source) VALUES ('{SNAP2}', '{P}', decode(repeat('00', 32), 'hex'), 'api')"
            ),
            "snapshots_source",
        ),
        (
            "UPDATE intelligence.snapshots SET parent_snapshot_ids = '{}', source = 'web'"
                .to_owned(),
            "snapshots_immutable",
        ),
        (
            format!(
                "INSERT INTO intelligence.activity_events (id, project_id, actor, type) VALUES (gen_random_uuid(), '{P}', 'bot', 'x.y')"
            ),
            "activity_events_actor",
        ),
        (
            format!(
                "INSERT INTO intelligence.activity_events (id, project_id, actor, type) VALUES (gen_random_uuid(), '{P}', 'cli', 'Pushed')"
            ),
            "activity_events_type",
        ),
        (
            format!(
                "INSERT INTO intelligence.conversations (id, workspace_id, title) VALUES (gen_random_uuid(), '{W}', repeat('t', 201))"
            ),
            "conversations_title",
        ),
        (
            format!(
                "INSERT INTO intelligence.drift_reports (id, workspace_id, both_same) VALUES (gen_random_uuid(), '{W}', '{{}}')"
            ),
            "drift_reports_arrays",
        ),
    ];
    for (sql, constraint) in &cases {
        assert_eq!(
            broken(&client, "intelligence", sql).await,
            *constraint,
            "{sql}"
        );
    }
    // A child of an existing parent is fine; the summary may be filled once.
    client
        .batch_execute(&snapshot(SNAP2, &format!("{{{SNAP1}}}")))
        .await
        .expect("a child");
    client
        .batch_execute("UPDATE intelligence.snapshots SET summary = 'first'")
        .await
        .expect("a summary");
    assert_eq!(
        broken(
            &client,
            "intelligence",
            "UPDATE intelligence.snapshots SET summary = 'again'"
        )
        .await,
        "snapshots_immutable"
    );
}
