//! Vault files over gRPC on a real local volume: declared, filled chunk by chunk (checked),
//! finalized against the Merkle hash, read back, buried, restored and purged; usage always
//! equals what the rows hold, and nothing is stored that did not check out.

use crate::harness;

use chrono::{Duration, Utc};
use harness::vault::*;
use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tessera_vault_storage::sweeper::sweep;
use tonic::Code;

#[tokio::test]
async fn a_file_lives_from_create_to_purge_and_its_bytes_and_usage_go_with_it() {
    let h = Harness::start().await;
    let (volume, dir) = vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;

    let chunks = [content(2 * MIB, 1), content(MIB + 10, 2)];
    let total = chunks[0].len() + chunks[1].len();
    let file = create(&mut vault, &alice, "", 7, total, 2)
        .await
        .expect("create");
    assert_eq!(file.state, pb::vault_file::State::Pending as i32);
    assert_eq!(used(&h).await, total as i64, "reserved on the tier at once");
    for (i, chunk) in chunks.iter().enumerate() {
        let stored = put_chunk(&mut vault, &alice, &file.id, i as i32, chunk, sha256(chunk))
            .await
            .expect("chunk");
        assert_eq!(stored.size, chunk.len() as i64);
    }
    // Again with the same bytes: accepted, nothing changes.
    put_chunk(
        &mut vault,
        &alice,
        &file.id,
        1,
        &chunks[1],
        sha256(&chunks[1]),
    )
    .await
    .expect("the same chunk twice");

    let wrong = finalize(
        &mut vault,
        &alice,
        &file.id,
        merkle(&[&chunks[1], &chunks[0]]),
    )
    .await
    .expect_err("chunk hashes out of order");
    assert_eq!(wrong.code(), Code::FailedPrecondition);
    let done = finalize(
        &mut vault,
        &alice,
        &file.id,
        merkle(&[&chunks[0], &chunks[1]]),
    )
    .await
    .expect("finalize");
    assert_eq!(done.state, pb::vault_file::State::Complete as i32);

    let (header, bytes) = get_chunk(&mut vault, &alice, &file.id, 1, 0, 0)
        .await
        .expect("download");
    assert_eq!(bytes, chunks[1]);
    assert_eq!(header.sha256.to_vec(), sha256(&chunks[1]));
    let (_, range) = get_chunk(&mut vault, &alice, &file.id, 0, 100, 50)
        .await
        .expect("range");
    assert_eq!(range, chunks[0][100..150]);
    let on_disk = files_under(&dir);
    assert_eq!(on_disk.len(), 2, "two chunk objects: {on_disk:?}");
    assert!(
        on_disk
            .iter()
            .all(|p| p.contains(&format!("/{}/", file.id))),
        "chunks at vault/<user>/<file>/<index>: {on_disk:?}"
    );

    // Delete: to the graveyard, still counted; restore; delete again; purge.
    let entry = vault
        .delete_vault_file(authed(
            &alice,
            pb::DeleteVaultFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("delete")
        .into_inner()
        .entry
        .expect("a graveyard entry");
    assert_eq!(entry.size, total as i64);
    let listed = vault
        .list_graveyard(authed(&alice, pb::ListGraveyardRequest::default()))
        .await
        .expect("graveyard")
        .into_inner();
    assert_eq!(listed.entries.len(), 1);
    assert_eq!(used(&h).await, total as i64, "graveyard bytes count");
    let restored = vault
        .restore_file(authed(
            &alice,
            pb::RestoreFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("restore")
        .into_inner()
        .file
        .expect("file");
    assert_eq!(restored.merkle_hash, done.merkle_hash);
    let (_, again) = get_chunk(&mut vault, &alice, &file.id, 0, 0, 0)
        .await
        .expect("readable after restore");
    assert_eq!(again, chunks[0]);
    vault
        .delete_vault_file(authed(
            &alice,
            pb::DeleteVaultFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("delete again");

    let storage = storage(&h);
    let early = sweep(&storage, Utc::now() + Duration::days(29))
        .await
        .expect("sweep");
    assert_eq!(early.purged_vault_files, 0, "kept for the retention");
    let swept = sweep(&storage, Utc::now() + Duration::days(31))
        .await
        .expect("sweep");
    assert_eq!(swept.purged_vault_files, 1);
    // The sweep's drain or the service's drainer (woken by the purge's commit) deletes them.
    sweep(&storage, Utc::now()).await.expect("drain");
    assert!(files_under(&dir).is_empty(), "bytes gone from the backend");
    assert_eq!(used(&h).await, 0, "usage back to the start");
    let volume = h.get_volume(&volume.id).await;
    assert_eq!((volume.quota_used, volume.quota_reserved), (0, 0));
    assert_eq!(
        h.count("SELECT count(*) FROM vault.analytics_events WHERE kind = 'purge'")
            .await,
        1
    );
    assert_eq!(
        h.count("SELECT count(*) FROM vault.graveyard").await
            + h.count("SELECT count(*) FROM vault.files").await,
        0
    );
}

#[tokio::test]
async fn a_corrupt_or_oversized_chunk_stores_nothing() {
    let h = Harness::start().await;
    let (volume, dir) = vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let chunk = content(MIB + 5, 3);
    let file = create(&mut vault, &alice, "", 1, chunk.len(), 1)
        .await
        .expect("create");
    let before = h.get_volume(&volume.id).await;

    let corrupt = put_chunk(&mut vault, &alice, &file.id, 0, &chunk, sha256(b"other"))
        .await
        .expect_err("wrong sha");
    assert_eq!(corrupt.code(), Code::DataLoss);
    let mut longer = chunk.clone();
    longer.push(0);
    let header_size = {
        use pb::upload_chunk_request::Message;
        let messages = vec![
            pb::UploadChunkRequest {
                message: Some(Message::Header(pb::ChunkHeader {
                    file_id: file.id.clone(),
                    chunk_index: 0,
                    size: chunk.len() as i64,
                    sha256: sha256(&chunk).into(),
                })),
            },
            pb::UploadChunkRequest {
                message: Some(Message::Data(longer.clone().into())),
            },
        ];
        vault
            .upload_chunk(authed(&alice, futures::stream::iter(messages)))
            .await
            .expect_err("more than declared")
    };
    assert_eq!(header_size.code(), Code::OutOfRange);
    let out_of_file = put_chunk(&mut vault, &alice, &file.id, 1, &chunk, sha256(&chunk))
        .await
        .expect_err("index past chunk_count");
    assert_eq!(bad_fields(&out_of_file), ["header.chunk_index"]);

    assert_eq!(h.count("SELECT count(*) FROM vault.file_chunks").await, 0);
    assert!(
        files_under(&dir).is_empty(),
        "nothing staged or stored: {:?}",
        files_under(&dir)
    );
    let after = h.get_volume(&volume.id).await;
    assert_eq!(
        (after.quota_used, after.quota_reserved),
        (before.quota_used, before.quota_reserved),
        "quota unchanged"
    );

    let missing = finalize(&mut vault, &alice, &file.id, merkle(&[&chunk]))
        .await
        .expect_err("no chunks");
    assert_eq!(missing.code(), Code::FailedPrecondition);
    use tonic_types::StatusExt;
    let violations = missing
        .get_details_precondition_failure()
        .expect("violations")
        .violations;
    assert_eq!(violations.len(), 1);
    assert_eq!(violations[0].r#type, "CHUNK_MISSING");
}

#[tokio::test]
async fn the_tier_quota_refuses_what_does_not_fit_and_writes_nothing() {
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    create(&mut vault, &alice, "", 1, 60 * MIB, 1)
        .await
        .expect("fits in 64 MiB");
    let refused = create(&mut vault, &alice, "", 2, 5 * MIB, 1)
        .await
        .expect_err("over the tier");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    use tonic_types::StatusExt;
    let failure = refused.get_details_quota_failure().expect("quota failure");
    assert_eq!(failure.violations[0].subject, "tier");
    assert_eq!(h.count("SELECT count(*) FROM vault.files").await, 1);
    assert_eq!(used(&h).await, 60 * MIB as i64);
}

#[tokio::test]
async fn another_user_gets_not_found_on_every_file_rpc() {
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let bob = user_with_vault(&h, &mut vault, "bob", 2).await;
    let (file, chunks) = complete_file(&mut vault, &alice, "", 1, &[1000]).await;
    let pending = create(&mut vault, &alice, "", 2, 10, 1)
        .await
        .expect("pending");
    let folder = vault
        .create_folder(authed(
            &alice,
            pb::CreateFolderRequest {
                parent_id: String::new(),
                encrypted_key: vec![5; 20].into(),
            },
        ))
        .await
        .expect("folder")
        .into_inner()
        .folder
        .expect("folder");

    let codes = [
        get_chunk(&mut vault, &bob, &file.id, 0, 0, 0)
            .await
            .map(|_| ())
            .expect_err("read"),
        put_chunk(&mut vault, &bob, &pending.id, 0, &[0; 10], sha256(&[0; 10]))
            .await
            .map(|_| ())
            .expect_err("write"),
        finalize(&mut vault, &bob, &pending.id, vec![0; 32])
            .await
            .map(|_| ())
            .expect_err("finalize"),
        vault
            .move_file(authed(
                &bob,
                pb::MoveFileRequest {
                    file_id: file.id.clone(),
                    folder_id: String::new(),
                },
            ))
            .await
            .map(|_| ())
            .expect_err("move"),
        vault
            .delete_vault_file(authed(
                &bob,
                pb::DeleteVaultFileRequest {
                    file_id: file.id.clone(),
                },
            ))
            .await
            .map(|_| ())
            .expect_err("delete"),
        vault
            .delete_folder(authed(
                &bob,
                pb::DeleteFolderRequest {
                    folder_id: folder.id.clone(),
                },
            ))
            .await
            .map(|_| ())
            .expect_err("delete folder"),
        create(&mut vault, &bob, &folder.id, 9, 10, 1)
            .await
            .map(|_| ())
            .expect_err("create in alice's folder"),
    ];
    for status in codes {
        assert_eq!(status.code(), Code::NotFound, "{status:?}");
    }
    vault
        .delete_vault_file(authed(
            &alice,
            pb::DeleteVaultFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("alice deletes");
    let restore = vault
        .restore_file(authed(
            &bob,
            pb::RestoreFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect_err("bob restores");
    assert_eq!(restore.code(), Code::NotFound);
    let bobs = vault
        .list_graveyard(authed(&bob, pb::ListGraveyardRequest::default()))
        .await
        .expect("bob's graveyard")
        .into_inner();
    assert!(bobs.entries.is_empty());
    // Alice's file is intact.
    vault
        .restore_file(authed(
            &alice,
            pb::RestoreFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("alice restores");
    let (_, bytes) = get_chunk(&mut vault, &alice, &file.id, 0, 0, 0)
        .await
        .expect("read");
    assert_eq!(bytes, chunks[0]);
}

#[tokio::test]
async fn deleting_a_folder_buries_everything_below_it_at_once() {
    let h = Harness::start().await;
    let (_, dir) = vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let folder = |parent: String, key: u8| {
        let (mut vault, alice) = (vault.clone(), alice.clone());
        async move {
            vault
                .create_folder(authed(
                    &alice,
                    pb::CreateFolderRequest {
                        parent_id: parent,
                        encrypted_key: vec![key; 20].into(),
                    },
                ))
                .await
                .expect("folder")
                .into_inner()
                .folder
                .expect("folder")
        }
    };
    let top = folder(String::new(), 1).await;
    let inner = folder(top.id.clone(), 2).await;
    let kept = folder(String::new(), 3).await;
    complete_file(&mut vault, &alice, &top.id, 1, &[100]).await;
    complete_file(&mut vault, &alice, &inner.id, 2, &[200, 300]).await;
    let (outside, _) = complete_file(&mut vault, &alice, &kept.id, 3, &[400]).await;
    let pending = create(&mut vault, &alice, &inner.id, 4, 50, 1)
        .await
        .expect("pending");
    put_chunk(
        &mut vault,
        &alice,
        &pending.id,
        0,
        &[7; 50],
        sha256(&[7; 50]),
    )
    .await
    .expect("chunk");

    let response = vault
        .delete_folder(authed(
            &alice,
            pb::DeleteFolderRequest {
                folder_id: top.id.clone(),
            },
        ))
        .await
        .expect("delete folder")
        .into_inner();
    assert_eq!(
        (
            response.folders_deleted,
            response.files_buried,
            response.pending_removed
        ),
        (2, 2, 1)
    );
    assert_eq!(h.count("SELECT count(*) FROM vault.folders").await, 1);
    assert_eq!(h.count("SELECT count(*) FROM vault.graveyard").await, 2);
    assert_eq!(
        used(&h).await,
        100 + 500 + 400,
        "the pending file's bytes are released"
    );
    assert_eq!(used(&h).await, recount(&h).await);
    // A buried file restores to the root, its folder being gone.
    let listed = vault
        .list_graveyard(authed(&alice, pb::ListGraveyardRequest::default()))
        .await
        .expect("graveyard")
        .into_inner();
    let restored = vault
        .restore_file(authed(
            &alice,
            pb::RestoreFileRequest {
                file_id: listed.entries[0].file_id.clone(),
            },
        ))
        .await
        .expect("restore")
        .into_inner()
        .file
        .expect("file");
    assert_eq!(restored.folder_id, "");
    // The pending chunk's bytes go with the next drain; the others stay.
    sweep(&storage(&h), Utc::now()).await.expect("sweep");
    assert_eq!(
        files_under(&dir).len(),
        1 + 2 + 1,
        "{:?}",
        files_under(&dir)
    );
    let (_, bytes) = get_chunk(&mut vault, &alice, &outside.id, 0, 0, 0)
        .await
        .expect("kept");
    assert_eq!(bytes.len(), 400);
}

#[tokio::test]
async fn unfinished_files_expire_after_a_day_and_release_their_bytes() {
    let h = Harness::start().await;
    let (volume, dir) = vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let file = create(&mut vault, &alice, "", 1, 2000, 2)
        .await
        .expect("create");
    put_chunk(
        &mut vault,
        &alice,
        &file.id,
        0,
        &[1; 1000],
        sha256(&[1; 1000]),
    )
    .await
    .expect("half");
    let storage = storage(&h);
    let early = sweep(&storage, Utc::now() + Duration::hours(23))
        .await
        .expect("sweep");
    assert_eq!(early.expired_vault_files, 0);
    let swept = sweep(&storage, Utc::now() + Duration::hours(25))
        .await
        .expect("sweep");
    assert_eq!(swept.expired_vault_files, 1);
    sweep(&storage, Utc::now()).await.expect("drain");
    assert!(files_under(&dir).is_empty());
    assert_eq!(used(&h).await, 0);
    let volume = h.get_volume(&volume.id).await;
    assert_eq!((volume.quota_used, volume.quota_reserved), (0, 0));
}

#[tokio::test]
async fn two_streams_of_one_chunk_with_different_bytes_store_exactly_one() {
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let file = create(&mut vault, &alice, "", 1, 300 * 1024, 1)
        .await
        .expect("create");
    let tasks: Vec<_> = (0..8u8)
        .map(|seed| {
            let (mut vault, alice, id) = (vault.clone(), alice.clone(), file.id.clone());
            tokio::spawn(async move {
                let bytes = content(300 * 1024, seed);
                put_chunk(&mut vault, &alice, &id, 0, &bytes, sha256(&bytes))
                    .await
                    .map(|_| bytes)
            })
        })
        .collect();
    let mut winners = Vec::new();
    for task in tasks {
        match task.await.expect("task") {
            Ok(bytes) => winners.push(bytes),
            Err(status) => assert_eq!(status.code(), Code::AlreadyExists, "{status:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one chunk 0");
    // The winner's bytes are what the file is made of (a pending file serves no chunk).
    finalize(&mut vault, &alice, &file.id, merkle(&[&winners[0]]))
        .await
        .expect("finalized with the winner's bytes");
    let (_, stored) = get_chunk(&mut vault, &alice, &file.id, 0, 0, 0)
        .await
        .expect("read");
    assert_eq!(stored, winners[0], "the object holds the recorded bytes");
}

/// The code a call ended with.
fn code<T>(result: Result<T, tonic::Status>) -> Code {
    result.map_or_else(|status| status.code(), |_| Code::Ok)
}

#[tokio::test]
async fn usage_equals_a_recount_after_a_concurrent_mix() {
    let h = Harness::start().await;
    vault_volume(&h).await;
    let mut vault = h.vault().await;
    let alice = user_with_vault(&h, &mut vault, "alice", 1).await;
    let storage = storage(&h);
    let mut done = Vec::new();
    for key in 0..6u32 {
        done.push(
            complete_file(&mut vault, &alice, "", key, &[1000 + key as usize])
                .await
                .0,
        );
    }
    // Every call's outcome is checked: each may lose a race (the file deleted, restored or
    // purged meanwhile), nothing may fail otherwise; some of each kind must succeed.
    let mut tasks = Vec::new();
    for (i, file) in done.iter().enumerate() {
        let (mut vault, alice, id) = (vault.clone(), alice.clone(), file.id.clone());
        tasks.push(tokio::spawn(async move {
            let delete = pb::DeleteVaultFileRequest {
                file_id: id.clone(),
            };
            let mut outcomes = vec![(
                "delete",
                code(
                    vault
                        .delete_vault_file(authed(&alice, delete.clone()))
                        .await,
                ),
            )];
            if i % 2 == 0 {
                let restore = pb::RestoreFileRequest {
                    file_id: id.clone(),
                };
                outcomes.push((
                    "restore",
                    code(vault.restore_file(authed(&alice, restore)).await),
                ));
            }
            outcomes.push((
                "delete",
                code(vault.delete_vault_file(authed(&alice, delete)).await),
            ));
            outcomes
        }));
    }
    for key in 10..16u32 {
        let (mut vault, alice) = (vault.clone(), alice.clone());
        tasks.push(tokio::spawn(async move {
            let file = create(&mut vault, &alice, "", key, 500, 1).await;
            let mut outcomes = vec![("create", code(file.clone()))];
            if let Ok(file) = file {
                let bytes = vec![key as u8; 500];
                let put = put_chunk(&mut vault, &alice, &file.id, 0, &bytes, sha256(&bytes)).await;
                outcomes.push(("put", code(put)));
                if key % 2 == 0 {
                    let done = finalize(&mut vault, &alice, &file.id, merkle(&[&bytes])).await;
                    outcomes.push(("finalize", code(done)));
                } else {
                    let delete = pb::DeleteVaultFileRequest { file_id: file.id };
                    let deleted = vault.delete_vault_file(authed(&alice, delete)).await;
                    outcomes.push(("delete", code(deleted)));
                }
            }
            outcomes
        }));
    }
    let purger = {
        let storage = storage.clone();
        tokio::spawn(async move {
            for _ in 0..5 {
                sweep(&storage, Utc::now() + Duration::days(31))
                    .await
                    .expect("sweep");
            }
        })
    };
    let mut succeeded = std::collections::BTreeMap::new();
    for task in tasks {
        for (call, outcome) in task.await.expect("task") {
            // A race lost: the file is gone (purged, deleted), or not in the state asked for.
            assert!(
                matches!(
                    outcome,
                    Code::Ok | Code::NotFound | Code::FailedPrecondition
                ),
                "{call}: {outcome:?}"
            );
            if outcome == Code::Ok {
                *succeeded.entry(call).or_insert(0) += 1;
            }
        }
    }
    purger.await.expect("purger");
    for call in ["delete", "restore", "create", "put", "finalize"] {
        assert!(
            succeeded.contains_key(call),
            "no {call} succeeded: {succeeded:?}"
        );
    }
    assert_eq!(used(&h).await, recount(&h).await);
    let counted = h
        .count(
            "SELECT (quota_used + quota_reserved)::bigint FROM vault.storage_volumes WHERE name = 'vault'",
        )
        .await;
    assert_eq!(counted, recount(&h).await, "the volume's usage matches too");
}
