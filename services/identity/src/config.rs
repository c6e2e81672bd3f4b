//! Settings of the identity service beyond the common ones.

use base64::Engine;
use clap::Args;

/// Identity's own configuration.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Server secret (base64, at least 32 bytes) from which Prelogin derives the made-up
    /// parameters it answers for unknown accounts. Keep it stable: if it changes, made-up
    /// answers change too. Unset: a random secret per process (fine for development only).
    #[arg(long, env = "TESSERA_IDENTITY_SECRET", hide_env_values = true, value_parser = parse_secret)]
    pub identity_secret: Option<Secret>,

    /// Base of the link sent for magic-link sign-in; `?email=...&code=...` is appended.
    #[arg(
        long,
        env = "TESSERA_MAGIC_LINK_URL",
        default_value = "http://localhost:3000/auth/magic-link"
    )]
    pub magic_link_url: String,

    /// Where people enter a device's user code (RFC 8628 verification_uri).
    #[arg(
        long,
        env = "TESSERA_DEVICE_VERIFICATION_URI",
        default_value = "http://localhost:3000/device"
    )]
    pub device_verification_uri: String,

    /// How long security events are kept.
    #[arg(long, env = "TESSERA_SECURITY_EVENT_RETENTION", default_value = "90days",
          value_parser = tessera_kit::config::parse_duration)]
    pub security_event_retention: std::time::Duration,

    /// Argon2id memory cost (KiB) for new password hashes; older hashes are upgraded at sign-in.
    #[arg(long, env = "TESSERA_PASSWORD_MEMORY_KIB", default_value_t = 19_456,
          value_parser = clap::value_parser!(u32).range(8_192..=1_048_576))]
    pub password_memory_kib: u32,

    /// Argon2id iterations for new password hashes.
    #[arg(long, env = "TESSERA_PASSWORD_ITERATIONS", default_value_t = 2,
          value_parser = clap::value_parser!(u32).range(1..=10))]
    pub password_iterations: u32,
}

impl Config {
    /// The defaults, overridden only by `TESSERA_*` variables in the environment (for tools
    /// and benchmarks that start identity in-process).
    pub fn parse_from_defaults() -> Self {
        #[derive(clap::Parser)]
        struct Defaults {
            #[command(flatten)]
            config: Config,
        }
        <Defaults as clap::Parser>::parse_from(["identity"]).config
    }
}

/// A secret that never prints.
#[derive(Clone)]
pub struct Secret(pub Vec<u8>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

fn parse_secret(raw: &str) -> Result<Secret, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(raw.trim())
        .map_err(|_| "expected base64".to_owned())?;
    if bytes.len() < 32 {
        return Err("expected at least 32 bytes".into());
    }
    Ok(Secret(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_must_be_long_base64() {
        assert!(parse_secret("c2hvcnQ=").is_err());
        assert!(parse_secret("not base64!").is_err());
        assert!(parse_secret(&base64::engine::general_purpose::STANDARD.encode([7u8; 32])).is_ok());
    }
}
