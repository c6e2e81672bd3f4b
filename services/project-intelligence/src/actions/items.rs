//! Action item rows, their ownership check and wire form, and the item status that follows
//! its latest run.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{action_items, projects};
use uuid::Uuid;

use crate::ids::ActionItemId;
use crate::input::{Stored, paths_of, stored};

stored!(
    pb::ActionItemType = "ACTION_ITEM_TYPE_",
    pb::Severity = "SEVERITY_",
    pb::ActionItemStatus = "ACTION_ITEM_STATUS_",
    pb::ActionItemSource = "ACTION_ITEM_SOURCE_",
    pb::RunStatus = "RUN_STATUS_",
);

/// An `action_items` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = action_items, check_for_backend(diesel::pg::Pg))]
pub struct ItemRow {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub project_id: Uuid,
    #[diesel(column_name = type_)]
    pub kind: String,
    pub severity: String,
    pub title: String,
    pub description: Option<String>,
    pub affected_files: Option<serde_json::Value>,
    pub suggested_prompt: Option<String>,
    pub metadata: Option<serde_json::Value>,
    pub status: String,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The wire form.
pub fn wire(row: &ItemRow) -> pb::ActionItem {
    pb::ActionItem {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        project_id: row.project_id.to_string(),
        r#type: pb::ActionItemType::wire(&row.kind),
        severity: pb::Severity::wire(&row.severity),
        title: row.title.clone(),
        description: row.description.clone().unwrap_or_default(),
        affected_files: paths_of(row.affected_files.as_ref()),
        suggested_prompt: row.suggested_prompt.clone().unwrap_or_default(),
        metadata: row.metadata.as_ref().map(json_to_struct),
        status: pb::ActionItemStatus::wire(&row.status),
        source: pb::ActionItemSource::wire(&row.source),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// Item `id` if `user` owns its project (locked FOR UPDATE with `lock`); NOT_FOUND otherwise.
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: ActionItemId,
    lock: bool,
) -> Result<ItemRow, ApiError> {
    let query = action_items::table
        .filter(action_items::id.eq(id.as_uuid()))
        .filter(diesel::dsl::exists(
            projects::table
                .filter(projects::id.eq(action_items::project_id))
                .filter(projects::owner_user_id.eq(user.as_uuid())),
        ))
        .select(ItemRow::as_select());
    let row = if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    };
    row.ok_or_else(|| ApiError::not_found(ActionItemId::RESOURCE, id))
}

/// The item status a latest run in `run_status` gives: queued and failed runs leave the item
/// pending.
pub fn status_for_run(run_status: pb::RunStatus) -> pb::ActionItemStatus {
    match run_status {
        pb::RunStatus::Running => pb::ActionItemStatus::Running,
        pb::RunStatus::Ready => pb::ActionItemStatus::Ready,
        pb::RunStatus::Applied => pb::ActionItemStatus::Applied,
        pb::RunStatus::Queued | pb::RunStatus::Failed | pb::RunStatus::Unspecified => {
            pb::ActionItemStatus::Pending
        }
    }
}

/// Makes item `id` follow its run's new status (a dismissed item stays dismissed).
pub async fn follow_run(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    run_status: pb::RunStatus,
    now: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(
        action_items::table
            .find(id)
            .filter(action_items::status.ne("dismissed")),
    )
    .set((
        action_items::status.eq(status_for_run(run_status).text()),
        action_items::updated_at.eq(now),
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// A new `action_items` row.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = action_items)]
pub struct NewItem {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub project_id: Uuid,
    #[diesel(column_name = type_)]
    pub kind: String,
    pub severity: String,
    pub title: String,
    pub description: Option<String>,
    pub affected_files: Option<serde_json::Value>,
    pub suggested_prompt: Option<String>,
    pub metadata: Option<serde_json::Value>,
    pub status: String,
    pub source: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub imported_from: Option<Uuid>,
}
