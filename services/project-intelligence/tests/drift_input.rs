//! Drift, sync and snapshot reads refuse bad input with one violation per field, and say which
//! precondition a comparison lacks; nothing changes.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;
use tonic_types::StatusExt;

fn kinds(status: &tonic::Status) -> Vec<String> {
    status
        .get_details_precondition_failure()
        .map(|p| p.violations.into_iter().map(|v| v.r#type).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn bad_drift_and_sync_requests_name_each_field() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let before = h.fingerprint().await;
    let mut drift = h.drift().await;
    let refused = drift
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: "nope".into(),
                source: None,
                actor: 9,
                ..Default::default()
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(refused.code(), Code::InvalidArgument);
    assert_eq!(bad_fields(&refused), ["workspace_id", "source", "actor"]);
    let refused = drift
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: ws.id.clone(),
                source: Some(pb::DriftSource {
                    source: Some(pb::drift_source::Source::SnapshotId(
                        "snap-lowercase".into(),
                    )),
                }),
                ..Default::default()
            },
        ))
        .await
        .expect_err("bad snapshot id");
    assert_eq!(bad_fields(&refused), ["source.snapshot_id"]);
    let refused = drift
        .apply_sync(authed(
            &ada.token,
            pb::ApplySyncRequest {
                preview_id: String::new(),
                workspace_version: 0,
                actor: 0,
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(bad_fields(&refused), ["preview_id", "workspace_version"]);
    let refused = h
        .snapshots()
        .await
        .list_snapshots(authed(
            &ada.token,
            pb::ListSnapshotsRequest {
                project_id: project.id.clone(),
                workspace_id: "x".into(),
                page_size: -3,
                page_token: "forged".into(),
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(
        bad_fields(&refused),
        ["workspace_id", "page_size", "page_token"]
    );

    // Preconditions: a workspace with no snapshot, a project with no main workspace.
    let refused = drift
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: ws.id.clone(),
                source: Some(pb::DriftSource {
                    source: Some(pb::drift_source::Source::MainWorkspace(true)),
                }),
                ..Default::default()
            },
        ))
        .await
        .expect_err("no snapshot");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    assert_eq!(kinds(&refused), ["NO_SNAPSHOT"]);
    let unknown = drift
        .get_sync_preview(authed(
            &ada.token,
            pb::GetSyncPreviewRequest {
                preview_id: uuid::Uuid::now_v7().to_string(),
            },
        ))
        .await
        .expect_err("unknown");
    assert_eq!(unknown.code(), Code::NotFound);
    assert_eq!(h.fingerprint().await, before);
}
