//! Sync previews (the seed's KV entries, 30 minutes) and ApplySync, which turns a preview
//! without conflicts into a merge snapshot.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::capped_violations;
use tessera_kit::ids::UserId;
use tessera_manifest::{Manifest, stored};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{projects, sync_previews, workspaces};
use uuid::Uuid;

use super::compare;
use super::sources::{self, Source};
use crate::activity::kinds;
use crate::ids::{Actor, PreviewId, WorkspaceId};
use crate::projects::store::Lock;
use crate::snapshots::create::{NewSnapshot, commit};
use crate::snapshots::store::Snapshot;
use crate::state::Intel;
use crate::workspaces::store::{WorkspaceRow, stale};

/// What a preview keeps (the `result` column).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kept {
    workspace_snapshot_id: String,
    source_workspace_id: Option<Uuid>,
    merge_base: Option<String>,
    changed_in_workspace: Vec<String>,
    changed_in_source: Vec<String>,
    changed_alike: Vec<String>,
    conflicts: Vec<String>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sync_previews, check_for_backend(diesel::pg::Pg))]
struct PreviewRow {
    id: Uuid,
    workspace_id: Uuid,
    workspace_version: i32,
    source_snapshot_id: String,
    result: serde_json::Value,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

fn wire(row: &PreviewRow, kept: &Kept) -> pb::SyncPreview {
    pb::SyncPreview {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        workspace_version: i64::from(row.workspace_version),
        workspace_snapshot_id: kept.workspace_snapshot_id.clone(),
        source_snapshot_id: row.source_snapshot_id.clone(),
        source_workspace_id: kept
            .source_workspace_id
            .map(|w| w.to_string())
            .unwrap_or_default(),
        three_way: Some(pb::ThreeWay {
            merge_base_snapshot_id: kept.merge_base.clone().unwrap_or_default(),
            no_common_ancestor: kept.merge_base.is_none(),
            changed_in_workspace: kept.changed_in_workspace.clone(),
            changed_in_source: kept.changed_in_source.clone(),
            changed_alike: kept.changed_alike.clone(),
            conflicts: kept.conflicts.clone(),
        }),
        create_time: Some(timestamp(row.created_at)),
        expire_time: Some(timestamp(row.expires_at)),
    }
}

fn kept(row: &PreviewRow) -> Result<Kept, ApiError> {
    serde_json::from_value(row.result.clone())
        .map_err(|e| ApiError::Internal(format!("sync preview {} is damaged: {e}", row.id)))
}

/// CreateSyncPreview.
pub async fn create(
    intel: &Intel,
    user: UserId,
    workspace: WorkspaceId,
    source: Source,
) -> Result<pb::SyncPreview, ApiError> {
    let mut conn = intel.db.conn().await?;
    let sides = sources::resolve(&mut conn, user, workspace, &source, Lock::None).await?;
    let (ours, theirs) = compare::load(&mut conn, &sides).await?;
    let three = compare::three_way(&mut conn, &sides, &ours, &theirs).await?;
    let kept = Kept {
        workspace_snapshot_id: sides.ours.row.id.clone(),
        source_workspace_id: sides.source_workspace,
        merge_base: three.base.clone(),
        changed_in_workspace: three.merge.changed_in_workspace,
        changed_in_source: three.merge.changed_in_source,
        changed_alike: three.merge.changed_alike,
        conflicts: three.merge.conflicts,
    };
    let now = intel.clock.now();
    let ttl = chrono::Duration::from_std(intel.config.preview_ttl)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let result = serde_json::to_value(&kept).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row: PreviewRow = diesel::insert_into(sync_previews::table)
        .values((
            sync_previews::id.eq(PreviewId::new().as_uuid()),
            sync_previews::workspace_id.eq(sides.workspace.id),
            sync_previews::workspace_version.eq(sides.workspace.version),
            sync_previews::source_snapshot_id.eq(&sides.theirs.row.id),
            sync_previews::result.eq(result),
            sync_previews::created_at.eq(now),
            sync_previews::expires_at.eq(now + ttl),
        ))
        .returning(PreviewRow::as_returning())
        .get_result(&mut conn)
        .await?;
    Ok(wire(&row, &kept))
}

/// Preview `id` if `user` owns its workspace and it has not expired; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: PreviewId,
    now: DateTime<Utc>,
) -> Result<PreviewRow, ApiError> {
    sync_previews::table
        .inner_join(workspaces::table.on(workspaces::id.eq(sync_previews::workspace_id)))
        .inner_join(projects::table.on(projects::id.eq(workspaces::project_id)))
        .filter(sync_previews::id.eq(id.as_uuid()))
        .filter(sync_previews::expires_at.gt(now))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(PreviewRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(PreviewId::RESOURCE, id))
}

/// GetSyncPreview.
pub async fn get(intel: &Intel, user: UserId, id: PreviewId) -> Result<pb::SyncPreview, ApiError> {
    let mut conn = intel.db.conn().await?;
    let row = owned(&mut conn, user, id, intel.clock.now()).await?;
    Ok(wire(&row, &kept(&row)?))
}

fn conflicts(paths: &[String]) -> ApiError {
    ApiError::Precondition(capped_violations(
        "CONFLICT",
        paths.iter().cloned(),
        "changed differently in the workspace and the source",
        ("paths", "the preview lists them all"),
    ))
}

/// ApplySync.
pub async fn apply(
    intel: &Intel,
    user: UserId,
    id: PreviewId,
    version: i64,
    actor: Actor,
) -> Result<(Snapshot, WorkspaceRow), ApiError> {
    let now = intel.clock.now();
    let (row, kept, sides, merge) = {
        let mut conn = intel.db.conn().await?;
        let row = owned(&mut conn, user, id, now).await?;
        let kept = kept(&row)?;
        if !kept.conflicts.is_empty() {
            return Err(conflicts(&kept.conflicts));
        }
        let source = Source::Snapshot(row.source_snapshot_id.clone());
        let workspace = WorkspaceId::from_uuid(row.workspace_id);
        let sides = sources::resolve(&mut conn, user, workspace, &source, Lock::None).await?;
        let current = sides.workspace.version;
        if i64::from(current) != version || current != row.workspace_version {
            return Err(stale(sides.workspace.id, version, current));
        }
        if kept.merge_base.as_deref() == Some(sides.theirs.row.id.as_str()) {
            return Err(ApiError::precondition(
                "UP_TO_DATE",
                format!("workspaces/{}", sides.workspace.id),
                "the workspace has every change of the source already",
            ));
        }
        // The snapshots are immutable: the merge is the one the preview showed.
        let (ours, theirs) = compare::load(&mut conn, &sides).await?;
        let merge = compare::three_way(&mut conn, &sides, &ours, &theirs)
            .await?
            .merge;
        if !merge.conflicts.is_empty() {
            return Err(conflicts(&merge.conflicts));
        }
        (row, kept, sides, merge)
    };
    let manifest =
        Manifest::from_entries(merge.merged).map_err(|e| ApiError::Internal(e.to_string()))?;
    let bytes = manifest.to_canonical();
    let sha256 = tessera_manifest::sha256(&bytes);
    let counts = (manifest.entries.len() as i32, manifest.total_size());
    let byte_size = bytes.len() as i64;
    let encoded = stored::encode(&manifest.entries);
    intel.blobs.put(user, bytes.into()).await?;
    let parents = vec![sides.ours.row.id.clone(), sides.theirs.row.id.clone()];
    let message = format!(
        "merged {} into the workspace: {} paths from the source",
        sides.theirs.row.id,
        merge.changed_in_source.len()
    );
    intel
        .db
        .transaction("intelligence.apply_sync", |conn| {
            let (parents, message, encoded, kept, row) =
                (parents.clone(), message.clone(), &encoded, &kept, &row);
            async move {
                let workspace = crate::workspaces::store::owned(
                    conn,
                    user,
                    WorkspaceId::from_uuid(row.workspace_id),
                    Lock::Update,
                )
                .await?;
                if i64::from(workspace.version) != version {
                    return Err(stale(workspace.id, version, workspace.version));
                }
                let new = NewSnapshot {
                    workspace: &workspace,
                    parents,
                    sha256,
                    counts,
                    byte_size,
                    encoded,
                    source: actor,
                    request_id: None,
                    kind: kinds::MERGE_COMPLETED,
                    message,
                    now,
                };
                let (snapshot, mut moved) = commit(conn, new).await?;
                if let Some(source) = kept.source_workspace_id {
                    let mut history = match moved.merge_history.take() {
                        Some(serde_json::Value::Object(map)) => map,
                        _ => serde_json::Map::new(),
                    };
                    history.insert(
                        source.to_string(),
                        serde_json::json!({
                            "last_merged_snapshot": row.source_snapshot_id,
                            "merged_at": now.to_rfc3339(),
                        }),
                    );
                    moved = diesel::update(workspaces::table.find(workspace.id))
                        .set(workspaces::merge_history.eq(serde_json::Value::Object(history)))
                        .returning(WorkspaceRow::as_returning())
                        .get_result(conn)
                        .await?;
                }
                diesel::delete(sync_previews::table.find(row.id))
                    .execute(conn)
                    .await?;
                Ok::<_, ApiError>((snapshot, moved))
            }
            .scope_boxed()
        })
        .await
}
