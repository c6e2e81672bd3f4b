//! BuildFromSnapshot: module and code concepts with their `contains` edges, derived from a
//! snapshot's file tree inside one transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_schema::intelligence::{atlas_concepts, atlas_edges};
use uuid::Uuid;

use super::concepts::{ConceptRow, EdgeRow};
use crate::ids::ProjectId;
use crate::snapshots::store::{self as snapshot_store, Snapshot};

/// Rows per INSERT (PostgreSQL allows 65,535 bind parameters a statement).
const BATCH: usize = 4000;

/// What a build did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Built {
    /// Derived concepts now in the graph.
    pub concepts: usize,
    /// Of those, new.
    pub created: usize,
    /// Derived concepts removed (not in this tree).
    pub removed: usize,
    /// New `contains` edges.
    pub edges_created: usize,
}

/// Concepts as (id, name), edges as (parent, child).
type Derived = (Vec<(String, String)>, Vec<(String, String)>);

/// The concepts (id, name) and `contains` edges (parent, child) of a tree of file paths:
/// every directory is a module, every file a code concept; top-level ones have no parent.
pub fn derive<'a>(paths: impl IntoIterator<Item = &'a str>) -> Derived {
    let mut modules = BTreeSet::new();
    let mut concepts = Vec::new();
    let mut edges = Vec::new();
    for path in paths {
        let mut parent: Option<String> = None;
        let mut end = 0;
        for (i, _) in path.match_indices('/') {
            let dir = &path[..i];
            let id = format!("module:{dir}");
            if modules.insert(dir.to_owned()) {
                concepts.push((id.clone(), path[end..i].to_owned()));
                if let Some(p) = &parent {
                    edges.push((p.clone(), id.clone()));
                }
            }
            parent = Some(id);
            end = i + 1;
        }
        let id = format!("code:{path}");
        concepts.push((id.clone(), path[end..].to_owned()));
        if let Some(p) = parent {
            edges.push((p, id));
        }
    }
    (concepts, edges)
}

/// Builds the graph of `snapshot` (of `project`, locked by the caller) at `now`.
pub async fn build(
    conn: &mut AsyncPgConnection,
    project: ProjectId,
    snapshot: &Snapshot,
    now: DateTime<Utc>,
) -> Result<Built, ApiError> {
    let entries =
        snapshot_store::entries(conn, project.as_uuid(), &snapshot.row.manifest_hash).await?;
    let (concepts, edges) = derive(entries.iter().map(|e| e.path.as_str()));
    let project = project.as_uuid();
    let ids: Vec<&str> = concepts.iter().map(|(id, _)| id.as_str()).collect();
    // Derived concepts of earlier builds that this tree no longer has go (edges cascade).
    let removed = diesel::delete(
        atlas_concepts::table
            .filter(atlas_concepts::project_id.eq(project))
            .filter(atlas_concepts::layer.eq_any(["module", "code"]))
            .filter(atlas_concepts::source_manifest_hash.is_not_null())
            .filter(diesel::dsl::not(atlas_concepts::id.eq_any(&ids))),
    )
    .execute(conn)
    .await?;
    let existing: i64 = atlas_concepts::table
        .filter(atlas_concepts::project_id.eq(project))
        .filter(atlas_concepts::id.eq_any(&ids))
        .count()
        .get_result(conn)
        .await?;
    for batch in concepts.chunks(BATCH) {
        let rows: Vec<ConceptRow> = batch
            .iter()
            .map(|(id, name)| ConceptRow {
                project_id: project,
                id: id.clone(),
                name: name.clone(),
                layer: id.split_once(':').map_or("code", |(l, _)| l).to_owned(),
                kind: None,
                description: None,
                source_snapshot_id: Some(snapshot.row.id.clone()),
                source_manifest_hash: Some(snapshot.row.manifest_hash.clone()),
                metadata: None,
                created_at: now,
                updated_at: now,
            })
            .collect();
        // A concept a client wrote keeps its texts; it becomes derived from this snapshot.
        diesel::insert_into(atlas_concepts::table)
            .values(&rows)
            .on_conflict((atlas_concepts::project_id, atlas_concepts::id))
            .do_update()
            .set((
                atlas_concepts::source_snapshot_id
                    .eq(diesel::upsert::excluded(atlas_concepts::source_snapshot_id)),
                atlas_concepts::source_manifest_hash.eq(diesel::upsert::excluded(
                    atlas_concepts::source_manifest_hash,
                )),
            ))
            .execute(conn)
            .await?;
    }
    let mut edges_created = 0;
    for batch in edges.chunks(BATCH) {
        let rows: Vec<EdgeRow> = batch
            .iter()
            .map(|(from, to)| EdgeRow {
                id: Uuid::now_v7(),
                project_id: project,
                from_concept_id: from.clone(),
                to_concept_id: to.clone(),
                kind: "contains".into(),
                weight: None,
                created_at: now,
            })
            .collect();
        edges_created += diesel::insert_into(atlas_edges::table)
            .values(&rows)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    let count = |n: i64| usize::try_from(n).unwrap_or(0);
    Ok(Built {
        concepts: concepts.len(),
        created: concepts.len() - count(existing),
        removed,
        edges_created,
    })
}

/// The snapshot `id` of `project`, or NOT_FOUND.
pub async fn snapshot(
    conn: &mut AsyncPgConnection,
    project: ProjectId,
    id: &str,
) -> Result<Snapshot, ApiError> {
    snapshot_store::in_project(conn, project.as_uuid(), id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_modules_files_are_code_and_parents_contain_children() {
        let (concepts, edges) = derive([
            "README.md",
            "src/api/mod.rs",
            "src/api/users.rs",
            "src/main.rs",
        ]);
        assert_eq!(
            concepts,
            [
                ("code:README.md", "README.md"),
                ("module:src", "src"),
                ("module:src/api", "api"),
                ("code:src/api/mod.rs", "mod.rs"),
                ("code:src/api/users.rs", "users.rs"),
                ("code:src/main.rs", "main.rs"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(
            edges,
            [
                ("module:src", "module:src/api"),
                ("module:src/api", "code:src/api/mod.rs"),
                ("module:src/api", "code:src/api/users.rs"),
                ("module:src", "code:src/main.rs"),
            ]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
    }
}
