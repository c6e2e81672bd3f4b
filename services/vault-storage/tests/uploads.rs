//! Uploads under pressure: many at once against a quota, a stream killed halfway and resumed
//! after a restart, two streams on one upload.

use crate::harness;

use std::time::Duration;

use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tessera_testkit::suite::OPERATOR_TOKEN;
use tonic::Code;
use tonic_types::StatusExt;

#[tokio::test]
async fn twenty_concurrent_uploads_against_room_for_seven_commit_exactly_seven() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let size = 300 * KIB;
    let volume = h.local_volume(Some((7 * size + size / 2) as i64)).await;
    let mut uploads = Vec::new();
    for i in 0..20u8 {
        let (token, volume, channel) = (token.clone(), volume.clone(), h.files().await);
        uploads.push(tokio::spawn(async move {
            let mut files = channel;
            let bytes = content(size, i);
            upload(
                &mut files,
                &token,
                spec(&volume, &format!("f{i}.bin"), &bytes),
                &bytes,
            )
            .await
        }));
    }
    let mut committed = Vec::new();
    for task in uploads {
        match task.await.expect("task") {
            Ok(file) => committed.push(file),
            Err(status) => {
                assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
                let failure = status.get_details_quota_failure().expect("QuotaFailure");
                assert_eq!(failure.violations[0].subject, "volume");
            }
        }
    }
    assert_eq!(committed.len(), 7);
    let v = h.get_volume(&volume.id).await;
    assert_eq!((v.quota_used, v.quota_reserved), ((7 * size) as i64, 0));
    assert_eq!(h.count("SELECT count(*) FROM vault.storage_files").await, 7);

    // The operator lowers the limit below the usage: uploads stop, deletes still free space.
    let mut lowered = v.clone();
    lowered.quota_limit = Some(0);
    h.admin()
        .await
        .update_volume(authed(
            OPERATOR_TOKEN,
            pb::UpdateVolumeRequest {
                volume: Some(lowered),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["quota_limit".into()],
                }),
            },
        ))
        .await
        .expect("lower the limit");
    let mut files = h.files().await;
    let refused = upload(&mut files, &token, spec(&volume, "more.bin", b"x"), b"x")
        .await
        .expect_err("over the limit");
    assert_eq!(refused.code(), Code::ResourceExhausted);
    for file in &committed[..3] {
        files
            .delete_file(authed(
                &token,
                pb::DeleteFileRequest {
                    file_id: file.id.clone(),
                },
            ))
            .await
            .expect("deletes always succeed");
    }
    assert_eq!(h.get_volume(&volume.id).await.quota_used, (4 * size) as i64);
}

#[tokio::test]
async fn a_user_quota_refuses_what_the_volume_would_take() {
    let h = Harness::start().await;
    let (alice, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let quota = h
        .admin()
        .await
        .set_quota(authed(
            OPERATOR_TOKEN,
            pb::SetQuotaRequest {
                quota: Some(pb::Quota {
                    volume_id: volume.id.clone(),
                    subject: Some(pb::quota::Subject::UserId(alice.clone())),
                    quota_limit: Some(1000),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("set quota")
        .into_inner()
        .quota
        .expect("quota");
    assert_eq!(quota.quota_limit, Some(1000));
    let mut files = h.files().await;
    let bytes = content(600, 1);
    upload(&mut files, &token, spec(&volume, "a", &bytes), &bytes)
        .await
        .expect("fits");
    let status = upload(&mut files, &token, spec(&volume, "b", &bytes), &bytes)
        .await
        .expect_err("over the user's quota");
    let failure = status.get_details_quota_failure().expect("QuotaFailure");
    assert_eq!(failure.violations[0].subject, "user");
    assert_eq!(h.get_volume(&volume.id).await.quota_reserved, 0);
}

/// Streams `first` then `bytes` in 256 KiB chunks and leaves the stream open; returns the
/// call, to be aborted.
fn open_stream(
    mut files: tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient<
        tonic::transport::Channel,
    >,
    token: String,
    first: pb::upload_request::Message,
    bytes: Vec<u8>,
) -> tokio::task::JoinHandle<Result<tonic::Response<pb::UploadResponse>, tonic::Status>> {
    let mut messages = messages(first, &bytes, None);
    let stream = async_stream(std::mem::take(&mut messages));
    tokio::spawn(async move { files.upload(authed(&token, stream)).await })
}

/// The messages, then nothing: the stream stays open until the call is dropped.
fn async_stream(
    messages: Vec<pb::UploadRequest>,
) -> impl futures::Stream<Item = pb::UploadRequest> + Send + 'static {
    use futures::StreamExt;
    futures::stream::iter(messages).chain(futures::stream::pending())
}

async fn status(h: &Harness, token: &str, id: &str) -> Result<pb::Upload, tonic::Status> {
    Ok(h.files()
        .await
        .query_upload_status(authed(
            token,
            pb::QueryUploadStatusRequest {
                upload_id: id.into(),
            },
        ))
        .await?
        .into_inner()
        .upload
        .expect("upload"))
}

#[tokio::test]
async fn a_killed_stream_resumes_from_what_was_persisted_even_after_a_restart() {
    let mut h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let bytes = content(5 * MIB + 1234, 7);
    let mut files = h.files().await;
    let started = files
        .start_upload(authed(
            &token,
            pb::StartUploadRequest {
                spec: Some(spec(&volume, "big.bin", &bytes)),
            },
        ))
        .await
        .expect("start")
        .into_inner()
        .upload
        .expect("upload");
    assert_eq!(
        (started.persisted_size, started.declared_size),
        (0, bytes.len() as i64)
    );
    let id = started.upload_id.clone();
    let resume = |offset: usize| {
        pb::upload_request::Message::Resume(pb::upload_request::Resume {
            upload_id: id.clone(),
            write_offset: offset as i64,
        })
    };

    // 3.5 MiB go out; the stream is killed once 3 parts (1 MiB each) are persisted.
    let call = open_stream(
        h.files().await,
        token.clone(),
        resume(0),
        bytes[..7 * MIB / 2].to_vec(),
    );
    let mut persisted = 0;
    for _ in 0..200 {
        persisted = status(&h, &token, &id)
            .await
            .expect("status")
            .persisted_size;
        if persisted >= 3 * MIB as i64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(persisted, 3 * MIB as i64);
    call.abort();
    let _ = call.await;

    h.restart().await;
    let after = status(&h, &token, &id)
        .await
        .expect("status after a restart");
    assert_eq!(
        after.persisted_size,
        3 * MIB as i64,
        "persisted bytes survive"
    );

    // Resume from below the persisted size: the overlap is skipped. The lease of the killed
    // stream is given back as its handler ends; a client retries ABORTED.
    let mut files = h.files().await;
    let sha = sha256(&bytes);
    let mut outcome = None;
    for _ in 0..50 {
        match upload_with(
            &mut files,
            &token,
            resume(2 * MIB),
            &bytes[2 * MIB..],
            Some(sha.clone()),
        )
        .await
        {
            Err(status) if status.code() == Code::Aborted => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            other => {
                outcome = Some(other);
                break;
            }
        }
    }
    let file = outcome
        .expect("resumed")
        .expect("committed")
        .file
        .expect("file");
    assert_eq!(file.sha256.to_vec(), sha);
    let (_, back) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(back == bytes);
    assert_eq!(
        h.count("SELECT count(*) FROM vault.storage_uploads").await,
        0
    );
    let gone = status(&h, &token, &id)
        .await
        .expect_err("committed uploads are gone");
    assert_eq!(gone.code(), Code::NotFound);
    let past = upload_with(&mut files, &token, resume(0), b"x", None)
        .await
        .expect_err("no such upload");
    assert_eq!(past.code(), Code::NotFound);
}

#[tokio::test]
async fn one_stream_at_a_time_writes_an_upload_and_offsets_past_the_persisted_size_are_refused() {
    let h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let bytes = content(2 * MIB, 3);
    let mut files = h.files().await;
    let id = files
        .start_upload(authed(
            &token,
            pb::StartUploadRequest {
                spec: Some(spec(&volume, "a.bin", &bytes)),
            },
        ))
        .await
        .expect("start")
        .into_inner()
        .upload
        .expect("upload")
        .upload_id;
    let resume = |offset: i64| {
        pb::upload_request::Message::Resume(pb::upload_request::Resume {
            upload_id: id.clone(),
            write_offset: offset,
        })
    };
    let holder = open_stream(
        h.files().await,
        token.clone(),
        resume(0),
        bytes[..MIB / 2].to_vec(),
    );
    let held = "SELECT count(*) FROM vault.storage_uploads WHERE writer_id IS NOT NULL";
    for _ in 0..200 {
        if h.count(held).await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let second = upload_with(&mut files, &token, resume(0), &bytes[..10], None).await;
    assert_eq!(second.expect_err("taken").code(), Code::Aborted);
    holder.abort();
    let _ = holder.await;

    let mut beyond = Err(tonic::Status::unknown("not tried"));
    for _ in 0..50 {
        beyond = upload_with(&mut files, &token, resume(1), &bytes[1..10], None).await;
        if !matches!(&beyond, Err(s) if s.code() == Code::Aborted) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        beyond.expect_err("past the persisted size").code(),
        Code::OutOfRange
    );

    // Cancelling frees the reservation and the path.
    files
        .cancel_upload(authed(
            &token,
            pb::CancelUploadRequest {
                upload_id: id.clone(),
            },
        ))
        .await
        .expect("cancel");
    files
        .cancel_upload(authed(
            &token,
            pb::CancelUploadRequest {
                upload_id: id.clone(),
            },
        ))
        .await
        .expect("again");
    assert_eq!(h.get_volume(&volume.id).await.quota_reserved, 0);
    upload(&mut files, &token, spec(&volume, "a.bin", &bytes), &bytes)
        .await
        .expect("the path is free");
}
