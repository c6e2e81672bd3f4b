//! What every project-intelligence RPC works with.

use std::sync::Arc;

use tessera_kit::api_error::ApiError;
use tessera_kit::clock::Clock;
use tessera_kit::keyring::KeyRing;
use tessera_kit::notify::Notifier;
use tessera_kit::{Context, Db};
use tokio_util::sync::CancellationToken;

use crate::atlas::embedder::{self, Embedder};
use crate::atlas::index::VectorCache;
use crate::blobs::{self, BlobStore};
use crate::config::Config;

/// The service's shared state. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Intel {
    /// The pool.
    pub db: Db,
    /// project-intelligence's settings.
    pub config: Arc<Config>,
    /// Seals secret env var values (`TESSERA_KEY_RING`); without it secrets are refused.
    pub key_ring: Option<KeyRing>,
    /// "Now" for previews and heartbeats (tests move it).
    pub clock: Clock,
    /// vault-storage's content-addressed store (file blobs, manifests).
    pub blobs: Arc<dyn BlobStore>,
    /// Wake-ups (queued runs).
    pub notifier: Notifier,
    /// Cancelled when the service stops: long polls end with it.
    pub shutdown: CancellationToken,
    /// Embeds Atlas chunks and queries (`TESSERA_EMBEDDER`).
    pub embedder: Arc<dyn Embedder>,
    /// Atlas vectors in memory, per project and model.
    pub vectors: Arc<VectorCache>,
}

impl Intel {
    /// The state of the service `ctx` builds, on `clock`.
    pub fn new(ctx: &Context, config: Config, clock: Clock) -> anyhow::Result<Self> {
        let blobs = blobs::from_config(ctx, config.vault_storage_url.as_deref())?;
        let embedder = embedder::from_config(&config.embedder)?;
        Ok(Self {
            db: ctx.db.clone(),
            config: Arc::new(config),
            key_ring: ctx.config.key_ring.clone(),
            clock,
            blobs,
            notifier: ctx.notifier.clone(),
            shutdown: ctx.shutdown.clone(),
            embedder,
            vectors: Arc::default(),
        })
    }

    /// The key ring, or UNAVAILABLE saying it is not configured.
    pub fn key_ring(&self) -> Result<&KeyRing, ApiError> {
        self.key_ring.as_ref().ok_or_else(|| {
            ApiError::Unavailable(
                "secret env vars are not available: the server has no key ring (TESSERA_KEY_RING)"
                    .into(),
            )
        })
    }
}
