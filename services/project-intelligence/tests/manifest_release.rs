//! Deleting a project releases, in vault-storage, the manifests no other project of the owner
//! uses (so their blobs can be collected and the owner's quota freed); shared ones stay.

use crate::harness;

use harness::{Harness, User, eventually, file, manifest};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::authed;

async fn project_with(h: &Harness, ada: &User, name: &str, trees: &[&[u8]]) -> String {
    let project = h.project(ada, name).await;
    let ws = h.workspace(ada, &project.id, "main").await;
    for (i, tree) in trees.iter().enumerate() {
        h.push(
            ada,
            &ws.id,
            i as i64 + 1,
            tree,
            &uuid::Uuid::now_v7().to_string(),
            &[],
        )
        .await
        .expect("push");
    }
    project.id
}

async fn delete(h: &Harness, ada: &User, project: &str) {
    h.projects()
        .await
        .delete_project(authed(
            &ada.token,
            pb::DeleteProjectRequest {
                project_id: project.into(),
            },
        ))
        .await
        .expect("delete");
}

#[tokio::test]
async fn a_deleted_projects_unshared_manifests_are_released_in_vault_storage() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    h.upload(&ada, &[b"shared", b"own"]).await;
    let shared = manifest(vec![file("x", b"shared")]);
    let own = manifest(vec![file("y", b"own")]);
    let first = project_with(&h, &ada, "first", &[&shared, &own]).await;
    let second = project_with(&h, &ada, "second", &[&shared]).await;
    let held = "SELECT count(*) FROM vault.manifests";
    assert_eq!(h.count(held).await, 2);

    delete(&h, &ada, &first).await;
    eventually(&h, held, 1).await;
    let kept = format!(
        "SELECT count(*) FROM vault.manifests WHERE sha256 = decode('{}', 'hex')",
        tessera_manifest::hex(&tessera_manifest::sha256(&shared))
    );
    assert_eq!(h.count(&kept).await, 1, "the second project still uses it");
    eventually(&h, "SELECT count(*) FROM intelligence.manifest_releases", 0).await;

    delete(&h, &ada, &second).await;
    eventually(&h, held, 0).await;
}
