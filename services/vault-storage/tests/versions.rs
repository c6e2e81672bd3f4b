//! `target` versioning: the backend keeps the versions (S3 bucket versioning on the real moto
//! server). Activation checks the bucket really does; each upload to a path is a version,
//! listed and downloaded by number, and purged by its backend version id.

use crate::harness;
use crate::servers;

use harness::*;
use servers::setting;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;
use tonic_types::StatusExt;

fn s3_backend(bucket: &str) -> pb::CreateBackendRequest {
    pb::CreateBackendRequest {
        backend: Some(pb::Backend {
            target: Some(pb::backend::Target::S3Bucket(pb::S3Bucket {
                endpoint_url: setting("TESSERA_TEST_S3_ENDPOINT"),
                bucket_name: bucket.into(),
                region: "us-east-1".into(),
                use_ssl: false,
            })),
            ..Default::default()
        }),
        s3_credential: Some(pb::S3Credential {
            access_key: setting("TESSERA_TEST_S3_ACCESS_KEY"),
            secret_key: setting("TESSERA_TEST_S3_SECRET_KEY"),
        }),
        ..Default::default()
    }
}

fn target(name: &str, backend: &pb::Backend) -> pb::Volume {
    pb::Volume {
        name: name.into(),
        backend_id: backend.id.clone(),
        default_prefix: format!("test-{}", uuid::Uuid::now_v7().simple()),
        versioning_mode: pb::VersioningMode::Target as i32,
        is_active: true,
        ..Default::default()
    }
}

async fn read(
    files: &mut tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient<
        tonic::transport::Channel,
    >,
    token: &str,
    id: &str,
    version: i64,
) -> Result<Vec<u8>, tonic::Status> {
    let request = pb::DownloadRequest {
        file_id: id.into(),
        version,
        ..Default::default()
    };
    let mut stream = files.download(authed(token, request)).await?.into_inner();
    let mut out = Vec::new();
    while let Some(message) = stream.message().await? {
        if let Some(pb::download_response::Message::Chunk(chunk)) = message.message {
            out.extend_from_slice(&chunk);
        }
    }
    Ok(out)
}

#[tokio::test]
async fn a_versioned_bucket_keeps_every_upload_and_an_unversioned_one_is_refused() {
    let h = Harness::start().await;
    let plain = h.backend(s3_backend("tessera")).await.expect("backend");
    let refused = h
        .volume(target("unversioned", &plain))
        .await
        .expect_err("no bucket versioning");
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    let failure = refused.get_details_precondition_failure().expect("details");
    assert_eq!(failure.violations[0].subject, "versioning_mode");
    let local = h.local_backend().await;
    let refused = h
        .volume(target("local", &local))
        .await
        .expect_err("local keeps no versions");
    assert_eq!(refused.code(), Code::FailedPrecondition);

    let versioned = h
        .backend(s3_backend("tessera-versioned"))
        .await
        .expect("backend");
    let volume = h
        .volume(target("versioned", &versioned))
        .await
        .expect("a versioned bucket");
    assert!(volume.capabilities.is_some_and(|c| c.versions));
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    let (one, two, three) = (content(3 * MIB, 1), content(1000, 2), content(2000, 3));
    let first = upload(&mut files, &token, spec(&volume, "doc.bin", &one), &one)
        .await
        .expect("v1");
    upload(&mut files, &token, spec(&volume, "doc.bin", &two), &two)
        .await
        .expect("v2");
    let third = upload(&mut files, &token, spec(&volume, "doc.bin", &three), &three)
        .await
        .expect("v3");
    assert_eq!((third.id.as_str(), third.version), (first.id.as_str(), 3));
    let listed = files
        .list_file_versions(authed(
            &token,
            pb::ListFileVersionsRequest {
                file_id: first.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("versions")
        .into_inner();
    let numbers: Vec<_> = listed.versions.iter().map(|v| v.version).collect();
    assert_eq!(numbers, [2, 1]);
    assert!(
        read(&mut files, &token, &first.id, 0)
            .await
            .expect("current")
            == three
    );
    assert!(read(&mut files, &token, &first.id, 2).await.expect("v2") == two);
    assert!(read(&mut files, &token, &first.id, 1).await.expect("v1") == one);
    assert_eq!(
        h.get_volume(&volume.id).await.quota_used,
        (one.len() + two.len() + three.len()) as i64
    );

    // Deleted and purged: every backend version goes, by its id.
    files
        .delete_file(authed(
            &token,
            pb::DeleteFileRequest {
                file_id: first.id.clone(),
            },
        ))
        .await
        .expect("delete");
    assert_eq!(h.get_volume(&volume.id).await.quota_used, 0);
    let storage = tessera_vault_storage::state::Storage {
        db: tessera_kit::Db::new(&h.suite.db().service_settings("vault")).expect("pool"),
        ring: Some(
            tessera_kit::keyring::KeyRing::parse(&tessera_testkit::identity::key_ring_k1())
                .expect("ring"),
        ),
        config: h.config.clone(),
    };
    let later = chrono::Utc::now() + chrono::Duration::days(31);
    let swept = tessera_vault_storage::sweeper::sweep(&storage, later)
        .await
        .expect("sweep");
    assert_eq!(swept.purged_files, 1);
    assert_eq!(
        h.count("SELECT count(*) FROM vault.storage_file_versions")
            .await,
        0
    );
}
