//! WriteManifest: a manifest above one message's limit, streamed, checked against its digest
//! and stored as PutManifest stores one; a wrong length or hash keeps nothing.

use crate::harness;

use harness::vault::blob_volume;
use harness::*;
use tessera_manifest::{Entry, Kind, Manifest};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;

fn digest(bytes: &[u8]) -> pb::Digest {
    pb::Digest {
        sha256: sha256(bytes).iter().map(|b| format!("{b:02x}")).collect(),
        size_bytes: bytes.len() as i64,
    }
}

fn messages(d: &pb::Digest, bytes: &[u8]) -> Vec<pb::WriteManifestRequest> {
    use pb::write_manifest_request::Message;
    let mut out = vec![pb::WriteManifestRequest {
        message: Some(Message::Start(pb::WriteManifestStart {
            user_id: String::new(),
            digest: Some(d.clone()),
        })),
    }];
    for piece in bytes.chunks(MIB) {
        out.push(pb::WriteManifestRequest {
            message: Some(Message::Data(piece.to_vec().into())),
        });
    }
    out
}

/// A manifest of `n` empty files (the empty blob always exists): about 130 bytes an entry.
fn empty_files(n: usize) -> Vec<u8> {
    let empty = tessera_manifest::sha256(b"");
    let mut entries: Vec<Entry> = (0..n)
        .map(|i| Entry {
            path: format!("src/module_{i:06}/file.rs"),
            kind: Kind::File,
            sha256: empty,
            size: 0,
        })
        .collect();
    entries.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    Manifest::from_entries(entries)
        .expect("valid")
        .to_canonical()
}

#[tokio::test]
async fn a_manifest_above_the_message_limit_streams_in_and_a_bad_stream_keeps_nothing() {
    let h = Harness::start().await;
    blob_volume(&h).await;
    let (_, alice) = h.user("alice").await;
    let mut blobs = h.blobs().await;
    let bytes = empty_files(50_000);
    assert!(bytes.len() > 5 * MIB, "{} bytes", bytes.len());
    let d = digest(&bytes);

    let mut wrong = bytes.clone();
    let last = wrong.len() - 20;
    wrong[last] = b'9';
    let refused = blobs
        .write_manifest(authed(&alice, futures::stream::iter(messages(&d, &wrong))))
        .await
        .expect_err("another hash");
    assert_eq!(refused.code(), Code::DataLoss);
    let short = blobs
        .write_manifest(authed(
            &alice,
            futures::stream::iter(messages(&d, &bytes[..bytes.len() - 1])),
        ))
        .await
        .expect_err("short");
    assert_eq!(short.code(), Code::OutOfRange);
    assert_eq!(h.count("SELECT count(*) FROM vault.manifests").await, 0);

    let stored = blobs
        .write_manifest(authed(&alice, futures::stream::iter(messages(&d, &bytes))))
        .await
        .expect("write")
        .into_inner()
        .digest;
    assert_eq!(stored, Some(d.clone()));
    let missing = blobs
        .find_missing_manifests(authed(
            &alice,
            pb::FindMissingManifestsRequest {
                user_id: String::new(),
                digests: vec![d.clone()],
            },
        ))
        .await
        .expect("find")
        .into_inner()
        .missing;
    assert!(missing.is_empty());
    // PutManifest still takes one message only, and says where larger ones go.
    let too_big = blobs
        .put_manifest(authed(
            &alice,
            pb::PutManifestRequest {
                user_id: String::new(),
                manifest: empty_files(40_000).into(),
            },
        ))
        .await
        .expect_err("too big for one message");
    assert!(
        matches!(
            too_big.code(),
            Code::InvalidArgument | Code::OutOfRange | Code::ResourceExhausted
        ),
        "{too_big:?}"
    );
}
