//! What every handler of the Storage Service shares.

use tessera_kit::keyring::KeyRing;
use tessera_kit::{Context, Db};

use crate::config::Config;
use crate::error::StorageError;

/// The service's state: its pool, key ring and settings.
#[derive(Debug, Clone)]
pub struct Storage {
    pub db: Db,
    pub ring: Option<KeyRing>,
    pub config: Config,
}

impl Storage {
    pub fn new(ctx: &Context, config: Config) -> Self {
        Self {
            db: ctx.db.clone(),
            ring: ctx.config.key_ring.clone(),
            config,
        }
    }

    /// The key ring, or FAILED_PRECONDITION when none is configured (secrets cannot be kept).
    pub fn ring(&self) -> Result<&KeyRing, StorageError> {
        self.ring.as_ref().ok_or_else(|| {
            StorageError::precondition(
                "NOT_CONFIGURED",
                "TESSERA_KEY_RING",
                "the service has no key ring, so it cannot keep backend secrets",
            )
        })
    }
}
