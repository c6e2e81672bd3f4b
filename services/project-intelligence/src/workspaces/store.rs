//! Workspace rows, the ownership check through their project, and their wire form.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{projects, workspaces};
use uuid::Uuid;

use crate::ids::WorkspaceId;
use crate::projects::store::Lock;

/// A `workspaces` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = workspaces, check_for_backend(diesel::pg::Pg))]
pub struct WorkspaceRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub name: String,
    pub machine_id: Option<String>,
    pub base_snapshot_id: Option<String>,
    pub current_snapshot_id: Option<String>,
    pub current_manifest_hash: Option<Vec<u8>>,
    pub local_path: Option<String>,
    pub last_seen_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub version: i32,
    pub merge_history: Option<serde_json::Value>,
}

/// Workspace `id` if `user` owns its project; NOT_FOUND otherwise.
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: WorkspaceId,
    lock: Lock,
) -> Result<WorkspaceRow, ApiError> {
    let query = workspaces::table
        .filter(workspaces::id.eq(id.as_uuid()))
        .filter(diesel::dsl::exists(
            projects::table
                .filter(projects::id.eq(workspaces::project_id))
                .filter(projects::owner_user_id.eq(user.as_uuid())),
        ))
        .select(WorkspaceRow::as_select());
    let row = match lock {
        Lock::None => query.first(conn).await.optional()?,
        Lock::Update => query.for_update().first(conn).await.optional()?,
    };
    row.ok_or_else(|| ApiError::not_found(WorkspaceId::RESOURCE, id))
}

/// ABORTED, STALE_VERSION: the workspace changed since `expected` was read.
pub fn stale(id: Uuid, expected: i64, current: i32) -> ApiError {
    ApiError::Reason {
        code: tonic::Code::Aborted,
        reason: "STALE_VERSION",
        message: format!(
            "workspace {id} is at version {current}, not {expected}: read it again and retry"
        ),
        metadata: vec![("current_version", current.to_string())],
    }
}

/// The wire form.
pub fn wire(row: &WorkspaceRow) -> pb::Workspace {
    pb::Workspace {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        name: row.name.clone(),
        machine_id: row.machine_id.clone().unwrap_or_default(),
        base_snapshot_id: row.base_snapshot_id.clone().unwrap_or_default(),
        current_snapshot_id: row.current_snapshot_id.clone().unwrap_or_default(),
        current_manifest_hash: row.current_manifest_hash.clone().unwrap_or_default(),
        local_path: row.local_path.clone().unwrap_or_default(),
        last_seen_time: row.last_seen_at.map(timestamp),
        create_time: Some(timestamp(row.created_at)),
        version: i64::from(row.version),
        merge_history: row.merge_history.as_ref().map(json_to_struct),
    }
}
