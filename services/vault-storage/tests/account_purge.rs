//! Deleting an account in identity removes that user's rows and objects here within seconds
//! (vault, graveyard, analytics, `users` files, quotas), leaves another user's untouched, and
//! catches up after the service was down when the account went.

use crate::harness;

use std::time::{Duration, Instant};

use harness::vault::*;
use harness::*;
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::{PASSWORD, authed};

/// Rows of `user` across the tables an account purge empties.
async fn rows_of(h: &Harness, user: &str) -> i64 {
    h.count(&format!(
        "SELECT ((SELECT count(*) FROM vault.user_crypto WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.files WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.graveyard WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.folders WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.analytics_events WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.storage_files WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.user_quotas WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.blobs WHERE user_id = '{user}')
               + (SELECT count(*) FROM vault.manifests WHERE user_id = '{user}'))::bigint"
    ))
    .await
}

struct Fixture {
    alice_id: String,
    alice: String,
    bob: String,
    bob_file: pb::VaultFile,
    vault_dir: std::path::PathBuf,
    files_dir: std::path::PathBuf,
}

/// Alice: a vault with a live, a buried and a pending file, and a Storage Service file; Bob: a
/// vault file of his own.
async fn fixture(h: &Harness) -> Fixture {
    let (_, vault_dir) = vault_volume(h).await;
    let mut vault = h.vault().await;
    let (alice_id, alice) = h.user("alice").await;
    init(&mut vault, &alice, 1).await;
    let bob = user_with_vault(h, &mut vault, "bob", 2).await;
    complete_file(&mut vault, &alice, "", 1, &[1000, 500]).await;
    let (buried, _) = complete_file(&mut vault, &alice, "", 2, &[700]).await;
    vault
        .delete_vault_file(authed(
            &alice,
            pb::DeleteVaultFileRequest { file_id: buried.id },
        ))
        .await
        .expect("bury");
    let pending = create(&mut vault, &alice, "", 3, 20, 1)
        .await
        .expect("pending");
    put_chunk(
        &mut vault,
        &alice,
        &pending.id,
        0,
        &[3; 20],
        sha256(&[3; 20]),
    )
    .await
    .expect("chunk");
    let (bob_file, _) = complete_file(&mut vault, &bob, "", 4, &[300]).await;

    // A blob and a manifest naming it.
    blob_volume(h).await;
    let blob = content(600, 5);
    let sha: String = sha256(&blob).iter().map(|b| format!("{b:02x}")).collect();
    let mut blobs = h.blobs().await;
    blobs
        .batch_update_blobs(authed(
            &alice,
            pb::BatchUpdateBlobsRequest {
                user_id: String::new(),
                items: vec![pb::batch_update_blobs_request::Item {
                    digest: Some(pb::Digest {
                        sha256: sha.clone(),
                        size_bytes: 600,
                    }),
                    data: blob.into(),
                }],
            },
        ))
        .await
        .expect("blob");
    let json = format!(
        r#"{{"entries":[{{"kind":"file","path":"a","sha256":"{sha}","size":600}}],"version":1}}"#
    );
    blobs
        .put_manifest(authed(
            &alice,
            pb::PutManifestRequest {
                user_id: String::new(),
                manifest: json.into_bytes().into(),
            },
        ))
        .await
        .expect("manifest");

    let volume = h.local_volume(None).await;
    let files_dir = h.root.clone();
    let bytes = content(2000, 9);
    upload(
        &mut h.files().await,
        &alice,
        spec(&volume, "notes.bin", &bytes),
        &bytes,
    )
    .await
    .expect("a storage file");
    Fixture {
        alice_id,
        alice,
        bob,
        bob_file,
        vault_dir,
        files_dir,
    }
}

async fn init(vault: &mut Vault, token: &str, salt: u8) {
    vault
        .init_vault(authed(
            token,
            pb::InitVaultRequest {
                salt: vec![salt; 16].into(),
                encrypted_master_key: vec![1; 32].into(),
                metadata_blob: Default::default(),
            },
        ))
        .await
        .expect("init vault");
}

async fn delete_account(h: &Harness, token: &str) {
    h.suite
        .identity
        .accounts()
        .delete_account(authed(
            token,
            id_pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete account");
}

/// Waits (at most 5 s) until Alice has no rows and only Bob's chunk is on the disk.
async fn purged_within_five_seconds(h: &Harness, f: &Fixture) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let rows = rows_of(h, &f.alice_id).await;
        let chunks = files_under(&f.vault_dir);
        let all = files_under(&f.files_dir);
        let alice_objects = all.iter().filter(|p| p.contains(&f.alice_id)).count();
        if rows == 0 && chunks.len() == 1 && alice_objects == 0 {
            assert!(chunks[0].contains(&f.bob_file.id), "{chunks:?}");
            return;
        }
        assert!(
            Instant::now() < deadline,
            "after 5 s: {rows} rows of alice, chunks {chunks:?}, {alice_objects} of her objects"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn bob_is_untouched(h: &Harness, f: &Fixture) {
    let mut vault = h.vault().await;
    let (_, bytes) = get_chunk(&mut vault, &f.bob, &f.bob_file.id, 0, 0, 0)
        .await
        .expect("bob reads his file");
    assert_eq!(bytes.len(), 300);
    assert!(rows_of(h, &bob_id(h).await).await > 0);
    assert_eq!(used(h).await, 300, "only bob's bytes are counted");
    let counted = h
        .count("SELECT (quota_used + quota_reserved)::bigint FROM vault.storage_volumes WHERE name = 'vault'")
        .await;
    assert_eq!(counted, 300, "the vault volume holds only bob's bytes");
}

async fn bob_id(h: &Harness) -> String {
    let id = h.count("SELECT count(*) FROM vault.user_crypto").await;
    assert_eq!(id, 1, "one vault left");
    let client = h.suite.db().client().await;
    let row = client
        .query_one("SELECT user_id::text FROM vault.user_crypto", &[])
        .await
        .expect("bob's vault");
    row.get(0)
}

#[tokio::test]
async fn deleting_an_account_removes_its_rows_and_objects_and_nothing_else() {
    let h = Harness::start().await;
    let f = fixture(&h).await;
    assert!(rows_of(&h, &f.alice_id).await > 5);
    delete_account(&h, &f.alice).await;
    purged_within_five_seconds(&h, &f).await;
    bob_is_untouched(&h, &f).await;
}

#[tokio::test]
async fn an_account_deleted_while_the_service_was_down_is_purged_after_it_restarts() {
    let mut h = Harness::start().await;
    let f = fixture(&h).await;
    h.suite.stop_member("vault-storage").await;
    delete_account(&h, &f.alice).await;
    assert!(
        rows_of(&h, &f.alice_id).await > 5,
        "nothing purged while down"
    );
    let config = h.config.clone();
    h.suite
        .start_member(tessera_vault_storage::SPEC, move |ctx| {
            tessera_vault_storage::services(ctx, config)
        })
        .await;
    purged_within_five_seconds(&h, &f).await;
    bob_is_untouched(&h, &f).await;
}
