//! Password hashing, session tokens and derived secrets.
//!
//! Password work is deliberately slow, so it runs on the blocking pool, never on the async
//! runtime. Comparisons of secrets are constant-time.

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{ARGON2ID_IDENT, Algorithm, Argon2, Block, Params, Version};
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

/// Working memory for Argon2id, reused across computations so each one does not map and
/// fault in 19 MiB afresh (and the allocator does not keep every freed buffer).
#[derive(Debug, Default)]
pub struct Memory(Vec<Block>);

impl Memory {
    fn blocks(&mut self, params: &Params) -> &mut [Block] {
        let needed = params.block_count();
        if self.0.len() < needed {
            self.0.resize(needed, Block::default());
        }
        &mut self.0[..needed]
    }
}

/// Hashes `password` with Argon2id and a fresh 16-byte salt into a PHC string. Blocking: call
/// on the blocking pool.
pub fn hash_password(
    password: &str,
    cost: HashCost,
    memory: &mut Memory,
) -> Result<String, String> {
    let salt_bytes: [u8; 16] = rand::random();
    let params =
        Params::new(cost.memory_kib, cost.iterations, 1, Some(32)).map_err(|e| e.to_string())?;
    let mut output = [0u8; 32];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            &salt_bytes,
            &mut output,
            memory.blocks(&params),
        )
        .map_err(|e| e.to_string())?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| e.to_string())?;
    let phc = PasswordHash {
        algorithm: ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(|e| e.to_string())?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&output).map_err(|e| e.to_string())?),
    };
    Ok(phc.to_string())
}

/// Checks `password` against `stored` (Argon2id or bcrypt). Blocking: call on the blocking pool.
pub fn verify_password(
    password: &str,
    stored: &str,
    cost: HashCost,
    memory: &mut Memory,
) -> Verified {
    if stored.starts_with("$2") {
        return match bcrypt::verify(password, stored) {
            Ok(true) => rehash(password, cost, memory),
            _ => Verified::No,
        };
    }
    let Ok(parsed) = PasswordHash::new(stored) else {
        return Verified::No;
    };
    let (Ok(params), Some(salt), Some(expected)) =
        (Params::try_from(&parsed), parsed.salt, parsed.hash)
    else {
        return Verified::No;
    };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else {
        return Verified::No;
    };
    let version = parsed
        .version
        .and_then(|v| Version::try_from(v).ok())
        .unwrap_or(Version::V0x13);
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return Verified::No;
    };
    let mut computed = vec![0u8; expected.len()];
    let hasher = Argon2::new(algorithm, version, params.clone());
    if hasher
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt,
            &mut computed,
            memory.blocks(&params),
        )
        .is_err()
    {
        return Verified::No;
    }
    if !bool::from(computed.as_slice().ct_eq(expected.as_bytes())) {
        return Verified::No;
    }
    let current = algorithm == Algorithm::Argon2id
        && params.m_cost() >= cost.memory_kib
        && params.t_cost() >= cost.iterations;
    if current {
        Verified::Yes
    } else {
        rehash(password, cost, memory)
    }
}

fn rehash(password: &str, cost: HashCost, memory: &mut Memory) -> Verified {
    match hash_password(password, cost, memory) {
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
        let memory = &mut Memory::default();
        let hash = hash_password("correct horse", CURRENT, memory).expect("hash");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert_eq!(
            verify_password("correct horse", &hash, CURRENT, memory),
            Verified::Yes
        );
        assert_eq!(
            verify_password("wrong horse", &hash, CURRENT, memory),
            Verified::No
        );
    }

    #[test]
    fn hashes_interoperate_with_the_reference_phc_implementation() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let memory = &mut Memory::default();
        // A hash written by the argon2 crate's own PHC path, as other tools write them.
        let salt = SaltString::encode_b64(&[7u8; 16]).expect("salt");
        let reference = Argon2::default()
            .hash_password(b"interop", &salt)
            .expect("hash")
            .to_string();
        assert_ne!(
            verify_password("interop", &reference, CURRENT, memory),
            Verified::No
        );
        assert_eq!(
            verify_password("nope", &reference, CURRENT, memory),
            Verified::No
        );
        // And ours verify with the reference implementation.
        let ours = hash_password("interop", CURRENT, memory).expect("hash");
        let parsed = PasswordHash::new(&ours).expect("phc");
        assert!(
            Argon2::default()
                .verify_password(b"interop", &parsed)
                .is_ok()
        );
    }

    #[test]
    fn weaker_argon2_hashes_are_upgraded() {
        let memory = &mut Memory::default();
        let old = hash_password("pw-123456", CHEAP, memory).expect("hash");
        let Verified::YesRehashed(new) = verify_password("pw-123456", &old, CURRENT, memory) else {
            panic!("an older hash must be upgraded");
        };
        assert!(new.contains("m=19456,t=2"), "{new}");
        assert_eq!(
            verify_password("pw-123456", &new, CURRENT, memory),
            Verified::Yes
        );
    }

    #[test]
    fn a_hash_weaker_in_any_one_parameter_is_upgraded() {
        use argon2::password_hash::PasswordHasher;
        let memory = &mut Memory::default();
        let less_time = HashCost {
            memory_kib: CURRENT.memory_kib,
            iterations: 1,
        };
        let less_memory = HashCost {
            memory_kib: 8192,
            iterations: CURRENT.iterations,
        };
        for weaker in [less_time, less_memory] {
            let old = hash_password("pw-123456", weaker, memory).expect("hash");
            assert!(
                matches!(
                    verify_password("pw-123456", &old, CURRENT, memory),
                    Verified::YesRehashed(_)
                ),
                "{old} must be upgraded"
            );
        }
        // Full cost but Argon2i: the algorithm alone makes it weaker.
        let salt = SaltString::encode_b64(&[9u8; 16]).expect("salt");
        let params = Params::new(CURRENT.memory_kib, CURRENT.iterations, 1, None).expect("params");
        let argon2i = Argon2::new(Algorithm::Argon2i, Version::V0x13, params)
            .hash_password(b"pw-123456", &salt)
            .expect("hash")
            .to_string();
        assert!(matches!(
            verify_password("pw-123456", &argon2i, CURRENT, memory),
            Verified::YesRehashed(_)
        ));
    }

    #[test]
    fn legacy_bcrypt_verifies_and_is_upgraded() {
        let memory = &mut Memory::default();
        let legacy = bcrypt::hash("orbital-pass", 4).expect("bcrypt");
        match verify_password("orbital-pass", &legacy, CURRENT, memory) {
            Verified::YesRehashed(new) => assert!(new.starts_with("$argon2id$")),
            other => panic!("expected an upgrade, got {other:?}"),
        }
        assert_eq!(
            verify_password("nope", &legacy, CURRENT, memory),
            Verified::No
        );
    }

    #[test]
    fn garbage_hashes_never_verify() {
        let memory = &mut Memory::default();
        for stored in [
            "",
            "$argon2id$",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$",
            "plaintext",
        ] {
            assert_eq!(
                verify_password("anything", stored, CURRENT, memory),
                Verified::No,
                "{stored}"
            );
        }
    }

    #[test]
    fn tokens_are_prefixed_long_and_unique() {
        let (a, b) = (new_session_token(), new_session_token());
        assert!(a.starts_with(SESSION_TOKEN_PREFIX));
        assert_eq!(a.len(), SESSION_TOKEN_PREFIX.len() + 43);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), token_hash(&b));
    }
}
