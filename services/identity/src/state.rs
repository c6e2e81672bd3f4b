//! The identity service's shared state: what every resource family's domain code works with.

use std::sync::Arc;

use tessera_kit::Db;
use tessera_kit::clock::Clock;
use tessera_kit::keyring::KeyRing;

use crate::crypto::HashCost;
use crate::error::IdentityError;
use crate::hasher::Hasher;
use crate::magic_link::MagicLinkSender;

/// Everything the identity service is configured with.
#[derive(Debug)]
pub struct Options {
    /// Argon2id cost of new hashes.
    pub cost: HashCost,
    /// Server secret for Prelogin's made-up answers.
    pub secret: Vec<u8>,
    /// Key ring for API keys at rest, if configured.
    pub key_ring: Option<KeyRing>,
    /// Delivers magic links.
    pub sender: Arc<dyn MagicLinkSender>,
    /// Base of magic links.
    pub magic_link_url: String,
    /// RFC 8628 verification URI.
    pub device_verification_uri: String,
    /// How long security events are kept.
    pub security_event_retention: std::time::Duration,
}

/// The identity service's state, shared by all its gRPC services; each resource family adds
/// its domain operations to it.
#[derive(Debug, Clone)]
pub struct Identity {
    pub(crate) db: Db,
    pub(crate) clock: Clock,
    pub(crate) options: Arc<Options>,
    pub(crate) hasher: Hasher,
}

impl Identity {
    /// Builds the service state; prepares the password hasher.
    pub fn new(db: Db, clock: Clock, options: Options) -> anyhow::Result<Self> {
        let hasher = Hasher::new(options.cost)?;
        Ok(Self {
            db,
            clock,
            options: Arc::new(options),
            hasher,
        })
    }

    /// The clock (tests advance it).
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// The key ring, or the refusal that explains it is not configured.
    pub(crate) fn key_ring(&self) -> Result<&KeyRing, IdentityError> {
        self.options
            .key_ring
            .as_ref()
            .ok_or(IdentityError::NotConfigured {
                setting: "TESSERA_KEY_RING",
                message: "API keys are not available: the server has no key ring configured",
            })
    }
}
