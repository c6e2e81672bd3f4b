//! Password hashing, session tokens and service credentials.
//!
//! Password work is deliberately slow, so it runs on the blocking pool, never on the async
//! runtime. Comparisons of secrets are constant-time.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Prefix of session tokens, so secret scanners can recognise a leaked one.
pub const SESSION_TOKEN_PREFIX: &str = "tsess_";

/// Argon2id cost of new hashes (OWASP: m=19456 KiB, t=2, p=1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Iterations.
    pub iterations: u32,
}

impl HashCost {
    fn argon2(self) -> Result<Argon2<'static>, argon2::Error> {
        let params = Params::new(self.memory_kib, self.iterations, 1, None)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// The outcome of checking a password against a stored hash.
#[derive(Debug, PartialEq, Eq)]
pub enum Verified {
    /// Wrong password (or unusable hash).
    No,
    /// Right password, hash up to date.
    Yes,
    /// Right password, and this new hash should replace the stored one (a legacy bcrypt hash,
    /// or Argon2id with older parameters).
    YesRehashed(String),
}

/// Hashes `password` with Argon2id and a fresh 16-byte salt. Blocking: call on the blocking pool.
pub fn hash_password(password: &str, cost: HashCost) -> Result<String, String> {
    let salt_bytes: [u8; 16] = rand::random();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| e.to_string())?;
    let hasher = cost.argon2().map_err(|e| e.to_string())?;
    hasher
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Checks `password` against `stored` (Argon2id or bcrypt). Blocking: call on the blocking pool.
pub fn verify_password(password: &str, stored: &str, cost: HashCost) -> Verified {
    if stored.starts_with("$2") {
        return match bcrypt::verify(password, stored) {
            Ok(true) => rehash(password, cost),
            _ => Verified::No,
        };
    }
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified::No;
    };
    let Ok(hasher) = cost.argon2() else {
        return Verified::No;
    };
    if hasher
        .verify_password(password.as_bytes(), &parsed)
        .is_err()
    {
        return Verified::No;
    }
    let current = parsed.algorithm.as_str() == "argon2id"
        && Params::try_from(&parsed)
            .is_ok_and(|p| p.m_cost() >= cost.memory_kib && p.t_cost() >= cost.iterations);
    if current {
        Verified::Yes
    } else {
        rehash(password, cost)
    }
}

fn rehash(password: &str, cost: HashCost) -> Verified {
    match hash_password(password, cost) {
        Ok(hash) => Verified::YesRehashed(hash),
        // The password was right; keep the old hash rather than fail the sign-in.
        Err(_) => Verified::Yes,
    }
}

/// A fresh session token: the prefix and 256 random bits, base64url.
pub fn new_session_token() -> String {
    let bytes: [u8; 32] = rand::random();
    format!("{SESSION_TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// What is stored of a token: its SHA-256.
pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Whether `token` hashes to one of `allowed`, in constant time over the whole list.
pub fn matches_any(token: &str, allowed: &[[u8; 32]]) -> Option<usize> {
    let hash = token_hash(token);
    let mut found = None;
    for (i, candidate) in allowed.iter().enumerate() {
        if bool::from(candidate.ct_eq(&hash)) {
            found = Some(i);
        }
    }
    found
}

/// `HMAC-SHA256(secret, label || 0 || input)`: deterministic, unguessable without the secret.
pub fn derive(secret: &[u8], label: &str, input: &str) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(label.as_bytes());
    mac.update(&[0]);
    mac.update(input.as_bytes());
    mac.finalize().into_bytes().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHEAP: HashCost = HashCost {
        memory_kib: 8192,
        iterations: 1,
    };
    const CURRENT: HashCost = HashCost {
        memory_kib: 19_456,
        iterations: 2,
    };

    #[test]
    fn argon2id_round_trip() {
        let hash = hash_password("correct horse", CURRENT).expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert_eq!(
            verify_password("correct horse", &hash, CURRENT),
            Verified::Yes
        );
        assert_eq!(verify_password("wrong horse", &hash, CURRENT), Verified::No);
    }

    #[test]
    fn weaker_argon2_hashes_are_upgraded() {
        let old = hash_password("pw-123456", CHEAP).expect("hash");
        let Verified::YesRehashed(new) = verify_password("pw-123456", &old, CURRENT) else {
            panic!("an older hash must be upgraded");
        };
        assert!(new.contains("m=19456,t=2"), "{new}");
        assert_eq!(verify_password("pw-123456", &new, CURRENT), Verified::Yes);
    }

    #[test]
    fn legacy_bcrypt_verifies_and_is_upgraded() {
        let legacy = bcrypt::hash("orbital-pass", 4).expect("bcrypt");
        match verify_password("orbital-pass", &legacy, CURRENT) {
            Verified::YesRehashed(new) => assert!(new.starts_with("$argon2id$")),
            other => panic!("expected an upgrade, got {other:?}"),
        }
        assert_eq!(verify_password("nope", &legacy, CURRENT), Verified::No);
    }

    #[test]
    fn tokens_are_prefixed_long_and_unique() {
        let (a, b) = (new_session_token(), new_session_token());
        assert!(a.starts_with(SESSION_TOKEN_PREFIX));
        assert_eq!(a.len(), SESSION_TOKEN_PREFIX.len() + 43);
        assert_ne!(a, b);
        assert_eq!(matches_any(&a, &[token_hash(&b), token_hash(&a)]), Some(1));
        assert_eq!(matches_any("other", &[token_hash(&a)]), None);
    }
}
