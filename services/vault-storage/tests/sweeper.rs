//! The sweep, run as of a later time: unfinished uploads end after 7 days, freeing bytes and
//! quota; soft-deleted files are purged after the retention, and an object goes only with its
//! last reference.

use crate::harness;

use chrono::{Duration, Utc};
use harness::*;
use tessera_kit::Db;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tessera_vault_storage::state::Storage;
use tessera_vault_storage::sweeper::{Swept, sweep};
use tonic::Code;

fn storage(h: &Harness) -> Storage {
    Storage {
        db: Db::new(&h.suite.db().service_settings("vault")).expect("pool"),
        ring: None, // local volumes have no secrets
        config: h.config.clone(),
    }
}

fn local_dir(backend: &pb::Backend) -> std::path::PathBuf {
    match &backend.target {
        Some(pb::backend::Target::LocalPath(p)) => p.path.clone().into(),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn unfinished_uploads_end_after_seven_days_and_free_their_bytes() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let backend = h.local_backend().await;
    let dir = local_dir(&backend);
    let volume = h
        .volume(pb::Volume {
            name: "v".into(),
            backend_id: backend.id,
            is_active: true,
            ..Default::default()
        })
        .await
        .expect("volume");
    let bytes = content(3 * MIB, 1);
    let mut files = h.files().await;
    let open = upload_with(
        &mut files,
        &token,
        pb::upload_request::Message::Spec(spec(&volume, "a.bin", &bytes)),
        &bytes[..2 * MIB],
        None,
    )
    .await
    .expect("a stream closed without finish")
    .upload
    .expect("upload");
    assert_eq!(open.persisted_size, 2 * MIB as i64);
    assert!(!files_under(&dir).is_empty(), "bytes are staged");
    assert_eq!(
        h.get_volume(&volume.id).await.quota_reserved,
        bytes.len() as i64
    );

    let storage = storage(&h);
    assert_eq!(
        sweep(&storage, Utc::now() + Duration::days(6))
            .await
            .expect("sweep"),
        Swept::default()
    );
    let swept = sweep(
        &storage,
        Utc::now() + Duration::days(7) + Duration::minutes(1),
    )
    .await
    .expect("sweep");
    assert_eq!(swept.expired_uploads, 1);
    assert!(files_under(&dir).is_empty(), "staged bytes removed");
    assert_eq!(h.get_volume(&volume.id).await.quota_reserved, 0);
    let gone = files
        .query_upload_status(authed(
            &token,
            pb::QueryUploadStatusRequest {
                upload_id: open.upload_id,
            },
        ))
        .await
        .expect_err("expired");
    assert_eq!(gone.code(), Code::NotFound);
}

#[tokio::test]
async fn deleted_files_are_purged_after_the_retention_and_shared_objects_with_their_last_record() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    let bytes = content(5000, 2);
    let backend = h.local_backend().await;
    let dir = local_dir(&backend);
    let volume = h
        .volume(pb::Volume {
            name: "hash".into(),
            backend_id: backend.id,
            auto_path_strategy: pb::PathStrategy::Hash as i32,
            is_active: true,
            ..Default::default()
        })
        .await
        .expect("volume");
    let mut ids = Vec::new();
    for path in ["one.bin", "two.bin"] {
        let mut s = spec(&volume, path, &bytes);
        s.declared_sha256 = sha256(&bytes).into();
        ids.push(
            upload(&mut files, &token, s, &bytes)
                .await
                .expect("upload")
                .id,
        );
    }
    assert_eq!(files_under(&dir).len(), 1, "one shared object");
    let delete = |id: &str| pb::DeleteFileRequest { file_id: id.into() };
    files
        .delete_file(authed(&token, delete(&ids[0])))
        .await
        .expect("delete");

    let storage = storage(&h);
    let later = Utc::now() + Duration::days(30) + Duration::minutes(1);
    assert_eq!(
        sweep(&storage, Utc::now() + Duration::days(29))
            .await
            .expect("sweep")
            .purged_files,
        0
    );
    assert_eq!(sweep(&storage, later).await.expect("sweep").purged_files, 1);
    assert_eq!(
        files_under(&dir).len(),
        1,
        "the other file still needs the object"
    );
    let purged = files
        .undelete_file(authed(
            &token,
            pb::UndeleteFileRequest {
                file_id: ids[0].clone(),
            },
        ))
        .await
        .expect_err("purged");
    assert_eq!(purged.code(), Code::NotFound);
    let (_, back) = download(&mut files, Some(&token), &ids[1], 0, 0)
        .await
        .expect("download");
    assert!(back == bytes);

    files
        .delete_file(authed(&token, delete(&ids[1])))
        .await
        .expect("delete");
    assert_eq!(sweep(&storage, later).await.expect("sweep").purged_files, 1);
    assert!(
        files_under(&dir).is_empty(),
        "the last reference took the object"
    );
    assert_eq!(h.count("SELECT count(*) FROM vault.storage_files").await, 0);
}
