//! The Atlas tables as seed 004 has them (in Postgres types): columns, enums, indexes (with the
//! full-text GIN index), foreign keys kept inside one project, and the CHECKs.

use tessera_testkit::TestDb;
use tessera_testkit::pg::{Column, NOW, assert_columns, assert_indexes, broken, foreign_keys};
use tessera_testkit::schema::allowed_values;

const NONE: Option<&str> = None;

#[tokio::test]
async fn tables_have_the_seeds_columns() {
    let concepts: &[Column] = &[
        ("project_id", "uuid", false, NONE),
        ("id", "text", false, NONE),
        ("name", "text", false, NONE),
        ("layer", "text", false, NONE),
        ("type", "text", true, NONE),
        ("description", "text", true, NONE),
        ("source_snapshot_id", "text", true, NONE),
        ("source_manifest_hash", "bytea", true, NONE),
        ("metadata", "jsonb", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("updated_at", "timestamptz", false, NOW),
    ];
    let edges: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("from_concept_id", "text", false, NONE),
        ("to_concept_id", "text", false, NONE),
        ("type", "text", false, NONE),
        ("weight", "integer", true, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    let chunks: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("concept_id", "text", true, NONE),
        ("kind", "text", false, NONE),
        ("content", "text", false, NONE),
        ("file_path", "text", true, NONE),
        ("symbol", "text", true, NONE),
        ("source_hash", "text", true, NONE),
        ("created_at", "timestamptz", false, NOW),
        ("search", "tsvector", true, NONE),
    ];
    let embeddings: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("chunk_id", "uuid", false, NONE),
        ("model", "text", false, NONE),
        ("dimensions", "integer", false, NONE),
        ("vector", "bytea", false, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    let links: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("decision_id", "uuid", false, NONE),
        ("concept_id", "text", false, NONE),
        ("confidence", "integer", true, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    let diagrams: &[Column] = &[
        ("id", "uuid", false, NONE),
        ("project_id", "uuid", false, NONE),
        ("concept_id", "text", true, NONE),
        ("type", "text", false, NONE),
        ("data", "jsonb", false, NONE),
        ("created_at", "timestamptz", false, NOW),
    ];
    assert_columns(
        "intelligence",
        &[
            ("atlas_concepts", concepts),
            ("atlas_edges", edges),
            ("atlas_chunks", chunks),
            ("atlas_embeddings", embeddings),
            ("atlas_decision_links", links),
            ("atlas_diagrams", diagrams),
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
            "atlas_concepts",
            "layer",
            vec!["capability", "code", "module", "narrative", "system"],
        ),
        (
            "atlas_edges",
            "type",
            vec!["contains", "depends_on", "relates", "used_by"],
        ),
        (
            "atlas_chunks",
            "kind",
            vec!["code", "conversation", "decision"],
        ),
        (
            "atlas_diagrams",
            "type",
            vec!["component", "dependency", "flow", "sequence"],
        ),
    ] {
        let mut allowed = allowed_values(&client, "intelligence", table, column).await;
        allowed.sort();
        assert_eq!(allowed, values, "{table}.{column}");
    }
    assert_indexes(
        &client,
        "intelligence",
        &[
            ("atlas_concepts_pkey", "(project_id, id)", true),
            (
                "idx_atlas_concepts_project_layer",
                "(project_id, layer)",
                false,
            ),
            (
                "idx_atlas_edges_project_from",
                "(project_id, from_concept_id)",
                false,
            ),
            (
                "idx_atlas_edges_project_to",
                "(project_id, to_concept_id)",
                false,
            ),
            ("idx_atlas_edges_project_type", "(project_id, type)", false),
            ("idx_atlas_chunks_project_kind", "(project_id, kind)", false),
            (
                "idx_atlas_chunks_project_concept",
                "(project_id, concept_id)",
                false,
            ),
            ("idx_atlas_chunks_search", "USING gin (search)", false),
            ("idx_atlas_embeddings_chunk", "(chunk_id)", false),
            (
                "atlas_embeddings_chunk_id_model_key",
                "(chunk_id, model)",
                true,
            ),
            (
                "idx_atlas_decision_links_project_decision",
                "(project_id, decision_id)",
                false,
            ),
            (
                "idx_atlas_decision_links_project_concept",
                "(project_id, concept_id)",
                false,
            ),
            (
                "idx_atlas_diagrams_project_created",
                "(project_id, created_at)",
                false,
            ),
            (
                "idx_atlas_diagrams_project_concept",
                "(project_id, concept_id)",
                false,
            ),
        ],
    )
    .await;
    let keys = foreign_keys(
        &client,
        "intelligence",
        &[
            "atlas_concepts",
            "atlas_edges",
            "atlas_chunks",
            "atlas_embeddings",
            "atlas_decision_links",
            "atlas_diagrams",
            "atlas_versions",
        ],
    )
    .await;
    let mut expected = vec![
        "atlas_chunks(project_id) -> projects c",
        "atlas_concepts(project_id) -> projects c",
        "atlas_concepts(project_id,source_snapshot_id) -> snapshots n source_snapshot_id",
        "atlas_decision_links(decision_id) -> project_decisions c",
        "atlas_decision_links(project_id) -> projects c",
        "atlas_decision_links(project_id,concept_id) -> atlas_concepts c",
        "atlas_decision_links(project_id,decision_id) -> project_decisions c",
        "atlas_diagrams(project_id) -> projects c",
        "atlas_diagrams(project_id,concept_id) -> atlas_concepts n concept_id",
        "atlas_edges(project_id) -> projects c",
        "atlas_edges(project_id,from_concept_id) -> atlas_concepts c",
        "atlas_edges(project_id,to_concept_id) -> atlas_concepts c",
        "atlas_embeddings(chunk_id) -> atlas_chunks c",
        "atlas_versions(project_id) -> projects c",
    ];
    expected.sort();
    assert_eq!(keys, expected);
}

const P: &str = "00000000-0000-7000-8000-0000000000a1";
const C: &str = "00000000-0000-7000-8000-0000000000c1";
const OWNER: &str = "00000000-0000-7000-8000-000000000001";

#[tokio::test]
async fn checks_hold_and_the_text_vector_is_generated() {
    let db = TestDb::new().await;
    let client = db.client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO intelligence.projects (id, owner_user_id, name) VALUES ('{P}', '{OWNER}', 'p');
             INSERT INTO intelligence.atlas_concepts (project_id, id, name, layer) VALUES ('{P}', 'module:src', 'src', 'module');
             INSERT INTO intelligence.atlas_chunks (id, project_id, kind, content, symbol, file_path)
               VALUES ('{C}', '{P}', 'code', 'Parses the manifests', 'parse_manifest', 'src/manifest.rs');"
        ))
        .await
        .expect("rows");
    let concept = |id: &str, layer: &str| {
        format!(
            "INSERT INTO intelligence.atlas_concepts (project_id, id, name, layer) VALUES ('{P}', '{id}', 'n', '{layer}')"
        )
    };
    let cases = [
        (concept("code:a.rs", "module"), "atlas_concepts_id"),
        (concept("module:", "module"), "atlas_concepts_id"),
        (concept("widget:a", "widget"), "atlas_concepts_layer"),
        (
            format!(
                "INSERT INTO intelligence.atlas_edges (id, project_id, from_concept_id, to_concept_id, type) VALUES (gen_random_uuid(), '{P}', 'module:src', 'module:src', 'contains')"
            ),
            "atlas_edges_not_self",
        ),
        (
            format!(
                "INSERT INTO intelligence.atlas_edges (id, project_id, from_concept_id, to_concept_id, type) VALUES (gen_random_uuid(), '{P}', 'module:src', 'module:nope', 'contains')"
            ),
            "atlas_edges_project_id_to_concept_id_fkey",
        ),
        (
            format!(
                "INSERT INTO intelligence.atlas_chunks (id, project_id, kind, content) VALUES (gen_random_uuid(), '{P}', 'code', repeat('x', 4001))"
            ),
            "atlas_chunks_content",
        ),
        (
            format!(
                "INSERT INTO intelligence.atlas_embeddings (id, chunk_id, model, dimensions, vector) VALUES (gen_random_uuid(), '{C}', 'm', 2, '\\x0000803f')"
            ),
            "atlas_embeddings_vector",
        ),
        (
            format!(
                "INSERT INTO intelligence.atlas_diagrams (id, project_id, type, data) VALUES (gen_random_uuid(), '{P}', 'flow', '[]')"
            ),
            "atlas_diagrams_data",
        ),
    ];
    for (sql, constraint) in &cases {
        assert_eq!(
            broken(&client, "intelligence", sql).await,
            *constraint,
            "{sql}"
        );
    }
    let matched: i64 = client
        .query_one(
            "SELECT count(*) FROM intelligence.atlas_chunks WHERE search @@ websearch_to_tsquery('english', 'parse manifest')",
            &[],
        )
        .await
        .expect("search")
        .get(0);
    assert_eq!(
        matched, 1,
        "content, symbol and path are searchable, stemmed"
    );
}
