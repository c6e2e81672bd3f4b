//! No salt, wrapped key, metadata, chunk or blob byte reaches a log, on success or failure,
//! in any spelling (text, hex, base64).

use crate::harness;

use base64::Engine;
use harness::vault::*;
use harness::*;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;

fn spellings(marker: &[u8]) -> Vec<String> {
    vec![
        String::from_utf8_lossy(marker).into_owned(),
        marker.iter().map(|b| format!("{b:02x}")).collect(),
        base64::engine::general_purpose::STANDARD.encode(marker),
        format!("{marker:?}"),
    ]
}

#[tokio::test]
async fn vault_and_blob_bytes_never_reach_the_logs() {
    let capture =
        tessera_testkit::logs::LogCapture::install("debug,h2=off,hyper=off,tower=off,opendal=info");
    let h = Harness::start().await;
    vault_volume(&h).await;
    blob_volume(&h).await;
    let (_, alice) = h.user("alice").await;
    let mut vault = h.vault().await;
    let markers: [&[u8]; 6] = [
        b"SALT-MARKER-0123",
        b"MASTER-KEY-MARKER",
        b"METADATA-MARKER",
        b"FOLDER-KEY-MARKER",
        b"CHUNK-BYTES-MARKER",
        b"BLOB-BYTES-MARKER",
    ];
    vault
        .init_vault(authed(
            &alice,
            pb::InitVaultRequest {
                salt: markers[0].to_vec().into(),
                encrypted_master_key: markers[1].to_vec().into(),
                metadata_blob: markers[2].to_vec().into(),
            },
        ))
        .await
        .expect("init");
    let stale = vault
        .save_metadata(authed(
            &alice,
            pb::SaveMetadataRequest {
                metadata_blob: markers[2].to_vec().into(),
                expected_version: 7,
            },
        ))
        .await;
    assert!(stale.is_err());
    for _ in 0..2 {
        // The second time is refused (a key in use): the error path too.
        let _ = vault
            .create_folder(authed(
                &alice,
                pb::CreateFolderRequest {
                    parent_id: String::new(),
                    encrypted_key: markers[3].to_vec().into(),
                },
            ))
            .await;
    }
    let file = create(&mut vault, &alice, "", 9, markers[4].len(), 1)
        .await
        .expect("file");
    let corrupt = put_chunk(&mut vault, &alice, &file.id, 0, markers[4], vec![0; 32]).await;
    assert!(corrupt.is_err());
    put_chunk(
        &mut vault,
        &alice,
        &file.id,
        0,
        markers[4],
        sha256(markers[4]),
    )
    .await
    .expect("chunk");
    let mut blobs = h.blobs().await;
    let sha: String = sha256(markers[5])
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    for size in [markers[5].len() as i64, 1] {
        blobs
            .batch_update_blobs(authed(
                &alice,
                pb::BatchUpdateBlobsRequest {
                    user_id: String::new(),
                    items: vec![pb::batch_update_blobs_request::Item {
                        digest: Some(pb::Digest {
                            sha256: sha.clone(),
                            size_bytes: size,
                        }),
                        data: markers[5].to_vec().into(),
                    }],
                },
            ))
            .await
            .expect("batch");
    }

    let logs = capture.text();
    assert!(!logs.is_empty(), "the capture sees the service's logs");
    for marker in markers {
        for spelling in spellings(marker) {
            let at = logs.find(&spelling);
            assert!(
                at.is_none(),
                "{spelling} is in the logs: {}",
                at.map(|i| &logs[i.saturating_sub(600)..(i + 200).min(logs.len())])
                    .unwrap_or_default()
            );
        }
    }
}
