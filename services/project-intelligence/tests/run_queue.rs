//! The run queue under load on the system clock: 8 workers, 500 runs, random failures and one
//! worker stalling past its lease. Every run ends once, none is completed twice, retries wait
//! their backoff, and a waiting claim is woken by NOTIFY alone.

use crate::harness;

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use harness::{Harness, User};
use tessera_kit::clock::Clock;
use tessera_kit::convert::from_timestamp;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::action_run_service_client::ActionRunServiceClient;
use tessera_testkit::observe::{db_operations, eventually};
use tessera_testkit::{SERVICE_TOKEN, authed};
use tonic::Code;
use tonic::transport::Channel;

const RUNS: usize = 500;
const WORKERS: usize = 8;

fn span(secs: f64) -> Option<prost_types::Duration> {
    let d = Duration::from_secs_f64(secs);
    Some(prost_types::Duration {
        seconds: i64::try_from(d.as_secs()).expect("secs"),
        nanos: i32::try_from(d.subsec_nanos()).expect("nanos"),
    })
}

fn at(t: Option<&prost_types::Timestamp>) -> DateTime<Utc> {
    from_timestamp(t.expect("time")).expect("time")
}

/// What the workers saw, to check against the database afterwards.
#[derive(Debug, Default)]
struct Log {
    /// (run, attempt) of every claim.
    claims: Vec<(String, i32)>,
    /// Claim start time per (run, attempt).
    started: HashMap<(String, i32), DateTime<Utc>>,
    /// Successful CompleteRun calls per run.
    completed: HashMap<String, usize>,
    /// Retryable failures: (run, attempt, when failed, due again).
    retried: Vec<(String, i32, DateTime<Utc>, DateTime<Utc>)>,
}

/// Creates the items and starts their runs, `SETUP_FAN_OUT` at a time: more would wait on the
/// service's 16 pooled connections past its 2 s acquire timeout on a loaded 2-core machine.
async fn items(h: &Harness, user: &User, workspace: &str) -> Vec<String> {
    const SETUP_FAN_OUT: usize = 10;
    let mut ids = Vec::new();
    for chunk in 0..RUNS / SETUP_FAN_OUT {
        let mut tasks = Vec::new();
        for i in 0..SETUP_FAN_OUT {
            let (client, token, workspace) = (
                h.action_items().await,
                user.token.clone(),
                workspace.to_owned(),
            );
            tasks.push(tokio::spawn(async move {
                let mut client = client;
                let item = client
                    .create_action_item(authed(
                        &token,
                        pb::CreateActionItemRequest {
                            workspace_id: workspace,
                            action_item: Some(pb::ActionItem {
                                r#type: pb::ActionItemType::TestCoverage as i32,
                                title: format!("item {chunk}-{i}"),
                                ..Default::default()
                            }),
                        },
                    ))
                    .await
                    .expect("create")
                    .into_inner()
                    .action_item
                    .expect("item");
                client
                    .start_run(authed(
                        &token,
                        pb::StartRunRequest {
                            action_item_id: item.id.clone(),
                            max_attempts: 3,
                        },
                    ))
                    .await
                    .expect("start");
                item.id
            }));
        }
        for task in tasks {
            ids.push(task.await.expect("task"));
        }
    }
    ids
}

async fn work(
    mut client: ActionRunServiceClient<Channel>,
    name: String,
    log: Arc<Mutex<Log>>,
    stop: tokio_util::sync::CancellationToken,
) {
    while !stop.is_cancelled() {
        let claimed = client
            .claim_runs(authed(
                SERVICE_TOKEN,
                pb::ClaimRunsRequest {
                    worker_id: name.clone(),
                    max_runs: 4,
                    lease: span(30.0),
                    wait: span(0.5),
                },
            ))
            .await
            .expect("claim")
            .into_inner()
            .runs;
        for claimed in claimed {
            let run = claimed.run.expect("run");
            {
                let mut log = log.lock().expect("log");
                log.claims.push((run.id.clone(), run.attempt_count));
                log.started.insert(
                    (run.id.clone(), run.attempt_count),
                    at(run.start_time.as_ref()),
                );
            }
            let roll: u8 = rand::random_range(0..10);
            if roll < 6 {
                let done = client
                    .complete_run(authed(
                        SERVICE_TOKEN,
                        pb::CompleteRunRequest {
                            run_id: run.id.clone(),
                            worker_id: name.clone(),
                            attempt: run.attempt_count,
                            summary: "done".into(),
                            ..Default::default()
                        },
                    ))
                    .await
                    .expect("the holder completes");
                assert_eq!(
                    done.into_inner().run.expect("run").status,
                    pb::RunStatus::Ready as i32
                );
                *log.lock()
                    .expect("log")
                    .completed
                    .entry(run.id.clone())
                    .or_default() += 1;
            } else {
                let failed = client
                    .fail_run(authed(
                        SERVICE_TOKEN,
                        pb::FailRunRequest {
                            run_id: run.id.clone(),
                            worker_id: name.clone(),
                            attempt: run.attempt_count,
                            error: "flaky".into(),
                            retryable: roll < 9,
                        },
                    ))
                    .await
                    .expect("the holder fails it")
                    .into_inner()
                    .run
                    .expect("run");
                if failed.status == pb::RunStatus::Queued as i32 {
                    log.lock().expect("log").retried.push((
                        run.id.clone(),
                        run.attempt_count,
                        at(failed.update_time.as_ref()),
                        at(failed.run_after_time.as_ref()),
                    ));
                }
            }
        }
    }
}

#[tokio::test]
async fn eight_workers_end_five_hundred_runs_exactly_once_despite_failures_and_a_stall() {
    let h = Harness::start_with(harness::config(), Clock::System).await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let space = h.workspace(&ada, &project.id, "main").await;
    let item_ids = items(&h, &ada, &space.id).await;
    assert_eq!(item_ids.len(), RUNS);

    // The staller takes one run with a 1 s lease before the others start, then sleeps past it.
    let mut staller = h.runs().await;
    let stalled = staller
        .claim_runs(authed(
            SERVICE_TOKEN,
            pb::ClaimRunsRequest {
                worker_id: "staller".into(),
                max_runs: 1,
                lease: span(1.0),
                wait: None,
            },
        ))
        .await
        .expect("claim")
        .into_inner()
        .runs
        .pop()
        .expect("a run")
        .run
        .expect("run");

    let log = Arc::new(Mutex::new(Log::default()));
    let stop = tokio_util::sync::CancellationToken::new();
    let mut workers = Vec::new();
    for i in 0..WORKERS {
        workers.push(tokio::spawn(work(
            h.runs().await,
            format!("w{i}"),
            log.clone(),
            stop.clone(),
        )));
    }
    // The wait is what is tested: the staller's 1 s lease lapses while it does nothing.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let late = staller
        .complete_run(authed(
            SERVICE_TOKEN,
            pb::CompleteRunRequest {
                run_id: stalled.id.clone(),
                worker_id: "staller".into(),
                attempt: stalled.attempt_count,
                summary: "too late".into(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("the stalled worker lost its run");
    assert_eq!(late.code(), Code::Aborted, "{late:?}");

    harness::eventually_within(
        &h,
        "SELECT count(*) FROM intelligence.action_item_runs WHERE status IN ('ready', 'failed')",
        RUNS as i64,
        Duration::from_secs(120),
    )
    .await;
    stop.cancel();
    for worker in workers {
        worker.await.expect("worker");
    }

    let log = std::mem::take(&mut *log.lock().expect("log"));
    let client = h.suite.db().client().await;
    let rows = client
        .query(
            "SELECT id::text, status, attempt_count, max_attempts, summary FROM intelligence.action_item_runs",
            &[],
        )
        .await
        .expect("runs");
    assert_eq!(rows.len(), RUNS);
    let mut ready = 0;
    for row in &rows {
        let (id, status, attempts, max): (String, String, i32, i32) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        assert!(
            attempts >= 1 && attempts <= max,
            "{id}: {attempts} of {max}"
        );
        let completed = log.completed.get(&id).copied().unwrap_or(0);
        match status.as_str() {
            "ready" => {
                assert_eq!(completed, 1, "{id} completed once");
                assert_eq!(
                    row.get::<_, Option<String>>(4).as_deref(),
                    Some("done"),
                    "not the staller's"
                );
                ready += 1;
            }
            "failed" => assert_eq!(completed, 0, "{id} failed, never completed"),
            other => panic!("{id} ended {other}"),
        }
    }
    assert!(ready > 0 && ready < RUNS, "random outcomes: {ready} ready");
    // Each attempt was claimed by one worker only.
    let unique: HashSet<&(String, i32)> = log.claims.iter().collect();
    assert_eq!(unique.len(), log.claims.len(), "an attempt claimed twice");
    // The stalled run was taken again, as attempt 2, by another worker.
    assert!(
        log.claims.contains(&(stalled.id.clone(), 2)),
        "the stalled run was requeued"
    );
    // Retries waited 2^attempt s +-10% and were not claimed before.
    assert!(!log.retried.is_empty());
    for (id, attempt, failed_at, due) in &log.retried {
        let wait = (*due - *failed_at).to_std().expect("due later");
        let base = Duration::from_secs(1 << attempt);
        assert!(
            wait >= base.mul_f64(0.9) && wait <= base.mul_f64(1.1),
            "{id}: {wait:?} after attempt {attempt}"
        );
        if let Some(next) = log.started.get(&(id.clone(), attempt + 1)) {
            assert!(
                next >= due,
                "{id}: attempt {} claimed at {next}, due {due}",
                attempt + 1
            );
        }
    }
}

#[tokio::test]
async fn a_waiting_claim_is_woken_by_notify_alone() {
    // Re-checks an hour apart: only the NOTIFY of a queued run can end the wait early.
    let config = tessera_project_intelligence::Config {
        claim_recheck: Duration::from_secs(3600),
        ..harness::config()
    };
    let h = Harness::start_with(config, Clock::System).await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let space = h.workspace(&ada, &project.id, "main").await;
    let item = h.action_item(&ada, &space.id, "Flaky test").await;
    let mut client = h.runs().await;
    let waiting = tokio::spawn(async move {
        client
            .claim_runs(authed(
                SERVICE_TOKEN,
                pb::ClaimRunsRequest {
                    worker_id: "w".into(),
                    max_runs: 1,
                    lease: None,
                    wait: span(60.0),
                },
            ))
            .await
            .expect("claim")
            .into_inner()
            .runs
    });
    // The claim has looked once and found nothing: from now on only the NOTIFY of a queued run
    // (the recheck is an hour away) can wake it.
    let metrics = h.suite.service(harness::NAME).metrics_addr();
    eventually(
        "the claim's first look",
        Duration::from_secs(10),
        || async { db_operations(metrics, "intelligence.claim_runs").await >= 1.0 },
    )
    .await;
    assert!(!waiting.is_finished(), "nothing was due: the claim waits");
    h.action_items()
        .await
        .start_run(authed(
            &ada.token,
            pb::StartRunRequest {
                action_item_id: item.id.clone(),
                max_attempts: 0,
            },
        ))
        .await
        .expect("start");
    let claimed = waiting.await.expect("claim task");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].action_item.as_ref().expect("item").id, item.id);
}

#[tokio::test]
async fn a_late_completion_of_an_earlier_attempt_is_refused_though_the_same_worker_holds_the_run() {
    // The fencing token is the attempt, not the worker: "w" lost attempt 1 (its lease lapsed),
    // claimed the run again as attempt 2, and then its delayed completion of attempt 1 arrives.
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let space = h.workspace(&ada, &project.id, "main").await;
    let item = h.action_item(&ada, &space.id, "Flaky test").await;
    h.action_items()
        .await
        .start_run(authed(
            &ada.token,
            pb::StartRunRequest {
                action_item_id: item.id.clone(),
                max_attempts: 3,
            },
        ))
        .await
        .expect("start");
    let mut runs = h.runs().await;
    let claim = |runs: &mut ActionRunServiceClient<Channel>| {
        let mut runs = runs.clone();
        async move {
            runs.claim_runs(authed(
                SERVICE_TOKEN,
                pb::ClaimRunsRequest {
                    worker_id: "w".into(),
                    max_runs: 1,
                    lease: span(60.0),
                    wait: None,
                },
            ))
            .await
            .expect("claim")
            .into_inner()
            .runs
        }
    };
    let first = claim(&mut runs).await;
    let run = first[0].run.clone().expect("a run");
    assert_eq!(run.attempt_count, 1);
    // The lease lapses; the sweep requeues the run (a retry after its backoff).
    h.clock.advance(chrono::Duration::seconds(61));
    let queued = format!(
        "SELECT count(*) FROM intelligence.action_item_runs WHERE id = '{}' AND status = 'queued'",
        run.id
    );
    eventually(
        "the lapsed run is requeued",
        Duration::from_secs(10),
        || async { h.count(&queued).await == 1 },
    )
    .await;
    h.clock.advance(chrono::Duration::hours(1));
    let again = claim(&mut runs).await;
    let second = again[0].run.clone().expect("the same run");
    assert_eq!(
        (second.id.as_str(), second.attempt_count),
        (run.id.as_str(), 2)
    );

    let complete = |attempt: i32| pb::CompleteRunRequest {
        run_id: run.id.clone(),
        worker_id: "w".into(),
        attempt,
        summary: format!("attempt {attempt}"),
        ..Default::default()
    };
    let late = runs
        .complete_run(authed(SERVICE_TOKEN, complete(1)))
        .await
        .expect_err("attempt 1 is over");
    assert_eq!(
        (late.code(), tessera_testkit::reason(&late).as_str()),
        (Code::Aborted, "LEASE_LOST"),
        "{late:?}"
    );
    let running = format!(
        "SELECT count(*) FROM intelligence.action_item_runs WHERE id = '{}' \
         AND status = 'running' AND attempt_count = 2",
        run.id
    );
    assert_eq!(h.count(&running).await, 1, "attempt 2 goes on untouched");
    runs.complete_run(authed(SERVICE_TOKEN, complete(2)))
        .await
        .expect("attempt 2 completes");
}
