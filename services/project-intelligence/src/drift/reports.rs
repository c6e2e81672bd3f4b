//! Stored drift reports: written by ComputeDrift with `persist`, read back whole or listed.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::timestamp;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{drift_reports, projects, workspaces};
use uuid::Uuid;

use super::diff::Diff;
use super::sources::Sides;
use crate::ids::DriftReportId;

/// A `drift_reports` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = drift_reports, check_for_backend(diesel::pg::Pg))]
pub struct ReportRow {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub source_workspace_id: Option<Uuid>,
    pub workspace_snapshot_id: Option<String>,
    pub source_snapshot_id: Option<String>,
    pub source_only: serde_json::Value,
    pub workspace_only: serde_json::Value,
    pub both_same: serde_json::Value,
    pub both_different: serde_json::Value,
    pub renamed: serde_json::Value,
    pub files_added: i32,
    pub files_modified: i32,
    pub files_deleted: i32,
    pub bytes_changed: i64,
    pub summary: Option<String>,
    pub reported_at: DateTime<Utc>,
}

/// Stores `diff` of `sides` at `at`; returns the report's id.
pub async fn store(
    conn: &mut AsyncPgConnection,
    sides: &Sides,
    diff: &Diff<'_>,
    at: DateTime<Utc>,
) -> Result<Uuid, ApiError> {
    let id = DriftReportId::new().as_uuid();
    let renamed: Vec<serde_json::Value> = diff
        .renamed
        .iter()
        .map(|(from, to)| serde_json::json!({"from": from, "to": to}))
        .collect();
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    diesel::insert_into(drift_reports::table)
        .values((
            drift_reports::id.eq(id),
            drift_reports::workspace_id.eq(sides.workspace.id),
            drift_reports::source_workspace_id.eq(sides.source_workspace),
            drift_reports::workspace_snapshot_id.eq(&sides.ours.row.id),
            drift_reports::source_snapshot_id.eq(&sides.theirs.row.id),
            drift_reports::source_only.eq(serde_json::json!(diff.source_only)),
            drift_reports::workspace_only.eq(serde_json::json!(diff.workspace_only)),
            drift_reports::both_same.eq(serde_json::json!(diff.both_same)),
            drift_reports::both_different.eq(serde_json::json!(diff.both_different)),
            drift_reports::renamed.eq(serde_json::Value::Array(renamed)),
            drift_reports::files_added.eq(count(diff.files_added())),
            drift_reports::files_modified.eq(count(diff.files_modified())),
            drift_reports::files_deleted.eq(count(diff.files_deleted())),
            drift_reports::bytes_changed.eq(diff.bytes_changed),
            drift_reports::reported_at.eq(at),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

/// Report `id` if `user` owns its workspace's project; NOT_FOUND otherwise.
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: DriftReportId,
) -> Result<ReportRow, ApiError> {
    drift_reports::table
        .inner_join(workspaces::table.on(workspaces::id.eq(drift_reports::workspace_id)))
        .inner_join(projects::table.on(projects::id.eq(workspaces::project_id)))
        .filter(drift_reports::id.eq(id.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(ReportRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(DriftReportId::RESOURCE, id))
}

fn strings(value: &serde_json::Value) -> Vec<String> {
    serde_json::from_value(value.clone()).unwrap_or_default()
}

/// The wire form, with the path lists or counts only.
pub fn wire(row: &ReportRow, with_paths: bool) -> pb::DriftReport {
    let paths = |value: &serde_json::Value| {
        if with_paths {
            strings(value)
        } else {
            Vec::new()
        }
    };
    let renamed: Vec<pb::Rename> = if with_paths {
        serde_json::from_value::<Vec<serde_json::Map<String, serde_json::Value>>>(
            row.renamed.clone(),
        )
        .unwrap_or_default()
        .into_iter()
        .map(|pair| pb::Rename {
            from: pair
                .get("from")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
            to: pair
                .get("to")
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned(),
        })
        .collect()
    } else {
        Vec::new()
    };
    pb::DriftReport {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        source_workspace_id: row
            .source_workspace_id
            .map(|w| w.to_string())
            .unwrap_or_default(),
        workspace_snapshot_id: row.workspace_snapshot_id.clone().unwrap_or_default(),
        source_snapshot_id: row.source_snapshot_id.clone().unwrap_or_default(),
        two_way: Some(pb::TwoWay {
            source_only: paths(&row.source_only),
            workspace_only: paths(&row.workspace_only),
            both_same: paths(&row.both_same),
            both_different: paths(&row.both_different),
            renamed,
            files_added: i64::from(row.files_added),
            files_deleted: i64::from(row.files_deleted),
            files_modified: i64::from(row.files_modified),
            bytes_changed: row.bytes_changed,
        }),
        report_time: Some(timestamp(row.reported_at)),
    }
}
