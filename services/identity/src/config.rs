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

    /// Service credentials allowed to call internal RPCs (introspection, anti-replay), as
    /// comma-separated `name:sha256-hex-of-token` pairs. Callers send `Bearer <token>`.
    #[arg(long, env = "TESSERA_INTERNAL_CREDENTIALS", value_parser = parse_credential, value_delimiter = ',')]
    pub internal_credentials: Vec<InternalCredential>,

    /// System key ring for API keys stored at rest: `id:base64-32-byte-key,...`, the primary
    /// first. Older ids stay readable; rows under them are re-encrypted at start-up. Unset:
    /// the API key RPCs answer FAILED_PRECONDITION.
    #[arg(long, env = "TESSERA_KEY_RING", hide_env_values = true, value_parser = crate::keyring::KeyRing::parse)]
    pub key_ring: Option<crate::keyring::KeyRing>,

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

/// One service allowed to call internal RPCs.
#[derive(Debug, Clone)]
pub struct InternalCredential {
    /// The calling service's name, for logs.
    pub name: String,
    /// SHA-256 of its token.
    pub token_sha256: [u8; 32],
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

fn parse_credential(raw: &str) -> Result<InternalCredential, String> {
    let (name, hex) = raw
        .trim()
        .split_once(':')
        .ok_or("expected name:sha256-hex")?;
    let valid_name =
        !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !valid_name || hex.len() != 64 {
        return Err("expected name:sha256-hex (64 hex digits)".into());
    }
    let mut token_sha256 = [0u8; 32];
    for (i, byte) in token_sha256.iter_mut().enumerate() {
        *byte =
            u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).map_err(|_| "expected hex digits")?;
    }
    Ok(InternalCredential {
        name: name.to_owned(),
        token_sha256,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_parse() {
        let hex = "ab".repeat(32);
        let cred = parse_credential(&format!("messaging:{hex}")).expect("valid");
        assert_eq!(cred.name, "messaging");
        assert_eq!(cred.token_sha256, [0xab; 32]);
        assert!(parse_credential("messaging").is_err());
        assert!(parse_credential("messaging:abcd").is_err());
        assert!(parse_secret("c2hvcnQ=").is_err());
    }
}
