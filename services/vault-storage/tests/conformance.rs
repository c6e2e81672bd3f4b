//! One conformance suite of the file API, through real gRPC, on a volume over each kind of
//! backend, each a real server (`scripts/storage-servers.sh`) or a local directory: the capability
//! check, upload and ranged download, a killed stream resumed after a restart, listing, delete,
//! the three path strategies, source versioning, and 256 MiB each way with the process's
//! resident memory growing less than 64 MiB.

use crate::harness;
use crate::servers;

use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use harness::*;
use sha2::{Digest, Sha256};
use tessera_proto::tessera::vault::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;

use servers::setting;

/// A backend on the real server `kind` and the volume prefix that keeps this run's objects
/// apart from others'.
fn backend(kind: &str, h: &Harness) -> (pb::CreateBackendRequest, String) {
    use pb::backend::Target;
    let unique = format!("test-{}", uuid::Uuid::now_v7().simple());
    let request = |target, s3_credential, http_credential| pb::CreateBackendRequest {
        backend: Some(pb::Backend {
            target: Some(target),
            ..Default::default()
        }),
        s3_credential,
        http_credential,
    };
    match kind {
        "local" => {
            let dir = h.root.join(&unique);
            (
                request(
                    Target::LocalPath(pb::LocalPath {
                        path: dir.display().to_string(),
                    }),
                    None,
                    None,
                ),
                String::new(),
            )
        }
        "s3" => (
            request(
                Target::S3Bucket(pb::S3Bucket {
                    endpoint_url: setting("TESSERA_TEST_S3_ENDPOINT"),
                    bucket_name: "tessera".into(),
                    region: "us-east-1".into(),
                    use_ssl: false,
                }),
                Some(pb::S3Credential {
                    access_key: setting("TESSERA_TEST_S3_ACCESS_KEY"),
                    secret_key: setting("TESSERA_TEST_S3_SECRET_KEY"),
                }),
                None,
            ),
            unique,
        ),
        "ftp" | "sftp" => {
            let (host, port) = setting(if kind == "ftp" {
                "TESSERA_TEST_FTP"
            } else {
                "TESSERA_TEST_SFTP"
            })
            .rsplit_once(':')
            .map(|(h, p)| (h.to_owned(), p.parse().expect("port")))
            .expect("host:port");
            let endpoint = if kind == "ftp" {
                pb::FtpEndpoint {
                    host,
                    port,
                    protocol: pb::FtpProtocol::Ftp as i32,
                    username: setting("TESSERA_TEST_FTP_USER"),
                    password: setting("TESSERA_TEST_FTP_PASSWORD"),
                    key_path: String::new(),
                }
            } else {
                pb::FtpEndpoint {
                    host,
                    port,
                    protocol: pb::FtpProtocol::Sftp as i32,
                    username: setting("TESSERA_TEST_SFTP_USER"),
                    password: String::new(),
                    key_path: setting("TESSERA_TEST_SFTP_KEY"),
                }
            };
            let prefix = if kind == "sftp" {
                format!(
                    "{}/{unique}",
                    setting("TESSERA_TEST_SFTP_ROOT").trim_matches('/')
                )
            } else {
                unique
            };
            (request(Target::FtpEndpoint(endpoint), None, None), prefix)
        }
        "webdav" => (
            request(
                Target::HttpEndpoint(pb::HttpEndpoint {
                    url: format!("{}/basic", setting("TESSERA_TEST_HTTP")),
                }),
                None,
                Some(pb::HttpCredential {
                    credential: Some(pb::http_credential::Credential::Basic(
                        pb::http_credential::Basic {
                            username: setting("TESSERA_TEST_HTTP_USER"),
                            password: setting("TESSERA_TEST_HTTP_PASSWORD"),
                        },
                    )),
                }),
            ),
            unique,
        ),
        "query" => (
            request(
                Target::HttpEndpoint(pb::HttpEndpoint {
                    url: format!("{}/query/", setting("TESSERA_TEST_HTTP")),
                }),
                None,
                None,
            ),
            unique,
        ),
        other => panic!("no backend {other}"),
    }
}

async fn volume(
    h: &Harness,
    kind: &str,
    name: &str,
    strategy: pb::PathStrategy,
    versioning: pb::VersioningMode,
) -> pb::Volume {
    let (request, prefix) = backend(kind, h);
    let backend = h.backend(request).await.expect("backend");
    h.volume(pb::Volume {
        name: format!("{kind}-{name}-{}", uuid::Uuid::now_v7().simple()),
        backend_id: backend.id,
        webdav: kind == "webdav",
        use_query_params: kind == "query",
        default_prefix: prefix,
        auto_path_strategy: strategy as i32,
        versioning_mode: versioning as i32,
        is_active: true,
        ..Default::default()
    })
    .await
    .unwrap_or_else(|status| panic!("{kind}: the capability check passes: {status:?}"))
}

fn rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("status");
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS");
    kib * 1024
}

/// `len` bytes generated chunk by chunk (never all in memory).
fn generated(len: u64) -> impl Iterator<Item = Bytes> {
    let chunk = MIB as u64;
    (0..len.div_ceil(chunk)).map(move |i| {
        let n = chunk.min(len - i * chunk) as usize;
        Bytes::from(content(n, i as u8))
    })
}

async fn big_round_trip(h: &Harness, token: &str, volume: &pb::Volume, kind: &str) {
    let len: u64 = 256 * MIB as u64;
    let mut hasher = Sha256::new();
    for chunk in generated(len) {
        hasher.update(&chunk);
    }
    let sha = hasher.finalize().to_vec();
    let before = rss_bytes();
    let mut spec = spec(volume, "big/256.bin", b"");
    spec.declared_size = len as i64;
    let first = pb::UploadRequest {
        message: Some(pb::upload_request::Message::Spec(spec)),
    };
    let finish = pb::UploadRequest {
        message: Some(pb::upload_request::Message::Finish(
            pb::upload_request::Finish {
                sha256: sha.clone().into(),
            },
        )),
    };
    let body = futures::stream::iter(std::iter::once(first))
        .chain(futures::stream::iter(generated(len).map(|c| {
            pb::UploadRequest {
                message: Some(pb::upload_request::Message::Chunk(c)),
            }
        })))
        .chain(futures::stream::iter(std::iter::once(finish)));
    let mut files = h.files().await;
    let file = files
        .upload(authed(token, body))
        .await
        .expect("256 MiB up")
        .into_inner()
        .file
        .expect("file");
    let after_upload = rss_bytes();
    let mut stream = files
        .download(authed(
            token,
            pb::DownloadRequest {
                file_id: file.id.clone(),
                offset: 0,
                limit: 0,
                version: 0,
            },
        ))
        .await
        .expect("download")
        .into_inner();
    let mut back = Sha256::new();
    let mut got = 0u64;
    while let Some(message) = stream.message().await.expect("256 MiB down") {
        if let Some(pb::download_response::Message::Chunk(chunk)) = message.message {
            got += chunk.len() as u64;
            back.update(&chunk);
        }
    }
    assert_eq!((got, back.finalize().to_vec()), (len, sha), "{kind}");
    let after = rss_bytes().max(after_upload);
    let growth = after.saturating_sub(before);
    assert!(
        growth < 64 * MIB as u64,
        "{kind}: resident memory grew {} MiB ({} -> {} MiB)",
        growth >> 20,
        before >> 20,
        after >> 20
    );
}

async fn resume_after_a_kill_and_a_restart(
    h: &mut Harness,
    token: &str,
    volume: &pb::Volume,
    kind: &str,
) {
    let bytes = content(3 * MIB + 77, 5);
    let id = h
        .files()
        .await
        .start_upload(authed(
            token,
            pb::StartUploadRequest {
                spec: Some(spec(volume, "resumed.bin", &bytes)),
            },
        ))
        .await
        .expect("start")
        .into_inner()
        .upload
        .expect("upload")
        .upload_id;
    let resume = |offset: usize| {
        pb::upload_request::Message::Resume(pb::upload_request::Resume {
            upload_id: id.clone(),
            write_offset: offset as i64,
        })
    };
    let sent = messages(resume(0), &bytes[..5 * MIB / 2], None);
    let (mut files, token_owned) = (h.files().await, token.to_owned());
    let call = tokio::spawn(async move {
        let stream = futures::stream::iter(sent).chain(futures::stream::pending());
        files.upload(authed(&token_owned, stream)).await
    });
    let query = || pb::QueryUploadStatusRequest {
        upload_id: id.clone(),
    };
    let mut persisted = 0;
    for _ in 0..400 {
        persisted = h
            .files()
            .await
            .query_upload_status(authed(token, query()))
            .await
            .expect("status")
            .into_inner()
            .upload
            .expect("upload")
            .persisted_size;
        if persisted >= 2 * MIB as i64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(persisted, 2 * MIB as i64, "{kind}: two parts persisted");
    call.abort();
    let _ = call.await;
    h.restart().await;
    let mut files = h.files().await;
    let mut outcome = None;
    for _ in 0..50 {
        match upload_with(
            &mut files,
            token,
            resume(2 * MIB),
            &bytes[2 * MIB..],
            Some(sha256(&bytes)),
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
        .unwrap_or_else(|s| panic!("{kind}: {s:?}"))
        .file
        .expect("file");
    let (_, back) = download(&mut files, Some(token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(back == bytes, "{kind}: resumed bytes");
}

async fn conformance(kind: &str) {
    let mut h = Harness::start().await;
    let (_, token) = h.user("alice").await;
    let plain = volume(
        &h,
        kind,
        "plain",
        pb::PathStrategy::None,
        pb::VersioningMode::None,
    )
    .await;
    let caps = plain.capabilities.expect("capabilities");
    assert!(
        caps.write && caps.ranged_read && caps.delete,
        "{kind}: {caps:?}"
    );
    assert_eq!(
        caps.list,
        kind != "query",
        "{kind}: ?id= servers cannot list"
    );
    let mut files = h.files().await;

    // Upload in parts, whole and ranged downloads, list, delete.
    let bytes = content(3 * MIB + 4321, 1);
    let file = upload(
        &mut files,
        &token,
        spec(&plain, "docs/a b/ünï.bin", &bytes),
        &bytes,
    )
    .await
    .unwrap_or_else(|s| panic!("{kind}: {s:?}"));
    let (_, whole) = download(&mut files, Some(&token), &file.id, 0, 0)
        .await
        .expect("download");
    assert!(whole == bytes, "{kind}: whole");
    let (_, range) = download(&mut files, Some(&token), &file.id, (MIB - 10) as i64, 20)
        .await
        .expect("range");
    assert!(
        range == bytes[MIB - 10..MIB + 10],
        "{kind}: range across parts"
    );
    let small = b"small".to_vec();
    upload(
        &mut files,
        &token,
        spec(&plain, "docs/small.txt", &small),
        &small,
    )
    .await
    .expect("small");
    let listed = files
        .list_files(authed(
            &token,
            pb::ListFilesRequest {
                volume_id: plain.id.clone(),
                path_prefix: "docs/".into(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner();
    let paths: Vec<_> = listed.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["docs/a b/ünï.bin", "docs/small.txt"], "{kind}");
    files
        .delete_file(authed(
            &token,
            pb::DeleteFileRequest {
                file_id: file.id.clone(),
            },
        ))
        .await
        .expect("delete");
    assert_eq!(
        h.get_volume(&plain.id).await.quota_used,
        small.len() as i64,
        "{kind}"
    );

    resume_after_a_kill_and_a_restart(&mut h, &token, &plain, kind).await;
    let mut files = h.files().await;

    // The path strategies and source versioning.
    for strategy in [pb::PathStrategy::Uuid, pb::PathStrategy::Hash] {
        let v = volume(&h, kind, "strategy", strategy, pb::VersioningMode::None).await;
        let mut s = spec(&v, "x.bin", &small);
        s.declared_sha256 = sha256(&small).into();
        let f = upload(&mut files, &token, s, &small)
            .await
            .unwrap_or_else(|e| panic!("{kind} {strategy:?}: {e:?}"));
        let (_, back) = download(&mut files, Some(&token), &f.id, 0, 0)
            .await
            .expect("download");
        assert!(back == small, "{kind} {strategy:?}");
    }
    let versioned = volume(
        &h,
        kind,
        "versions",
        pb::PathStrategy::None,
        pb::VersioningMode::Source,
    )
    .await;
    let one = upload(
        &mut files,
        &token,
        spec(&versioned, "v.bin", &small),
        &small,
    )
    .await
    .expect("v1");
    let newer = content(1000, 2);
    let two = upload(
        &mut files,
        &token,
        spec(&versioned, "v.bin", &newer),
        &newer,
    )
    .await
    .expect("v2");
    assert_eq!(
        (two.id.as_str(), two.version),
        (one.id.as_str(), 2),
        "{kind}"
    );
    let (_, back) = download(&mut files, Some(&token), &two.id, 0, 0)
        .await
        .expect("download");
    assert!(back == newer, "{kind}: the newest version");
    assert_eq!(
        h.get_volume(&versioned.id).await.quota_used,
        (small.len() + newer.len()) as i64
    );

    big_round_trip(&h, &token, &plain, kind).await;
}

#[tokio::test]
async fn local() {
    conformance("local").await;
}

#[tokio::test]
async fn s3() {
    conformance("s3").await;
}

#[tokio::test]
async fn ftp() {
    conformance("ftp").await;
}

#[tokio::test]
async fn sftp() {
    conformance("sftp").await;
}

#[tokio::test]
async fn webdav() {
    conformance("webdav").await;
}

#[tokio::test]
async fn http_with_query_params() {
    conformance("query").await;
}
