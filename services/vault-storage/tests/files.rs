//! Files on a local volume through the real gRPC API: the whole life of a file, verification
//! before commit, overwrites and versions, the path strategies.

use crate::harness;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

fn mask(paths: &[&str]) -> Option<prost_types::FieldMask> {
    Some(prost_types::FieldMask {
        paths: paths.iter().map(|p| p.to_string()).collect(),
    })
}

#[tokio::test]
async fn a_file_is_uploaded_read_in_ranges_listed_updated_deleted_and_restored() {
    let h = Harness::start().await;
    let (alice, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let bytes = content(3 * MIB + 17, 1);

    let mut spec = spec(&volume, "docs/report.bin", &bytes);
    spec.metadata = Some(prost_types::Struct::default());
    let file = upload(&mut files, &token, spec, &bytes)
        .await
        .expect("upload");
    assert_eq!(file.size, bytes.len() as i64);
    assert_eq!(file.sha256.to_vec(), sha256(&bytes));
    assert_eq!(
        (file.user_id.as_str(), file.filename.as_str()),
        (alice.as_str(), "report.bin")
    );
    assert_eq!(file.namespace, pb::Namespace::Users as i32);
    assert_eq!(file.version, 1);

    let (head, whole) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert_eq!(head.sha256, file.sha256);
    assert!(whole == bytes, "the bytes come back unchanged");
    let (_, range) = download(
        &mut files,
        Some(&token),
        &file.id,
        (MIB + 5) as i64,
        (100 * KIB) as i64,
    )
    .await
    .expect("range");
    assert!(range == bytes[MIB + 5..MIB + 5 + 100 * KIB]);
    let (_, tail) = download(
        &mut files,
        Some(&token),
        &file.id,
        (3 * MIB) as i64,
        (MIB) as i64,
    )
    .await
    .expect("tail");
    assert!(tail == bytes[3 * MIB..]);
    let (_, none) = download(&mut files, Some(&token), &file.id, bytes.len() as i64, 0)
        .await
        .expect("empty");
    assert!(none.is_empty());
    let past = download(
        &mut files,
        Some(&token),
        &file.id,
        bytes.len() as i64 + 1,
        0,
    )
    .await
    .expect_err("past the end");
    assert_eq!(past.code(), Code::OutOfRange);

    let other = upload(
        &mut files,
        &token,
        harness::spec(&volume, "notes/a.txt", b"hello"),
        b"hello",
    )
    .await
    .expect("second file");
    let listed = files
        .list_files(authed(
            &token,
            pb::ListFilesRequest {
                volume_id: volume.id.clone(),
                path_prefix: "docs/".into(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    assert_eq!(
        listed
            .files
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>(),
        [file.id.as_str()]
    );
    let paged = files
        .list_files(authed(
            &token,
            pb::ListFilesRequest {
                volume_id: volume.id.clone(),
                page_size: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("page 1")
        .into_inner();
    assert_eq!(paged.files[0].path, "docs/report.bin");
    let next = files
        .list_files(authed(
            &token,
            pb::ListFilesRequest {
                volume_id: volume.id.clone(),
                page_size: 1,
                page_token: paged.next_page_token,
                ..Default::default()
            },
        ))
        .await
        .expect("page 2")
        .into_inner();
    assert_eq!(
        (next.files[0].id.as_str(), next.next_page_token.as_str()),
        (other.id.as_str(), "")
    );

    // Private until made public; then anyone downloads it, and it is still listed to no one else.
    let anonymous = download(&mut files, None, &file.id, 0, 10)
        .await
        .expect_err("private");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    let mut change = pb::File {
        id: file.id.clone(),
        filename: "Report 2026.bin".into(),
        is_public: true,
        ..Default::default()
    };
    change.metadata = Some(tessera_kit::convert::json_to_struct(
        &serde_json::json!({ "tag": "q4" }),
    ));
    let updated = files
        .update_file(authed(
            &token,
            pb::UpdateFileRequest {
                file: Some(change),
                update_mask: mask(&["filename", "is_public", "metadata"]),
            },
        ))
        .await
        .expect("update")
        .into_inner()
        .file
        .expect("file");
    assert_eq!(
        (updated.filename.as_str(), updated.is_public),
        ("Report 2026.bin", true)
    );
    let (_, public) = download(&mut files, None, &file.id, 0, 10)
        .await
        .expect("public");
    assert!(public == bytes[..10]);
    let bad = files
        .update_file(authed(
            &token,
            pb::UpdateFileRequest {
                file: Some(pb::File {
                    id: file.id.clone(),
                    ..Default::default()
                }),
                update_mask: mask(&["size", "filename"]),
            },
        ))
        .await
        .expect_err("size is not changeable");
    assert_eq!(bad_fields(&bad), ["update_mask", "file.filename"]);

    let used = |v: &pb::Volume| (v.quota_used, v.quota_reserved);
    let total = (bytes.len() + 5) as i64;
    assert_eq!(used(&h.get_volume(&volume.id).await), (total, 0));
    for _ in 0..2 {
        files
            .delete_file(authed(
                &token,
                pb::DeleteFileRequest {
                    file_id: file.id.clone(),
                },
            ))
            .await
            .expect("delete, twice");
    }
    assert_eq!(
        used(&h.get_volume(&volume.id).await),
        (5, 0),
        "deleting frees the quota at once"
    );
    let gone = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect_err("deleted");
    assert_eq!(gone.code(), Code::NotFound);
    let got = files
        .get_file(authed(
            &token,
            pb::GetFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .file
        .expect("file");
    assert!(got.delete_time.is_some());
    let restored = files
        .undelete_file(authed(
            &token,
            pb::UndeleteFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("undelete")
        .into_inner()
        .file
        .expect("file");
    assert!(restored.delete_time.is_none());
    assert_eq!(used(&h.get_volume(&volume.id).await), (total, 0));
    let (_, again) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(again == bytes);
}

#[tokio::test]
async fn a_wrong_hash_or_size_commits_nothing_and_releases_the_reservation() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(Some(10 * MIB as i64)).await;
    let mut files = h.files().await;
    let bytes = content(2 * MIB + 3, 2);
    let kept = content(1000, 3);
    let original = upload(&mut files, &token, spec(&volume, "kept.bin", &kept), &kept)
        .await
        .expect("original");
    let backend_dir = h.root.clone();
    let before = files_under(&backend_dir);

    let mut wrong = sha256(&bytes);
    wrong[0] ^= 1;
    let status = upload_with(
        &mut files,
        &token,
        pb::upload_request::Message::Spec(spec(&volume, "a.bin", &bytes)),
        &bytes,
        Some(wrong.clone()),
    )
    .await
    .expect_err("wrong hash");
    assert_eq!(status.code(), Code::DataLoss, "{status:?}");

    // An overwrite with a wrong hash leaves the file it would have replaced as it was.
    let mut over = spec(&volume, "kept.bin", &bytes);
    over.overwrite = true;
    let status = upload_with(
        &mut files,
        &token,
        pb::upload_request::Message::Spec(over),
        &bytes,
        Some(wrong),
    )
    .await
    .expect_err("wrong hash");
    assert_eq!(status.code(), Code::DataLoss);

    // A declared hash that the content does not have.
    let mut declared = spec(&volume, "b.bin", &bytes);
    declared.declared_sha256 = sha256(b"something else").into();
    let status = upload(&mut files, &token, declared, &bytes)
        .await
        .expect_err("declared hash");
    assert_eq!(status.code(), Code::DataLoss);

    // More bytes than declared, and fewer.
    let mut short = spec(&volume, "c.bin", &bytes);
    short.declared_size -= 1;
    let status = upload(&mut files, &token, short, &bytes)
        .await
        .expect_err("too many bytes");
    assert_eq!(status.code(), Code::OutOfRange);
    let mut long = spec(&volume, "d.bin", &bytes);
    long.declared_size += 1;
    let status = upload(&mut files, &token, long, &bytes)
        .await
        .expect_err("too few bytes");
    assert_eq!(status.code(), Code::OutOfRange);

    assert_eq!(h.count("SELECT count(*) FROM vault.storage_files").await, 1);
    assert_eq!(
        h.count("SELECT count(*) FROM vault.storage_uploads").await,
        0
    );
    assert_eq!(
        files_under(&backend_dir),
        before,
        "no object, no staged bytes left"
    );
    let v = h.get_volume(&volume.id).await;
    assert_eq!((v.quota_used, v.quota_reserved), (kept.len() as i64, 0));
    let user_quota = h
        .count("SELECT quota_used + quota_reserved FROM vault.user_quotas")
        .await;
    assert_eq!(user_quota, kept.len() as i64);
    let (_, still) = download(&mut files, Some(&token), &original.id, 0, 0)
        .await
        .expect("download");
    assert!(still == kept);
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field_and_changes_nothing() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    for bad in [
        "../escape",
        "/etc/passwd",
        "a//b",
        "a/./b",
        "",
        "a\u{0}b",
        ".tessera-uploads/x",
    ] {
        let status = files
            .start_upload(authed(
                &token,
                pb::StartUploadRequest {
                    spec: Some(spec(&volume, bad, b"x")),
                },
            ))
            .await
            .expect_err(bad);
        assert_eq!(bad_fields(&status), ["spec.path"], "{bad:?}");
    }
    let mut many = spec(&volume, "ok.txt", b"x");
    many.declared_size = -1;
    many.mime_type = "not a mime type".into();
    many.declared_sha256 = vec![1, 2, 3].into();
    many.volume_id = "nope".into();
    let status = files
        .start_upload(authed(&token, pb::StartUploadRequest { spec: Some(many) }))
        .await
        .expect_err("bad");
    assert_eq!(
        bad_fields(&status),
        [
            "spec.volume_id",
            "spec.mime_type",
            "spec.declared_size",
            "spec.declared_sha256"
        ]
    );
    let chunk = content(2 * MIB + 1, 0);
    let status = files
        .upload(authed(
            &token,
            futures::stream::iter(vec![
                pb::UploadRequest {
                    message: Some(pb::upload_request::Message::Spec(spec(
                        &volume, "big.bin", &chunk,
                    ))),
                },
                pb::UploadRequest {
                    message: Some(pb::upload_request::Message::Chunk(chunk.clone().into())),
                },
            ]),
        ))
        .await
        .expect_err("a chunk over 2 MiB");
    assert_eq!(bad_fields(&status), ["chunk"]);
    assert_eq!(h.count("SELECT count(*) FROM vault.storage_files").await, 0);
}

#[tokio::test]
async fn a_live_path_is_taken_unless_overwritten_and_source_versioning_keeps_every_upload() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let (one, two) = (content(3000, 1), content(5000, 2));
    let first = upload(&mut files, &token, spec(&volume, "a.bin", &one), &one)
        .await
        .expect("first");
    let taken = upload(&mut files, &token, spec(&volume, "a.bin", &two), &two)
        .await
        .expect_err("taken");
    assert_eq!(taken.code(), Code::AlreadyExists);
    let mut over = spec(&volume, "a.bin", &two);
    over.overwrite = true;
    let second = upload(&mut files, &token, over, &two)
        .await
        .expect("overwrite");
    assert_eq!((second.id.as_str(), second.version), (first.id.as_str(), 2));
    let (_, now) = download(&mut files, Some(&token), &first.id, 0, 0)
        .await
        .expect("download");
    assert!(now == two);
    assert_eq!(h.get_volume(&volume.id).await.quota_used, two.len() as i64);

    let backend = h.local_backend().await;
    let versioned = h
        .volume(pb::Volume {
            name: "versioned".into(),
            backend_id: backend.id,
            versioning_mode: pb::VersioningMode::Source as i32,
            is_active: true,
            ..Default::default()
        })
        .await
        .expect("volume");
    let v1 = upload(&mut files, &token, spec(&versioned, "b.bin", &one), &one)
        .await
        .expect("v1");
    let v2 = upload(&mut files, &token, spec(&versioned, "b.bin", &two), &two)
        .await
        .expect("v2 without overwrite");
    assert_eq!((v2.id.as_str(), v2.version), (v1.id.as_str(), 2));
    assert_eq!(
        h.get_volume(&versioned.id).await.quota_used,
        (one.len() + two.len()) as i64,
        "kept versions count"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM vault.storage_file_versions")
            .await,
        1
    );
    // The earlier version is listed and downloadable by its number; others' are not.
    let listed = files
        .list_file_versions(authed(
            &token,
            pb::ListFileVersionsRequest {
                file_id: v1.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("versions")
        .into_inner();
    let numbers: Vec<_> = listed
        .versions
        .iter()
        .map(|v| (v.version, v.size))
        .collect();
    assert_eq!(numbers, [(1, one.len() as i64)]);
    assert_eq!(listed.versions[0].sha256.to_vec(), sha256(&one));
    let request = |version| pb::DownloadRequest {
        file_id: v1.id.clone(),
        version,
        ..Default::default()
    };
    let mut stream = files
        .download(authed(&token, request(1)))
        .await
        .expect("version 1")
        .into_inner();
    let mut back = Vec::new();
    while let Some(message) = stream.message().await.expect("chunk") {
        match message.message {
            Some(pb::download_response::Message::File(f)) => assert_eq!(f.version, 1),
            Some(pb::download_response::Message::Chunk(c)) => back.extend_from_slice(&c),
            None => {}
        }
    }
    assert!(back == one, "version 1's bytes");
    let missing = files
        .download(authed(&token, request(7)))
        .await
        .expect_err("no version 7");
    assert_eq!(missing.code(), Code::NotFound);
    let (_, bob) = h.user("bob").await;
    let hidden = files
        .list_file_versions(authed(
            &bob,
            pb::ListFileVersionsRequest {
                file_id: v1.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect_err("not bob's");
    assert_eq!(hidden.code(), Code::NotFound);
    files
        .delete_file(authed(
            &token,
            pb::DeleteFileRequest {
                file_id: v1.id.clone(),
            },
        ))
        .await
        .expect("delete");
    assert_eq!(
        h.get_volume(&versioned.id).await.quota_used,
        0,
        "deleting frees every version"
    );
}

#[tokio::test]
async fn uuid_and_hash_strategies_name_objects_by_id_and_by_content() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    let bytes = content(4000, 9);
    let hex: String = sha256(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    for strategy in [pb::PathStrategy::Uuid, pb::PathStrategy::Hash] {
        let backend = h.local_backend().await;
        let dir = match &backend.target {
            Some(pb::backend::Target::LocalPath(p)) => std::path::PathBuf::from(&p.path),
            _ => unreachable!(),
        };
        let volume = h
            .volume(pb::Volume {
                name: format!("{strategy:?}"),
                backend_id: backend.id,
                default_prefix: "tenant".into(),
                auto_path_strategy: strategy as i32,
                is_active: true,
                ..Default::default()
            })
            .await
            .expect("volume");
        let mut first = spec(&volume, "x/one.bin", &bytes);
        let mut second = spec(&volume, "y/two.bin", &bytes);
        if strategy == pb::PathStrategy::Hash {
            let missing = upload(&mut files, &token, first.clone(), &bytes)
                .await
                .expect_err("no declared hash");
            assert_eq!(bad_fields(&missing), ["spec.declared_sha256"]);
            first.declared_sha256 = sha256(&bytes).into();
            second.declared_sha256 = sha256(&bytes).into();
        }
        let a = upload(&mut files, &token, first, &bytes)
            .await
            .expect("first");
        let b = upload(&mut files, &token, second, &bytes)
            .await
            .expect("second");
        let expected = match strategy {
            pb::PathStrategy::Uuid => vec![format!("tenant/{}", a.id), format!("tenant/{}", b.id)],
            _ => vec![format!("tenant/{hex}")],
        };
        let mut expected = expected;
        expected.sort();
        assert_eq!(files_under(&dir), expected, "{strategy:?}");
        for file in [&a, &b] {
            let (_, back) = download(&mut files, Some(&token), &file.id, 0, 0)
                .await
                .expect("download");
            assert!(back == bytes);
        }
    }
}
