//! Forum media through the real vault-storage: round trip, integrity, the group quota under
//! concurrency, abandoned uploads, expiry with a moved clock, an unreachable vault-storage, and
//! who may touch what.

use crate::forum;

use std::time::Duration;

use bytes::Bytes;
use forum::{Forum, KIB, content, media_spec};
use tessera_proto::tessera::messaging::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;
use tonic_types::StatusExt;

async fn set_limits(f: &Forum, group: &pb::Group, max_bytes: i64, max_count: i64) {
    f.suite
        .db()
        .client()
        .await
        .batch_execute(&format!(
            "UPDATE messaging.group_quotas SET max_bytes = {max_bytes}, max_media_count = {max_count} \
             WHERE group_id = '{}'",
            group.id
        ))
        .await
        .expect("limits");
}

fn counts(g: &pb::Group) -> [String; 3] {
    [
        format!(
            "SELECT count(*) FROM messaging.media WHERE group_id = '{}'",
            g.id
        ),
        format!(
            "SELECT count(*) FROM messaging.media_uploads WHERE group_id = '{}'",
            g.id
        ),
        "SELECT count(*) FROM messaging.media_deletions".to_owned(),
    ]
}

#[tokio::test]
async fn media_go_up_come_back_whole_or_in_part_and_are_deleted_with_their_file() {
    // The cleanup job's interval is out of reach: only the queue's NOTIFY can wake it.
    let f = Forum::with_config(tessera_messaging::Config {
        cleanup_interval: Duration::from_secs(3600),
        ..forum::config()
    })
    .await;
    let alice = f.user("alice").await;
    let bob = f.user("bob").await;
    let group = f.group(&alice).await;
    f.join(&bob, &group).await.expect("join");
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let bytes = content(600 * KIB, 1);
    let media = f
        .upload(&alice, &thread, &bytes, None)
        .await
        .expect("upload");
    assert!(
        media.storage_url.starts_with("vault://files/"),
        "{}",
        media.storage_url
    );
    let expire =
        media.expire_time.expect("expiry").seconds - media.upload_time.expect("upload").seconds;
    assert_eq!(expire, 7 * 24 * 3600);
    assert_eq!(f.usage(&group).await, (bytes.len() as i64, 1));
    assert_eq!(
        f.stored_files().len(),
        1,
        "the bytes are a vault-storage file"
    );

    let (record, whole) = f.download(&bob, &media.id, 0, 0).await.expect("download");
    assert_eq!(whole, bytes);
    let first = record.download_time.expect("recorded");
    let (_, part) = f
        .download(&bob, &media.id, 1000, 5000)
        .await
        .expect("range");
    assert_eq!(part, bytes[1000..6000]);
    let listed = f
        .media()
        .await
        .list_media(authed(
            &bob.token,
            pb::ListMediaRequest {
                thread_id: thread.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .media;
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].download_time,
        Some(first),
        "the first download is the one kept"
    );

    let not_author = f
        .media()
        .await
        .delete_media(authed(
            &bob.token,
            pb::DeleteMediaRequest {
                media_id: media.id.clone(),
            },
        ))
        .await
        .expect_err("bob did not upload it");
    assert_eq!(not_author.code(), Code::PermissionDenied);
    f.media()
        .await
        .delete_media(authed(
            &alice.token,
            pb::DeleteMediaRequest {
                media_id: media.id.clone(),
            },
        ))
        .await
        .expect("deleted");
    assert_eq!(f.usage(&group).await, (0, 0));
    let [rows, _, queue] = counts(&group);
    assert_eq!(f.count(&rows).await, 0);
    f.eventually(&queue, 0).await;
    assert_eq!(f.live_files().await, 0, "vault-storage deleted the file");
}

#[tokio::test]
async fn a_wrong_hash_is_data_loss_and_changes_nothing() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let bytes = content(300 * KIB, 2);
    let err = f
        .upload(&alice, &thread, &bytes, Some(vec![0; 32]))
        .await
        .expect_err("wrong hash");
    assert_eq!(err.code(), Code::DataLoss, "{err:?}");
    let [rows, uploads, _] = counts(&group);
    assert_eq!((f.count(&rows).await, f.count(&uploads).await), (0, 0));
    assert_eq!(f.usage(&group).await, (0, 0));
    assert!(f.stored_files().is_empty());

    // Fewer bytes than declared: OUT_OF_RANGE, the reservation back at once.
    let mut short = vec![pb::UploadMediaRequest {
        message: Some(pb::upload_media_request::Message::Media(media_spec(
            &thread, &bytes, None,
        ))),
    }];
    short.push(pb::UploadMediaRequest {
        message: Some(pb::upload_media_request::Message::Chunk(
            Bytes::copy_from_slice(&bytes[..256 * KIB]),
        )),
    });
    let err = f
        .media()
        .await
        .upload_media(authed(&alice.token, futures::stream::iter(short)))
        .await
        .expect_err("short");
    assert_eq!(err.code(), Code::OutOfRange);
    assert_eq!(f.usage(&group).await, (0, 0));
    assert_eq!(f.count(&uploads).await, 0);
}

#[tokio::test]
async fn concurrent_uploads_never_exceed_the_byte_or_the_file_limit() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let size = 300 * KIB;
    for (max_bytes, max_count, fits) in [(3 * size as i64 + 10, 100, 3), (1 << 30, 2, 2)] {
        let group = f.group(&alice).await;
        let thread = f.thread(&alice, &group, 1).await.expect("thread");
        set_limits(&f, &group, max_bytes, max_count).await;
        let uploads = (0..10).map(|i| {
            let (f, alice, thread) = (&f, &alice, &thread);
            async move { f.upload(alice, thread, &content(size, i), None).await }
        });
        let results = futures::future::join_all(uploads).await;
        let ok = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(ok, fits, "{results:?}");
        for err in results.iter().filter_map(|r| r.as_ref().err()) {
            assert_eq!(err.code(), Code::ResourceExhausted, "{err:?}");
            assert!(err.get_details_quota_failure().is_some());
        }
        assert_eq!(f.usage(&group).await, ((fits * size) as i64, fits as i64));
        let [_, reservations, _] = counts(&group);
        assert_eq!(f.count(&reservations).await, 0);
    }
}

#[tokio::test]
async fn an_upload_cancelled_midway_is_released_by_the_cleanup_job_when_its_lease_ends() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let bytes = content(1024 * KIB, 3);
    let (tx, rx) = tokio::sync::mpsc::channel(4);
    tx.send(pb::UploadMediaRequest {
        message: Some(pb::upload_media_request::Message::Media(media_spec(
            &thread, &bytes, None,
        ))),
    })
    .await
    .expect("send");
    tx.send(pb::UploadMediaRequest {
        message: Some(pb::upload_media_request::Message::Chunk(
            Bytes::copy_from_slice(&bytes[..256 * KIB]),
        )),
    })
    .await
    .expect("send");
    let mut client = f.media().await;
    let call = tokio::spawn(async move {
        client
            .upload_media(authed(
                &alice.token,
                tokio_stream::wrappers::ReceiverStream::new(rx),
            ))
            .await
    });
    let [_, reservations, _] = counts(&group);
    f.eventually(&reservations, 1).await;
    assert_eq!(
        f.usage(&group).await,
        (bytes.len() as i64, 1),
        "reserved before any byte moved"
    );
    // The bytes flow on to vault-storage: its upload is held by messaging's stream.
    let writing = "SELECT count(*) FROM vault.storage_uploads WHERE writer_id IS NOT NULL";
    f.eventually(writing, 1).await;
    call.abort(); // the client goes away mid-upload
    drop(tx);
    // Messaging's handler is gone once its stream to vault-storage has let the upload go
    // (generous: a loaded machine takes its time); nothing released the reservation then: the
    // cleanup job must, once the lease ends.
    tessera_testkit::observe::eventually(
        "vault-storage's upload let go",
        Duration::from_secs(30),
        || async { f.count(writing).await == 0 },
    )
    .await;
    assert_eq!(f.count(&reservations).await, 1, "still reserved");
    f.clock.advance(chrono::Duration::minutes(11));
    f.eventually(&reservations, 0).await;
    assert_eq!(f.usage(&group).await, (0, 0));
    // The upload is cancelled in vault-storage too: once the handler or the cleanup job has
    // asked (after or before the release, whichever path noticed the abandoned stream).
    f.eventually("SELECT count(*) FROM vault.storage_uploads", 0)
        .await;
}

#[tokio::test]
async fn expired_media_are_media_expired_then_the_cleanup_job_removes_row_file_and_usage() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let media = f
        .upload(&alice, &thread, &content(300 * KIB, 4), None)
        .await
        .expect("upload");
    f.clock.advance(chrono::Duration::days(7));
    let err = f
        .download(&alice, &media.id, 0, 0)
        .await
        .expect_err("expired");
    assert_eq!(err.code(), Code::NotFound);
    assert_eq!(
        err.get_details_error_info().expect("info").reason,
        "MEDIA_EXPIRED"
    );
    let [rows, _, queue] = counts(&group);
    f.eventually(&rows, 0).await;
    f.eventually(&queue, 0).await;
    assert_eq!(f.usage(&group).await, (0, 0));
    assert_eq!(f.live_files().await, 0, "vault-storage deleted the file");
}

#[tokio::test]
async fn without_vault_storage_media_calls_are_unavailable_and_change_nothing() {
    let mut f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let media = f
        .upload(&alice, &thread, &content(300 * KIB, 5), None)
        .await
        .expect("upload");
    let before = f.usage(&group).await;
    f.suite.stop_member("vault-storage").await;
    let err = f
        .upload(&alice, &thread, &content(300 * KIB, 6), None)
        .await
        .expect_err("no vault");
    assert_eq!(err.code(), Code::Unavailable, "{err:?}");
    let err = f
        .download(&alice, &media.id, 0, 0)
        .await
        .expect_err("no vault");
    assert_eq!(err.code(), Code::Unavailable, "{err:?}");
    let [rows, uploads, _] = counts(&group);
    assert_eq!((f.count(&rows).await, f.count(&uploads).await), (1, 0));
    assert_eq!(f.usage(&group).await, before);
    assert_eq!(
        f.count("SELECT count(*) FROM messaging.media_downloads")
            .await,
        0
    );
}

#[tokio::test]
async fn non_members_reach_no_media_and_bad_descriptions_name_each_field() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let mallory = f.user("mallory").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let media = f
        .upload(&alice, &thread, &content(300 * KIB, 7), None)
        .await
        .expect("upload");
    let mut m = f.media().await;
    let errors = [
        f.upload(&mallory, &thread, &content(300 * KIB, 8), None)
            .await
            .err(),
        f.download(&mallory, &media.id, 0, 0).await.err(),
        m.list_media(authed(
            &mallory.token,
            pb::ListMediaRequest {
                thread_id: thread.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .err(),
        m.delete_media(authed(
            &mallory.token,
            pb::DeleteMediaRequest {
                media_id: media.id.clone(),
            },
        ))
        .await
        .err(),
        m.get_group_usage(authed(
            &mallory.token,
            pb::GetGroupUsageRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .err(),
    ];
    for (i, err) in errors.iter().enumerate() {
        let err = err
            .as_ref()
            .unwrap_or_else(|| panic!("call {i} succeeded for a non-member"));
        assert_eq!(err.code(), Code::NotFound, "call {i}: {err:?}");
    }
    let bad = pb::Media {
        thread_id: "nope".into(),
        encrypted_metadata: vec![],
        encryption_iv: vec![0; 25],
        size_bytes: 500_000_001,
        sha256: vec![1; 31],
        key_epoch: 0,
        ..Default::default()
    };
    let err = m
        .upload_media(authed(
            &alice.token,
            futures::stream::iter(vec![pb::UploadMediaRequest {
                message: Some(pb::upload_media_request::Message::Media(bad)),
            }]),
        ))
        .await
        .expect_err("bad");
    assert_eq!(err.code(), Code::InvalidArgument);
    let mut fields: Vec<String> = err
        .get_details_bad_request()
        .expect("violations")
        .field_violations
        .into_iter()
        .map(|v| v.field)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "media.encrypted_metadata",
            "media.encryption_iv",
            "media.key_epoch",
            "media.sha256",
            "media.size_bytes",
            "media.thread_id"
        ]
    );
    assert_eq!(f.usage(&group).await, (300 * KIB as i64, 1));
    let usage = m
        .get_group_usage(authed(
            &alice.token,
            pb::GetGroupUsageRequest {
                group_id: group.id.clone(),
            },
        ))
        .await
        .expect("usage")
        .into_inner();
    assert_eq!(
        (usage.total_bytes, usage.media_count, usage.near_limit),
        (300 * KIB as i64, 1, false)
    );
}

#[tokio::test]
async fn a_deletion_vault_storage_cannot_take_yet_is_retried_until_it_confirms() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    let media = f
        .upload(&alice, &thread, &content(300 * KIB, 9), None)
        .await
        .expect("upload");
    f.vault_link.cut();
    f.media()
        .await
        .delete_media(authed(
            &alice.token,
            pb::DeleteMediaRequest {
                media_id: media.id.clone(),
            },
        ))
        .await
        .expect("deleting needs only messaging");
    assert_eq!(f.usage(&group).await, (0, 0));
    // The job tried and failed: the file stays queued, with the error, and stays in vault-storage.
    f.eventually(
        "SELECT count(*) FROM messaging.media_deletions WHERE attempts >= 1 AND last_error IS NOT NULL",
        1,
    )
    .await;
    assert_eq!(f.live_files().await, 1);
    f.vault_link.restore().await;
    f.eventually("SELECT count(*) FROM messaging.media_deletions", 0)
        .await;
    assert_eq!(
        f.live_files().await,
        0,
        "deleted once vault-storage could be reached"
    );
}

#[tokio::test]
async fn an_overflowing_declaration_is_refused_before_anything_is_reserved() {
    let f = Forum::start().await;
    let alice = f.user("alice").await;
    let group = f.group(&alice).await;
    let thread = f.thread(&alice, &group, 1).await.expect("thread");
    // Even under a limit that would hold it, a size past the largest file is refused.
    set_limits(&f, &group, i64::MAX, 100).await;
    for declared in [i64::MAX, i64::MAX - 1, 500_000_001] {
        let mut spec = media_spec(&thread, b"x", None);
        spec.size_bytes = declared;
        let err = f
            .media()
            .await
            .upload_media(authed(
                &alice.token,
                futures::stream::iter([pb::UploadMediaRequest {
                    message: Some(pb::upload_media_request::Message::Media(spec)),
                }]),
            ))
            .await
            .expect_err("an overflowing size");
        assert_eq!(err.code(), Code::InvalidArgument, "{declared}: {err:?}");
        assert_eq!(tessera_testkit::bad_fields(&err), ["media.size_bytes"]);
    }
    let [_, uploads, _] = counts(&group);
    assert_eq!(f.count(&uploads).await, 0, "no reservation");
    assert_eq!(f.usage(&group).await, (0, 0));
    // The group still takes a real upload.
    f.upload(&alice, &thread, &content(300 * KIB, 4), None)
        .await
        .expect("a real upload");
}
