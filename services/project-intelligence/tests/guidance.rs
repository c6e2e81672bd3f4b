//! Next steps (statuses, ratings, order) and decisions (once per project, their conversation)
//! over gRPC.

use crate::harness;

use harness::{Harness, User};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

async fn step(h: &Harness, user: &User, project: &str, title: &str, priority: i32) -> pb::NextStep {
    h.next_steps()
        .await
        .create_next_step(authed(
            &user.token,
            pb::CreateNextStepRequest {
                project_id: project.into(),
                next_step: Some(pb::NextStep {
                    title: title.into(),
                    description: "Talk to ten users.\nWrite down what they say.".into(),
                    category: pb::NextStepCategory::UserResearch as i32,
                    priority,
                    effort: pb::Effort::Small as i32,
                    model: "claude".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("create next step")
        .into_inner()
        .next_step
        .expect("next step")
}

async fn set(
    h: &Harness,
    user: &User,
    id: &str,
    to: pb::NextStepStatus,
) -> Result<pb::NextStep, tonic::Status> {
    h.next_steps()
        .await
        .set_next_step_status(authed(
            &user.token,
            pb::SetNextStepStatusRequest {
                next_step_id: id.into(),
                status: to as i32,
            },
        ))
        .await
        .map(|r| r.into_inner().next_step.expect("next step"))
}

#[tokio::test]
async fn next_steps_move_pending_started_completed_and_any_to_dismissed_only() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let s = step(&h, &ada, &project.id, "Interview users", 0).await;
    assert_eq!(s.status, pb::NextStepStatus::Pending as i32);
    assert_eq!(s.priority, 2, "0 means medium");
    assert_eq!(s.category, pb::NextStepCategory::UserResearch as i32);
    assert_eq!(s.effort, pb::Effort::Small as i32);
    assert!(s.acted_on_time.is_none());

    // pending -> completed skips started: refused, with the current status named.
    let refused = set(&h, &ada, &s.id, pb::NextStepStatus::Completed)
        .await
        .expect_err("skip");
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("pending"), "{refused:?}");

    h.clock.advance(chrono::Duration::seconds(60));
    let started = set(&h, &ada, &s.id, pb::NextStepStatus::Started)
        .await
        .expect("start");
    assert_eq!(started.status, pb::NextStepStatus::Started as i32);
    let acted = started
        .acted_on_time
        .expect("acted on when it left pending");
    assert_eq!(
        set(&h, &ada, &s.id, pb::NextStepStatus::Started)
            .await
            .expect_err("again")
            .code(),
        Code::FailedPrecondition
    );
    h.clock.advance(chrono::Duration::seconds(60));
    let done = set(&h, &ada, &s.id, pb::NextStepStatus::Completed)
        .await
        .expect("complete");
    assert_eq!(
        done.acted_on_time,
        Some(acted),
        "acted_on_at is when it left pending"
    );
    let dismissed = set(&h, &ada, &s.id, pb::NextStepStatus::Dismissed)
        .await
        .expect("dismiss");
    assert_eq!(dismissed.status, pb::NextStepStatus::Dismissed as i32);
    for to in [
        pb::NextStepStatus::Started,
        pb::NextStepStatus::Completed,
        pb::NextStepStatus::Dismissed,
    ] {
        let refused = set(&h, &ada, &s.id, to)
            .await
            .expect_err("dismissed is final");
        assert_eq!(refused.code(), Code::FailedPrecondition, "{to:?}");
    }
    // Back to pending is never a move; unknown statuses are bad input.
    let fresh = step(&h, &ada, &project.id, "Launch", 1).await;
    let bad = set(&h, &ada, &fresh.id, pb::NextStepStatus::Pending)
        .await
        .expect_err("pending");
    assert_eq!(bad_fields(&bad), ["status"]);
    let dismissed = set(&h, &ada, &fresh.id, pb::NextStepStatus::Dismissed)
        .await
        .expect("pending -> dismissed");
    assert!(dismissed.acted_on_time.is_some());

    // Concurrent moves from pending: exactly one start wins.
    let racing = step(&h, &ada, &project.id, "Race", 3).await;
    let mut tasks = Vec::new();
    for _ in 0..10 {
        let (client, token, id) = (h.next_steps().await, ada.token.clone(), racing.id.clone());
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .set_next_step_status(authed(
                    &token,
                    pb::SetNextStepStatusRequest {
                        next_step_id: id,
                        status: pb::NextStepStatus::Started as i32,
                    },
                ))
                .await
                .is_ok()
        }));
    }
    let mut wins = 0;
    for task in tasks {
        wins += usize::from(task.await.expect("task"));
    }
    assert_eq!(wins, 1);
}

#[tokio::test]
async fn ratings_from_concurrent_callers_all_count() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let s = step(&h, &ada, &project.id, "Ship", 1).await;
    let mut tasks = Vec::new();
    for i in 0..40 {
        let (client, token, id) = (h.next_steps().await, ada.token.clone(), s.id.clone());
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .rate_next_step(authed(
                    &token,
                    pb::RateNextStepRequest {
                        next_step_id: id,
                        helpful: i % 4 != 0,
                    },
                ))
                .await
                .expect("rate");
        }));
    }
    for task in tasks {
        task.await.expect("task");
    }
    let got = h
        .next_steps()
        .await
        .get_next_step(authed(
            &ada.token,
            pb::GetNextStepRequest {
                next_step_id: s.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .next_step
        .expect("step");
    assert_eq!((got.helpful_count, got.not_helpful_count), (30, 10));
}

#[tokio::test]
async fn next_steps_list_by_priority_then_newest_with_a_status_filter() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let mut made = Vec::new();
    for i in 0..9 {
        made.push(step(&h, &ada, &project.id, &format!("step {i}"), i % 3 + 1).await);
    }
    set(&h, &ada, &made[0].id, pb::NextStepStatus::Dismissed)
        .await
        .expect("dismiss");
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let page = h
            .next_steps()
            .await
            .list_next_steps(authed(
                &ada.token,
                pb::ListNextStepsRequest {
                    project_id: project.id.clone(),
                    page_size: 2,
                    page_token: token.clone(),
                    ..Default::default()
                },
            ))
            .await
            .expect("list")
            .into_inner();
        seen.extend(page.next_steps.into_iter().map(|s| (s.priority, s.title)));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    let expected: Vec<(i32, String)> = [6, 3, 0, 7, 4, 1, 8, 5, 2]
        .iter()
        .map(|i| (i % 3 + 1, format!("step {i}")))
        .collect();
    assert_eq!(seen, expected);
    let pending = h
        .next_steps()
        .await
        .list_next_steps(authed(
            &ada.token,
            pb::ListNextStepsRequest {
                project_id: project.id.clone(),
                status: pb::NextStepStatus::Pending as i32,
                ..Default::default()
            },
        ))
        .await
        .expect("list pending")
        .into_inner()
        .next_steps;
    assert_eq!(pending.len(), 8);
    assert!(pending.iter().all(|s| s.id != made[0].id));
}

#[tokio::test]
async fn bad_next_steps_and_decisions_name_every_field_and_change_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let before = h.fingerprint().await;
    let bad = h
        .next_steps()
        .await
        .create_next_step(authed(
            &ada.token,
            pb::CreateNextStepRequest {
                project_id: "nope".into(),
                next_step: Some(pb::NextStep {
                    title: "a\u{202E}b".into(),
                    description: "x".repeat(10_001),
                    rationale: "bell\u{7}".into(),
                    category: 99,
                    priority: 4,
                    effort: 7,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(bad.code(), Code::InvalidArgument);
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(
        fields,
        [
            "next_step.category",
            "next_step.description",
            "next_step.effort",
            "next_step.priority",
            "next_step.rationale",
            "next_step.title",
            "project_id"
        ]
    );
    let missing = h
        .next_steps()
        .await
        .create_next_step(authed(
            &ada.token,
            pb::CreateNextStepRequest {
                project_id: project.id.clone(),
                next_step: Some(pb::NextStep::default()),
            },
        ))
        .await
        .expect_err("empty");
    let mut fields = bad_fields(&missing);
    fields.sort();
    assert_eq!(fields, ["next_step.category", "next_step.title"]);
    let bad = h
        .decisions()
        .await
        .create_decision(authed(
            &ada.token,
            pb::CreateDecisionRequest {
                project_id: project.id.clone(),
                decision: Some(pb::Decision {
                    conversation_id: "12".into(),
                    decision: "é".repeat(1001),
                    category: 42,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect_err("bad decision");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(
        fields,
        [
            "decision.category",
            "decision.conversation_id",
            "decision.decision"
        ]
    );
    assert_eq!(h.fingerprint().await, before);
}

async fn conversation(h: &Harness, user: &User, workspace: &str) -> pb::Conversation {
    h.conversations()
        .await
        .create_conversation(authed(
            &user.token,
            pb::CreateConversationRequest {
                workspace_id: workspace.into(),
                title: "Storage".into(),
            },
        ))
        .await
        .expect("conversation")
        .into_inner()
        .conversation
        .expect("conversation")
}

async fn decide(
    h: &Harness,
    user: &User,
    project: &str,
    text: &str,
    conversation: &str,
) -> Result<pb::Decision, tonic::Status> {
    h.decisions()
        .await
        .create_decision(authed(
            &user.token,
            pb::CreateDecisionRequest {
                project_id: project.into(),
                decision: Some(pb::Decision {
                    decision: text.into(),
                    rationale: "It is simpler.".into(),
                    category: pb::DecisionCategory::TechChoice as i32,
                    conversation_id: conversation.into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .map(|r| r.into_inner().decision.expect("decision"))
}

#[tokio::test]
async fn a_decision_is_recorded_once_per_project_and_outlives_its_conversation() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let other = h.project(&ada, "Other").await;
    let space = h.workspace(&ada, &project.id, "main").await;
    let other_space = h.workspace(&ada, &other.id, "main").await;
    let chat = conversation(&h, &ada, &space.id).await;
    let elsewhere = conversation(&h, &ada, &other_space.id).await;

    let d = decide(&h, &ada, &project.id, "Use PostgreSQL", &chat.id)
        .await
        .expect("decide");
    assert_eq!(d.conversation_id, chat.id);
    assert_eq!(d.category, pb::DecisionCategory::TechChoice as i32);
    let again = decide(&h, &ada, &project.id, "  Use PostgreSQL ", "")
        .await
        .expect_err("duplicate");
    assert_eq!(again.code(), Code::AlreadyExists, "{again:?}");
    // Another project may take the same decision.
    decide(&h, &ada, &other.id, "Use PostgreSQL", "")
        .await
        .expect("another project");
    // A conversation of another project is not this project's.
    let foreign = decide(&h, &ada, &project.id, "Use Rust", &elsewhere.id)
        .await
        .expect_err("foreign");
    assert_eq!(foreign.code(), Code::NotFound);

    // Concurrent duplicates: exactly one is recorded.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, token, id) = (h.decisions().await, ada.token.clone(), project.id.clone());
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .create_decision(authed(
                    &token,
                    pb::CreateDecisionRequest {
                        project_id: id,
                        decision: Some(pb::Decision {
                            decision: "Ship weekly".into(),
                            ..Default::default()
                        }),
                    },
                ))
                .await
                .map_err(|s| s.code())
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.expect("task").err());
    }
    assert_eq!(codes.iter().filter(|c| c.is_none()).count(), 1, "{codes:?}");
    assert!(
        codes.iter().flatten().all(|c| *c == Code::AlreadyExists),
        "{codes:?}"
    );

    // Deleting the conversation keeps the decision, unattributed.
    h.conversations()
        .await
        .delete_conversation(authed(
            &ada.token,
            pb::DeleteConversationRequest {
                conversation_id: chat.id.clone(),
            },
        ))
        .await
        .expect("delete conversation");
    let kept = h
        .decisions()
        .await
        .get_decision(authed(
            &ada.token,
            pb::GetDecisionRequest {
                decision_id: d.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .decision
        .expect("decision");
    assert_eq!(kept.conversation_id, "");
    let listed = h
        .decisions()
        .await
        .list_decisions(authed(
            &ada.token,
            pb::ListDecisionsRequest {
                project_id: project.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .decisions;
    assert_eq!(
        listed
            .iter()
            .map(|d| d.decision.as_str())
            .collect::<Vec<_>>(),
        ["Ship weekly", "Use PostgreSQL"]
    );
    h.decisions()
        .await
        .delete_decision(authed(
            &ada.token,
            pb::DeleteDecisionRequest {
                decision_id: d.id.clone(),
            },
        ))
        .await
        .expect("delete");
    decide(&h, &ada, &project.id, "Use PostgreSQL", "")
        .await
        .expect("free again once deleted");
}
