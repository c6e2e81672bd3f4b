//! Content-addressed blobs and manifests over gRPC on a real local volume: re-hashed on the way
//! in, deduplicated per user only, manifests that name only held blobs, and collection of
//! blobs nothing names.

use crate::harness;

use chrono::{Duration, Utc};
use futures::StreamExt;
use harness::vault::{blob_volume, storage};
use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::blob_service_client::BlobServiceClient;
use tessera_testkit::{authed, bad_fields};
use tessera_vault_storage::sweeper::sweep;
use tonic::Code;
use tonic::transport::Channel;

type Blobs = BlobServiceClient<Channel>;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn digest(bytes: &[u8]) -> pb::Digest {
    pb::Digest {
        sha256: hex(&sha256(bytes)),
        size_bytes: bytes.len() as i64,
    }
}

async fn update(
    blobs: &mut Blobs,
    token: &str,
    user: &str,
    items: &[(&[u8], pb::Digest)],
) -> Vec<i32> {
    blobs
        .batch_update_blobs(authed(
            token,
            pb::BatchUpdateBlobsRequest {
                user_id: user.into(),
                items: items
                    .iter()
                    .map(|(data, digest)| pb::batch_update_blobs_request::Item {
                        digest: Some(digest.clone()),
                        data: data.to_vec().into(),
                    })
                    .collect(),
            },
        ))
        .await
        .expect("batch update")
        .into_inner()
        .results
        .iter()
        .map(|r| r.status.as_ref().expect("status").code)
        .collect()
}

async fn missing(
    blobs: &mut Blobs,
    token: &str,
    user: &str,
    digests: &[pb::Digest],
) -> Vec<pb::Digest> {
    blobs
        .find_missing_blobs(authed(
            token,
            pb::FindMissingBlobsRequest {
                user_id: user.into(),
                digests: digests.to_vec(),
            },
        ))
        .await
        .expect("find missing")
        .into_inner()
        .missing
}

async fn user_quota(h: &Harness, user: &str) -> i64 {
    h.count(&format!(
        "SELECT coalesce(sum(quota_used), 0)::bigint FROM vault.user_quotas WHERE user_id = '{user}'"
    ))
    .await
}

fn manifest(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let entries: Vec<String> = entries
        .iter()
        .map(|(path, bytes)| {
            format!(
                r#"{{"kind":"file","path":"{path}","sha256":"{}","size":{}}}"#,
                hex(&sha256(bytes)),
                bytes.len()
            )
        })
        .collect();
    format!(r#"{{"entries":[{}],"version":1}}"#, entries.join(",")).into_bytes()
}

#[tokio::test]
async fn two_users_with_the_same_content_keep_two_objects_and_pay_twice() {
    let h = Harness::start().await;
    let (_, dir) = blob_volume(&h).await;
    let (alice_id, alice) = h.user("alice").await;
    let (bob_id, bob) = h.user("bob").await;
    let mut blobs = h.blobs().await;
    let data = content(5000, 1);
    let d = digest(&data);
    assert_eq!(
        update(&mut blobs, &alice, "", &[(&data, d.clone())]).await,
        [0]
    );
    assert_eq!(
        missing(&mut blobs, &alice, "", std::slice::from_ref(&d)).await,
        []
    );
    assert_eq!(
        missing(&mut blobs, &bob, "", std::slice::from_ref(&d)).await,
        vec![d.clone()],
        "alice's copy is not bob's"
    );
    assert_eq!(
        update(&mut blobs, &bob, "", &[(&data, d.clone())]).await,
        [0]
    );
    // Again: held already, nothing rewritten or charged twice.
    assert_eq!(
        update(&mut blobs, &bob, "", &[(&data, d.clone())]).await,
        [0]
    );
    let objects = files_under(&dir);
    assert_eq!(objects.len(), 2, "{objects:?}");
    assert!(
        objects.iter().any(|p| p.contains(&alice_id))
            && objects.iter().any(|p| p.contains(&bob_id))
    );
    assert_eq!(user_quota(&h, &alice_id).await, 5000);
    assert_eq!(user_quota(&h, &bob_id).await, 5000);
    // The empty blob always exists.
    assert_eq!(missing(&mut blobs, &bob, "", &[digest(b"")]).await, []);
}

#[tokio::test]
async fn a_corrupt_batch_item_is_data_loss_and_the_others_are_stored() {
    let h = Harness::start().await;
    let (_, dir) = blob_volume(&h).await;
    let (alice_id, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let (a, b, c) = (content(100, 1), content(200, 2), content(300, 3));
    let codes = update(
        &mut blobs,
        &alice,
        "",
        &[(&a, digest(&a)), (&b, digest(&c)), (&c, digest(&c))],
    )
    .await;
    assert_eq!(
        codes,
        [Code::Ok as i32, Code::DataLoss as i32, Code::Ok as i32]
    );
    assert_eq!(
        missing(
            &mut blobs,
            &alice,
            "",
            &[digest(&a), digest(&b), digest(&c)]
        )
        .await,
        [digest(&b)]
    );
    assert_eq!(files_under(&dir).len(), 2);
    assert_eq!(
        user_quota(&h, &alice_id).await,
        400,
        "only the good items count"
    );

    let bad = blobs
        .find_missing_blobs(authed(
            &alice,
            pb::FindMissingBlobsRequest {
                user_id: String::new(),
                digests: vec![pb::Digest {
                    sha256: "ABC".into(),
                    size_bytes: -1,
                }],
            },
        ))
        .await
        .expect_err("bad digest");
    assert_eq!(
        bad_fields(&bad),
        ["digests[0].sha256", "digests[0].size_bytes"]
    );

    let mut stream = blobs
        .read_blob(authed(
            &alice,
            pb::ReadBlobRequest {
                digest: Some(digest(&c)),
                offset: 10,
                limit: 20,
                ..Default::default()
            },
        ))
        .await
        .expect("read")
        .into_inner();
    let mut got = Vec::new();
    while let Some(message) = stream.next().await {
        got.extend_from_slice(&message.expect("data").data);
    }
    assert_eq!(got, c[10..30]);
}

#[tokio::test]
async fn manifests_name_only_held_blobs_are_idempotent_and_keep_their_blobs_alive() {
    let h = Harness::start().await;
    let (_, dir) = blob_volume(&h).await;
    let (_, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let (a, b) = (content(100, 1), content(200, 2));
    update(&mut blobs, &alice, "", &[(&a, digest(&a))]).await;
    let json = manifest(&[("src/a.rs", &a), ("src/b.rs", &b)]);
    let writer = blobs.clone();
    let put = |json: Vec<u8>| {
        let (mut blobs, alice) = (writer.clone(), alice.clone());
        async move {
            blobs
                .put_manifest(authed(
                    &alice,
                    pb::PutManifestRequest {
                        user_id: String::new(),
                        manifest: json.into(),
                    },
                ))
                .await
                .map(|r| r.into_inner().digest.expect("digest"))
        }
    };
    let refused = put(json.clone()).await.expect_err("b is missing");
    assert_eq!(refused.code(), Code::FailedPrecondition);
    use tonic_types::StatusExt;
    let violations = refused
        .get_details_precondition_failure()
        .expect("violations")
        .violations;
    assert_eq!(violations.len(), 1);
    assert!(
        violations[0].subject.contains(&hex(&sha256(&b))),
        "{violations:?}"
    );

    // Many missing: the first twenty are named, and a last violation counts the rest.
    let many: Vec<(String, Vec<u8>)> = (0..150u32)
        .map(|i| (format!("f{i:03}"), i.to_be_bytes().to_vec()))
        .collect();
    let refs: Vec<(&str, &[u8])> = many
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let refused = put(manifest(&refs)).await.expect_err("150 missing");
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    let violations = refused
        .get_details_precondition_failure()
        .expect("violations")
        .violations;
    assert_eq!(violations.len(), 21);
    assert!(
        violations[20].description.contains("130 more"),
        "{:?}",
        violations[20]
    );

    update(&mut blobs, &alice, "", &[(&b, digest(&b))]).await;
    let first = put(json.clone()).await.expect("stored");
    let second = put(json.clone()).await.expect("again");
    assert_eq!(first, second);
    assert_eq!(first, digest(&json), "a manifest's id is its SHA-256");
    assert_eq!(h.count("SELECT count(*) FROM vault.manifests").await, 1);
    let read = blobs
        .get_manifest(authed(
            &alice,
            pb::GetManifestRequest {
                user_id: String::new(),
                digest: Some(first.clone()),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .manifest;
    assert_eq!(read.to_vec(), json);

    let spaced = String::from_utf8(json.clone())
        .expect("utf-8")
        .replace(",", ", ");
    let not_canonical = put(spaced.into_bytes()).await.expect_err("whitespace");
    // The first entry with a space in it is named.
    assert_eq!(bad_fields(&not_canonical), ["manifest.entries[0]"]);
    let unsorted = put(manifest(&[("src/b.rs", &b), ("src/a.rs", &a)]))
        .await
        .expect_err("order");
    assert_eq!(bad_fields(&unsorted), ["manifest.entries[1].path"]);

    // Named blobs survive collection; once the manifest goes, unseen blobs go too.
    let storage = storage(&h);
    let later = Utc::now() + Duration::days(31);
    assert_eq!(
        sweep(&storage, later).await.expect("sweep").collected_blobs,
        0
    );
    blobs
        .delete_manifest(authed(
            &alice,
            pb::DeleteManifestRequest {
                user_id: String::new(),
                digest: Some(first.clone()),
            },
        ))
        .await
        .expect("delete");
    assert_eq!(
        sweep(&storage, later).await.expect("sweep").collected_blobs,
        2
    );
    sweep(&storage, later).await.expect("drain");
    assert!(files_under(&dir).is_empty(), "{:?}", files_under(&dir));
    assert_eq!(
        h.count(
            "SELECT coalesce(sum(quota_used + quota_reserved), 0)::bigint FROM vault.user_quotas"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn services_act_for_the_user_they_name_and_users_only_for_themselves() {
    let h = Harness::start().await;
    blob_volume(&h).await;
    let (alice_id, alice) = h.user("alice").await;
    let (bob_id, bob) = h.user("bob").await;
    let service = app_token("vault-storage");
    let mut blobs = h.blobs().await;
    let data = content(64, 7);
    assert_eq!(
        update(&mut blobs, &service, &alice_id, &[(&data, digest(&data))]).await,
        [0]
    );
    assert_eq!(
        missing(&mut blobs, &alice, "", &[digest(&data)]).await,
        [],
        "stored for alice"
    );
    assert_eq!(
        missing(&mut blobs, &service, &bob_id, &[digest(&data)]).await,
        [digest(&data)]
    );

    let as_other = blobs
        .find_missing_blobs(authed(
            &alice,
            pb::FindMissingBlobsRequest {
                user_id: bob_id.clone(),
                digests: vec![],
            },
        ))
        .await
        .expect_err("a user naming another");
    assert_eq!(as_other.code(), Code::PermissionDenied);
    let unnamed = blobs
        .find_missing_blobs(authed(&service, pb::FindMissingBlobsRequest::default()))
        .await
        .expect_err("a service naming nobody");
    assert_eq!(bad_fields(&unnamed), ["user_id"]);
    let read = blobs
        .read_blob(authed(
            &bob,
            pb::ReadBlobRequest {
                digest: Some(digest(&data)),
                ..Default::default()
            },
        ))
        .await
        .expect_err("bob reads alice's blob");
    assert_eq!(read.code(), Code::NotFound);
    let batch = blobs
        .batch_read_blobs(authed(
            &bob,
            pb::BatchReadBlobsRequest {
                user_id: String::new(),
                digests: vec![digest(&data)],
            },
        ))
        .await
        .expect("batch read")
        .into_inner();
    assert_eq!(
        batch.results[0].status.as_ref().expect("status").code,
        Code::NotFound as i32
    );

    // Alice's manifest is hers: bob cannot read it, and his delete touches nothing of hers.
    let json = manifest(&[("a", &data)]);
    let id = blobs
        .put_manifest(authed(
            &alice,
            pb::PutManifestRequest {
                user_id: String::new(),
                manifest: json.clone().into(),
            },
        ))
        .await
        .expect("alice's manifest")
        .into_inner()
        .digest;
    let read = blobs
        .get_manifest(authed(
            &bob,
            pb::GetManifestRequest {
                user_id: String::new(),
                digest: id.clone(),
            },
        ))
        .await
        .expect_err("bob reads alice's manifest");
    assert_eq!(read.code(), Code::NotFound);
    blobs
        .delete_manifest(authed(
            &bob,
            pb::DeleteManifestRequest {
                user_id: String::new(),
                digest: id.clone(),
            },
        ))
        .await
        .expect("idempotent for bob: nothing of his");
    let still = blobs
        .get_manifest(authed(
            &alice,
            pb::GetManifestRequest {
                user_id: String::new(),
                digest: id,
            },
        ))
        .await
        .expect("alice's manifest is intact")
        .into_inner()
        .manifest;
    assert_eq!(still.to_vec(), json);
    assert!(batch.results[0].data.is_empty());
}
