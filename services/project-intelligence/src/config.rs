//! Settings of the project-intelligence service beyond the common ones.

use std::time::Duration;

use clap::Args;
use tessera_kit::config::parse_duration;

/// project-intelligence's own configuration.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// How long a sync preview can be applied after it was made.
    #[arg(long, env = "TESSERA_SYNC_PREVIEW_TTL", default_value = "30m",
          value_parser = parse_duration)]
    pub preview_ttl: Duration,

    /// vault-storage, which keeps file blobs and manifests (e.g. `http://vault-storage:50052`).
    /// Without it, snapshot pushes are UNAVAILABLE.
    #[arg(long, env = "TESSERA_VAULT_STORAGE_URL")]
    pub vault_storage_url: Option<String>,

    /// How often expired sync previews are swept (and secrets re-sealed after a rotation).
    #[arg(long, env = "TESSERA_INTELLIGENCE_SWEEP_INTERVAL", default_value = "1m",
          value_parser = parse_duration)]
    pub sweep_interval: Duration,

    /// How often runs whose worker's lease expired are requeued (or failed): the longest a
    /// crashed worker's run waits beyond its lease.
    #[arg(long, env = "TESSERA_RUN_LEASE_SWEEP_INTERVAL", default_value = "5s",
          value_parser = parse_duration)]
    pub lease_sweep_interval: Duration,

    /// How often a waiting ClaimRuns looks for due runs besides being woken by NOTIFY (a
    /// wake-up lost while the listening connection is rebuilt costs at most this).
    #[arg(long, env = "TESSERA_RUN_CLAIM_RECHECK", default_value = "2s",
          value_parser = parse_duration)]
    pub claim_recheck: Duration,

    /// Atlas's embedding model: `pocket` (paraphrase-MiniLM-L3-v2, compiled in, 384
    /// dimensions) or `hashing` (a deterministic bag of words, for tests and small machines).
    #[arg(long, env = "TESSERA_EMBEDDER", default_value = "pocket")]
    pub embedder: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            preview_ttl: Duration::from_secs(30 * 60),
            vault_storage_url: None,
            sweep_interval: Duration::from_secs(60),
            lease_sweep_interval: Duration::from_secs(5),
            claim_recheck: Duration::from_secs(2),
            embedder: "pocket".into(),
        }
    }
}
