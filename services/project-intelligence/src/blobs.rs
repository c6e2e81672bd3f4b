//! The content-addressed store snapshots rely on: vault-storage's BlobService, per user
//! (`{user}/blobs/{sha256}`, `{user}/manifests/{sha256}.json`), called with this service's
//! credential for the project's owner. Unreachable is UNAVAILABLE; its verdicts pass on.

use std::fmt::Debug;
use std::sync::Arc;

use bytes::Bytes;
use tessera_kit::Context;
use tessera_kit::api_error::ApiError;
use tessera_kit::client::Forward;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_proto::tessera::vault::v1::blob_service_client::BlobServiceClient;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;
use tonic::{Code, Status};

/// A blob (or manifest) named by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest {
    pub sha256: [u8; 32],
    pub size: i64,
}

impl Digest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            sha256: tessera_manifest::sha256(bytes),
            size: bytes.len() as i64,
        }
    }

    fn wire(&self) -> vpb::Digest {
        vpb::Digest {
            sha256: tessera_manifest::hex(&self.sha256),
            size_bytes: self.size,
        }
    }

    fn from_wire(d: &vpb::Digest) -> Option<Self> {
        Some(Self {
            sha256: tessera_manifest::parse_hex(&d.sha256)?,
            size: d.size_bytes,
        })
    }
}

/// Where snapshots keep their bytes.
#[tonic::async_trait]
pub trait BlobStore: Debug + Send + Sync {
    /// Which of `digests` the owner does not hold.
    async fn find_missing(
        &self,
        owner: UserId,
        digests: &[Digest],
    ) -> Result<Vec<Digest>, ApiError>;
    /// Stores manifest bytes (canonical, naming only blobs the owner holds); returns their digest.
    async fn put(&self, owner: UserId, manifest: Bytes) -> Result<Digest, ApiError>;
    /// Deletes a manifest (its blobs become collectable unless another names them). Idempotent.
    async fn delete(&self, owner: UserId, manifest: Digest) -> Result<(), ApiError>;
}

/// The store as the service is configured: vault-storage, or nothing (UNAVAILABLE).
pub fn from_config(ctx: &Context, url: Option<&str>) -> anyhow::Result<Arc<dyn BlobStore>> {
    Ok(match url {
        Some(url) => {
            let (channel, forward) = ctx.service_link("TESSERA_VAULT_STORAGE_URL", url)?;
            Arc::new(VaultBlobs {
                client: BlobServiceClient::with_interceptor(channel, forward),
            })
        }
        None => Arc::new(Unconfigured),
    })
}

/// No vault-storage configured.
#[derive(Debug)]
pub struct Unconfigured;

fn unconfigured() -> ApiError {
    ApiError::Unavailable(
        "snapshots are unavailable: the server has no vault-storage (TESSERA_VAULT_STORAGE_URL)"
            .into(),
    )
}

#[tonic::async_trait]
impl BlobStore for Unconfigured {
    async fn find_missing(&self, _: UserId, _: &[Digest]) -> Result<Vec<Digest>, ApiError> {
        Err(unconfigured())
    }

    async fn put(&self, _: UserId, _: Bytes) -> Result<Digest, ApiError> {
        Err(unconfigured())
    }

    async fn delete(&self, _: UserId, _: Digest) -> Result<(), ApiError> {
        Err(unconfigured())
    }
}

/// vault-storage's BlobService.
#[derive(Debug, Clone)]
pub struct VaultBlobs {
    client: BlobServiceClient<InterceptedService<Channel, Forward>>,
}

/// Most digests one FindMissingBlobs takes.
const FIND_BATCH: usize = 10_000;
/// Manifests up to this size go in one PutManifest; larger ones stream (WriteManifest).
const ONE_MESSAGE: usize = 3 << 20;
/// Bytes per WriteManifest message.
const CHUNK: usize = 1 << 20;

/// vault-storage's answer as this service's: unreachable is UNAVAILABLE; verdicts on the
/// content (a blob collected meanwhile, a full quota) pass on; the rest is a fault here.
fn upstream(status: Status) -> ApiError {
    match status.code() {
        Code::Unavailable | Code::DeadlineExceeded | Code::Cancelled | Code::Unknown => {
            ApiError::Unavailable(format!("vault-storage: {}", status.message()))
        }
        Code::FailedPrecondition | Code::Aborted | Code::ResourceExhausted => {
            ApiError::Upstream(status)
        }
        _ => ApiError::Internal(format!(
            "vault-storage answered {:?}: {}",
            status.code(),
            status.message()
        )),
    }
}

#[tonic::async_trait]
impl BlobStore for VaultBlobs {
    async fn find_missing(
        &self,
        owner: UserId,
        digests: &[Digest],
    ) -> Result<Vec<Digest>, ApiError> {
        let mut missing = Vec::new();
        for batch in digests.chunks(FIND_BATCH) {
            let answer = self
                .client
                .clone()
                .find_missing_blobs(vpb::FindMissingBlobsRequest {
                    user_id: owner.to_string(),
                    digests: batch.iter().map(Digest::wire).collect(),
                })
                .await
                .map_err(upstream)?
                .into_inner();
            for d in &answer.missing {
                missing.push(Digest::from_wire(d).ok_or_else(|| {
                    ApiError::Internal("vault-storage named a malformed digest".into())
                })?);
            }
        }
        Ok(missing)
    }

    async fn put(&self, owner: UserId, manifest: Bytes) -> Result<Digest, ApiError> {
        let expected = Digest::of(&manifest);
        let stored = if manifest.len() <= ONE_MESSAGE {
            self.client
                .clone()
                .put_manifest(vpb::PutManifestRequest {
                    user_id: owner.to_string(),
                    manifest,
                })
                .await
                .map_err(upstream)?
                .into_inner()
                .digest
        } else {
            use vpb::write_manifest_request::Message;
            let start = vpb::WriteManifestRequest {
                message: Some(Message::Start(vpb::WriteManifestStart {
                    user_id: owner.to_string(),
                    digest: Some(expected.wire()),
                })),
            };
            let chunks = (0..manifest.len()).step_by(CHUNK).map(move |at| {
                let end = (at + CHUNK).min(manifest.len());
                vpb::WriteManifestRequest {
                    message: Some(Message::Data(manifest.slice(at..end))),
                }
            });
            let messages = std::iter::once(start).chain(chunks).collect::<Vec<_>>();
            self.client
                .clone()
                .write_manifest(futures::stream::iter(messages))
                .await
                .map_err(upstream)?
                .into_inner()
                .digest
        };
        match stored.as_ref().and_then(Digest::from_wire) {
            Some(digest) if digest == expected => Ok(digest),
            _ => Err(ApiError::Internal(
                "vault-storage stored the manifest under another digest".into(),
            )),
        }
    }

    async fn delete(&self, owner: UserId, manifest: Digest) -> Result<(), ApiError> {
        self.client
            .clone()
            .delete_manifest(vpb::DeleteManifestRequest {
                user_id: owner.to_string(),
                digest: Some(manifest.wire()),
            })
            .await
            .map_err(upstream)?;
        Ok(())
    }
}
