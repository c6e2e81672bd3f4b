//! Snapshot rows with their manifest's counts, the ownership check through their project,
//! their wire form, and the decoded manifests drift reads.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::timestamp;
use tessera_kit::ids::UserId;
use tessera_manifest::{Entry, stored};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{manifests, projects, snapshots};
use uuid::Uuid;

use crate::ids::Actor;

/// What a snapshot is called in errors.
pub const RESOURCE: &str = "snapshot";

/// A `snapshots` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = snapshots, check_for_backend(diesel::pg::Pg))]
pub struct SnapshotRow {
    pub id: String,
    pub project_id: Uuid,
    pub workspace_id: Option<Uuid>,
    pub manifest_hash: Vec<u8>,
    pub parent_snapshot_ids: Vec<Option<String>>,
    pub source: Actor,
    pub summary: Option<String>,
    pub created_at: DateTime<Utc>,
    pub request_id: Option<Uuid>,
}

/// A snapshot with its manifest's entry count and total size.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct Snapshot {
    #[diesel(embed)]
    pub row: SnapshotRow,
    #[diesel(select_expression = manifests::entry_count)]
    pub entry_count: i32,
    #[diesel(select_expression = manifests::total_size)]
    pub total_size: i64,
}

impl SnapshotRow {
    /// The parents (the column's elements are never NULL: the trigger counts them).
    pub fn parents(&self) -> Vec<String> {
        self.parent_snapshot_ids.iter().flatten().cloned().collect()
    }
}

/// The join of a snapshot with its manifest (same project, same hash).
type ManifestOf = diesel::dsl::And<
    diesel::dsl::Eq<manifests::project_id, snapshots::project_id>,
    diesel::dsl::Eq<manifests::sha256, snapshots::manifest_hash>,
>;

/// Snapshots joined with their manifests' counts.
pub fn with_counts() -> diesel::dsl::InnerJoinOn<snapshots::table, manifests::table, ManifestOf> {
    snapshots::table.inner_join(
        manifests::table.on(manifests::project_id
            .eq(snapshots::project_id)
            .and(manifests::sha256.eq(snapshots::manifest_hash))),
    )
}

/// Snapshot `id` if `user` owns its project; NOT_FOUND otherwise.
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: &str,
) -> Result<Snapshot, ApiError> {
    with_counts()
        .filter(snapshots::id.eq(id))
        .filter(diesel::dsl::exists(
            projects::table
                .filter(projects::id.eq(snapshots::project_id))
                .filter(projects::owner_user_id.eq(user.as_uuid())),
        ))
        .select(Snapshot::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(RESOURCE, id))
}

/// Snapshot `id` of `project`, or NOT_FOUND.
pub async fn in_project(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    id: &str,
) -> Result<Snapshot, ApiError> {
    with_counts()
        .filter(snapshots::id.eq(id))
        .filter(snapshots::project_id.eq(project))
        .select(Snapshot::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(RESOURCE, id))
}

/// The wire form.
pub fn wire(s: &Snapshot) -> pb::Snapshot {
    pb::Snapshot {
        id: s.row.id.clone(),
        project_id: s.row.project_id.to_string(),
        workspace_id: s
            .row
            .workspace_id
            .map(|w| w.to_string())
            .unwrap_or_default(),
        manifest_hash: s.row.manifest_hash.clone(),
        parent_snapshot_ids: s.row.parents(),
        source: s.row.source.wire(),
        summary: s.row.summary.clone().unwrap_or_default(),
        entry_count: i64::from(s.entry_count),
        total_size: s.total_size,
        create_time: Some(timestamp(s.row.created_at)),
    }
}

/// The decoded entries of manifest `sha256` of `project`.
pub async fn entries(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    sha256: &[u8],
) -> Result<Vec<Entry>, ApiError> {
    let bytes: Vec<u8> = manifests::table
        .find((project, sha256.to_vec()))
        .select(manifests::entries)
        .first(conn)
        .await?;
    stored::decode(&bytes).map_err(|e| ApiError::Internal(e.to_string()))
}
