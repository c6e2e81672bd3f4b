//! What a comparison compares: the workspace's current snapshot and the source's (another
//! workspace, the main workspace, a snapshot), their manifests, and the part of the DAG above
//! them.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::sql_types::{Array, Nullable, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_manifest::Entry;
use tessera_proto::tessera::intelligence::v1 as pb;
use uuid::Uuid;

use super::dag::Node;
use crate::ids::{WorkspaceId, parse_snapshot_id};
use crate::projects::store::{self as projects, Lock};
use crate::snapshots::store::{self as snapshots, Snapshot};
use crate::workspaces::store::{self as spaces, WorkspaceRow};

/// A checked source.
#[derive(Debug, Clone)]
pub enum Source {
    Workspace(WorkspaceId),
    Main,
    Snapshot(String),
}

impl Source {
    /// Parses `raw` (field `source`), recording violations.
    pub fn parse(v: &mut FieldViolations, raw: Option<&pb::DriftSource>) -> Option<Self> {
        use pb::drift_source::Source as Raw;
        match raw.and_then(|s| s.source.as_ref()) {
            Some(Raw::WorkspaceId(id)) => {
                WorkspaceId::parse_into(v, "source.workspace_id", id).map(Self::Workspace)
            }
            Some(Raw::MainWorkspace(true)) => Some(Self::Main),
            Some(Raw::SnapshotId(id)) => {
                parse_snapshot_id(v, "source.snapshot_id", id).map(Self::Snapshot)
            }
            _ => {
                v.add(
                    "source",
                    "required: a workspace_id, main_workspace or a snapshot_id",
                );
                None
            }
        }
    }
}

/// Both sides of a comparison.
#[derive(Debug)]
pub struct Sides {
    pub workspace: WorkspaceRow,
    pub ours: Snapshot,
    pub theirs: Snapshot,
    /// The source workspace, when the source is one.
    pub source_workspace: Option<Uuid>,
}

fn no_snapshot(what: &str, id: Uuid) -> ApiError {
    ApiError::precondition(
        "NO_SNAPSHOT",
        format!("workspaces/{id}"),
        format!("{what} has no snapshot yet: push one first"),
    )
}

/// Resolves the workspace (owned by `user`, locked as `lock` says) and the source.
pub async fn resolve(
    conn: &mut AsyncPgConnection,
    user: UserId,
    workspace: WorkspaceId,
    source: &Source,
    lock: Lock,
) -> Result<Sides, ApiError> {
    let workspace = spaces::owned(conn, user, workspace, lock).await?;
    let project = workspace.project_id;
    let ours_id = workspace
        .current_snapshot_id
        .clone()
        .ok_or_else(|| no_snapshot("the workspace", workspace.id))?;
    let ours = snapshots::in_project(conn, project, &ours_id).await?;
    let source_workspace = match source {
        Source::Workspace(id) => Some(id.as_uuid()),
        Source::Main => {
            let row = projects::owned(
                conn,
                user,
                crate::ids::ProjectId::from_uuid(project),
                Lock::None,
            )
            .await?;
            Some(row.main_workspace_id.ok_or_else(|| {
                ApiError::precondition(
                    "NO_MAIN_WORKSPACE",
                    format!("projects/{project}"),
                    "the project has no main workspace: set main_workspace_id",
                )
            })?)
        }
        Source::Snapshot(_) => None,
    };
    let theirs = match (source, source_workspace) {
        (Source::Snapshot(id), _) => snapshots::in_project(conn, project, id).await?,
        (_, Some(id)) => {
            let other = spaces::owned(conn, user, WorkspaceId::from_uuid(id), Lock::None).await?;
            if other.project_id != project {
                return Err(ApiError::not_found(WorkspaceId::RESOURCE, id));
            }
            let snap = other
                .current_snapshot_id
                .ok_or_else(|| no_snapshot("the source workspace", id))?;
            snapshots::in_project(conn, project, &snap).await?
        }
        _ => return Err(ApiError::Internal("a source without a snapshot".into())),
    };
    Ok(Sides {
        workspace,
        ours,
        theirs,
        source_workspace,
    })
}

/// The manifest entries of `snapshot`.
pub async fn entries(
    conn: &mut AsyncPgConnection,
    snapshot: &Snapshot,
) -> Result<Vec<Entry>, ApiError> {
    snapshots::entries(conn, snapshot.row.project_id, &snapshot.row.manifest_hash).await
}

#[derive(diesel::QueryableByName)]
struct GraphRow {
    #[diesel(sql_type = Text)]
    id: String,
    #[diesel(sql_type = Array<Nullable<Text>>)]
    parents: Vec<Option<String>>,
    #[diesel(sql_type = Timestamptz)]
    created_at: DateTime<Utc>,
}

/// `starts` and every snapshot they descend from in `project` (a recursive CTE; UNION drops
/// what was seen, so it ends even on a damaged cyclic graph).
pub async fn graph(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    starts: &[String],
) -> Result<HashMap<String, Node>, ApiError> {
    let rows: Vec<GraphRow> = diesel::sql_query(
        "WITH RECURSIVE up(id) AS ( \
             SELECT unnest($2::text[]) \
             UNION \
             SELECT unnest(s.parent_snapshot_ids) FROM intelligence.snapshots s \
             JOIN up ON s.id = up.id WHERE s.project_id = $1) \
         SELECT s.id, s.parent_snapshot_ids AS parents, s.created_at FROM intelligence.snapshots s \
         JOIN up ON s.id = up.id WHERE s.project_id = $1",
    )
    .bind::<SqlUuid, _>(project)
    .bind::<Array<Text>, _>(starts)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r.id,
                Node {
                    parents: r.parents.into_iter().flatten().collect(),
                    created_at: r.created_at,
                },
            )
        })
        .collect())
}
