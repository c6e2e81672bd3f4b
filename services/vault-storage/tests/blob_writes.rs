//! WriteBlob: large blobs streamed in parts, resumed where the last stream stopped, checked
//! against their SHA-256 before anything is kept, one stream at a time.

use crate::harness;

use harness::vault::blob_volume;
use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::Code;

fn digest(bytes: &[u8]) -> pb::Digest {
    pb::Digest {
        sha256: sha256(bytes).iter().map(|b| format!("{b:02x}")).collect(),
        size_bytes: bytes.len() as i64,
    }
}

fn messages(d: &pb::Digest, offset: usize, bytes: &[u8]) -> Vec<pb::WriteBlobRequest> {
    use pb::write_blob_request::Message;
    let mut out = vec![pb::WriteBlobRequest {
        message: Some(Message::Start(pb::WriteBlobStart {
            user_id: String::new(),
            digest: Some(d.clone()),
            offset: offset as i64,
        })),
    }];
    for piece in bytes.chunks(256 * KIB) {
        out.push(pb::WriteBlobRequest {
            message: Some(Message::Data(piece.to_vec().into())),
        });
    }
    out
}

async fn status(h: &Harness, token: &str, d: &pb::Digest) -> (i64, bool) {
    let s = h
        .blobs()
        .await
        .query_write_status(authed(
            token,
            pb::QueryWriteStatusRequest {
                user_id: String::new(),
                digest: Some(d.clone()),
            },
        ))
        .await
        .expect("status")
        .into_inner();
    (s.committed_size, s.complete)
}

#[tokio::test]
async fn a_large_blob_resumes_where_the_last_stream_stopped_and_commits_once_checked() {
    let h = Harness::start().await;
    let (_, dir) = blob_volume(&h).await;
    let (alice_id, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let bytes = content(3 * MIB + MIB / 2, 4);
    let d = digest(&bytes);
    let first = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&d, 0, &bytes[..5 * MIB / 2])),
        ))
        .await
        .expect("first stream")
        .into_inner();
    assert_eq!(
        (first.committed_size, first.complete),
        (5 * MIB as i64 / 2, false)
    );
    assert_eq!(status(&h, &alice, &d).await, (5 * MIB as i64 / 2, false));
    let reserved = h
        .count(&format!(
            "SELECT quota_reserved FROM vault.user_quotas WHERE user_id = '{alice_id}'"
        ))
        .await;
    assert_eq!(
        reserved,
        bytes.len() as i64,
        "the whole size is reserved while it is written"
    );

    let wrong = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&d, 0, &bytes)),
        ))
        .await
        .expect_err("offset 0 again");
    assert_eq!(wrong.code(), Code::OutOfRange);
    let done = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&d, 5 * MIB / 2, &bytes[5 * MIB / 2..])),
        ))
        .await
        .expect("resumed")
        .into_inner();
    assert!(done.complete);
    assert_eq!(status(&h, &alice, &d).await, (bytes.len() as i64, true));
    let mut read = blobs
        .read_blob(authed(
            &alice,
            pb::ReadBlobRequest {
                digest: Some(d.clone()),
                ..Default::default()
            },
        ))
        .await
        .expect("read")
        .into_inner();
    let mut got = Vec::new();
    while let Some(m) = futures::StreamExt::next(&mut read).await {
        got.extend_from_slice(&m.expect("data").data);
    }
    assert!(got == bytes, "the blob reads back whole");
    assert_eq!(
        files_under(&dir).len(),
        1,
        "no staging left: {:?}",
        files_under(&dir)
    );
    let (used, reserved) = (
        h.count(&format!(
            "SELECT quota_used FROM vault.user_quotas WHERE user_id = '{alice_id}'"
        ))
        .await,
        h.count(&format!(
            "SELECT quota_reserved FROM vault.user_quotas WHERE user_id = '{alice_id}'"
        ))
        .await,
    );
    assert_eq!((used, reserved), (bytes.len() as i64, 0));
}

#[tokio::test]
async fn a_blob_whose_bytes_do_not_match_is_data_loss_and_nothing_is_kept() {
    let h = Harness::start().await;
    let (_, dir) = blob_volume(&h).await;
    let (alice_id, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let bytes = content(2 * MIB + 7, 5);
    let other = digest(&content(2 * MIB + 7, 6));
    let refused = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&other, 0, &bytes)),
        ))
        .await
        .expect_err("wrong bytes");
    assert_eq!(refused.code(), Code::DataLoss);
    assert_eq!(status(&h, &alice, &other).await, (0, false));
    assert!(files_under(&dir).is_empty(), "{:?}", files_under(&dir));
    assert_eq!(
        h.count(&format!(
            "SELECT coalesce(sum(quota_used + quota_reserved), 0)::bigint FROM vault.user_quotas WHERE user_id = '{alice_id}'"
        ))
        .await,
        0
    );
}

#[tokio::test]
async fn one_stream_writes_a_blob_at_a_time() {
    let h = Harness::start().await;
    blob_volume(&h).await;
    let (_, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let bytes = content(2 * MIB, 7);
    let d = digest(&bytes);
    let (tx, rx) = mpsc::channel(8);
    for m in messages(&d, 0, &bytes[..MIB]) {
        tx.send(m).await.expect("send");
    }
    let first = {
        let mut blobs = blobs.clone();
        let alice = alice.clone();
        tokio::spawn(async move {
            blobs
                .write_blob(authed(&alice, ReceiverStream::new(rx)))
                .await
        })
    };
    // The first stream holds the write once its first part (1 MiB here) is recorded.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while status(&h, &alice, &d).await.0 < MIB as i64 {
        assert!(
            std::time::Instant::now() < deadline,
            "the first part was not recorded"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let refused = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&d, MIB, &bytes[MIB..])),
        ))
        .await
        .expect_err("a second stream while the first is open");
    assert_eq!(refused.code(), Code::Aborted);
    drop(tx);
    let first = first
        .await
        .expect("task")
        .expect("first stream")
        .into_inner();
    assert_eq!((first.committed_size, first.complete), (MIB as i64, false));
    // Now the write is free: the rest goes in and the blob is complete.
    let done = blobs
        .write_blob(authed(
            &alice,
            futures::stream::iter(messages(&d, MIB, &bytes[MIB..])),
        ))
        .await
        .expect("the rest")
        .into_inner();
    assert!(done.complete);
}
