//! The run queue's transitions: claims with `FOR UPDATE SKIP LOCKED`, fenced worker writes, and
//! the sweep of expired leases. Each function runs inside the caller's transaction.
//!
//! A claim adds 1 to `attempt_count`, which is the holder's fencing token: every worker write
//! matches `status = 'running'`, `locked_by`, `attempt_count` and an unexpired lease, so a
//! worker that lost its run (lease expired, requeued, claimed by another, dismissed) changes
//! nothing and is told ABORTED.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{action_item_runs, action_items};
use uuid::Uuid;

use super::items::{ItemRow, follow_run};
use super::runs::{RunRow, backoff, jitter};
use crate::ids::RunId;
use crate::input::Stored;

/// The channel the runs table notifies when a run becomes queued.
pub const CHANNEL: &str = "intelligence_runs_queued";

/// Runs the sweep handles per transaction.
const SWEEP_BATCH: i64 = 500;

/// Who holds a run: the worker's name and the attempt it was given.
#[derive(Debug, Clone)]
pub struct Holder<'a> {
    /// The run.
    pub run: RunId,
    /// `locked_by`.
    pub worker: &'a str,
    /// `attempt_count` at the claim.
    pub attempt: i32,
}

/// Claims up to `n` of the oldest due queued runs for `worker` until `now + lease`.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    worker: &str,
    n: i64,
    lease: Duration,
    now: DateTime<Utc>,
) -> QueryResult<Vec<(RunRow, ItemRow)>> {
    let due: Vec<Uuid> = action_item_runs::table
        .filter(action_item_runs::status.eq("queued"))
        .filter(action_item_runs::run_after.le(now))
        .order((action_item_runs::run_after, action_item_runs::created_at))
        .limit(n)
        .select(action_item_runs::id)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    if due.is_empty() {
        return Ok(Vec::new());
    }
    let mut runs: Vec<RunRow> =
        diesel::update(action_item_runs::table.filter(action_item_runs::id.eq_any(&due)))
            .set((
                action_item_runs::status.eq("running"),
                action_item_runs::attempt_count.eq(action_item_runs::attempt_count + 1),
                action_item_runs::started_at.eq(now),
                action_item_runs::locked_by.eq(worker),
                action_item_runs::lease_expires_at.eq(now + lease),
                action_item_runs::updated_at.eq(now),
            ))
            .returning(RunRow::as_returning())
            .get_results(conn)
            .await?;
    runs.sort_by_key(|run| (run.run_after, run.created_at));
    let item_ids: Vec<Uuid> = runs.iter().map(|run| run.action_item_id).collect();
    let items: Vec<ItemRow> = diesel::update(
        action_items::table
            .filter(action_items::id.eq_any(&item_ids))
            .filter(action_items::status.ne("dismissed")),
    )
    .set((
        action_items::status.eq(pb::ActionItemStatus::Running.text()),
        action_items::updated_at.eq(now),
    ))
    .returning(ItemRow::as_returning())
    .get_results(conn)
    .await?;
    Ok(runs
        .into_iter()
        .filter_map(|run| {
            let item = items.iter().find(|i| i.id == run.action_item_id)?.clone();
            Some((run, item))
        })
        .collect())
}

/// The earliest time a queued run becomes due, if any is queued.
pub async fn next_due(conn: &mut AsyncPgConnection) -> QueryResult<Option<DateTime<Utc>>> {
    action_item_runs::table
        .filter(action_item_runs::status.eq("queued"))
        .select(diesel::dsl::min(action_item_runs::run_after))
        .first(conn)
        .await
}

/// The run `holder` holds, locked; ABORTED (LEASE_LOST) if it no longer does, NOT_FOUND if
/// there is no such run.
pub async fn held(
    conn: &mut AsyncPgConnection,
    holder: &Holder<'_>,
    now: DateTime<Utc>,
) -> Result<RunRow, ApiError> {
    let row: Option<RunRow> = action_item_runs::table
        .find(holder.run.as_uuid())
        .select(RunRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(RunId::RESOURCE, holder.run))?;
    let holds = row.status == "running"
        && row.locked_by.as_deref() == Some(holder.worker)
        && row.attempt_count == holder.attempt
        && row.lease_expires_at.is_some_and(|at| at > now);
    if !holds {
        return Err(ApiError::Reason {
            code: tonic::Code::Aborted,
            reason: "LEASE_LOST",
            message: format!(
                "worker {} no longer holds attempt {} of run {}: its lease expired or the run moved on",
                holder.worker, holder.attempt, holder.run
            ),
            metadata: vec![("attempt_count", row.attempt_count.to_string())],
        });
    }
    Ok(row)
}

/// Extends the held run's lease to `now + lease`.
pub async fn heartbeat(
    conn: &mut AsyncPgConnection,
    holder: &Holder<'_>,
    lease: Duration,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, ApiError> {
    let row = held(conn, holder, now).await?;
    let until = now + lease;
    diesel::update(action_item_runs::table.find(row.id))
        .set((
            action_item_runs::lease_expires_at.eq(until),
            action_item_runs::updated_at.eq(now),
        ))
        .execute(conn)
        .await?;
    Ok(until)
}

/// What a worker reports with a finished run.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Short summary.
    pub summary: Option<String>,
    /// Long report.
    pub report: Option<String>,
    /// The patch.
    pub patch: Option<String>,
    /// Verification results (a JSON object).
    pub checks: Option<serde_json::Value>,
}

/// Ends the held run as ready with `outcome`; its item becomes ready.
pub async fn complete(
    conn: &mut AsyncPgConnection,
    holder: &Holder<'_>,
    outcome: Outcome,
    now: DateTime<Utc>,
) -> Result<RunRow, ApiError> {
    let row = held(conn, holder, now).await?;
    let done: RunRow = diesel::update(action_item_runs::table.find(row.id))
        .set((
            action_item_runs::status.eq("ready"),
            action_item_runs::summary.eq(outcome.summary),
            action_item_runs::report.eq(outcome.report),
            action_item_runs::patch.eq(outcome.patch),
            action_item_runs::checks.eq(outcome.checks),
            action_item_runs::error.eq(None::<String>),
            action_item_runs::completed_at.eq(now),
            action_item_runs::locked_by.eq(None::<String>),
            action_item_runs::lease_expires_at.eq(None::<DateTime<Utc>>),
            action_item_runs::updated_at.eq(now),
        ))
        .returning(RunRow::as_returning())
        .get_result(conn)
        .await?;
    follow_run(conn, done.action_item_id, pb::RunStatus::Ready, now).await?;
    Ok(done)
}

/// Ends the held attempt with `error`: queued again after the backoff if `retryable` and
/// attempts are left, failed otherwise.
pub async fn fail(
    conn: &mut AsyncPgConnection,
    holder: &Holder<'_>,
    error: &str,
    retryable: bool,
    now: DateTime<Utc>,
) -> Result<RunRow, ApiError> {
    let row = held(conn, holder, now).await?;
    Ok(end_attempt(conn, &row, error, retryable, now).await?)
}

/// Requeues (or fails, at max_attempts) the attempt of `row`, which is locked.
async fn end_attempt(
    conn: &mut AsyncPgConnection,
    row: &RunRow,
    error: &str,
    retryable: bool,
    now: DateTime<Utc>,
) -> QueryResult<RunRow> {
    let retry = retryable && row.attempt_count < row.max_attempts;
    let status = if retry { "queued" } else { "failed" };
    let run_after = if retry {
        now + backoff(row.attempt_count, jitter())
    } else {
        row.run_after
    };
    let ended: RunRow = diesel::update(action_item_runs::table.find(row.id))
        .set((
            action_item_runs::status.eq(status),
            action_item_runs::error.eq(error),
            action_item_runs::run_after.eq(run_after),
            action_item_runs::completed_at.eq((!retry).then_some(now)),
            action_item_runs::locked_by.eq(None::<String>),
            action_item_runs::lease_expires_at.eq(None::<DateTime<Utc>>),
            action_item_runs::updated_at.eq(now),
        ))
        .returning(RunRow::as_returning())
        .get_result(conn)
        .await?;
    let status = if retry {
        pb::RunStatus::Queued
    } else {
        pb::RunStatus::Failed
    };
    follow_run(conn, ended.action_item_id, status, now).await?;
    Ok(ended)
}

/// Requeues (or fails) up to a batch of runs whose lease ended before `now`, skipping rows a
/// worker is writing; returns how many.
pub async fn sweep_expired(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    let expired: Vec<RunRow> = action_item_runs::table
        .filter(action_item_runs::status.eq("running"))
        .filter(action_item_runs::lease_expires_at.le(now))
        .order(action_item_runs::lease_expires_at)
        .limit(SWEEP_BATCH)
        .select(RunRow::as_select())
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    for row in &expired {
        let error = format!(
            "worker {} stopped renewing its lease on attempt {}",
            row.locked_by.as_deref().unwrap_or("?"),
            row.attempt_count
        );
        end_attempt(conn, row, &error, true, now).await?;
    }
    Ok(expired.len())
}
