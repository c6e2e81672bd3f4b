//! Drift and sync over the RPCs, against the real vault-storage: two-way with renames, three-way
//! over the merge base, stored reports, previews that expire, merges with and without conflicts.

use crate::harness;

use harness::{Harness, User, file, manifest};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, reason};
use tonic::Code;
use tonic_types::StatusExt;

fn rid() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn workspace_source(id: &str) -> Option<pb::DriftSource> {
    Some(pb::DriftSource {
        source: Some(pb::drift_source::Source::WorkspaceId(id.into())),
    })
}

/// ada's project: `main` pushed `base`, then `feature` forked from it; returns (main,
/// feature, the base snapshot).
async fn forked(
    h: &Harness,
    ada: &User,
    base: &[(&str, &[u8])],
) -> (pb::Workspace, pb::Workspace, String) {
    let project = h.project(ada, "p").await;
    let main = h.workspace(ada, &project.id, "main").await;
    let contents: Vec<&[u8]> = base.iter().map(|(_, c)| *c).collect();
    h.upload(ada, &contents).await;
    let bytes = manifest(base.iter().map(|(p, c)| file(p, c)).collect());
    let first = h
        .push(ada, &main.id, 1, &bytes, &rid(), &[])
        .await
        .expect("base push");
    let base_id = first.snapshot.expect("snapshot").id;
    let feature = h
        .workspaces()
        .await
        .create_workspace(authed(
            &ada.token,
            pb::CreateWorkspaceRequest {
                project_id: project.id.clone(),
                workspace: Some(pb::Workspace {
                    name: "feature".into(),
                    base_snapshot_id: base_id.clone(),
                    ..Default::default()
                }),
                actor: 0,
            },
        ))
        .await
        .expect("fork")
        .into_inner()
        .workspace
        .expect("workspace");
    assert_eq!(feature.current_snapshot_id, base_id);
    (first.workspace.expect("main"), feature, base_id)
}

async fn push_tree(
    h: &Harness,
    ada: &User,
    ws: &pb::Workspace,
    tree: &[(&str, &[u8])],
) -> pb::Workspace {
    let contents: Vec<&[u8]> = tree.iter().map(|(_, c)| *c).collect();
    h.upload(ada, &contents).await;
    let bytes = manifest(tree.iter().map(|(p, c)| file(p, c)).collect());
    h.push(ada, &ws.id, ws.version, &bytes, &rid(), &[])
        .await
        .expect("push")
        .workspace
        .expect("workspace")
}

#[tokio::test]
async fn drift_is_two_way_with_renames_and_three_way_over_the_merge_base() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let base: &[(&str, &[u8])] = &[
        ("a.rs", b"a"),
        ("b.rs", b"b"),
        ("c.rs", b"c"),
        ("d.rs", b"d"),
    ];
    let (main, feature, base_id) = forked(&h, &ada, base).await;
    // feature: modifies a, deletes b, renames c to src/c.rs, adds e.
    let feature = push_tree(
        &h,
        &ada,
        &feature,
        &[
            ("a.rs", b"a2"),
            ("d.rs", b"d"),
            ("e.rs", b"e"),
            ("src/c.rs", b"c"),
        ],
    )
    .await;
    // main: changes d.
    push_tree(
        &h,
        &ada,
        &main,
        &[
            ("a.rs", b"a"),
            ("b.rs", b"b"),
            ("c.rs", b"c"),
            ("d.rs", b"d2"),
        ],
    )
    .await;

    let drift = h
        .drift()
        .await
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: feature.id.clone(),
                source: workspace_source(&main.id),
                three_way: true,
                persist: true,
                include_unchanged: true,
                actor: pb::Actor::Cli as i32,
            },
        ))
        .await
        .expect("drift")
        .into_inner();
    let two = drift.two_way.expect("two-way");
    assert_eq!(two.workspace_only, ["e.rs"]);
    assert_eq!(two.source_only, ["b.rs"]);
    assert_eq!(two.both_different, ["a.rs", "d.rs"]);
    assert!(two.both_same.is_empty());
    assert_eq!(
        two.renamed,
        [pb::Rename {
            from: "c.rs".into(),
            to: "src/c.rs".into()
        }]
    );
    assert_eq!(
        (two.files_added, two.files_deleted, two.files_modified),
        (1, 1, 2)
    );
    // e (1) + a2 (2) + d on the workspace side (1) + deleted b (1).
    assert_eq!(two.bytes_changed, 5);
    let three = drift.three_way.expect("three-way");
    assert_eq!(three.merge_base_snapshot_id, base_id);
    assert!(!three.no_common_ancestor);
    assert_eq!(
        three.changed_in_workspace,
        ["a.rs", "b.rs", "c.rs", "e.rs", "src/c.rs"]
    );
    assert_eq!(three.changed_in_source, ["d.rs"]);
    assert!(three.conflicts.is_empty());

    // The stored report reads back with its lists; the log has it.
    let report = h
        .drift()
        .await
        .get_drift_report(authed(
            &ada.token,
            pb::GetDriftReportRequest {
                report_id: drift.report_id.clone(),
            },
        ))
        .await
        .expect("report")
        .into_inner()
        .report
        .expect("report");
    assert_eq!(report.two_way.as_ref().expect("lists").renamed.len(), 1);
    assert_eq!(report.source_workspace_id, main.id);
    let listed = h
        .drift()
        .await
        .list_drift_reports(authed(
            &ada.token,
            pb::ListDriftReportsRequest {
                workspace_id: feature.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .reports;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].two_way.as_ref().expect("counts").files_modified,
        2
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.activity_events WHERE type = 'drift.reported'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_sync_without_conflicts_merges_and_one_with_conflicts_changes_nothing() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let base: &[(&str, &[u8])] = &[("a", b"1"), ("b", b"1"), ("c", b"1")];
    let (main, feature, _) = forked(&h, &ada, base).await;
    let feature = push_tree(&h, &ada, &feature, &[("a", b"2"), ("b", b"1"), ("c", b"1")]).await;
    let main = push_tree(
        &h,
        &ada,
        &main,
        &[("a", b"1"), ("b", b"3"), ("c", b"1"), ("n", b"new")],
    )
    .await;
    let preview = h
        .drift()
        .await
        .create_sync_preview(authed(
            &ada.token,
            pb::CreateSyncPreviewRequest {
                workspace_id: feature.id.clone(),
                source: workspace_source(&main.id),
            },
        ))
        .await
        .expect("preview")
        .into_inner()
        .preview
        .expect("preview");
    let three = preview.three_way.clone().expect("three-way");
    assert_eq!(
        (three.changed_in_source.clone(), three.conflicts.len()),
        (vec!["b".to_string(), "n".to_string()], 0)
    );
    let stale = h
        .drift()
        .await
        .apply_sync(authed(
            &ada.token,
            pb::ApplySyncRequest {
                preview_id: preview.id.clone(),
                workspace_version: feature.version - 1,
                actor: 0,
            },
        ))
        .await
        .expect_err("stale");
    assert_eq!(
        (stale.code(), reason(&stale).as_str()),
        (Code::Aborted, "STALE_VERSION")
    );
    let applied = h
        .drift()
        .await
        .apply_sync(authed(
            &ada.token,
            pb::ApplySyncRequest {
                preview_id: preview.id.clone(),
                workspace_version: feature.version,
                actor: pb::Actor::Web as i32,
            },
        ))
        .await
        .expect("apply")
        .into_inner();
    let merged = applied.snapshot.expect("snapshot");
    let moved = applied.workspace.expect("workspace");
    assert_eq!(
        merged.parent_snapshot_ids,
        [
            feature.current_snapshot_id.clone(),
            main.current_snapshot_id.clone()
        ]
    );
    assert_eq!(
        (moved.version, moved.current_snapshot_id.as_str()),
        (feature.version + 1, merged.id.as_str())
    );
    let history = serde_json::to_string(&tessera_kit::convert::struct_to_json(
        moved.merge_history.as_ref().expect("history"),
    ))
    .expect("json");
    assert!(
        history.contains(&main.id) && history.contains(&main.current_snapshot_id),
        "{history}"
    );
    // The merged tree: a from the workspace, b and n from the source.
    let mut stream = h
        .snapshots()
        .await
        .get_manifest(authed(
            &ada.token,
            pb::GetManifestRequest {
                snapshot_id: merged.id.clone(),
            },
        ))
        .await
        .expect("manifest")
        .into_inner();
    let mut bytes = Vec::new();
    while let Some(m) = stream.message().await.expect("chunk") {
        bytes.extend(m.chunk);
    }
    let expected = manifest(vec![
        file("a", b"2"),
        file("b", b"3"),
        file("c", b"1"),
        file("n", b"new"),
    ]);
    assert_eq!(bytes, expected);
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.activity_events WHERE type = 'merge.completed' AND actor = 'web'").await,
        1
    );
    // The preview is spent.
    let spent = h
        .drift()
        .await
        .get_sync_preview(authed(
            &ada.token,
            pb::GetSyncPreviewRequest {
                preview_id: preview.id.clone(),
            },
        ))
        .await
        .expect_err("spent");
    assert_eq!(spent.code(), Code::NotFound);

    // Now both change c differently: the preview lists the conflict, applying it changes nothing.
    let moved = push_tree(
        &h,
        &ada,
        &moved,
        &[("a", b"2"), ("b", b"3"), ("c", b"mine"), ("n", b"new")],
    )
    .await;
    push_tree(
        &h,
        &ada,
        &main,
        &[("a", b"1"), ("b", b"3"), ("c", b"theirs"), ("n", b"new")],
    )
    .await;
    let conflicted = h
        .drift()
        .await
        .create_sync_preview(authed(
            &ada.token,
            pb::CreateSyncPreviewRequest {
                workspace_id: moved.id.clone(),
                source: workspace_source(&main.id),
            },
        ))
        .await
        .expect("preview")
        .into_inner()
        .preview
        .expect("preview");
    assert_eq!(
        conflicted.three_way.as_ref().expect("three-way").conflicts,
        ["c"]
    );
    let before = h.rows().await;
    let refused = h
        .drift()
        .await
        .apply_sync(authed(
            &ada.token,
            pb::ApplySyncRequest {
                preview_id: conflicted.id.clone(),
                workspace_version: moved.version,
                actor: 0,
            },
        ))
        .await
        .expect_err("conflict");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    let paths: Vec<String> = refused
        .get_details_precondition_failure()
        .expect("details")
        .violations
        .into_iter()
        .map(|v| v.subject)
        .collect();
    assert_eq!(paths, ["c"]);
    assert_eq!(h.rows().await, before);
}

#[tokio::test]
async fn previews_expire_after_thirty_minutes_and_are_swept() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let (main, feature, _) = forked(&h, &ada, &[("a", b"1")]).await;
    push_tree(&h, &ada, &main, &[("a", b"2")]).await;
    let preview = h
        .drift()
        .await
        .create_sync_preview(authed(
            &ada.token,
            pb::CreateSyncPreviewRequest {
                workspace_id: feature.id.clone(),
                source: workspace_source(&main.id),
            },
        ))
        .await
        .expect("preview")
        .into_inner()
        .preview
        .expect("preview");
    let get = || pb::GetSyncPreviewRequest {
        preview_id: preview.id.clone(),
    };
    h.clock.advance(chrono::Duration::minutes(29));
    h.drift()
        .await
        .get_sync_preview(authed(&ada.token, get()))
        .await
        .expect("still there");
    h.clock.advance(chrono::Duration::minutes(1));
    let expired = h
        .drift()
        .await
        .get_sync_preview(authed(&ada.token, get()))
        .await
        .expect_err("expired");
    assert_eq!(expired.code(), Code::NotFound);
    let apply = h
        .drift()
        .await
        .apply_sync(authed(
            &ada.token,
            pb::ApplySyncRequest {
                preview_id: preview.id.clone(),
                workspace_version: feature.version,
                actor: 0,
            },
        ))
        .await
        .expect_err("expired");
    assert_eq!(apply.code(), Code::NotFound);
    harness::eventually(&h, "SELECT count(*) FROM intelligence.sync_previews", 0).await;
}

#[tokio::test]
async fn trees_without_common_history_compare_two_way_and_criss_cross_merges_pick_the_latest_base()
{
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let one = h.workspace(&ada, &project.id, "one").await;
    let two = h.workspace(&ada, &project.id, "two").await;
    let one = push_tree(&h, &ada, &one, &[("x", b"1")]).await;
    let two = push_tree(&h, &ada, &two, &[("x", b"2")]).await;
    let drift = h
        .drift()
        .await
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: one.id.clone(),
                source: workspace_source(&two.id),
                three_way: true,
                ..Default::default()
            },
        ))
        .await
        .expect("drift")
        .into_inner();
    let three = drift.three_way.expect("three-way");
    assert!(three.no_common_ancestor);
    assert_eq!(three.conflicts, ["x"]);

    // Criss-cross: each side merges the other's snapshot by naming both parents; both are
    // lowest common ancestors of the next pair, and the later one is the base.
    let (a1, b1) = (
        one.current_snapshot_id.clone(),
        two.current_snapshot_id.clone(),
    );
    let bytes = manifest(vec![file("x", b"1")]);
    let a2 = h
        .push(&ada, &one.id, one.version, &bytes, &rid(), &[&a1, &b1])
        .await
        .expect("a2")
        .workspace
        .expect("workspace");
    let b2 = h
        .push(&ada, &two.id, two.version, &bytes, &rid(), &[&b1, &a1])
        .await
        .expect("b2")
        .workspace
        .expect("workspace");
    let drift = h
        .drift()
        .await
        .compute_drift(authed(
            &ada.token,
            pb::ComputeDriftRequest {
                workspace_id: a2.id.clone(),
                source: workspace_source(&b2.id),
                three_way: true,
                ..Default::default()
            },
        ))
        .await
        .expect("drift")
        .into_inner();
    assert_eq!(
        drift.three_way.expect("three-way").merge_base_snapshot_id,
        b1
    );
}
