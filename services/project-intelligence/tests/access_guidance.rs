//! Next steps, decisions, action items, runs and suggestions are their project owner's: every
//! RPC called with another user's token is NOT_FOUND and changes nothing. Deleting the
//! workspace, the project or the account removes them.

use crate::harness;

use harness::{Harness, eventually};
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{PASSWORD, SERVICE_TOKEN, authed};
use tonic::Code;

fn ok<T>(r: Result<tonic::Response<T>, tonic::Status>) -> Result<(), tonic::Status> {
    r.map(|_| ())
}

#[tokio::test]
async fn every_rpc_on_another_users_guidance_is_not_found_and_changes_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let step = h
        .next_steps()
        .await
        .create_next_step(authed(
            &ada.token,
            pb::CreateNextStepRequest {
                project_id: project.id.clone(),
                next_step: Some(pb::NextStep {
                    title: "t".into(),
                    category: pb::NextStepCategory::Launch as i32,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("step")
        .into_inner()
        .next_step
        .expect("step");
    let decision = h
        .decisions()
        .await
        .create_decision(authed(
            &ada.token,
            pb::CreateDecisionRequest {
                project_id: project.id.clone(),
                decision: Some(pb::Decision {
                    decision: "d".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("decision")
        .into_inner()
        .decision
        .expect("decision");
    let item = h.action_item(&ada, &ws.id, "i").await;
    let run = h
        .action_items()
        .await
        .start_run(authed(
            &ada.token,
            pb::StartRunRequest {
                action_item_id: item.id.clone(),
                max_attempts: 0,
            },
        ))
        .await
        .expect("run")
        .into_inner()
        .run
        .expect("run");
    let before = h.fingerprint().await;
    let t = eve.token.clone();
    let (mut steps, mut decisions, mut items) = (
        h.next_steps().await,
        h.decisions().await,
        h.action_items().await,
    );
    let (p, w, s, d, i, r) = (
        &project.id,
        &ws.id,
        &step.id,
        &decision.id,
        &item.id,
        &run.id,
    );
    let results: Vec<(&str, Result<(), tonic::Status>)> = vec![
        (
            "CreateNextStep",
            ok(steps
                .create_next_step(authed(
                    &t,
                    pb::CreateNextStepRequest {
                        project_id: p.clone(),
                        next_step: Some(pb::NextStep {
                            title: "x".into(),
                            category: 1,
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "GetNextStep",
            ok(steps
                .get_next_step(authed(
                    &t,
                    pb::GetNextStepRequest {
                        next_step_id: s.clone(),
                    },
                ))
                .await),
        ),
        (
            "ListNextSteps",
            ok(steps
                .list_next_steps(authed(
                    &t,
                    pb::ListNextStepsRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "SetNextStepStatus",
            ok(steps
                .set_next_step_status(authed(
                    &t,
                    pb::SetNextStepStatusRequest {
                        next_step_id: s.clone(),
                        status: 4,
                    },
                ))
                .await),
        ),
        (
            "RateNextStep",
            ok(steps
                .rate_next_step(authed(
                    &t,
                    pb::RateNextStepRequest {
                        next_step_id: s.clone(),
                        helpful: true,
                    },
                ))
                .await),
        ),
        (
            "CreateDecision",
            ok(decisions
                .create_decision(authed(
                    &t,
                    pb::CreateDecisionRequest {
                        project_id: p.clone(),
                        decision: Some(pb::Decision {
                            decision: "e".into(),
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "GetDecision",
            ok(decisions
                .get_decision(authed(
                    &t,
                    pb::GetDecisionRequest {
                        decision_id: d.clone(),
                    },
                ))
                .await),
        ),
        (
            "ListDecisions",
            ok(decisions
                .list_decisions(authed(
                    &t,
                    pb::ListDecisionsRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "DeleteDecision",
            ok(decisions
                .delete_decision(authed(
                    &t,
                    pb::DeleteDecisionRequest {
                        decision_id: d.clone(),
                    },
                ))
                .await),
        ),
        (
            "CreateActionItem",
            ok(items
                .create_action_item(authed(
                    &t,
                    pb::CreateActionItemRequest {
                        workspace_id: w.clone(),
                        action_item: Some(pb::ActionItem {
                            r#type: 1,
                            title: "x".into(),
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "GetActionItem",
            ok(items
                .get_action_item(authed(
                    &t,
                    pb::GetActionItemRequest {
                        action_item_id: i.clone(),
                    },
                ))
                .await),
        ),
        (
            "ListActionItems(workspace)",
            ok(items
                .list_action_items(authed(
                    &t,
                    pb::ListActionItemsRequest {
                        workspace_id: w.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "ListActionItems(project)",
            ok(items
                .list_action_items(authed(
                    &t,
                    pb::ListActionItemsRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "DismissActionItem",
            ok(items
                .dismiss_action_item(authed(
                    &t,
                    pb::DismissActionItemRequest {
                        action_item_id: i.clone(),
                    },
                ))
                .await),
        ),
        (
            "StartRun",
            ok(items
                .start_run(authed(
                    &t,
                    pb::StartRunRequest {
                        action_item_id: i.clone(),
                        max_attempts: 0,
                    },
                ))
                .await),
        ),
        (
            "GetRun",
            ok(items
                .get_run(authed(&t, pb::GetRunRequest { run_id: r.clone() }))
                .await),
        ),
        (
            "ListRuns",
            ok(items
                .list_runs(authed(
                    &t,
                    pb::ListRunsRequest {
                        action_item_id: i.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "ApplyRun",
            ok(items
                .apply_run(authed(&t, pb::ApplyRunRequest { run_id: r.clone() }))
                .await),
        ),
        (
            "ListRefactoringSuggestions",
            ok(items
                .list_refactoring_suggestions(authed(
                    &t,
                    pb::ListRefactoringSuggestionsRequest {
                        workspace_id: w.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "MigrateSuggestions",
            ok(items
                .migrate_suggestions(authed(
                    &t,
                    pb::MigrateSuggestionsRequest {
                        workspace_id: w.clone(),
                    },
                ))
                .await),
        ),
    ];
    assert_eq!(results.len(), 20);
    for (rpc, result) in results {
        let status = result.expect_err(rpc);
        assert_eq!(status.code(), Code::NotFound, "{rpc}: {status:?}");
        // Nothing of ada's leaks into the message.
        assert!(!status.message().contains("\"t\""), "{rpc}: {status:?}");
    }
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn deleting_the_workspace_project_or_account_removes_the_guidance() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let second = h.workspace(&ada, &project.id, "second").await;
    for space in [&ws, &second] {
        let item = h.action_item(&ada, &space.id, "i").await;
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
            .expect("run");
    }
    let client = h.suite.db().client().await;
    client
        .batch_execute(&format!(
            "INSERT INTO intelligence.refactoring_suggestions (id, workspace_id, type, title) VALUES (gen_random_uuid(), '{}', 'naming', 'n');
             INSERT INTO intelligence.jobs (id, workspace_id, project_id, prompt) VALUES (gen_random_uuid(), '{}', '{}', 'old');
             INSERT INTO intelligence.next_steps (id, project_id, title, category) VALUES (gen_random_uuid(), '{}', 's', 'launch');",
            ws.id, ws.id, project.id, project.id
        ))
        .await
        .expect("legacy rows");
    // A claimed run of the workspace goes with it.
    h.runs()
        .await
        .claim_runs(authed(
            SERVICE_TOKEN,
            pb::ClaimRunsRequest {
                worker_id: "w".into(),
                max_runs: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("claim");
    h.workspaces()
        .await
        .delete_workspace(authed(
            &ada.token,
            pb::DeleteWorkspaceRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("delete workspace");
    for (table, left) in [
        ("action_items", 1),
        ("action_item_runs", 1),
        ("refactoring_suggestions", 0),
        ("jobs", 0),
        ("next_steps", 1),
    ] {
        assert_eq!(
            h.count(&format!("SELECT count(*) FROM intelligence.{table}"))
                .await,
            left,
            "{table}"
        );
    }
    // Account deletion removes the project and everything under it.
    h.suite
        .identity
        .accounts()
        .delete_account(authed(
            &ada.token,
            id_pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete account");
    for table in ["projects", "action_items", "action_item_runs", "next_steps"] {
        eventually(&h, &format!("SELECT count(*) FROM intelligence.{table}"), 0).await;
    }
}
