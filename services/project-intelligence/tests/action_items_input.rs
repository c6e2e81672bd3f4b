//! Who may call the run queue's sides, and bad input to items, runs and claims: one field
//! violation per bad field, nothing changed.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{SERVICE_TOKEN, authed, bad_fields};
use tonic::Code;

#[tokio::test]
async fn worker_rpcs_need_a_service_credential_and_owner_rpcs_a_user() {
    let h = Harness::start().await;
    let (ada, _, created) = h.owner_with_item().await;
    let refused = h
        .runs()
        .await
        .claim_runs(authed(
            &ada.token,
            pb::ClaimRunsRequest {
                worker_id: "me".into(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("users do not claim runs");
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    let refused = h
        .action_items()
        .await
        .start_run(authed(
            SERVICE_TOKEN,
            pb::StartRunRequest {
                action_item_id: created.id.clone(),
                max_attempts: 0,
            },
        ))
        .await
        .expect_err("services do not act as users");
    assert!(
        matches!(
            refused.code(),
            Code::PermissionDenied | Code::Unauthenticated
        ),
        "{refused:?}"
    );
}

#[tokio::test]
async fn bad_items_runs_and_claims_name_every_field_and_change_nothing() {
    let h = Harness::start().await;
    let (ada, space, created) = h.owner_with_item().await;
    let before = h.fingerprint().await;
    let bad = h
        .action_items()
        .await
        .create_action_item(authed(
            &ada.token,
            pb::CreateActionItemRequest {
                workspace_id: space.id.clone(),
                action_item: Some(pb::ActionItem {
                    r#type: 0,
                    severity: 9,
                    source: pb::ActionItemSource::Import as i32,
                    title: String::new(),
                    description: "bell\u{7}".into(),
                    affected_files: vec!["ok.rs".into(), "../etc/passwd".into()],
                    suggested_prompt: "p".repeat(10_001),
                    metadata: Some(tessera_kit::convert::json_to_struct(
                        &serde_json::json!({"blob": "x".repeat(70_000)}),
                    )),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect_err("bad item");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(
        fields,
        [
            "action_item.affected_files[1]",
            "action_item.description",
            "action_item.metadata",
            "action_item.severity",
            "action_item.source",
            "action_item.suggested_prompt",
            "action_item.title",
            "action_item.type",
        ]
    );
    let bad = h
        .action_items()
        .await
        .start_run(authed(
            &ada.token,
            pb::StartRunRequest {
                action_item_id: created.id.clone(),
                max_attempts: 11,
            },
        ))
        .await
        .expect_err("too many attempts");
    assert_eq!(bad_fields(&bad), ["max_attempts"]);
    let bad = h
        .runs()
        .await
        .claim_runs(authed(
            SERVICE_TOKEN,
            pb::ClaimRunsRequest {
                worker_id: String::new(),
                max_runs: 101,
                lease: Some(prost_types::Duration {
                    seconds: 0,
                    nanos: 0,
                }),
                wait: Some(prost_types::Duration {
                    seconds: 61,
                    nanos: 0,
                }),
            },
        ))
        .await
        .expect_err("bad claim");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(fields, ["lease", "max_runs", "wait", "worker_id"]);
    let bad = h
        .runs()
        .await
        .fail_run(authed(
            SERVICE_TOKEN,
            pb::FailRunRequest {
                run_id: "r".into(),
                worker_id: "w".into(),
                attempt: 0,
                error: String::new(),
                retryable: true,
            },
        ))
        .await
        .expect_err("bad fail");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(fields, ["attempt", "error", "run_id"]);
    let listed = h
        .action_items()
        .await
        .list_action_items(authed(&ada.token, pb::ListActionItemsRequest::default()))
        .await
        .expect_err("no scope");
    assert_eq!(bad_fields(&listed), ["workspace_id"]);
    assert_eq!(h.fingerprint().await, before);
}
