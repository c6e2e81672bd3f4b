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
        }
    }
}
