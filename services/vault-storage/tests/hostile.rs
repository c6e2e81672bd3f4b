//! What an outside audit found a hostile client could do, each now refused: declarations
//! that overflow the quota sums, refused streams that kept their reservation and path, volumes
//! over one backend location, downloads of bytes that are not the file, blob sizes past their
//! contract.

use crate::harness;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;
use tonic_types::StatusExt;

fn quota_subject(status: &tonic::Status) -> String {
    let failure = status
        .get_details_quota_failure()
        .unwrap_or_else(|| panic!("a QuotaFailure: {status:?}"));
    failure.violations[0].subject.clone()
}

#[tokio::test]
async fn huge_declarations_are_refused_and_never_break_the_volume_for_others() {
    let h = Harness::start().await;
    let (_, mallory) = h.user("mallory").await;
    let (_, alice) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;

    // One user declares nearly 2^63 bytes on a volume without a limit.
    for declared in [i64::MAX, i64::MAX - 1, 1 << 62, h.config.max_file_bytes + 1] {
        let mut huge = spec(&volume, "huge.bin", b"");
        huge.declared_size = declared;
        let status = files
            .start_upload(authed(
                &mallory,
                pb::StartUploadRequest {
                    spec: Some(huge.clone()),
                },
            ))
            .await
            .expect_err("more than the largest file");
        assert_eq!(
            status.code(),
            Code::ResourceExhausted,
            "{declared}: {status:?}"
        );
        assert_eq!(quota_subject(&status), "file");
        // The same declaration as an Upload stream's spec.
        let status = upload_with(
            &mut files,
            &mallory,
            pb::upload_request::Message::Spec(huge),
            b"",
            None,
        )
        .await
        .expect_err("more than the largest file");
        assert_eq!(
            status.code(),
            Code::ResourceExhausted,
            "{declared}: {status:?}"
        );
    }
    // A vault file declaring as much (its chunk count would allow 64 TiB).
    vault::vault_volume(&h).await;
    let mut vault_client = h.vault().await;
    let owner = vault::user_with_vault(&h, &mut vault_client, "owner", 2).await;
    let status = vault::create(
        &mut vault_client,
        &owner,
        "",
        1,
        (h.config.max_file_bytes + 1) as usize,
        1 << 20,
    )
    .await
    .expect_err("a vault file past the largest file");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert_eq!(vault::used(&h).await, 0);
    let v = h.get_volume(&volume.id).await;
    assert_eq!((v.quota_used, v.quota_reserved), (0, 0), "nothing reserved");

    // Reservations near what the counters hold: the sum is checked, not overflowed.
    h.suite
        .db()
        .client()
        .await
        .batch_execute(&format!(
            "UPDATE vault.storage_volumes SET quota_reserved = {} WHERE id = '{}'",
            i64::MAX - 10,
            volume.id
        ))
        .await
        .expect("a nearly full counter");
    let status = files
        .start_upload(authed(
            &alice,
            pb::StartUploadRequest {
                spec: Some(spec(&volume, "a.bin", &[0; 100])),
            },
        ))
        .await
        .expect_err("the counter would overflow");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert_eq!(quota_subject(&status), "volume");
    assert_eq!(h.get_volume(&volume.id).await.quota_reserved, i64::MAX - 10);

    // Once that reservation is gone, everyone uploads again.
    h.suite
        .db()
        .client()
        .await
        .batch_execute(&format!(
            "UPDATE vault.storage_volumes SET quota_reserved = 0 WHERE id = '{}'",
            volume.id
        ))
        .await
        .expect("released");
    let bytes = content(1000, 1);
    upload(&mut files, &alice, spec(&volume, "a.bin", &bytes), &bytes)
        .await
        .expect("alice uploads");
}

#[tokio::test]
async fn a_refused_stream_releases_its_reservation_and_its_path() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(Some(10 * MIB as i64)).await;
    let mut files = h.files().await;
    let before = files_under(&h.root);
    let chunk = content(2 * MIB + 1, 0);
    let spec_message = |path: &str| pb::UploadRequest {
        message: Some(pb::upload_request::Message::Spec(spec(
            &volume, path, &chunk,
        ))),
    };
    let small = pb::UploadRequest {
        message: Some(pb::upload_request::Message::Chunk(content(1000, 1).into())),
    };
    let refusals = [
        // A chunk over the maximum, after bytes were staged.
        vec![
            spec_message("p.bin"),
            small.clone(),
            pb::UploadRequest {
                message: Some(pb::upload_request::Message::Chunk(chunk.clone().into())),
            },
        ],
        // A second spec.
        vec![spec_message("p.bin"), small.clone(), spec_message("p.bin")],
        // An empty message.
        vec![spec_message("p.bin"), pb::UploadRequest { message: None }],
    ];
    for messages in refusals {
        let status = files
            .upload(authed(&token, futures::stream::iter(messages)))
            .await
            .expect_err("refused");
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        let v = h.get_volume(&volume.id).await;
        assert_eq!(
            (v.quota_used, v.quota_reserved),
            (0, 0),
            "released: {status:?}"
        );
        assert_eq!(
            h.count("SELECT count(*) FROM vault.storage_uploads").await,
            0
        );
        assert_eq!(
            h.count("SELECT coalesce(sum(quota_reserved), 0)::bigint FROM vault.user_quotas")
                .await,
            0
        );
    }
    assert_eq!(files_under(&h.root), before, "no staged bytes left");
    // The path is free: the same upload goes through at once.
    let bytes = content(1000, 2);
    upload(&mut files, &token, spec(&volume, "p.bin", &bytes), &bytes)
        .await
        .expect("the path is free");
}

#[tokio::test]
async fn volumes_over_the_same_backend_location_are_refused() {
    let h = Harness::start().await;
    let backend = h.local_backend().await;
    let volume = |name: &str, prefix: &str, backend: &pb::Backend| pb::Volume {
        name: name.into(),
        backend_id: backend.id.clone(),
        default_prefix: prefix.into(),
        is_active: true,
        ..Default::default()
    };
    h.volume(volume("a", "tenants/a", &backend))
        .await
        .expect("the first volume");
    for (name, prefix) in [
        ("same", "tenants/a"),
        ("inside", "tenants/a/b"),
        ("around", "tenants"),
        ("root", ""),
    ] {
        let status = h
            .volume(volume(name, prefix, &backend))
            .await
            .expect_err("an overlapping location");
        assert_eq!(
            status.code(),
            Code::FailedPrecondition,
            "{prefix}: {status:?}"
        );
        let failure = status
            .get_details_precondition_failure()
            .expect("PreconditionFailure");
        assert_eq!(failure.violations[0].r#type, "LOCATION_OVERLAP");
    }
    h.volume(volume("sibling", "tenants/ab", &backend))
        .await
        .expect("a sibling prefix");
    // Another backend over a directory inside the first's.
    let first_path = match &backend.target {
        Some(pb::backend::Target::LocalPath(p)) => p.path.clone(),
        other => panic!("{other:?}"),
    };
    let inner_dir = std::path::Path::new(&first_path).join("tenants/a/x");
    std::fs::create_dir_all(&inner_dir).expect("an inner directory");
    let inner = h
        .backend(pb::CreateBackendRequest {
            backend: Some(pb::Backend {
                target: Some(pb::backend::Target::LocalPath(pb::LocalPath {
                    path: inner_dir.display().to_string(),
                })),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("a backend inside the first");
    let status = h
        .volume(volume("nested", "", &inner))
        .await
        .expect_err("inside volume a");
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert_eq!(
        h.count("SELECT count(*) FROM vault.storage_volumes").await,
        2
    );
}

#[tokio::test]
async fn a_download_never_passes_off_other_bytes_as_the_file() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let bytes = content(3 * MIB + 5, 4);
    let file = upload(&mut files, &token, spec(&volume, "f.bin", &bytes), &bytes)
        .await
        .expect("uploaded");
    let (_, whole) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("intact");
    assert!(whole == bytes);

    // The object is rewritten behind the service's back, same size, other bytes.
    let object = files_under(&h.root)
        .into_iter()
        .find(|p| p.ends_with("f.bin"))
        .expect("the object");
    let path = h.root.join(object);
    let mut other = bytes.clone();
    other[MIB] ^= 0xff;
    std::fs::write(&path, &other).expect("rewrite");
    let status = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .map(|(file, _)| file)
        .expect_err("not the file's bytes");
    assert_eq!(status.code(), Code::DataLoss, "{status:?}");
    assert!(
        !status.message().contains(&h.root.display().to_string()),
        "{status:?}"
    );
    // The client never holds all of it: the last piece was held back.
    let mut stream = files
        .download(authed(
            &token,
            pb::DownloadRequest {
                file_id: file.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("the download starts")
        .into_inner();
    let mut received = 0;
    while let Ok(Some(message)) = stream.message().await {
        if let Some(pb::download_response::Message::Chunk(chunk)) = message.message {
            received += chunk.len();
        }
    }
    assert!(
        received < bytes.len(),
        "{received} of {} bytes sent",
        bytes.len()
    );

    // Truncated: a range read sees the size differs before it sends anything.
    std::fs::write(&path, &bytes[..MIB]).expect("truncate");
    let status = download(&mut files, Some(&token), &file.id, 10, 100)
        .await
        .map(|(file, _)| file)
        .expect_err("a truncated object");
    assert_eq!(status.code(), Code::DataLoss, "{status:?}");
}

#[tokio::test]
async fn blob_sizes_stay_within_their_contract() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    vault::blob_volume(&h).await;
    let mut blobs = h.blobs().await;
    let digest = |size: i64| pb::Digest {
        sha256: "ab".repeat(32),
        size_bytes: size,
    };
    let write = |size: i64| {
        futures::stream::iter([pb::WriteBlobRequest {
            message: Some(pb::write_blob_request::Message::Start(pb::WriteBlobStart {
                digest: Some(digest(size)),
                ..Default::default()
            })),
        }])
    };
    let status = blobs
        .write_blob(authed(&token, write(1 << 53)))
        .await
        .expect_err("past 2^53 - 1");
    assert_eq!(bad_fields(&status), ["start.digest.size_bytes"]);
    let status = blobs
        .write_blob(authed(&token, write(h.config.max_file_bytes + 1)))
        .await
        .expect_err("past the largest file");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert_eq!(quota_subject(&status), "file");
    assert_eq!(h.count("SELECT count(*) FROM vault.blob_writes").await, 0);

    // Sizes that add up past what an i64 holds are compared, not summed into a crash.
    let many: Vec<pb::Digest> = (0..2000).map(|_| digest((1 << 53) - 1)).collect();
    let status = blobs
        .batch_read_blobs(authed(
            &token,
            pb::BatchReadBlobsRequest {
                digests: many.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("more than a batch");
    assert_eq!(bad_fields(&status), ["digests"]);
    let missing = blobs
        .find_missing_blobs(authed(
            &token,
            pb::FindMissingBlobsRequest {
                digests: many,
                ..Default::default()
            },
        ))
        .await
        .expect("found missing")
        .into_inner()
        .missing;
    assert_eq!(missing.len(), 1, "one distinct digest");
}

#[tokio::test]
async fn a_pending_files_chunks_are_not_served_until_it_is_finalized() {
    let h = Harness::start().await;
    vault::vault_volume(&h).await;
    let mut client = h.vault().await;
    let token = vault::user_with_vault(&h, &mut client, "alice", 1).await;
    let chunk = content(1000, 5);
    let file = vault::create(&mut client, &token, "", 7, chunk.len(), 1)
        .await
        .expect("a pending file");
    vault::put_chunk(&mut client, &token, &file.id, 0, &chunk, sha256(&chunk))
        .await
        .expect("its chunk");
    let status = vault::get_chunk(&mut client, &token, &file.id, 0, 0, 0)
        .await
        .expect_err("the file is pending");
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    let failure = status
        .get_details_precondition_failure()
        .expect("PreconditionFailure");
    assert_eq!(failure.violations[0].r#type, "FILE_PENDING");
    vault::finalize(&mut client, &token, &file.id, vault::merkle(&[&chunk]))
        .await
        .expect("finalized");
    let (_, served) = vault::get_chunk(&mut client, &token, &file.id, 0, 0, 0)
        .await
        .expect("served once complete");
    assert!(served == chunk);
}
