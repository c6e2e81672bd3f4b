//! Password hashing on a bounded pool: at most one Argon2id computation per core at a time,
//! each with one of the reusable 19 MiB buffers.
//!
//! A flood of sign-ins queues here instead of growing the blocking pool (up to 512 threads)
//! and memory without bound. The permit and buffer move into the blocking task, so a caller
//! that gives up does not free a slot that is still computing.

use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use tokio::sync::Semaphore;

use crate::crypto::{self, HashCost, Memory, Verified};
use crate::error::IdentityError;

/// See the module documentation. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Hasher {
    cost: HashCost,
    /// Checked instead of a real hash for unknown and password-less accounts, so every
    /// failure costs the same time.
    dummy_hash: Arc<String>,
    slots: Arc<Semaphore>,
    buffers: Arc<Mutex<Vec<Memory>>>,
}

impl Hasher {
    /// A hasher producing hashes of `cost`.
    pub fn new(cost: HashCost) -> anyhow::Result<Self> {
        let dummy: [u8; 24] = rand::random();
        let dummy_hash =
            crypto::hash_password(&STANDARD.encode(dummy), cost, &mut Memory::default())
                .map_err(anyhow::Error::msg)?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        Ok(Self {
            cost,
            dummy_hash: Arc::new(dummy_hash),
            slots: Arc::new(Semaphore::new(cores)),
            buffers: Arc::new(Mutex::new(Vec::new())),
        })
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> T + Send + 'static,
    ) -> Result<T, IdentityError> {
        let permit = self
            .slots
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| IdentityError::Internal(e.to_string()))?;
        let buffers = self.buffers.clone();
        tokio::task::spawn_blocking(move || {
            let mut memory = buffers
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .pop()
                .unwrap_or_default();
            let result = work(&mut memory);
            buffers
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(memory);
            drop(permit);
            result
        })
        .await
        .map_err(|e| IdentityError::Internal(e.to_string()))
    }

    /// A new Argon2id hash of `password`.
    pub async fn hash(&self, password: String) -> Result<String, IdentityError> {
        let cost = self.cost;
        self.run(move |memory| crypto::hash_password(&password, cost, memory))
            .await?
            .map_err(IdentityError::Internal)
    }

    /// Checks `password` against `stored`; `None` (unknown or password-less account) is
    /// checked against the dummy hash and never verifies.
    pub async fn verify(
        &self,
        password: String,
        stored: Option<String>,
    ) -> Result<Verified, IdentityError> {
        let cost = self.cost;
        let (stored, real) = match stored {
            Some(hash) => (hash, true),
            None => (self.dummy_hash.as_ref().clone(), false),
        };
        let verified = self
            .run(move |memory| crypto::verify_password(&password, &stored, cost, memory))
            .await?;
        Ok(if real { verified } else { Verified::No })
    }
}
