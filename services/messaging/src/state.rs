//! What every messaging RPC works with.

use std::sync::Arc;

use tessera_kit::clock::Clock;
use tessera_kit::notify::Notifier;
use tessera_kit::{Context, Db};
use tokio_util::sync::CancellationToken;
use tonic::transport::Channel;

use crate::config::Config;
use crate::forum::vault::Vault;
use crate::messages::batch::Sends;

/// The service's shared state. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Chat {
    /// The pool.
    pub db: Db,
    /// The process's LISTEN connection: inbox wake-ups, stream take-overs, live events.
    pub notifier: Notifier,
    /// messaging's settings.
    pub config: Arc<Config>,
    /// identity, asked (with the caller's own token) whether users exist.
    pub identity: Option<Channel>,
    /// Cancelled when the service stops: streams end with it.
    pub shutdown: CancellationToken,
    /// "Now" for media expiry (tests move it).
    pub clock: Clock,
    /// vault-storage's file API, where forum media bytes live.
    pub vault: Vault,
    /// The queue of sends to the group-commit writers.
    pub sends: Sends,
}

impl Chat {
    /// The state of the service `ctx` builds, on `clock`.
    pub fn new(ctx: &Context, config: Config, clock: Clock) -> anyhow::Result<Self> {
        let vault = Vault::new(ctx, &config)?;
        let (sends, queue) = Sends::new(usize::from(config.send_writers), &ctx.metrics);
        let chat = Self {
            db: ctx.db.clone(),
            notifier: ctx.notifier.clone(),
            config: Arc::new(config),
            identity: ctx.identity_channel(),
            shutdown: ctx.shutdown.clone(),
            clock,
            vault,
            sends,
        };
        Sends::start(&chat, queue);
        Ok(chat)
    }
}
