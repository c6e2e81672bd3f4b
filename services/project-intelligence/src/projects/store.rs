//! Project rows, the ownership check every RPC starts with, and deleting a project whole.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{
    activity_events, conversations, drift_reports, jobs, projects, snapshots, workspaces,
};
use uuid::Uuid;

use crate::ids::{Intent, ProjectId};

/// A `projects` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = projects, check_for_backend(diesel::pg::Pg))]
pub struct ProjectRow {
    pub id: Uuid,
    pub owner_user_id: Uuid,
    pub name: String,
    pub intent: Option<String>,
    pub brief: Option<serde_json::Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_snapshot_id: Option<String>,
    pub main_workspace_id: Option<Uuid>,
}

/// A row of `table` (by `id`, with a `project_id`) whose project `user` owns, or NOT_FOUND:
/// `owned_row!(conn, user, table, RowType, id, resource)` inside a function returning errors
/// that an `ApiError` converts into.
macro_rules! owned_row {
    ($conn:expr, $user:expr, $table:ident, $row:ty, $id:expr, $resource:expr) => {
        $table::table
            .filter($table::id.eq($id.as_uuid()))
            .filter(diesel::dsl::exists(
                tessera_schema::intelligence::projects::table
                    .filter(tessera_schema::intelligence::projects::id.eq($table::project_id))
                    .filter(
                        tessera_schema::intelligence::projects::owner_user_id.eq($user.as_uuid()),
                    ),
            ))
            .select(<$row>::as_select())
            .first($conn)
            .await
            .optional()
            .map_err(tessera_kit::api_error::ApiError::from)?
            .ok_or_else(|| tessera_kit::api_error::ApiError::not_found($resource, $id))
    };
}

pub(crate) use owned_row;

/// How an ownership check locks the project row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// No lock (reads).
    None,
    /// FOR UPDATE: changes to the project itself, pushes, deletion.
    Update,
}

/// Project `id` if `user` owns it; NOT_FOUND otherwise (whether or not it exists).
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ProjectId,
    lock: Lock,
) -> Result<ProjectRow, ApiError> {
    let query = projects::table
        .filter(projects::id.eq(id.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(ProjectRow::as_select());
    let row = match lock {
        Lock::None => query.first(conn).await.optional()?,
        Lock::Update => query.for_update().first(conn).await.optional()?,
    };
    row.ok_or_else(|| ApiError::not_found(ProjectId::RESOURCE, id))
}

/// The wire form.
pub fn wire(row: &ProjectRow) -> pb::Project {
    pb::Project {
        id: row.id.to_string(),
        owner_user_id: row.owner_user_id.to_string(),
        name: row.name.clone(),
        intent: Intent::wire(row.intent.as_deref().and_then(|i| i.parse().ok())),
        brief: row.brief.as_ref().map(json_to_struct),
        last_snapshot_id: row.last_snapshot_id.clone().unwrap_or_default(),
        main_workspace_id: row
            .main_workspace_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// Deletes project `id` and everything under it, children first (the seed's foreign keys
/// restrict); env vars, manifests, previews and the rest cascade. With `release`, the
/// manifests no other project of the owner uses are queued for deletion in vault-storage.
pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid, release: bool) -> QueryResult<()> {
    if release {
        diesel::sql_query(
            "INSERT INTO intelligence.manifest_releases (owner_user_id, sha256, byte_size) \
             SELECT p.owner_user_id, m.sha256, m.byte_size \
             FROM intelligence.manifests m JOIN intelligence.projects p ON p.id = m.project_id \
             WHERE m.project_id = $1 AND NOT EXISTS ( \
                 SELECT 1 FROM intelligence.manifests o \
                 JOIN intelligence.projects q ON q.id = o.project_id \
                 WHERE q.owner_user_id = p.owner_user_id AND o.project_id <> $1 \
                   AND o.sha256 = m.sha256) \
             ON CONFLICT DO NOTHING",
        )
        .bind::<diesel::sql_types::Uuid, _>(id)
        .execute(conn)
        .await?;
    }
    let spaces = workspaces::table
        .filter(workspaces::project_id.eq(id))
        .select(workspaces::id);
    diesel::delete(conversations::table.filter(conversations::workspace_id.eq_any(spaces)))
        .execute(conn)
        .await?;
    diesel::delete(drift_reports::table.filter(drift_reports::workspace_id.eq_any(spaces)))
        .execute(conn)
        .await?;
    diesel::delete(activity_events::table.filter(activity_events::project_id.eq(id)))
        .execute(conn)
        .await?;
    // The deprecated jobs table's keys restrict (as the seed has them).
    diesel::delete(jobs::table.filter(jobs::project_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::update(projects::table.find(id))
        .set((
            projects::last_snapshot_id.eq(None::<String>),
            projects::main_workspace_id.eq(None::<Uuid>),
        ))
        .execute(conn)
        .await?;
    diesel::delete(workspaces::table.filter(workspaces::project_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(snapshots::table.filter(snapshots::project_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(projects::table.find(id))
        .execute(conn)
        .await?;
    Ok(())
}

/// Deletes every project of `user` (their account is gone: vault-storage erases their
/// manifests itself, so none is released); returns how many.
pub async fn delete_all_of(conn: &mut AsyncPgConnection, user: Uuid) -> QueryResult<usize> {
    let ids: Vec<Uuid> = projects::table
        .filter(projects::owner_user_id.eq(user))
        .select(projects::id)
        .for_update()
        .load(conn)
        .await?;
    for id in &ids {
        delete(conn, *id, false).await?;
    }
    Ok(ids.len())
}
