//! ActionRunService: the run queue's worker side, for services with a service credential.

use std::time::Duration;

use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::action_run_service_server::ActionRunService;
use tonic::{Request, Response, Status};

use super::items;
use super::queue::{self, Holder, Outcome};
use super::runs;
use crate::ids::RunId;
use crate::input::{capped, json_object, long_text, required_text};
use crate::projects::name;
use crate::state::Intel;

/// Lease when the request sets none.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(300);
/// Shortest and longest lease.
pub const LEASES: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(3600));
/// Longest ClaimRuns wait.
pub const MAX_WAIT: Duration = Duration::from_secs(60);
/// Most runs per claim.
pub const MAX_CLAIM: i32 = 100;

/// A duration field within `range`, or `default` when unset.
fn duration(
    v: &mut FieldViolations,
    field: &str,
    raw: Option<&prost_types::Duration>,
    default: Duration,
    (min, max): (Duration, Duration),
) -> Duration {
    let Some(raw) = raw else { return default };
    match Duration::try_from(*raw) {
        Ok(d) if d >= min && d <= max => d,
        _ => {
            v.add(field, format!("must be between {min:?} and {max:?}"));
            default
        }
    }
}

/// The worker's name, scoped by the calling service (two services' workers never collide).
fn worker(v: &mut FieldViolations, service: &str, raw: &str) -> Option<String> {
    name(v, "worker_id", raw, 200).map(|w| format!("{service}/{w}"))
}

/// The run, worker and attempt of a fenced write.
fn holder<'a>(
    v: &mut FieldViolations,
    run_id: &str,
    worker: Option<&'a str>,
    attempt: i32,
) -> Option<Holder<'a>> {
    let run = RunId::parse_into(v, "run_id", run_id);
    if attempt < 1 {
        v.add("attempt", "required: the attempt_count the claim returned");
    }
    Some(Holder {
        run: run?,
        worker: worker?,
        attempt,
    })
}

/// The gRPC face of the run queue for workers.
#[derive(Debug, Clone)]
pub struct ActionRunApi(pub Intel);

#[tonic::async_trait]
impl ActionRunService for ActionRunApi {
    async fn claim_runs(
        &self,
        request: Request<pb::ClaimRunsRequest>,
    ) -> Result<Response<pb::ClaimRunsResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let worker = worker(&mut v, &service, &body.worker_id);
        let n = capped(&mut v, "max_runs", body.max_runs, 1, MAX_CLAIM);
        let lease = duration(&mut v, "lease", body.lease.as_ref(), DEFAULT_LEASE, LEASES);
        let wait = duration(
            &mut v,
            "wait",
            body.wait.as_ref(),
            Duration::ZERO,
            (Duration::ZERO, MAX_WAIT),
        );
        let worker = ApiError::checked(v, worker)?;
        let deadline = tokio::time::Instant::now() + wait;
        // Subscribed before the first look, so a run queued after it wakes this call.
        let mut queued = self.0.notifier.subscribe(queue::CHANNEL);
        loop {
            let now = self.0.clock.now();
            let worker = worker.as_str();
            let claimed = self
                .0
                .db
                .transaction("intelligence.claim_runs", |conn| {
                    async move {
                        Ok::<_, ApiError>(queue::claim(conn, worker, n.into(), lease, now).await?)
                    }
                    .scope_boxed()
                })
                .await?;
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if !claimed.is_empty() || left.is_zero() {
                return Ok(Response::new(pb::ClaimRunsResponse {
                    runs: claimed
                        .iter()
                        .map(|(run, item)| pb::ClaimedRun {
                            run: Some(runs::wire(run)),
                            action_item: Some(items::wire(item)),
                        })
                        .collect(),
                }));
            }
            // Nothing due: sleep until woken, until the next retry is due, or the deadline.
            let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
            let next = queue::next_due(&mut conn).await.map_err(ApiError::from)?;
            drop(conn);
            let recheck = self.0.config.claim_recheck;
            let until_due = next.map_or(recheck, |at| {
                (at - self.0.clock.now()).to_std().unwrap_or(Duration::ZERO)
            });
            let nap = left
                .min(recheck)
                .min(until_due.max(Duration::from_millis(10)));
            tokio::select! {
                () = queued.woken() => {}
                () = tokio::time::sleep(nap) => {}
                () = self.0.shutdown.cancelled() => {
                    return Err(ApiError::Unavailable("the server is shutting down".into()).into());
                }
            }
        }
    }

    async fn heartbeat_run(
        &self,
        request: Request<pb::HeartbeatRunRequest>,
    ) -> Result<Response<pb::HeartbeatRunResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let worker = worker(&mut v, &service, &body.worker_id);
        let lease = duration(&mut v, "lease", body.lease.as_ref(), DEFAULT_LEASE, LEASES);
        let holder = holder(&mut v, &body.run_id, worker.as_deref(), body.attempt);
        let holder = ApiError::checked(v, holder)?;
        let now = self.0.clock.now();
        let until = self
            .0
            .db
            .transaction("intelligence.heartbeat_run", |conn| {
                let holder = holder.clone();
                async move { queue::heartbeat(conn, &holder, lease, now).await }.scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::HeartbeatRunResponse {
            lease_expire_time: Some(timestamp(until)),
        }))
    }

    async fn complete_run(
        &self,
        request: Request<pb::CompleteRunRequest>,
    ) -> Result<Response<pb::CompleteRunResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let worker = worker(&mut v, &service, &body.worker_id);
        let holder = holder(&mut v, &body.run_id, worker.as_deref(), body.attempt);
        let outcome = Outcome {
            summary: long_text(&mut v, "summary", &body.summary, 10_000),
            report: long_text(&mut v, "report", &body.report, 1_000_000),
            patch: (!body.patch.is_empty()).then(|| body.patch.clone()),
            checks: json_object(&mut v, "checks", body.checks.as_ref(), 64 * 1024),
        };
        if body.patch.len() > 8 << 20 {
            v.add("patch", "must be at most 8 MiB");
        }
        if body.patch.contains('\0') {
            v.add("patch", "must not contain NUL");
        }
        let holder = ApiError::checked(v, holder)?;
        let now = self.0.clock.now();
        let run = self
            .0
            .db
            .transaction("intelligence.complete_run", |conn| {
                let (holder, outcome) = (holder.clone(), outcome.clone());
                async move { queue::complete(conn, &holder, outcome, now).await }.scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CompleteRunResponse {
            run: Some(runs::wire(&run)),
        }))
    }

    async fn fail_run(
        &self,
        request: Request<pb::FailRunRequest>,
    ) -> Result<Response<pb::FailRunResponse>, Status> {
        let service = auth::service(&request)?.name.clone();
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let worker = worker(&mut v, &service, &body.worker_id);
        let holder = holder(&mut v, &body.run_id, worker.as_deref(), body.attempt);
        let error = required_text(&mut v, "error", &body.error, 10_000);
        let (holder, error) = ApiError::checked(v, holder.zip(error))?;
        let now = self.0.clock.now();
        let retryable = body.retryable;
        let run = self
            .0
            .db
            .transaction("intelligence.fail_run", |conn| {
                let (holder, error) = (holder.clone(), error.clone());
                async move { queue::fail(conn, &holder, &error, retryable, now).await }
                    .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::FailRunResponse {
            run: Some(runs::wire(&run)),
        }))
    }
}
