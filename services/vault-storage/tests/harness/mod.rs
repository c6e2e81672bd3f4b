//! vault-storage in a test suite (identity beside it, real gRPC), with an operator client, a
//! local-volume root of its own, and the calls the file tests repeat: creating backends and
//! volumes, uploading in chunks, downloading, reading the database.

pub mod pg;
pub mod vault;

use std::path::PathBuf;

use bytes::Bytes;
use sha2::{Digest, Sha256};
use tessera_kit::ids::Tier;
use tessera_proto::tessera::vault::v1 as pb;
use tessera_proto::tessera::vault::v1::blob_service_client::BlobServiceClient;
use tessera_proto::tessera::vault::v1::file_service_client::FileServiceClient;
use tessera_proto::tessera::vault::v1::storage_admin_service_client::StorageAdminServiceClient;
use tessera_proto::tessera::vault::v1::vault_service_client::VaultServiceClient;
use tessera_testkit::suite::{OPERATOR_TOKEN, RunningSuite, service_token};
use tessera_testkit::{TestSuite, authed};
use tessera_vault_storage::config::{Config, Roots, TierQuotas};
use tonic::Status;
use tonic::transport::Channel;

pub const KIB: usize = 1024;
pub const MIB: usize = 1024 * 1024;

pub struct Harness {
    pub suite: RunningSuite,
    pub config: Config,
    /// The configured local root (a fresh temporary directory).
    pub root: PathBuf,
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub fn config(root: &std::path::Path) -> Config {
    let ssh_key_dir = std::env::var("TESSERA_TEST_SFTP_KEY")
        .ok()
        .and_then(|key| PathBuf::from(key).parent().map(|p| p.to_path_buf()))
        .and_then(|dir| dir.canonicalize().ok());
    Config {
        local_roots: Roots(vec![root.canonicalize().expect("root")]),
        ssh_key_dir: Roots(ssh_key_dir.into_iter().collect()),
        // Small parts, so resuming shows after a few MiB.
        part_bytes: MIB as u64,
        // The vault keeps its chunks on the volume a test names `vault`; free users get 64 MiB.
        vault_volume: "vault".into(),
        blob_volume: "blobs".into(),
        tier_quotas: TierQuotas(vec![(Tier::Free, 64 * MIB as i64)]),
        ..Config::default()
    }
}

impl Harness {
    pub async fn start() -> Self {
        let root = std::env::temp_dir().join(format!("vault-test-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&root).expect("root");
        let config = config(&root);
        let for_service = config.clone();
        let suite = TestSuite::new()
            .with(tessera_vault_storage::SPEC, move |ctx| {
                tessera_vault_storage::services(ctx, for_service)
            })
            .start()
            .await;
        let root = root.canonicalize().expect("root");
        Self {
            suite,
            config,
            root,
        }
    }

    /// Stops vault-storage and starts it again on the same database.
    pub async fn restart(&mut self) {
        self.suite.stop_member("vault-storage").await;
        let config = self.config.clone();
        self.suite
            .start_member(tessera_vault_storage::SPEC, move |ctx| {
                tessera_vault_storage::services(ctx, config)
            })
            .await;
    }

    pub async fn admin(&self) -> StorageAdminServiceClient<Channel> {
        StorageAdminServiceClient::new(self.suite.channel("vault-storage").await)
    }

    pub async fn files(&self) -> FileServiceClient<Channel> {
        FileServiceClient::new(self.suite.channel("vault-storage").await)
    }

    pub async fn blobs(&self) -> BlobServiceClient<Channel> {
        BlobServiceClient::new(self.suite.channel("vault-storage").await)
    }

    pub async fn vault(&self) -> VaultServiceClient<Channel> {
        VaultServiceClient::new(self.suite.channel("vault-storage").await)
    }

    /// A user's session token.
    pub async fn user(&self, name: &str) -> (String, String) {
        let (user, token) = self.suite.identity.sign_up(name).await;
        (user.id, token)
    }

    /// Registers `backend` (with its credentials) as the operator.
    pub async fn backend(&self, request: pb::CreateBackendRequest) -> Result<pb::Backend, Status> {
        let response = self
            .admin()
            .await
            .create_backend(authed(OPERATOR_TOKEN, request))
            .await?;
        Ok(response.into_inner().backend.expect("backend"))
    }

    /// A fresh directory under the local root as a backend.
    pub async fn local_backend(&self) -> pb::Backend {
        let dir = self
            .root
            .join(format!("vol-{}", uuid::Uuid::now_v7().simple()));
        self.backend(pb::CreateBackendRequest {
            backend: Some(pb::Backend {
                target: Some(pb::backend::Target::LocalPath(pb::LocalPath {
                    path: dir.display().to_string(),
                })),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .expect("local backend")
    }

    pub async fn volume(&self, volume: pb::Volume) -> Result<pb::Volume, Status> {
        let response = self
            .admin()
            .await
            .create_volume(authed(
                OPERATOR_TOKEN,
                pb::CreateVolumeRequest {
                    volume: Some(volume),
                },
            ))
            .await?;
        Ok(response.into_inner().volume.expect("volume"))
    }

    /// An active volume on a fresh local directory.
    pub async fn local_volume(&self, quota_limit: Option<i64>) -> pb::Volume {
        let backend = self.local_backend().await;
        self.volume(pb::Volume {
            name: format!("local-{}", uuid::Uuid::now_v7().simple()),
            backend_id: backend.id,
            quota_limit,
            is_active: true,
            ..Default::default()
        })
        .await
        .expect("volume")
    }

    pub async fn get_volume(&self, id: &str) -> pb::Volume {
        self.admin()
            .await
            .get_volume(authed(
                OPERATOR_TOKEN,
                pb::GetVolumeRequest {
                    volume_id: id.into(),
                },
            ))
            .await
            .expect("volume")
            .into_inner()
            .volume
            .expect("volume")
    }

    pub async fn count(&self, sql: &str) -> i64 {
        self.suite.identity.count(sql).await
    }
}

/// The service credential of the app `name`.
pub fn app_token(name: &str) -> String {
    service_token(name)
}

pub fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// `len` bytes that differ from other calls' (the seed picks the pattern).
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u32).wrapping_mul(2_654_435_761).to_le_bytes()[1] ^ seed)
        .collect()
}

pub fn spec(volume: &pb::Volume, path: &str, bytes: &[u8]) -> pb::UploadSpec {
    pb::UploadSpec {
        volume_id: volume.id.clone(),
        path: path.into(),
        mime_type: "application/octet-stream".into(),
        declared_size: bytes.len() as i64,
        ..Default::default()
    }
}

/// The messages of a whole upload: `first`, the content in 256 KiB chunks, then `finish`
/// with `sha` (`None`: no finish).
pub fn messages(
    first: pb::upload_request::Message,
    bytes: &[u8],
    sha: Option<Vec<u8>>,
) -> Vec<pb::UploadRequest> {
    use pb::upload_request::{Finish, Message};
    let mut out = vec![pb::UploadRequest {
        message: Some(first),
    }];
    for chunk in bytes.chunks(256 * KIB) {
        out.push(pb::UploadRequest {
            message: Some(Message::Chunk(Bytes::copy_from_slice(chunk))),
        });
    }
    if let Some(sha) = sha {
        out.push(pb::UploadRequest {
            message: Some(Message::Finish(Finish { sha256: sha.into() })),
        });
    }
    out
}

/// Uploads `bytes` with `spec` in one stream as `token`.
pub async fn upload(
    files: &mut FileServiceClient<Channel>,
    token: &str,
    spec: pb::UploadSpec,
    bytes: &[u8],
) -> Result<pb::File, Status> {
    let sha = sha256(bytes);
    upload_with(
        files,
        token,
        pb::upload_request::Message::Spec(spec),
        bytes,
        Some(sha),
    )
    .await
    .map(|r| r.file.expect("a committed file"))
}

pub async fn upload_with(
    files: &mut FileServiceClient<Channel>,
    token: &str,
    first: pb::upload_request::Message,
    bytes: &[u8],
    sha: Option<Vec<u8>>,
) -> Result<pb::UploadResponse, Status> {
    let stream = futures::stream::iter(messages(first, bytes, sha));
    Ok(files.upload(authed(token, stream)).await?.into_inner())
}

/// Downloads `file_id` (range `offset`, `limit`) as `token` (`None`: anonymously).
pub async fn download(
    files: &mut FileServiceClient<Channel>,
    token: Option<&str>,
    file_id: &str,
    offset: i64,
    limit: i64,
) -> Result<(pb::File, Vec<u8>), Status> {
    let request = pb::DownloadRequest {
        file_id: file_id.into(),
        offset,
        limit,
        version: 0,
    };
    let request = match token {
        Some(token) => authed(token, request),
        None => tonic::Request::new(request),
    };
    let mut stream = files.download(request).await?.into_inner();
    let mut file = None;
    let mut bytes = Vec::new();
    while let Some(message) = stream.message().await? {
        match message.message {
            Some(pb::download_response::Message::File(f)) => {
                assert!(file.is_none(), "one header");
                file = Some(f);
            }
            Some(pb::download_response::Message::Chunk(chunk)) => {
                assert!(file.is_some(), "the header comes first");
                assert!(chunk.len() <= MIB, "chunks of at most 1 MiB");
                bytes.extend_from_slice(&chunk);
            }
            None => panic!("an empty message"),
        }
    }
    Ok((file.expect("a header"), bytes))
}

/// Every file under `dir`, recursively, relative to it.
pub fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path.strip_prefix(dir).expect("under").display().to_string());
            }
        }
    }
    out.sort();
    out
}
