//! Every file RPC tried by someone else: another user and a service that did not store the
//! file get NOT_FOUND and change nothing; anonymous callers reach public downloads only.
//! (Operator-only and missing-credential refusals of every method are the testkit's access
//! test, which walks the descriptor set.)

use crate::harness;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tessera_testkit::suite::OPERATOR_TOKEN;
use tonic::Code;

#[tokio::test]
async fn others_get_not_found_on_every_file_rpc_and_change_nothing() {
    let h = Harness::start().await;
    let (_, alice) = h.user("alice").await;
    let (_, bob) = h.user("bob").await;
    let app = app_token("vault-storage");
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let bytes = content(1000, 4);
    let file = upload(
        &mut files,
        &alice,
        spec(&volume, "private.bin", &bytes),
        &bytes,
    )
    .await
    .expect("upload");
    let pending = files
        .start_upload(authed(
            &alice,
            pb::StartUploadRequest {
                spec: Some(spec(&volume, "pending.bin", &bytes)),
            },
        ))
        .await
        .expect("start")
        .into_inner()
        .upload
        .expect("upload");

    for (who, token) in [
        ("bob", bob.as_str()),
        ("an app that did not store it", app.as_str()),
    ] {
        let not_found = |status: tonic::Status, rpc: &str| {
            assert_eq!(status.code(), Code::NotFound, "{rpc} as {who}: {status:?}")
        };
        let id = || file.id.clone();
        not_found(
            files
                .get_file(authed(token, pb::GetFileRequest { file_id: id() }))
                .await
                .expect_err("get"),
            "GetFile",
        );
        not_found(
            download(&mut files, Some(token), &file.id, 0, 0)
                .await
                .expect_err("download"),
            "Download",
        );
        let change = pb::File {
            id: id(),
            is_public: true,
            ..Default::default()
        };
        let mask = Some(prost_types::FieldMask {
            paths: vec!["is_public".into()],
        });
        not_found(
            files
                .update_file(authed(
                    token,
                    pb::UpdateFileRequest {
                        file: Some(change),
                        update_mask: mask,
                    },
                ))
                .await
                .expect_err("update"),
            "UpdateFile",
        );
        not_found(
            files
                .delete_file(authed(token, pb::DeleteFileRequest { file_id: id() }))
                .await
                .expect_err("delete"),
            "DeleteFile",
        );
        not_found(
            files
                .undelete_file(authed(token, pb::UndeleteFileRequest { file_id: id() }))
                .await
                .expect_err("undelete"),
            "UndeleteFile",
        );
        not_found(
            files
                .query_upload_status(authed(
                    token,
                    pb::QueryUploadStatusRequest {
                        upload_id: pending.upload_id.clone(),
                    },
                ))
                .await
                .expect_err("status"),
            "QueryUploadStatus",
        );
        let resume = pb::upload_request::Message::Resume(pb::upload_request::Resume {
            upload_id: pending.upload_id.clone(),
            write_offset: 0,
        });
        not_found(
            upload_with(&mut files, token, resume, &bytes, Some(sha256(&bytes)))
                .await
                .expect_err("resume"),
            "Upload",
        );
        files
            .cancel_upload(authed(
                token,
                pb::CancelUploadRequest {
                    upload_id: pending.upload_id.clone(),
                },
            ))
            .await
            .expect("cancelling what one cannot see says nothing");
        let listed = files
            .list_files(authed(
                token,
                pb::ListFilesRequest {
                    volume_id: volume.id.clone(),
                    ..Default::default()
                },
            ))
            .await
            .expect("list")
            .into_inner();
        assert!(listed.files.is_empty(), "{who} lists nothing of alice's");
    }
    // Alice's file and upload are untouched.
    let still = files
        .get_file(authed(
            &alice,
            pb::GetFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .file
        .expect("file");
    assert!(!still.is_public && still.delete_time.is_none());
    let status = files
        .query_upload_status(authed(
            &alice,
            pb::QueryUploadStatusRequest {
                upload_id: pending.upload_id.clone(),
            },
        ))
        .await
        .expect("alice's upload is still there");
    assert_eq!(
        status.into_inner().upload.expect("upload").upload_id,
        pending.upload_id
    );

    // Anonymous: a private file asks for credentials, whether or not it exists.
    let anonymous = download(&mut files, None, &file.id, 0, 0)
        .await
        .expect_err("private");
    assert_eq!(anonymous.code(), Code::Unauthenticated);
    let unknown = download(&mut files, None, &uuid::Uuid::now_v7().to_string(), 0, 0)
        .await
        .expect_err("unknown");
    assert_eq!(unknown.code(), Code::Unauthenticated);
    let no_one = files
        .get_file(pb::GetFileRequest {
            file_id: file.id.clone(),
        })
        .await
        .expect_err("no credentials");
    assert_eq!(no_one.code(), Code::Unauthenticated);

    // An operator credential is not a caller of files.
    let operator = files
        .get_file(authed(
            OPERATOR_TOKEN,
            pb::GetFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect_err("operator");
    assert_eq!(operator.code(), Code::Unauthenticated);
}

#[tokio::test]
async fn apps_keep_their_own_files_and_files_they_store_for_users() {
    let h = Harness::start().await;
    let (alice, alice_token) = h.user("alice").await;
    let app = app_token("vault-storage");
    let volume = h.local_volume(None).await;
    let mut files = h.files().await;
    let bytes = content(500, 5);
    let mut own = spec(&volume, "cache/x.bin", &bytes);
    own.namespace = pb::Namespace::Apps as i32;
    let own = upload(&mut files, &app, own, &bytes)
        .await
        .expect("the app's file");
    assert_eq!(
        (own.app_id.as_str(), own.user_id.as_str()),
        ("vault-storage", "")
    );
    let mut for_alice = spec(&volume, "from-app.bin", &bytes);
    for_alice.namespace = pb::Namespace::Users as i32;
    for_alice.user_id = alice.clone();
    let stored = upload(&mut files, &app, for_alice, &bytes)
        .await
        .expect("stored for alice");
    assert_eq!(
        (stored.app_id.as_str(), stored.user_id.as_str()),
        ("vault-storage", alice.as_str())
    );

    // Alice sees what was stored for her, not the app's own files.
    files
        .get_file(authed(
            &alice_token,
            pb::GetFileRequest {
                file_id: stored.id.clone(),
            },
        ))
        .await
        .expect("hers");
    let hidden = files
        .get_file(authed(
            &alice_token,
            pb::GetFileRequest {
                file_id: own.id.clone(),
            },
        ))
        .await
        .expect_err("the app's");
    assert_eq!(hidden.code(), Code::NotFound);
    // Users cannot write to the apps namespace or on someone else's behalf.
    let mut sneaky = spec(&volume, "y", &bytes);
    sneaky.namespace = pb::Namespace::Apps as i32;
    let refused = upload(&mut files, &alice_token, sneaky, &bytes)
        .await
        .expect_err("apps namespace");
    assert_eq!(tessera_testkit::bad_fields(&refused), ["spec.namespace"]);
    let mut other = spec(&volume, "z", &bytes);
    other.user_id = uuid::Uuid::now_v7().to_string();
    let refused = upload(&mut files, &alice_token, other, &bytes)
        .await
        .expect_err("someone else");
    assert_eq!(tessera_testkit::bad_fields(&refused), ["spec.user_id"]);
}
