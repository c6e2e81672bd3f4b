//! Settings of the messaging service beyond the common ones.

use std::time::Duration;

use clap::Args;
use tessera_kit::config::parse_duration;
use tessera_kit::ratelimit::Rate;

/// messaging's own configuration.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Sends allowed per sending device and chat: a burst, refilled over the period (`N/DURATION`).
    #[arg(long, env = "TESSERA_CHAT_SEND_RATE", default_value = "60/1m")]
    pub send_rate: Rate,

    /// Key-bundle claims allowed per caller and target user (`N/DURATION`).
    #[arg(long, env = "TESSERA_CHAT_BUNDLE_RATE", default_value = "6/10m")]
    pub bundle_rate: Rate,

    /// Messages are purged this long after they were sent, delivered or not.
    #[arg(long, env = "TESSERA_CHAT_MESSAGE_RETENTION", default_value = "30days",
          value_parser = parse_duration)]
    pub message_retention: Duration,

    /// An idle delivery stream sends a heartbeat this often.
    #[arg(long, env = "TESSERA_CHAT_HEARTBEAT", default_value = "15s",
          value_parser = parse_duration)]
    pub heartbeat: Duration,

    /// vault-storage, which keeps the forum's media bytes (e.g. `http://vault-storage:50052`).
    /// Without it, media calls are UNAVAILABLE.
    #[arg(long, env = "TESSERA_VAULT_STORAGE_URL")]
    pub vault_storage_url: Option<String>,

    /// The vault-storage volume (its id) forum media are stored on; an operator creates it.
    /// Without it, media calls are UNAVAILABLE.
    #[arg(long, env = "TESSERA_FORUM_MEDIA_VOLUME")]
    pub media_volume: Option<String>,

    /// Media uploads allowed per user (`N/DURATION`).
    #[arg(long, env = "TESSERA_FORUM_UPLOAD_RATE", default_value = "10/1h")]
    pub upload_rate: Rate,

    /// Failed invite-code joins allowed per user (`N/DURATION`); once spent, every join waits.
    #[arg(
        long,
        env = "TESSERA_FORUM_JOIN_FAILURE_RATE",
        default_value = "10/15m"
    )]
    pub join_failure_rate: Rate,

    /// Most sends written in one transaction (group commit): concurrent sends join a batch of
    /// up to this many (one per sending device). 1: every send alone.
    #[arg(long, env = "TESSERA_CHAT_SEND_BATCH", default_value_t = 64,
          value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub send_batch: u16,

    /// Batches written at once, each one transaction (while one commits, the next gathers).
    #[arg(long, env = "TESSERA_CHAT_SEND_WRITERS", default_value_t = 4,
          value_parser = clap::value_parser!(u16).range(1..=64))]
    pub send_writers: u16,

    /// How often the forum's cleanup job runs (expired media, abandoned uploads, deletions).
    #[arg(long, env = "TESSERA_FORUM_CLEANUP_INTERVAL", default_value = "1m",
          value_parser = parse_duration)]
    pub cleanup_interval: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            send_rate: Rate {
                burst: 60,
                period: Duration::from_secs(60),
            },
            bundle_rate: Rate {
                burst: 6,
                period: Duration::from_secs(600),
            },
            message_retention: Duration::from_secs(30 * 24 * 3600),
            heartbeat: Duration::from_secs(15),
            vault_storage_url: None,
            media_volume: None,
            upload_rate: Rate {
                burst: 10,
                period: Duration::from_secs(3600),
            },
            join_failure_rate: Rate {
                burst: 10,
                period: Duration::from_secs(900),
            },
            cleanup_interval: Duration::from_secs(60),
            send_batch: 64,
            send_writers: 4,
        }
    }
}
