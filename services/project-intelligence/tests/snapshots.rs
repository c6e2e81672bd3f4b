//! CreateSnapshot against the real vault-storage: missing blobs are named and nothing is
//! stored; one request id makes one snapshot; bad bytes are refused; versions are checked.

use crate::harness;

use harness::{Harness, file, manifest};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields, reason};
use tonic::Code;
use tonic_types::StatusExt;

fn request_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[tokio::test]
async fn a_push_stores_the_snapshot_moves_the_workspace_and_serves_the_manifest_back() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(&ada, &[b"fn main() {}", b"# readme"]).await;
    let first = manifest(vec![
        file("src/main.rs", b"fn main() {}"),
        file("README.md", b"# readme"),
        file("empty.txt", b""),
    ]);
    let pushed = h
        .push(&ada, &ws.id, 1, &first, &request_id(), &[])
        .await
        .expect("push");
    let snapshot = pushed.snapshot.expect("snapshot");
    let workspace = pushed.workspace.expect("workspace");
    assert!(snapshot.id.starts_with("snap-"));
    assert!(snapshot.parent_snapshot_ids.is_empty());
    assert_eq!((snapshot.entry_count, snapshot.total_size), (3, 20));
    assert_eq!(
        snapshot.manifest_hash,
        tessera_manifest::sha256(&first).to_vec()
    );
    assert_eq!(
        (workspace.version, workspace.current_snapshot_id.as_str()),
        (2, snapshot.id.as_str())
    );
    let project_now = h
        .projects()
        .await
        .get_project(authed(
            &ada.token,
            pb::GetProjectRequest {
                project_id: project.id.clone(),
            },
        ))
        .await
        .expect("project")
        .into_inner()
        .project
        .expect("project");
    assert_eq!(project_now.last_snapshot_id, snapshot.id);
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.activity_events WHERE type = 'snapshot.pushed'")
            .await,
        1
    );
    // The manifest comes back byte for byte.
    let mut stream = h
        .snapshots()
        .await
        .get_manifest(authed(
            &ada.token,
            pb::GetManifestRequest {
                snapshot_id: snapshot.id.clone(),
            },
        ))
        .await
        .expect("manifest")
        .into_inner();
    let mut back = Vec::new();
    while let Some(message) = stream.message().await.expect("chunk") {
        back.extend(message.chunk);
    }
    assert_eq!(back, first);

    // The next push descends from the workspace's current snapshot.
    h.upload(&ada, &[b"fn main() { run() }"]).await;
    let second = manifest(vec![file("src/main.rs", b"fn main() { run() }")]);
    let next = h
        .push(&ada, &ws.id, 2, &second, &request_id(), &[])
        .await
        .expect("second push")
        .snapshot
        .expect("snapshot");
    assert_eq!(next.parent_snapshot_ids, std::slice::from_ref(&snapshot.id));
    let listed = h
        .snapshots()
        .await
        .list_snapshots(authed(
            &ada.token,
            pb::ListSnapshotsRequest {
                project_id: project.id.clone(),
                page_size: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(listed.snapshots[0].id, next.id);
    assert!(!listed.next_page_token.is_empty());

    // The summary is filled once.
    let set = |summary: &str| pb::SetSnapshotSummaryRequest {
        snapshot_id: next.id.clone(),
        summary: summary.into(),
    };
    let filled = h
        .snapshots()
        .await
        .set_snapshot_summary(authed(&ada.token, set("Calls run()\nfrom main")))
        .await
        .expect("summary")
        .into_inner()
        .snapshot
        .expect("snapshot");
    assert_eq!(filled.summary, "Calls run()\nfrom main");
    let again = h
        .snapshots()
        .await
        .set_snapshot_summary(authed(&ada.token, set("other")))
        .await
        .expect_err("immutable");
    assert_eq!(again.code(), Code::FailedPrecondition);
}

#[tokio::test]
async fn missing_blobs_are_named_exactly_and_nothing_is_stored() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(&ada, &[b"held"]).await;
    let bytes = manifest(vec![
        file("a", b"held"),
        file("b", b"missing one"),
        file("c", b"missing two"),
        file("d", b"missing one"),
    ]);
    let before = h.rows().await;
    let refused = h
        .push(&ada, &ws.id, 1, &bytes, &request_id(), &[])
        .await
        .expect_err("missing blobs");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    let mut subjects: Vec<String> = refused
        .get_details_precondition_failure()
        .expect("details")
        .violations
        .into_iter()
        .map(|v| v.subject)
        .collect();
    subjects.sort();
    let mut expected: Vec<String> = [b"missing one".as_slice(), b"missing two"]
        .iter()
        .map(|c| {
            format!(
                "blobs/{}/{}",
                tessera_manifest::hex(&tessera_manifest::sha256(c)),
                c.len()
            )
        })
        .collect();
    expected.sort();
    assert_eq!(subjects, expected);
    assert_eq!(h.rows().await, before);
    // Another user holding the blobs does not help: blobs are per user.
    let bob = h.user("bob").await;
    h.upload(&bob, &[b"missing one", b"missing two"]).await;
    let still = h
        .push(&ada, &ws.id, 1, &bytes, &request_id(), &[])
        .await
        .expect_err("still missing");
    assert_eq!(still.code(), Code::FailedPrecondition);
    assert_eq!(
        h.count("SELECT count(*) FROM vault.manifests").await,
        0,
        "no manifest reached vault-storage"
    );
}

#[tokio::test]
async fn one_request_id_makes_one_snapshot_even_when_sent_concurrently() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(&ada, &[b"x"]).await;
    let bytes = manifest(vec![file("x", b"x")]);
    let id = request_id();
    let mut calls = Vec::new();
    for _ in 0..6 {
        let (h, ada, ws, bytes, id) = (&h, &ada, &ws, &bytes, &id);
        calls.push(async move { h.push(ada, &ws.id, 1, bytes, id, &[]).await });
    }
    let results = futures::future::join_all(calls).await;
    let ids: Vec<String> = results
        .into_iter()
        .map(|r| {
            r.expect("every retry succeeds")
                .snapshot
                .expect("snapshot")
                .id
        })
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.snapshots").await,
        1
    );
    // Later, at an old version, the same id still answers the original.
    let retry = h
        .push(&ada, &ws.id, 1, &bytes, &id, &[])
        .await
        .expect("retry")
        .snapshot
        .expect("snapshot");
    assert_eq!(retry.id, ids[0]);
    // Another manifest under that id is refused.
    let other = manifest(vec![file("y", b"x")]);
    let clash = h
        .push(&ada, &ws.id, 2, &other, &id, &[])
        .await
        .expect_err("another manifest");
    assert_eq!(clash.code(), Code::AlreadyExists);
}

#[tokio::test]
async fn concurrent_pushes_at_one_version_let_one_win() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(&ada, &[b"1", b"2", b"3", b"4"]).await;
    let bodies: Vec<Vec<u8>> = [b"1", b"2", b"3", b"4"]
        .iter()
        .map(|c| manifest(vec![file("f", c.as_slice())]))
        .collect();
    let calls = bodies.iter().map(|bytes| {
        let (h, ada, ws) = (&h, &ada, &ws);
        async move { h.push(ada, &ws.id, 1, bytes, &request_id(), &[]).await }
    });
    let results = futures::future::join_all(calls).await;
    let won = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(won, 1, "{results:?}");
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(refused.code(), Code::Aborted);
        assert_eq!(reason(refused), "STALE_VERSION");
    }
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.snapshots").await,
        1
    );
}

#[tokio::test]
async fn bad_manifests_and_specs_are_refused_and_change_nothing() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(&ada, &[b"a", b"b"]).await;
    let good = manifest(vec![file("a", b"a"), file("b", b"b")]);
    let before = h.rows().await;
    let spaced = String::from_utf8(good.clone()).expect("utf-8").replacen(
        r#","path":"b""#,
        r#", "path":"b""#,
        1,
    );
    let refused = h
        .push(&ada, &ws.id, 1, spaced.as_bytes(), &request_id(), &[])
        .await
        .expect_err("not canonical");
    assert_eq!(refused.code(), Code::InvalidArgument);
    assert_eq!(bad_fields(&refused), ["manifest.entries[1]"]);
    let unsorted = String::from_utf8(good.clone())
        .expect("utf-8")
        .replace(r#""path":"a""#, r#""path":"c""#);
    let refused = h
        .push(&ada, &ws.id, 1, unsorted.as_bytes(), &request_id(), &[])
        .await
        .expect_err("unsorted");
    assert_eq!(bad_fields(&refused), ["manifest.entries[1].path"]);

    // The declared hash and size are checked before anything else happens.
    let mut spec_lies = h
        .push(&ada, &ws.id, 1, &good, "not-a-uuid", &["snap-x"])
        .await;
    let refused = spec_lies.as_mut().expect_err("bad spec");
    assert_eq!(
        bad_fields(refused),
        ["spec.request_id", "spec.parent_snapshot_ids[0]"]
    );
    let stale = h
        .push(&ada, &ws.id, 7, &good, &request_id(), &[])
        .await
        .expect_err("stale");
    assert_eq!(stale.code(), Code::Aborted);
    let unknown_parent = h
        .push(
            &ada,
            &ws.id,
            1,
            &good,
            &request_id(),
            &["snap-01JF0000000000000000000000"],
        )
        .await
        .expect_err("no such parent");
    assert_eq!(unknown_parent.code(), Code::NotFound);
    assert_eq!(h.rows().await, before);
}

#[tokio::test]
async fn a_push_while_vault_storage_is_unreachable_is_unavailable() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let bytes = manifest(vec![file("a", b"")]);
    h.vault.as_ref().expect("vault").0.cut();
    let refused = h
        .push(&ada, &ws.id, 1, &bytes, &request_id(), &[])
        .await
        .expect_err("unreachable");
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.snapshots").await,
        0
    );
}
