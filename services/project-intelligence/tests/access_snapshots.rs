//! Snapshots, drift and sync belong to the project's owner too: with another user's token
//! every one of those RPCs is NOT_FOUND and changes nothing.

use crate::harness;

use harness::{Harness, file, manifest};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;

#[tokio::test]
async fn every_snapshot_and_drift_rpc_on_another_users_project_is_not_found() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let main = h.workspace(&ada, &project.id, "main").await;
    let other = h.workspace(&ada, &project.id, "other").await;
    h.upload(&ada, &[b"x"]).await;
    h.upload(&eve, &[b"x"]).await;
    let bytes = manifest(vec![file("x", b"x")]);
    let rid = || uuid::Uuid::now_v7().to_string();
    let snap = h
        .push(&ada, &main.id, 1, &bytes, &rid(), &[])
        .await
        .expect("push")
        .snapshot
        .expect("snapshot")
        .id;
    h.push(&ada, &other.id, 1, &bytes, &rid(), &[])
        .await
        .expect("push");
    let source = Some(pb::DriftSource {
        source: Some(pb::drift_source::Source::WorkspaceId(other.id.clone())),
    });
    let report = h
        .drift()
        .await
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: main.id.clone(),
                source: source.clone(),
                persist: true,
                ..Default::default()
            },
        ))
        .await
        .expect("drift")
        .into_inner()
        .report_id;
    let preview = h
        .drift()
        .await
        .create_sync_preview(authed(
            &ada.token,
            pb::CreateSyncPreviewRequest {
                workspace_id: main.id.clone(),
                source: source.clone(),
            },
        ))
        .await
        .expect("preview")
        .into_inner()
        .preview
        .expect("preview")
        .id;
    let before = h.fingerprint().await;
    let t = eve.token.clone();
    let (mut snapshots, mut drift) = (h.snapshots().await, h.drift().await);
    let results: Vec<(&str, Result<(), tonic::Status>)> = vec![
        (
            "CreateSnapshot",
            h.push(&eve, &main.id, 2, &bytes, &rid(), &[])
                .await
                .map(drop),
        ),
        (
            "GetSnapshot",
            snapshots
                .get_snapshot(authed(
                    &t,
                    pb::GetSnapshotRequest {
                        snapshot_id: snap.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ListSnapshots",
            snapshots
                .list_snapshots(authed(
                    &t,
                    pb::ListSnapshotsRequest {
                        project_id: project.id.clone(),
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "GetManifest",
            snapshots
                .get_manifest(authed(
                    &t,
                    pb::GetManifestRequest {
                        snapshot_id: snap.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "SetSnapshotSummary",
            snapshots
                .set_snapshot_summary(authed(
                    &t,
                    pb::SetSnapshotSummaryRequest {
                        snapshot_id: snap.clone(),
                        summary: "mine".into(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ComputeDrift",
            drift
                .compute_drift(authed(
                    &t,
                    pb::ComputeDriftRequest {
                        workspace_id: main.id.clone(),
                        source: source.clone(),
                        persist: true,
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "GetDriftReport",
            drift
                .get_drift_report(authed(
                    &t,
                    pb::GetDriftReportRequest {
                        report_id: report.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ListDriftReports",
            drift
                .list_drift_reports(authed(
                    &t,
                    pb::ListDriftReportsRequest {
                        workspace_id: main.id.clone(),
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "CreateSyncPreview",
            drift
                .create_sync_preview(authed(
                    &t,
                    pb::CreateSyncPreviewRequest {
                        workspace_id: main.id.clone(),
                        source: source.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "GetSyncPreview",
            drift
                .get_sync_preview(authed(
                    &t,
                    pb::GetSyncPreviewRequest {
                        preview_id: preview.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ApplySync",
            drift
                .apply_sync(authed(
                    &t,
                    pb::ApplySyncRequest {
                        preview_id: preview.clone(),
                        workspace_version: 2,
                        actor: 0,
                    },
                ))
                .await
                .map(drop),
        ),
    ];
    for (rpc, result) in results {
        let status = result.expect_err(rpc);
        assert_eq!(status.code(), Code::NotFound, "{rpc}: {status:?}");
    }
    assert_eq!(h.fingerprint().await, before);
    // eve's own workspace cannot name ada's workspace or snapshot as a source either.
    let eves = h.project(&eve, "mine").await;
    let eves_ws = h.workspace(&eve, &eves.id, "w").await;
    h.push(&eve, &eves_ws.id, 1, &bytes, &rid(), &[])
        .await
        .expect("eve's push");
    for source in [
        pb::drift_source::Source::WorkspaceId(main.id.clone()),
        pb::drift_source::Source::SnapshotId(snap.clone()),
    ] {
        let refused = drift
            .compute_drift(authed(
                &t,
                pb::ComputeDriftRequest {
                    workspace_id: eves_ws.id.clone(),
                    source: Some(pb::DriftSource {
                        source: Some(source),
                    }),
                    ..Default::default()
                },
            ))
            .await
            .expect_err("not eve's");
        assert_eq!(refused.code(), Code::NotFound);
    }
}
