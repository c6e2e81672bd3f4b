//! Each service's benchmark scenarios. A service adds a module with one function,
//! `run(&Settings) -> Vec<Report>`, and a line in [`ALL`].

pub mod atlas;
pub mod identity;
pub mod intelligence;
pub mod messaging;

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use crate::Report;

/// What every scenario is run with.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Workers calling at once.
    pub concurrency: usize,
    /// Unmeasured warm-up per scenario.
    pub warmup: Duration,
    /// Measured time per scenario.
    pub duration: Duration,
    /// Scenario names to run (empty: all).
    pub only: Vec<String>,
    /// Run against a database that acknowledges commits before flushing them.
    pub synchronous_commit_off: bool,
    /// messaging's `TESSERA_CHAT_SEND_BATCH` (its default when unset; 1: every send alone).
    pub send_batch: Option<u16>,
    /// messaging's `TESSERA_CHAT_SEND_WRITERS` (its default when unset).
    pub send_writers: Option<u16>,
}

impl Settings {
    /// Whether the scenario `name` was asked for.
    pub fn wants(&self, name: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|o| o == name)
    }
}

/// A service's scenario set.
pub type Scenarios =
    for<'a> fn(&'a Settings) -> Pin<Box<dyn Future<Output = anyhow::Result<Vec<Report>>> + 'a>>;

/// Every service's scenarios, by service name.
pub const ALL: &[(&str, Scenarios)] = &[
    ("identity", |settings| Box::pin(identity::run(settings))),
    ("messaging", |settings| Box::pin(messaging::run(settings))),
    ("project-intelligence", |settings| {
        Box::pin(intelligence::run(settings))
    }),
    ("atlas", |settings| Box::pin(atlas::run(settings))),
];
