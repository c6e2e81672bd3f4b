//! Storage administration through the real API: the capability check refuses what cannot work
//! (one violation each, nothing created), registered paths stay under their roots, a symlink
//! planted in a volume leads nowhere, and secrets never come back out.

use crate::harness;
use crate::servers;

use harness::*;
use servers::setting;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::suite::OPERATOR_TOKEN;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;
use tonic_types::StatusExt;

use pb::backend::Target;

fn http_backend(location: &str, password: Option<&str>) -> pb::CreateBackendRequest {
    pb::CreateBackendRequest {
        backend: Some(pb::Backend {
            target: Some(Target::HttpEndpoint(pb::HttpEndpoint {
                url: format!("{}/{location}", setting("TESSERA_TEST_HTTP")),
            })),
            ..Default::default()
        }),
        http_credential: password.map(|password| pb::HttpCredential {
            credential: Some(pb::http_credential::Credential::Basic(
                pb::http_credential::Basic {
                    username: setting("TESSERA_TEST_HTTP_USER"),
                    password: password.into(),
                },
            )),
        }),
        ..Default::default()
    }
}

fn s3_backend(endpoint: &str, secret: &str) -> pb::CreateBackendRequest {
    pb::CreateBackendRequest {
        backend: Some(pb::Backend {
            target: Some(Target::S3Bucket(pb::S3Bucket {
                endpoint_url: endpoint.into(),
                bucket_name: "tessera".into(),
                region: "us-east-1".into(),
                use_ssl: false,
            })),
            ..Default::default()
        }),
        s3_credential: Some(pb::S3Credential {
            access_key: setting("TESSERA_TEST_S3_ACCESS_KEY"),
            secret_key: secret.into(),
        }),
        ..Default::default()
    }
}

fn active(name: &str, backend: &pb::Backend) -> pb::Volume {
    pb::Volume {
        name: name.into(),
        backend_id: backend.id.clone(),
        default_prefix: format!("test-{}", uuid::Uuid::now_v7().simple()),
        is_active: true,
        ..Default::default()
    }
}

/// The PreconditionFailure violations' types.
fn violations(status: &tonic::Status) -> Vec<String> {
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    status
        .get_details_precondition_failure()
        .expect("PreconditionFailure")
        .violations
        .into_iter()
        .map(|v| v.r#type)
        .collect()
}

#[tokio::test]
async fn the_capability_check_refuses_what_cannot_work_and_creates_nothing() {
    let h = Harness::start().await;
    let dead = h
        .backend(s3_backend("http://127.0.0.1:9", "whatever"))
        .await
        .expect("backend");
    let refused = h
        .volume(active("unreachable", &dead))
        .await
        .expect_err("unreachable");
    assert_eq!(violations(&refused), ["UNREACHABLE"]);

    let wrong = h
        .backend(http_backend("basic", Some("not-the-password")))
        .await
        .expect("backend");
    let mut volume = active("wrong-password", &wrong);
    volume.webdav = true;
    let refused = h.volume(volume).await.expect_err("wrong credentials");
    assert_eq!(violations(&refused), ["CREDENTIALS_REFUSED"]);

    // (moto accepts any S3 secret, so wrong credentials are shown on WebDAV.)

    // Options the backend cannot honour: versions on plain HTTP, target versioning.
    let plain = h
        .backend(http_backend("public", None))
        .await
        .expect("backend");
    let mut versioned = active("plain-http", &plain);
    versioned.versioning_mode = pb::VersioningMode::Source as i32;
    let refused = h
        .volume(versioned)
        .await
        .expect_err("versions on plain HTTP");
    assert_eq!(violations(&refused), ["UNSUPPORTED"]);
    let good = h
        .backend(http_backend(
            "basic",
            Some(&setting("TESSERA_TEST_HTTP_PASSWORD")),
        ))
        .await
        .expect("backend");
    let mut target = active("target", &good);
    target.webdav = true;
    target.versioning_mode = pb::VersioningMode::Target as i32;
    let refused = h.volume(target).await.expect_err("target versioning");
    assert_eq!(violations(&refused), ["UNSUPPORTED"]);

    let listed = h
        .admin()
        .await
        .list_volumes(authed(OPERATOR_TOKEN, pb::ListVolumesRequest::default()))
        .await
        .expect("list")
        .into_inner();
    assert!(
        listed.volumes.is_empty(),
        "refused volumes are not created: {listed:?}"
    );

    // Created inactive, a volume takes no transfers until a check passes.
    let mut inactive = active("later", &good);
    inactive.webdav = true;
    inactive.is_active = false;
    let inactive = h.volume(inactive).await.expect("inactive volume");
    assert!(!inactive.is_active && inactive.capabilities.is_none());
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    let refused = upload(&mut files, &token, spec(&inactive, "a", b"a"), b"a")
        .await
        .expect_err("inactive");
    assert_eq!(violations(&refused), ["VOLUME_INACTIVE"]);
    let mut activate = inactive.clone();
    activate.is_active = true;
    let activated = h
        .admin()
        .await
        .update_volume(authed(
            OPERATOR_TOKEN,
            pb::UpdateVolumeRequest {
                volume: Some(activate),
                update_mask: Some(prost_types::FieldMask {
                    paths: vec!["is_active".into()],
                }),
            },
        ))
        .await
        .expect("activate")
        .into_inner()
        .volume
        .expect("volume");
    assert!(
        activated.is_active
            && activated
                .capabilities
                .is_some_and(|c| c.write && c.ranged_read)
    );
    upload(&mut files, &token, spec(&activated, "a", b"a"), b"a")
        .await
        .expect("active now");

    // A backend in use stays.
    let in_use = h
        .admin()
        .await
        .delete_backend(authed(
            OPERATOR_TOKEN,
            pb::DeleteBackendRequest {
                backend_id: good.id.clone(),
            },
        ))
        .await
        .expect_err("in use");
    assert_eq!(violations(&in_use), ["IN_USE"]);
    h.admin()
        .await
        .delete_backend(authed(
            OPERATOR_TOKEN,
            pb::DeleteBackendRequest {
                backend_id: dead.id.clone(),
            },
        ))
        .await
        .expect("unused backends go");
}

#[tokio::test]
async fn plain_http_volumes_take_no_uploads_only_imports_and_keep_the_operators_objects() {
    let h = Harness::start().await;
    let (alice, token) = h.user("alice").await;
    let unique = format!("test-{}", uuid::Uuid::now_v7().simple());
    let dir = std::path::Path::new(&setting("TESSERA_TEST_HTTP_ROOT"))
        .join("public")
        .join(&unique);
    std::fs::create_dir_all(dir.join("reports")).expect("dir");
    let bytes = content(2 * MIB + 11, 6);
    std::fs::write(dir.join("reports/q4.pdf"), &bytes).expect("the operator's object");

    let backend = h
        .backend(http_backend("public", None))
        .await
        .expect("backend");
    let mut volume = active("plain", &backend);
    volume.default_prefix = unique.clone();
    let volume = h
        .volume(volume)
        .await
        .expect("a read-only volume activates");
    let caps = volume.capabilities.expect("checked");
    assert!(!caps.write && !caps.delete, "{caps:?}");
    let mut files = h.files().await;
    let refused = upload(&mut files, &token, spec(&volume, "a", b"a"), b"a")
        .await
        .expect_err("no uploads");
    assert_eq!(violations(&refused), ["VOLUME_READ_ONLY"]);

    let import = |object: &str, path: &str| pb::ImportFileRequest {
        volume_id: volume.id.clone(),
        object_path: object.into(),
        owner: Some(pb::import_file_request::Owner::UserId(alice.clone())),
        path: path.into(),
        mime_type: "application/pdf".into(),
        is_public: false,
    };
    let as_user = h
        .admin()
        .await
        .import_file(authed(&token, import("reports/q4.pdf", "q4.pdf")))
        .await
        .expect_err("operators only");
    assert_eq!(as_user.code(), Code::PermissionDenied);
    let missing = h
        .admin()
        .await
        .import_file(authed(OPERATOR_TOKEN, import("reports/none.pdf", "x.pdf")))
        .await
        .expect_err("no object");
    assert_eq!(bad_fields(&missing), ["object_path"]);
    let escape = h
        .admin()
        .await
        .import_file(authed(OPERATOR_TOKEN, import("../etc/passwd", "x.pdf")))
        .await
        .expect_err("escape");
    assert_eq!(bad_fields(&escape), ["object_path"]);
    let file = h
        .admin()
        .await
        .import_file(authed(
            OPERATOR_TOKEN,
            import("reports/q4.pdf", "docs/q4.pdf"),
        ))
        .await
        .expect("import")
        .into_inner()
        .file
        .expect("file");
    assert_eq!(
        (file.size, file.sha256.to_vec()),
        (bytes.len() as i64, sha256(&bytes))
    );
    assert_eq!(
        h.get_volume(&volume.id).await.quota_used,
        bytes.len() as i64
    );
    let (_, back) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(back == bytes);
    let (_, range) = download(&mut files, Some(&token), &file.id, 1000, 10)
        .await
        .expect("range");
    assert!(range == bytes[1000..1010]);

    // Deleted and purged, the record goes; the object is the operator's and stays.
    files
        .delete_file(authed(
            &token,
            pb::DeleteFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("delete");
    let storage = tessera_vault_storage::state::Storage {
        db: tessera_kit::Db::new(&h.suite.db().service_settings("vault")).expect("pool"),
        ring: None,
        config: h.config.clone(),
    };
    let later = chrono::Utc::now() + chrono::Duration::days(31);
    let swept = tessera_vault_storage::sweeper::sweep(&storage, later)
        .await
        .expect("sweep");
    assert_eq!(swept.purged_files, 1);
    assert!(dir.join("reports/q4.pdf").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn webdav_with_a_custom_header_works_and_a_wrong_header_is_refused() {
    let h = Harness::start().await;
    let header = |value: String| pb::CreateBackendRequest {
        backend: Some(pb::Backend {
            target: Some(Target::HttpEndpoint(pb::HttpEndpoint {
                url: format!("{}/header", setting("TESSERA_TEST_HTTP")),
            })),
            ..Default::default()
        }),
        http_credential: Some(pb::HttpCredential {
            credential: Some(pb::http_credential::Credential::CustomHeader(
                pb::http_credential::CustomHeader {
                    name: setting("TESSERA_TEST_HTTP_HEADER"),
                    value,
                },
            )),
        }),
        ..Default::default()
    };
    let wrong = h
        .backend(header("not-the-value".into()))
        .await
        .expect("backend");
    let mut volume = active("wrong-header", &wrong);
    volume.webdav = true;
    let refused = h.volume(volume).await.expect_err("wrong header value");
    assert_eq!(violations(&refused), ["CREDENTIALS_REFUSED"]);

    let good = h
        .backend(header(setting("TESSERA_TEST_HTTP_HEADER_VALUE")))
        .await
        .expect("backend");
    let mut volume = active("header", &good);
    volume.webdav = true;
    let volume = h
        .volume(volume)
        .await
        .expect("the check passes with the header");
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    let bytes = content(3 * MIB + 5, 8);
    let file = upload(
        &mut files,
        &token,
        spec(&volume, "docs/h.bin", &bytes),
        &bytes,
    )
    .await
    .expect("upload");
    let (_, back) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(back == bytes);
}

#[tokio::test]
async fn local_paths_stay_under_the_roots_and_a_planted_symlink_leads_nowhere() {
    let h = Harness::start().await;
    let outside = std::env::temp_dir().join(format!("outside-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&outside).expect("outside");
    std::os::unix::fs::symlink(&outside, h.root.join("link")).expect("symlink");
    let root = h.root.display().to_string();
    for bad in [
        format!("{root}/../escape"),
        format!("{root}/./a"),
        "relative/dir".to_owned(),
        outside.display().to_string(),
        format!("{root}/link/inside"),
    ] {
        let request = pb::CreateBackendRequest {
            backend: Some(pb::Backend {
                target: Some(Target::LocalPath(pb::LocalPath { path: bad.clone() })),
                ..Default::default()
            }),
            ..Default::default()
        };
        let refused = h.backend(request).await.expect_err(&bad);
        assert_eq!(bad_fields(&refused), ["backend.local_path.path"], "{bad}");
    }

    // A symlink planted inside a volume, where a client path would go through it.
    let (alice, token) = h.user("alice").await;
    let volume = h.local_volume(None).await;
    let backend_dir = {
        let backends = h
            .admin()
            .await
            .list_backends(authed(OPERATOR_TOKEN, pb::ListBackendsRequest {}))
            .await
            .expect("list")
            .into_inner();
        let id = &volume.backend_id;
        match backends
            .backends
            .into_iter()
            .find(|b| &b.id == id)
            .and_then(|b| b.target)
        {
            Some(Target::LocalPath(p)) => std::path::PathBuf::from(p.path),
            other => panic!("{other:?}"),
        }
    };
    let user_dir = backend_dir.join("users").join(&alice);
    std::fs::create_dir_all(&user_dir).expect("user dir");
    std::os::unix::fs::symlink(&outside, user_dir.join("escape")).expect("planted symlink");
    let mut files = h.files().await;
    let refused = upload(
        &mut files,
        &token,
        spec(&volume, "escape/passwd", b"owned"),
        b"owned",
    )
    .await
    .expect_err("through the symlink");
    assert_ne!(refused.code(), Code::Ok);
    assert!(files_under(&outside).is_empty(), "nothing outside changed");
    assert_eq!(h.count("SELECT count(*) FROM vault.storage_files").await, 0);
    let _ = std::fs::remove_dir_all(&outside);
}

#[tokio::test]
async fn secrets_are_sealed_at_rest_and_never_returned_or_logged() {
    let capture =
        tessera_testkit::logs::LogCapture::install("debug,h2=off,hyper=off,tower=off,opendal=info");
    let h = Harness::start().await;
    let s3_secret = setting("TESSERA_TEST_S3_SECRET_KEY");
    let dav_password = setting("TESSERA_TEST_HTTP_PASSWORD");
    let ftp_password = setting("TESSERA_TEST_FTP_PASSWORD");
    let s3 = h
        .backend(s3_backend(&setting("TESSERA_TEST_S3_ENDPOINT"), &s3_secret))
        .await
        .expect("s3");
    let dav = h
        .backend(http_backend("basic", Some(&dav_password)))
        .await
        .expect("webdav");
    let (host, port) = setting("TESSERA_TEST_FTP")
        .rsplit_once(':')
        .map(|(h, p)| (h.to_owned(), p.parse().expect("port")))
        .expect("ftp");
    let ftp = h
        .backend(pb::CreateBackendRequest {
            backend: Some(pb::Backend {
                target: Some(Target::FtpEndpoint(pb::FtpEndpoint {
                    host,
                    port,
                    protocol: pb::FtpProtocol::Ftp as i32,
                    username: setting("TESSERA_TEST_FTP_USER"),
                    password: ftp_password.clone(),
                    key_path: String::new(),
                })),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("ftp");
    let mut volumes = Vec::new();
    for (name, backend, webdav) in [
        ("s3", &s3, false),
        ("dav", &dav, true),
        ("ftp", &ftp, false),
    ] {
        let mut volume = active(name, backend);
        volume.webdav = webdav;
        volumes.push(h.volume(volume).await.expect("a working volume"));
    }
    let (_, token) = h.user("alice").await;
    let mut files = h.files().await;
    for volume in &volumes {
        upload(&mut files, &token, spec(volume, "a.txt", b"abc"), b"abc")
            .await
            .expect("upload");
    }
    let listed = h
        .admin()
        .await
        .list_backends(authed(OPERATOR_TOKEN, pb::ListBackendsRequest {}))
        .await
        .expect("list")
        .into_inner();
    let shown = format!("{listed:?}{s3:?}{dav:?}{ftp:?}");
    let raw: String = h
        .suite
        .db()
        .client()
        .await
        .query_one(
            "SELECT string_agg(t, '|') FROM (
                 SELECT secret_key AS t FROM vault.s3_credentials
                 UNION ALL SELECT password FROM vault.ftp_endpoints
                 UNION ALL SELECT credentials::text FROM vault.http_credentials) s",
            &[],
        )
        .await
        .expect("raw columns")
        .get(0);
    assert!(
        raw.matches("enc:v2:").count() == 3,
        "three envelopes: {raw}"
    );
    let logs = capture.text();
    assert!(logs.contains("storage administration"), "the capture works");
    for secret in [&s3_secret, &dav_password, &ftp_password] {
        assert!(
            !shown.contains(secret.as_str()),
            "a response shows a secret"
        );
        assert!(
            !raw.contains(secret.as_str()),
            "a column holds a secret in clear"
        );
        if let Some(at) = logs.find(secret.as_str()) {
            let line_start = logs[..at].rfind('\n').map_or(0, |i| i + 1);
            panic!(
                "the log shows a secret: {}",
                &logs[line_start..(at + 200).min(logs.len())]
            );
        }
    }
}
