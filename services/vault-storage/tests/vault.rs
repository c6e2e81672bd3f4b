//! The zero-knowledge vault over gRPC: a vault is created once, its metadata saved only at the
//! version a device read (two devices at once: one wins, the other is told the current
//! version), the master key rewrapped under the same guard, and the folder tree kept acyclic
//! and private to its user.

use crate::harness;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::{authed, bad_fields, reason};
use tonic::Code;

fn init(salt: u8, blob: &[u8]) -> pb::InitVaultRequest {
    pb::InitVaultRequest {
        salt: vec![salt; 16].into(),
        encrypted_master_key: vec![0xaa; 48].into(),
        metadata_blob: blob.to_vec().into(),
    }
}

fn save(blob: &[u8], expected_version: i64) -> pb::SaveMetadataRequest {
    pb::SaveMetadataRequest {
        metadata_blob: blob.to_vec().into(),
        expected_version,
    }
}

fn current_version(status: &tonic::Status) -> i64 {
    use tonic_types::StatusExt;
    status
        .get_details_error_info()
        .and_then(|info| info.metadata.get("current_version").cloned())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no current_version in {status:?}"))
}

#[tokio::test]
async fn a_vault_is_created_once_and_read_back_by_its_user_only() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let (_, bob) = h.user("bob").await;
    let mut vault = h.vault().await;

    let missing = vault
        .get_vault(authed(&alice, pb::GetVaultRequest {}))
        .await
        .expect_err("no vault yet");
    assert_eq!(missing.code(), Code::NotFound);

    let created = vault
        .init_vault(authed(&alice, init(1, b"first index")))
        .await
        .expect("init")
        .into_inner()
        .vault
        .expect("vault");
    assert_eq!(created.metadata_version, 0);
    assert_eq!(&created.metadata_blob[..], b"first index");

    let again = vault
        .init_vault(authed(&alice, init(2, b"another")))
        .await
        .expect_err("twice");
    assert_eq!(again.code(), Code::AlreadyExists);
    let read = vault
        .get_vault(authed(&alice, pb::GetVaultRequest {}))
        .await
        .expect("get")
        .into_inner()
        .vault
        .expect("vault");
    assert_eq!(
        read.salt, created.salt,
        "the second InitVault changed nothing"
    );
    assert_eq!(&read.metadata_blob[..], b"first index");

    // Bob has no vault of his own, and reusing Alice's salt is refused as input.
    assert_eq!(
        vault
            .get_vault(authed(&bob, pb::GetVaultRequest {}))
            .await
            .expect_err("bob")
            .code(),
        Code::NotFound
    );
    let reused = vault
        .init_vault(authed(&bob, init(1, b"bob")))
        .await
        .expect_err("same salt");
    assert_eq!(bad_fields(&reused), ["salt"]);
    assert_eq!(
        h.count("SELECT count(*) FROM vault.user_crypto").await,
        1,
        "nothing written for bob"
    );
}

#[tokio::test]
async fn bad_input_names_each_field_and_writes_nothing() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let mut vault = h.vault().await;
    let bad = vault
        .init_vault(authed(
            &alice,
            pb::InitVaultRequest {
                salt: vec![1; 15].into(),
                encrypted_master_key: Default::default(),
                metadata_blob: vec![0; 3 * MIB + 1].into(),
            },
        ))
        .await
        .expect_err("bad");
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert_eq!(
        bad_fields(&bad),
        ["salt", "encrypted_master_key", "metadata_blob"]
    );
    assert_eq!(h.count("SELECT count(*) FROM vault.user_crypto").await, 0);

    vault
        .init_vault(authed(&alice, init(1, b"index")))
        .await
        .expect("init");
    let negative = vault
        .save_metadata(authed(&alice, save(b"x", -1)))
        .await
        .expect_err("negative version");
    assert_eq!(bad_fields(&negative), ["expected_version"]);
    let huge = vault
        .save_metadata(authed(&alice, save(&vec![0; 3 * MIB + 1], 0)))
        .await
        .expect_err("too large");
    assert_eq!(bad_fields(&huge), ["metadata_blob"]);
    let bad_ids = vault
        .move_folder(authed(
            &alice,
            pb::MoveFolderRequest {
                folder_id: "nope".into(),
                parent_id: "also-nope".into(),
            },
        ))
        .await
        .expect_err("ids");
    assert_eq!(bad_fields(&bad_ids), ["folder_id", "parent_id"]);
    let no_key = vault
        .create_folder(authed(&alice, pb::CreateFolderRequest::default()))
        .await
        .expect_err("no key");
    assert_eq!(bad_fields(&no_key), ["encrypted_key"]);
    assert_eq!(
        h.count("SELECT metadata_version FROM vault.user_crypto")
            .await,
        0
    );
    assert_eq!(h.count("SELECT count(*) FROM vault.folders").await, 0);
}

#[tokio::test]
async fn two_devices_saving_from_the_same_version_one_wins_the_other_rereads() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let vault = h.vault().await;
    vault
        .clone()
        .init_vault(authed(&alice, init(1, b"v0")))
        .await
        .expect("init");

    // Many devices at once from version 0: exactly one gets version 1.
    let tasks: Vec<_> = (0..16u8)
        .map(|device| {
            let (mut vault, alice) = (vault.clone(), alice.clone());
            tokio::spawn(async move {
                vault
                    .save_metadata(authed(&alice, save(&[device; 64], 0)))
                    .await
                    .map(|r| (device, r.into_inner().metadata_version))
            })
        })
        .collect();
    let mut winners = Vec::new();
    for task in tasks {
        match task.await.expect("task") {
            Ok(won) => winners.push(won),
            Err(status) => {
                assert_eq!(status.code(), Code::Aborted, "{status:?}");
                assert_eq!(reason(&status), "STALE_VERSION");
                assert_eq!(current_version(&status), 1);
            }
        }
    }
    assert_eq!(winners.len(), 1, "exactly one save from version 0");
    let (device, version) = winners[0];
    assert_eq!(version, 1);
    let mut vault = vault;
    let stored = vault
        .get_vault(authed(&alice, pb::GetVaultRequest {}))
        .await
        .expect("get")
        .into_inner()
        .vault
        .expect("vault");
    assert_eq!(stored.metadata_version, 1);
    assert_eq!(
        &stored.metadata_blob[..],
        &[device; 64],
        "the winner's blob"
    );

    // A loser re-reads version 1 and saves version 2.
    let version = vault
        .save_metadata(authed(&alice, save(b"merged", 1)))
        .await
        .expect("after re-reading")
        .into_inner()
        .metadata_version;
    assert_eq!(version, 2);

    // RewrapMasterKey is guarded the same way, and moves the version on.
    let stale = vault
        .rewrap_master_key(authed(
            &alice,
            pb::RewrapMasterKeyRequest {
                salt: vec![9; 32].into(),
                encrypted_master_key: vec![0xbb; 48].into(),
                expected_version: 1,
            },
        ))
        .await
        .expect_err("stale");
    assert_eq!(current_version(&stale), 2);
    let rewrapped = vault
        .rewrap_master_key(authed(
            &alice,
            pb::RewrapMasterKeyRequest {
                salt: vec![9; 32].into(),
                encrypted_master_key: vec![0xbb; 48].into(),
                expected_version: 2,
            },
        ))
        .await
        .expect("rewrap")
        .into_inner();
    assert_eq!(rewrapped.metadata_version, 3);
    let stored = vault
        .get_vault(authed(&alice, pb::GetVaultRequest {}))
        .await
        .expect("get")
        .into_inner()
        .vault
        .expect("vault");
    assert_eq!(&stored.salt[..], &[9; 32]);
    assert_eq!(&stored.encrypted_master_key[..], &[0xbb; 48]);
    assert_eq!(
        &stored.metadata_blob[..],
        b"merged",
        "a rewrap keeps the index"
    );
}

async fn folder(
    vault: &mut tessera_proto::tessera::vault::v1::vault_service_client::VaultServiceClient<
        tonic::transport::Channel,
    >,
    token: &str,
    parent: &str,
    key: u8,
) -> pb::Folder {
    vault
        .create_folder(authed(
            token,
            pb::CreateFolderRequest {
                parent_id: parent.into(),
                encrypted_key: vec![key; 40].into(),
            },
        ))
        .await
        .expect("create folder")
        .into_inner()
        .folder
        .expect("folder")
}

#[tokio::test]
async fn folders_form_a_tree_without_cycles_and_stay_private() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let (_, bob) = h.user("bob").await;
    let mut vault = h.vault().await;
    let before = vault
        .create_folder(authed(
            &alice,
            pb::CreateFolderRequest {
                parent_id: String::new(),
                encrypted_key: vec![1; 40].into(),
            },
        ))
        .await
        .expect_err("no vault yet");
    assert_eq!(before.code(), Code::NotFound);
    vault
        .init_vault(authed(&alice, init(1, b"")))
        .await
        .expect("init");
    vault
        .init_vault(authed(&bob, init(2, b"")))
        .await
        .expect("init");

    // a / b / c, and d at the root.
    let a = folder(&mut vault, &alice, "", 1).await;
    let b = folder(&mut vault, &alice, &a.id, 2).await;
    let c = folder(&mut vault, &alice, &b.id, 3).await;
    let d = folder(&mut vault, &alice, "", 4).await;
    assert_eq!(c.parent_id, b.id);

    let reused = vault
        .create_folder(authed(
            &alice,
            pb::CreateFolderRequest {
                parent_id: String::new(),
                encrypted_key: vec![1; 40].into(),
            },
        ))
        .await
        .expect_err("same key");
    assert_eq!(bad_fields(&reused), ["encrypted_key"]);

    for (target, what) in [(&a.id, "itself"), (&c.id, "a descendant")] {
        let cycle = vault
            .move_folder(authed(
                &alice,
                pb::MoveFolderRequest {
                    folder_id: a.id.clone(),
                    parent_id: target.clone(),
                },
            ))
            .await
            .expect_err(what);
        assert_eq!(cycle.code(), Code::FailedPrecondition, "into {what}");
    }
    let moved = vault
        .move_folder(authed(
            &alice,
            pb::MoveFolderRequest {
                folder_id: c.id.clone(),
                parent_id: d.id.clone(),
            },
        ))
        .await
        .expect("move")
        .into_inner()
        .folder
        .expect("folder");
    assert_eq!(moved.parent_id, d.id);
    // Now d holds c, so d may not move under c, but a may.
    vault
        .move_folder(authed(
            &alice,
            pb::MoveFolderRequest {
                folder_id: a.id.clone(),
                parent_id: c.id.clone(),
            },
        ))
        .await
        .expect("a under c");

    let roots = vault
        .list_folders(authed(&alice, pb::ListFoldersRequest::default()))
        .await
        .expect("list")
        .into_inner();
    let ids: Vec<_> = roots.folders.iter().map(|f| f.id.clone()).collect();
    assert_eq!(ids, std::slice::from_ref(&d.id));

    // Bob sees none of it and can touch none of it.
    let list_bob = vault
        .list_folders(authed(
            &bob,
            pb::ListFoldersRequest {
                parent_id: d.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("bob lists alice's folder");
    assert_eq!(list_bob.code(), Code::NotFound);
    for (folder_id, parent_id) in [(a.id.clone(), String::new()), (String::new(), a.id.clone())] {
        let bob_folder = if folder_id.is_empty() {
            vault
                .create_folder(authed(
                    &bob,
                    pb::CreateFolderRequest {
                        parent_id,
                        encrypted_key: vec![9; 40].into(),
                    },
                ))
                .await
                .expect_err("bob creates under alice's folder")
        } else {
            vault
                .move_folder(authed(
                    &bob,
                    pb::MoveFolderRequest {
                        folder_id,
                        parent_id,
                    },
                ))
                .await
                .expect_err("bob moves alice's folder")
        };
        assert_eq!(bob_folder.code(), Code::NotFound);
    }
    assert_eq!(
        h.count("SELECT count(*) FROM vault.folders WHERE parent_id IS NULL")
            .await,
        1,
        "only d at alice's root; bob made nothing"
    );
}

#[tokio::test]
async fn concurrent_crossing_moves_never_close_a_cycle() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let mut vault = h.vault().await;
    vault
        .init_vault(authed(&alice, init(1, b"")))
        .await
        .expect("init");
    for round in 0..10u8 {
        let x = folder(&mut vault, &alice, "", round * 2 + 1).await;
        let y = folder(&mut vault, &alice, "", round * 2 + 2).await;
        let moves = [(x.id.clone(), y.id.clone()), (y.id.clone(), x.id.clone())].map(
            |(folder_id, parent_id)| {
                let (mut vault, alice) = (vault.clone(), alice.clone());
                tokio::spawn(async move {
                    vault
                        .move_folder(authed(
                            &alice,
                            pb::MoveFolderRequest {
                                folder_id,
                                parent_id,
                            },
                        ))
                        .await
                })
            },
        );
        let mut ok = 0;
        for task in moves {
            match task.await.expect("task") {
                Ok(_) => ok += 1,
                Err(status) => assert_eq!(status.code(), Code::FailedPrecondition),
            }
        }
        assert_eq!(ok, 1, "round {round}: one of two crossing moves");
    }
    assert_eq!(
        h.count("SELECT count(*) FROM vault.folders WHERE parent_id IS NULL")
            .await,
        10,
        "every pair still hangs off the root"
    );
}

#[tokio::test]
async fn folder_listings_page_by_id() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let mut vault = h.vault().await;
    vault
        .init_vault(authed(&alice, init(1, b"")))
        .await
        .expect("init");
    let mut created = Vec::new();
    for key in 1..=7u8 {
        created.push(folder(&mut vault, &alice, "", key).await.id);
    }
    let mut seen = Vec::new();
    let mut token = String::new();
    loop {
        let page = vault
            .list_folders(authed(
                &alice,
                pb::ListFoldersRequest {
                    parent_id: String::new(),
                    page_size: 3,
                    page_token: token,
                },
            ))
            .await
            .expect("page")
            .into_inner();
        assert!(page.folders.len() <= 3);
        seen.extend(page.folders.into_iter().map(|f| f.id));
        if page.next_page_token.is_empty() {
            break;
        }
        token = page.next_page_token;
    }
    assert_eq!(seen, created);
}

#[tokio::test]
async fn finalize_names_the_first_missing_chunks_in_a_status_clients_can_read() {
    use harness::vault::{create, finalize, user_with_vault, vault_volume};
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let file = create(&mut vault, &alice, "", 1, 5000, 5000)
        .await
        .expect("a file of 5000 one-byte chunks");
    let refused = finalize(&mut vault, &alice, &file.id, vec![0; 32])
        .await
        .expect_err("nothing stored");
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    use tonic_types::StatusExt;
    let violations = refused
        .get_details_precondition_failure()
        .expect("violations")
        .violations;
    assert_eq!(violations.len(), 21, "twenty by name and a count");
    assert!(violations[20].description.contains("5000"));
}

#[tokio::test]
async fn chunks_may_not_add_up_to_more_than_the_file() {
    use harness::vault::{create, put_chunk, user_with_vault, vault_volume};
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let file = create(&mut vault, &alice, "", 1, 100, 2)
        .await
        .expect("100 bytes in two chunks");
    put_chunk(&mut vault, &alice, &file.id, 0, &[1; 90], sha256(&[1; 90]))
        .await
        .expect("chunk 0");
    let over = put_chunk(&mut vault, &alice, &file.id, 1, &[2; 20], sha256(&[2; 20]))
        .await
        .expect_err("90 + 20 > 100");
    assert_eq!(over.code(), Code::OutOfRange, "{over:?}");
    assert_eq!(h.count("SELECT count(*) FROM vault.file_chunks").await, 1);
}
