//! Service credentials: the tokens Tessera services present to each other's internal RPCs.
//! Only their SHA-256 is configured (`TESSERA_INTERNAL_CREDENTIALS=name:sha256hex,...`), and a
//! presented token is compared with every configured hash in constant time.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The services allowed to call this service's internal RPCs.
#[derive(Clone, Default)]
pub struct ServiceCredentials {
    entries: Arc<[(Arc<str>, [u8; 32])]>,
}

impl std::fmt::Debug for ServiceCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.entries.iter().map(|(name, _)| &**name).collect();
        f.debug_tuple("ServiceCredentials").field(&names).finish()
    }
}

impl ServiceCredentials {
    /// Parses `name:sha256-hex,...`; names are letters, digits and `-`.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut entries = Vec::new();
        for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (name, hex) = entry
                .split_once(':')
                .ok_or("expected name:sha256-hex entries")?;
            let valid_name =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !valid_name || hex.len() != 64 {
                return Err("expected name:sha256-hex (64 hex digits) entries".into());
            }
            let mut hash = [0u8; 32];
            for (i, byte) in hash.iter_mut().enumerate() {
                *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16)
                    .map_err(|_| "expected hex digits")?;
            }
            entries.push((Arc::from(name), hash));
        }
        Ok(Self {
            entries: entries.into(),
        })
    }

    /// Credentials for `(name, token)` pairs (tests and tools that start services in-process).
    pub fn from_tokens<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let entries: Vec<_> = pairs
            .into_iter()
            .map(|(name, token)| (Arc::from(name), token_hash(token)))
            .collect();
        Self {
            entries: entries.into(),
        }
    }

    /// The name of the service whose credential `token` is, comparing with every configured
    /// hash in constant time.
    pub fn service_for(&self, token: &str) -> Option<Arc<str>> {
        let hash = token_hash(token);
        let mut found = None;
        for (name, candidate) in self.entries.iter() {
            if bool::from(candidate.ct_eq(&hash)) {
                found = Some(name.clone());
            }
        }
        found
    }
}

/// What is configured and stored of a token: its SHA-256.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_matches() {
        let hex: String = token_hash("secret-token")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let creds = ServiceCredentials::parse(&format!(
            "messaging:{hex}, vault-storage:{}",
            "ab".repeat(32)
        ))
        .expect("valid");
        assert_eq!(
            creds.service_for("secret-token").as_deref(),
            Some("messaging")
        );
        assert_eq!(creds.service_for("other"), None);
        assert!(format!("{creds:?}").contains("vault-storage"));
        assert!(
            !format!("{creds:?}").contains(&hex),
            "hashes are not printed"
        );
        for bad in [
            "messaging",
            "messaging:abcd",
            "bad name:00",
            &format!("bad name:{}", "ab".repeat(32)),
            &format!(":{}", "ab".repeat(32)),
            &format!("x:{}", "zz".repeat(32)),
        ] {
            assert!(ServiceCredentials::parse(bad).is_err(), "{bad}");
        }
        let none = ServiceCredentials::parse(" , ").expect("no entries");
        assert_eq!(none.service_for(""), None);
    }
}
