//! Action items and their runs over gRPC: the owner's side (create, start, apply, dismiss) and
//! the worker's (claim, heartbeat, complete, fail) with its fencing, on a manual clock.

use crate::harness;

use std::time::Duration;

use harness::{Harness, User};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{SERVICE_TOKEN, authed};
use tonic::Code;

async fn start_run(h: &Harness, user: &User, item: &str) -> Result<pb::Run, tonic::Status> {
    h.action_items()
        .await
        .start_run(authed(
            &user.token,
            pb::StartRunRequest {
                action_item_id: item.into(),
                max_attempts: 0,
            },
        ))
        .await
        .map(|r| r.into_inner().run.expect("run"))
}

async fn claim(h: &Harness, worker: &str, n: i32, lease_secs: i64) -> Vec<pb::ClaimedRun> {
    h.runs()
        .await
        .claim_runs(authed(
            SERVICE_TOKEN,
            pb::ClaimRunsRequest {
                worker_id: worker.into(),
                max_runs: n,
                lease: Some(prost_types::Duration {
                    seconds: lease_secs,
                    nanos: 0,
                }),
                wait: None,
            },
        ))
        .await
        .expect("claim")
        .into_inner()
        .runs
}

async fn complete(h: &Harness, worker: &str, run: &pb::Run) -> Result<pb::Run, tonic::Status> {
    h.runs()
        .await
        .complete_run(authed(
            SERVICE_TOKEN,
            pb::CompleteRunRequest {
                run_id: run.id.clone(),
                worker_id: worker.into(),
                attempt: run.attempt_count,
                summary: "Escaped the query".into(),
                report: "All checks pass.\n".into(),
                patch: "--- a/src/auth.rs\n+++ b/src/auth.rs\n".into(),
                checks: Some(tessera_kit::convert::json_to_struct(
                    &serde_json::json!({"tests": "passed"}),
                )),
            },
        ))
        .await
        .map(|r| r.into_inner().run.expect("run"))
}

async fn fail(
    h: &Harness,
    worker: &str,
    run: &pb::Run,
    retryable: bool,
) -> Result<pb::Run, tonic::Status> {
    h.runs()
        .await
        .fail_run(authed(
            SERVICE_TOKEN,
            pb::FailRunRequest {
                run_id: run.id.clone(),
                worker_id: worker.into(),
                attempt: run.attempt_count,
                error: "the build broke".into(),
                retryable,
            },
        ))
        .await
        .map(|r| r.into_inner().run.expect("run"))
}

async fn item(h: &Harness, user: &User, id: &str) -> pb::ActionItem {
    h.action_items()
        .await
        .get_action_item(authed(
            &user.token,
            pb::GetActionItemRequest {
                action_item_id: id.into(),
            },
        ))
        .await
        .expect("get item")
        .into_inner()
        .action_item
        .expect("item")
}

fn status(item: &pb::ActionItem) -> pb::ActionItemStatus {
    pb::ActionItemStatus::try_from(item.status).expect("status")
}

#[tokio::test]
async fn an_item_follows_its_run_from_queued_to_applied() {
    let h = Harness::start().await;
    let (ada, space, created) = h.owner_with_item().await;
    assert_eq!(status(&created), pb::ActionItemStatus::Pending);
    assert_eq!(created.source, pb::ActionItemSource::Analysis as i32);
    assert_eq!(created.severity, pb::Severity::Info as i32);
    assert_eq!(created.affected_files, ["src/auth.rs"]);
    assert_eq!(created.workspace_id, space.id);

    let run = start_run(&h, &ada, &created.id).await.expect("start");
    assert_eq!(run.status, pb::RunStatus::Queued as i32);
    assert_eq!((run.attempt_count, run.max_attempts), (0, 3));
    let again = start_run(&h, &ada, &created.id)
        .await
        .expect_err("one active run");
    assert_eq!(again.code(), Code::FailedPrecondition, "{again:?}");

    let claimed = claim(&h, "w1", 5, 60).await;
    assert_eq!(claimed.len(), 1);
    let held = claimed[0].run.clone().expect("run");
    assert_eq!(held.id, run.id);
    assert_eq!(held.status, pb::RunStatus::Running as i32);
    assert_eq!(held.attempt_count, 1);
    assert_eq!(held.worker_id, "tests/w1", "scoped by the calling service");
    assert_eq!(
        claimed[0].action_item.as_ref().expect("item").title,
        created.title
    );
    assert_eq!(
        status(&item(&h, &ada, &created.id).await),
        pb::ActionItemStatus::Running
    );
    assert!(claim(&h, "w2", 5, 60).await.is_empty(), "claimed once");

    // Applying before it is ready is refused.
    let early = h
        .action_items()
        .await
        .apply_run(authed(
            &ada.token,
            pb::ApplyRunRequest {
                run_id: run.id.clone(),
            },
        ))
        .await
        .expect_err("not ready");
    assert_eq!(early.code(), Code::FailedPrecondition);

    let beat = h
        .runs()
        .await
        .heartbeat_run(authed(
            SERVICE_TOKEN,
            pb::HeartbeatRunRequest {
                run_id: run.id.clone(),
                worker_id: "w1".into(),
                attempt: 1,
                lease: Some(prost_types::Duration {
                    seconds: 120,
                    nanos: 0,
                }),
            },
        ))
        .await
        .expect("heartbeat")
        .into_inner();
    assert!(
        beat.lease_expire_time.expect("lease").seconds
            > held.lease_expire_time.expect("lease").seconds
    );
    // Another worker (or the same with another attempt) cannot write it.
    assert_eq!(
        complete(&h, "w2", &held)
            .await
            .expect_err("not its run")
            .code(),
        Code::Aborted
    );
    let ready = complete(&h, "w1", &held).await.expect("complete");
    assert_eq!(ready.status, pb::RunStatus::Ready as i32);
    assert_eq!(ready.summary, "Escaped the query");
    assert!(ready.patch.starts_with("--- a/src/auth.rs"));
    assert!(ready.complete_time.is_some());
    assert_eq!(ready.worker_id, "", "no holder once ended");
    assert_eq!(
        status(&item(&h, &ada, &created.id).await),
        pb::ActionItemStatus::Ready
    );
    assert_eq!(
        complete(&h, "w1", &held)
            .await
            .expect_err("completed once")
            .code(),
        Code::Aborted
    );

    let applied = h
        .action_items()
        .await
        .apply_run(authed(
            &ada.token,
            pb::ApplyRunRequest {
                run_id: run.id.clone(),
            },
        ))
        .await
        .expect("apply")
        .into_inner();
    assert_eq!(
        applied.run.expect("run").status,
        pb::RunStatus::Applied as i32
    );
    assert_eq!(
        status(&applied.action_item.expect("item")),
        pb::ActionItemStatus::Applied
    );
    let closed = start_run(&h, &ada, &created.id).await.expect_err("applied");
    assert_eq!(closed.code(), Code::FailedPrecondition);
    let dismiss = h
        .action_items()
        .await
        .dismiss_action_item(authed(
            &ada.token,
            pb::DismissActionItemRequest {
                action_item_id: created.id.clone(),
            },
        ))
        .await
        .expect_err("applied items stay applied");
    assert_eq!(dismiss.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn failures_retry_after_their_backoff_until_max_attempts() {
    let h = Harness::start().await;
    let (ada, _, created) = h.owner_with_item().await;
    let run = start_run(&h, &ada, &created.id).await.expect("start");
    let mut attempts = Vec::new();
    for attempt in 1..=3 {
        let held = claim(&h, "w1", 1, 60)
            .await
            .pop()
            .expect("due")
            .run
            .expect("run");
        assert_eq!(held.attempt_count, attempt);
        let failed_at = h.clock.now();
        let after = fail(&h, "w1", &held, true).await.expect("fail");
        attempts.push(after.status);
        if attempt == 3 {
            break;
        }
        assert_eq!(after.status, pb::RunStatus::Queued as i32);
        assert_eq!(after.error, "the build broke");
        assert_eq!(
            after.complete_time, None,
            "a run queued for a retry is not complete"
        );
        assert_eq!(
            status(&item(&h, &ada, &created.id).await),
            pb::ActionItemStatus::Pending
        );
        // Due after 2^attempt seconds +-10%, not before.
        let due = tessera_kit::convert::from_timestamp(&after.run_after_time.expect("due"))
            .expect("time");
        let wait = (due - failed_at).to_std().expect("in the future");
        let base = Duration::from_secs(1 << attempt);
        assert!(
            wait >= base.mul_f64(0.9) && wait <= base.mul_f64(1.1),
            "{wait:?} for attempt {attempt}"
        );
        h.clock
            .advance(chrono::Duration::from_std(base.mul_f64(0.85)).expect("span"));
        assert!(
            claim(&h, "w1", 1, 60).await.is_empty(),
            "not due before its backoff"
        );
        h.clock
            .advance(chrono::Duration::from_std(base.mul_f64(0.3)).expect("span"));
    }
    assert_eq!(
        attempts.last(),
        Some(&(pb::RunStatus::Failed as i32)),
        "failed at max_attempts"
    );
    assert_eq!(
        status(&item(&h, &ada, &created.id).await),
        pb::ActionItemStatus::Pending
    );
    h.clock.advance(chrono::Duration::hours(2));
    assert!(
        claim(&h, "w1", 1, 60).await.is_empty(),
        "a failed run is never claimed"
    );

    // A non-retryable failure ends a new run at once; the item is free for another.
    let second = start_run(&h, &ada, &created.id)
        .await
        .expect("a new run after a failure");
    assert_ne!(second.id, run.id);
    let held = claim(&h, "w1", 1, 60)
        .await
        .pop()
        .expect("due")
        .run
        .expect("run");
    let ended = fail(&h, "w1", &held, false).await.expect("fail");
    assert_eq!(ended.status, pb::RunStatus::Failed as i32);
    assert_eq!(ended.attempt_count, 1);
    assert_eq!(
        ended.complete_time.map(|t| t.seconds),
        Some(h.clock.now().timestamp()),
        "a failed run completed when it failed"
    );
}

#[tokio::test]
async fn a_worker_whose_lease_expired_is_aborted_and_changes_nothing() {
    let h = Harness::start().await;
    let (ada, _, created) = h.owner_with_item().await;
    start_run(&h, &ada, &created.id).await.expect("start");
    let stale = claim(&h, "slow", 1, 10)
        .await
        .pop()
        .expect("claimed")
        .run
        .expect("run");
    h.clock.advance(chrono::Duration::seconds(11));
    // Expired but not yet swept: still refused.
    let late = h
        .runs()
        .await
        .heartbeat_run(authed(
            SERVICE_TOKEN,
            pb::HeartbeatRunRequest {
                run_id: stale.id.clone(),
                worker_id: "slow".into(),
                attempt: 1,
                lease: None,
            },
        ))
        .await
        .expect_err("expired");
    assert_eq!(late.code(), Code::Aborted, "{late:?}");
    // The sweep requeues it (after the first backoff); another worker takes attempt 2.
    harness::eventually(
        &h,
        "SELECT count(*) FROM intelligence.action_item_runs WHERE status = 'queued' AND attempt_count = 1",
        1,
    )
    .await;
    h.clock.advance(chrono::Duration::seconds(3));
    let fresh = claim(&h, "fast", 1, 60)
        .await
        .pop()
        .expect("requeued")
        .run
        .expect("run");
    assert_eq!(
        (fresh.id.as_str(), fresh.attempt_count),
        (stale.id.as_str(), 2)
    );
    let before = h.fingerprint().await;
    for result in [
        complete(&h, "slow", &stale).await,
        fail(&h, "slow", &stale, true).await,
    ] {
        assert_eq!(result.expect_err("stale").code(), Code::Aborted);
    }
    assert_eq!(
        h.fingerprint().await,
        before,
        "the stale worker changed nothing"
    );
    complete(&h, "fast", &fresh)
        .await
        .expect("the holder completes");
}

#[tokio::test]
async fn dismissing_ends_the_active_run_and_its_worker_is_aborted() {
    let h = Harness::start().await;
    let (ada, _, created) = h.owner_with_item().await;
    start_run(&h, &ada, &created.id).await.expect("start");
    let held = claim(&h, "w1", 1, 60)
        .await
        .pop()
        .expect("claimed")
        .run
        .expect("run");
    for _ in 0..2 {
        let dismissed = h
            .action_items()
            .await
            .dismiss_action_item(authed(
                &ada.token,
                pb::DismissActionItemRequest {
                    action_item_id: created.id.clone(),
                },
            ))
            .await
            .expect("dismiss (twice is a no-op)")
            .into_inner()
            .action_item
            .expect("item");
        assert_eq!(status(&dismissed), pb::ActionItemStatus::Dismissed);
    }
    assert_eq!(
        complete(&h, "w1", &held)
            .await
            .expect_err("dismissed")
            .code(),
        Code::Aborted
    );
    let run = h
        .action_items()
        .await
        .get_run(authed(
            &ada.token,
            pb::GetRunRequest {
                run_id: held.id.clone(),
            },
        ))
        .await
        .expect("run")
        .into_inner()
        .run
        .expect("run");
    assert_eq!(
        (run.status, run.error.as_str()),
        (pb::RunStatus::Failed as i32, "dismissed")
    );
    assert_eq!(
        start_run(&h, &ada, &created.id)
            .await
            .expect_err("dismissed")
            .code(),
        Code::FailedPrecondition
    );
    assert_eq!(
        status(&item(&h, &ada, &created.id).await),
        pb::ActionItemStatus::Dismissed
    );
}

#[tokio::test]
async fn only_the_latest_ready_run_can_be_applied_and_concurrent_starts_queue_one() {
    let h = Harness::start().await;
    let (ada, _, created) = h.owner_with_item().await;
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (client, token, id) = (
            h.action_items().await,
            ada.token.clone(),
            created.id.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .start_run(authed(
                    &token,
                    pb::StartRunRequest {
                        action_item_id: id,
                        max_attempts: 1,
                    },
                ))
                .await
                .map_err(|s| s.code())
        }));
    }
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await.expect("task"));
    }
    assert_eq!(
        outcomes.iter().filter(|o| o.is_ok()).count(),
        1,
        "{outcomes:?}"
    );
    assert!(
        outcomes
            .iter()
            .filter_map(|o| o.as_ref().err())
            .all(|c| *c == Code::FailedPrecondition)
    );
    let first = claim(&h, "w1", 1, 60)
        .await
        .pop()
        .expect("claimed")
        .run
        .expect("run");
    complete(&h, "w1", &first).await.expect("ready");
    // A newer run supersedes the ready one: the older can no longer be applied.
    start_run(&h, &ada, &created.id).await.expect("second run");
    let stale = h
        .action_items()
        .await
        .apply_run(authed(
            &ada.token,
            pb::ApplyRunRequest {
                run_id: first.id.clone(),
            },
        ))
        .await
        .expect_err("not the latest");
    assert_eq!(stale.code(), Code::FailedPrecondition, "{stale:?}");
    let runs = h
        .action_items()
        .await
        .list_runs(authed(
            &ada.token,
            pb::ListRunsRequest {
                action_item_id: created.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list runs")
        .into_inner()
        .runs;
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1].id, first.id, "newest first");
}

#[tokio::test]
async fn a_lease_ends_at_its_expiry_instant() {
    // No sweep: only the lease's own end decides (the sweep requeues at the same instant).
    let config = tessera_project_intelligence::Config {
        lease_sweep_interval: Duration::from_secs(3600),
        ..harness::config()
    };
    let h = Harness::start_with(config, tessera_kit::clock::Clock::manual()).await;
    let (ada, _, created) = h.owner_with_item().await;
    start_run(&h, &ada, &created.id).await.expect("start");
    let held = claim(&h, "w", 1, 10)
        .await
        .pop()
        .expect("due")
        .run
        .expect("run");
    h.clock.advance(chrono::Duration::seconds(10));
    let late = complete(&h, "w", &held).await.expect_err("the lease ended");
    assert_eq!(
        (late.code(), tessera_testkit::reason(&late).as_str()),
        (Code::Aborted, "LEASE_LOST"),
        "{late:?}"
    );
}
