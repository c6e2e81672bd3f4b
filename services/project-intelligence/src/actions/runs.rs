//! Run rows, their ownership check and wire form, and the retry schedule.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{action_item_runs, projects};
use uuid::Uuid;

use crate::ids::RunId;
use crate::input::Stored;

/// Attempts a run gets when the request says 0.
pub const DEFAULT_MAX_ATTEMPTS: i32 = 3;
/// The most attempts a run may get.
pub const MAX_ATTEMPTS: i32 = 10;
/// The longest wait before a retry.
pub const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// An `action_item_runs` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = action_item_runs, check_for_backend(diesel::pg::Pg))]
pub struct RunRow {
    pub id: Uuid,
    pub action_item_id: Uuid,
    pub workspace_id: Uuid,
    pub project_id: Uuid,
    pub status: String,
    pub attempt_count: i32,
    pub max_attempts: i32,
    pub base_manifest_hash: Option<Vec<u8>>,
    pub summary: Option<String>,
    pub report: Option<String>,
    pub patch: Option<String>,
    pub checks: Option<serde_json::Value>,
    pub error: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub run_after: DateTime<Utc>,
    pub locked_by: Option<String>,
    pub lease_expires_at: Option<DateTime<Utc>>,
}

impl RunRow {
    /// The stored status.
    pub fn status(&self) -> pb::RunStatus {
        pb::RunStatus::try_from(pb::RunStatus::wire(&self.status)).unwrap_or_default()
    }
}

/// The wire form.
pub fn wire(row: &RunRow) -> pb::Run {
    pb::Run {
        id: row.id.to_string(),
        action_item_id: row.action_item_id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        project_id: row.project_id.to_string(),
        status: pb::RunStatus::wire(&row.status),
        attempt_count: row.attempt_count,
        max_attempts: row.max_attempts,
        base_manifest_hash: row.base_manifest_hash.clone().unwrap_or_default(),
        summary: row.summary.clone().unwrap_or_default(),
        report: row.report.clone().unwrap_or_default(),
        patch: row.patch.clone().unwrap_or_default(),
        checks: row.checks.as_ref().map(json_to_struct),
        error: row.error.clone().unwrap_or_default(),
        start_time: row.started_at.map(timestamp),
        complete_time: row.completed_at.map(timestamp),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
        run_after_time: (row.status == "queued").then(|| timestamp(row.run_after)),
        worker_id: row.locked_by.clone().unwrap_or_default(),
        lease_expire_time: row.lease_expires_at.map(timestamp),
    }
}

/// Run `id` if `user` owns its project (locked FOR UPDATE with `lock`); NOT_FOUND otherwise.
pub async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: RunId,
    lock: bool,
) -> Result<RunRow, ApiError> {
    let query = action_item_runs::table
        .filter(action_item_runs::id.eq(id.as_uuid()))
        .filter(diesel::dsl::exists(
            projects::table
                .filter(projects::id.eq(action_item_runs::project_id))
                .filter(projects::owner_user_id.eq(user.as_uuid())),
        ))
        .select(RunRow::as_select());
    let row = if lock {
        query.for_update().first(conn).await.optional()?
    } else {
        query.first(conn).await.optional()?
    };
    row.ok_or_else(|| ApiError::not_found(RunId::RESOURCE, id))
}

/// The wait before retrying after attempt `attempt` failed: min(2^attempt s, 1 h), then
/// scaled by `jitter` (drawn from 0.9..=1.1, so retries of many runs spread out).
pub fn backoff(attempt: i32, jitter: f64) -> Duration {
    let exponent = u32::try_from(attempt.clamp(0, 12)).unwrap_or(12);
    let base = Duration::from_secs(1u64 << exponent).min(MAX_BACKOFF);
    base.mul_f64(jitter.clamp(0.9, 1.1))
}

/// A jitter factor for [`backoff`], uniform in 0.9..=1.1.
pub fn jitter() -> f64 {
    rand::random_range(0.9..=1.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_an_hour_within_ten_percent() {
        assert_eq!(backoff(1, 1.0), Duration::from_secs(2));
        assert_eq!(backoff(3, 1.0), Duration::from_secs(8));
        assert_eq!(backoff(11, 1.0), Duration::from_secs(2048));
        assert_eq!(backoff(12, 1.0), MAX_BACKOFF);
        assert_eq!(backoff(40, 1.0), MAX_BACKOFF);
        assert_eq!(backoff(2, 0.9), Duration::from_millis(3600));
        assert_eq!(backoff(2, 1.1), Duration::from_millis(4400));
        assert_eq!(backoff(2, 5.0), Duration::from_millis(4400));
        for _ in 0..1000 {
            let j = jitter();
            assert!((0.9..=1.1).contains(&j));
        }
    }
}
