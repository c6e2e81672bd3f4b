//! The suite's key ring for secrets stored at rest (`TESSERA_KEY_RING`): users' provider API
//! keys, project secrets, storage driver credentials.
//!
//! Values are sealed with AES-256-GCM under the primary key and stored as
//! `enc:v1:<key id>:<base64(nonce || ciphertext)>`; the associated data (the "context") binds a
//! ciphertext to its row, so a value copied onto another row does not decrypt. Old key ids stay
//! readable while they are in the ring, and [`rotate`] re-seals rows under the primary.
//! Envelopes (`enc:v2`, [`KeyRing::seal_envelope`]) add a data key per value, so rotation only
//! re-wraps that key.

use std::collections::HashMap;
use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use diesel_async::AsyncPgConnection;

use crate::db::{Db, ScopedBoxFuture, TransactionError};

mod envelope;
pub use envelope::context;

const PREFIX: &str = "enc:v1:";

/// Named 256-bit keys; the first one configured is the primary.
#[derive(Clone)]
pub struct KeyRing {
    primary: String,
    keys: HashMap<String, [u8; 32]>,
}

impl fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyRing")
            .field("primary", &self.primary)
            .field("keys", &self.keys.len())
            .finish()
    }
}

impl KeyRing {
    /// Parses `id:base64key,id:base64key,...` (primary first).
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut keys = HashMap::new();
        let mut primary = None;
        for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (id, key) = entry
                .split_once(':')
                .ok_or("expected id:base64key entries")?;
            let valid_id =
                !id.is_empty() && id.len() <= 16 && id.bytes().all(|b| b.is_ascii_alphanumeric());
            if !valid_id {
                return Err("key ids are 1 to 16 letters or digits".into());
            }
            let key: [u8; 32] = STANDARD
                .decode(key)
                .ok()
                .and_then(|k| k.try_into().ok())
                .ok_or("each key is 32 bytes of base64")?;
            if keys.insert(id.to_owned(), key).is_some() {
                return Err(format!("key id {id} appears twice"));
            }
            primary.get_or_insert_with(|| id.to_owned());
        }
        let primary = primary.ok_or("at least one key is required")?;
        Ok(Self { primary, keys })
    }

    /// Seals `plaintext`, bound to `context` (owner and purpose).
    pub fn seal(&self, plaintext: &str, context: &str) -> Result<String, String> {
        let blob = seal_with(&self.keys[&self.primary], plaintext.as_bytes(), context)?;
        Ok(format!(
            "{PREFIX}{}:{}",
            self.primary,
            STANDARD.encode(blob)
        ))
    }

    /// Opens a sealed value; fails on an unknown key id, tampering or the wrong context.
    pub fn open(&self, sealed: &str, context: &str) -> Result<String, String> {
        let (id, blob) = Self::parts(sealed).ok_or("not a sealed value")?;
        let key = self
            .keys
            .get(id)
            .ok_or_else(|| format!("key id {id} is not in the key ring"))?;
        let plaintext = open_with(key, blob, context)?;
        String::from_utf8(plaintext).map_err(|_| "corrupt sealed value".into())
    }

    /// Whether `sealed` is under a key other than the primary (rotation will re-seal it).
    pub fn needs_rotation(&self, sealed: &str) -> bool {
        Self::parts(sealed).is_none_or(|(id, _)| id != self.primary)
    }

    /// `sealed` opened and sealed again under the primary key, or `None` when it already is.
    pub fn reseal(&self, sealed: &str, context: &str) -> Result<Option<String>, String> {
        if !self.needs_rotation(sealed) {
            return Ok(None);
        }
        let plaintext = self.open(sealed, context)?;
        self.seal(&plaintext, context).map(Some)
    }

    /// A SQL `LIKE` pattern matching the values sealed under the primary key (rows that do
    /// not match are the ones to rotate).
    pub fn primary_pattern(&self) -> String {
        format!("{PREFIX}{}:%", self.primary)
    }

    fn parts(sealed: &str) -> Option<(&str, &str)> {
        sealed.strip_prefix(PREFIX)?.split_once(':')
    }
}

const NONCE: usize = 12;
const TAG: usize = 16;

/// `nonce || AES-256-GCM(key, plaintext, aad)`.
fn seal_with(key: &[u8; 32], plaintext: &[u8], aad: &str) -> Result<Vec<u8>, String> {
    let cipher = Aes256Gcm::new_from_slice(key).map_err(|e| e.to_string())?;
    let nonce: [u8; NONCE] = rand::random();
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| "encryption failed".to_owned())?;
    let mut blob = nonce.to_vec();
    blob.extend_from_slice(&sealed);
    Ok(blob)
}

/// Opens what [`seal_with`] made from base64.
fn open_with(key: &[u8; 32], blob: &str, aad: &str) -> Result<Vec<u8>, String> {
    let blob = STANDARD.decode(blob).map_err(|_| "corrupt sealed value")?;
    if blob.len() < NONCE + TAG {
        return Err("corrupt sealed value".into());
    }
    let (nonce, ciphertext) = blob.split_at(NONCE);
    let cipher = Aes256Gcm::new_from_slice(key).map_err(|e| e.to_string())?;
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: aad.as_bytes(),
            },
        )
        .map_err(|_| "the sealed value does not authenticate".to_owned())
}

/// Re-seals stored secrets under the primary key, a batch per transaction, until `batch`
/// reports that it found nothing left. `batch` selects rows that do not match
/// [`KeyRing::primary_pattern`] (`FOR UPDATE SKIP LOCKED`, so replicas starting together share
/// the work), re-seals them with [`KeyRing::reseal`] and returns how many it changed. Returns
/// the total.
pub async fn rotate<'a, E, F>(db: &Db, name: &'static str, batch: F) -> Result<usize, E>
where
    F: for<'c> Fn(&'c mut AsyncPgConnection) -> ScopedBoxFuture<'a, 'c, Result<usize, E>>
        + Send
        + Sync
        + 'a,
    E: TransactionError + 'a,
{
    let mut total = 0;
    loop {
        let changed = db.transaction(name, &batch).await?;
        total += changed;
        if changed == 0 {
            return Ok(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> String {
        STANDARD.encode([byte; 32])
    }

    #[test]
    fn seal_open_and_bind_to_context() {
        let ring = KeyRing::parse(&format!("k1:{}", key(1))).expect("ring");
        let sealed = ring.seal("sk-secret-value", "user-a/openai").expect("seal");
        assert!(sealed.starts_with("enc:v1:k1:") && !sealed.contains("sk-secret"));
        assert_eq!(
            ring.open(&sealed, "user-a/openai").as_deref(),
            Ok("sk-secret-value")
        );
        assert!(
            ring.open(&sealed, "user-b/openai").is_err(),
            "another row's context must not open it"
        );
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(ring.open(&tampered, "user-a/openai").is_err());
    }

    #[test]
    fn rotation_keeps_old_keys_readable() {
        let old = KeyRing::parse(&format!("k1:{}", key(1))).expect("ring");
        let sealed = old.seal("v", "ctx").expect("seal");
        let rotated = KeyRing::parse(&format!("k2:{},k1:{}", key(2), key(1))).expect("ring");
        assert!(rotated.needs_rotation(&sealed));
        assert_eq!(rotated.open(&sealed, "ctx").as_deref(), Ok("v"));
        let resealed = rotated.seal("v", "ctx").expect("seal");
        assert!(!rotated.needs_rotation(&resealed) && resealed.starts_with("enc:v1:k2:"));
        let without_old = KeyRing::parse(&format!("k2:{}", key(2))).expect("ring");
        assert!(without_old.open(&sealed, "ctx").is_err());
    }

    #[test]
    fn reseal_moves_old_values_to_the_primary_only() {
        let old = KeyRing::parse(&format!("k1:{}", key(1))).expect("ring");
        let rotated = KeyRing::parse(&format!("k2:{},k1:{}", key(2), key(1))).expect("ring");
        let sealed = old.seal("v", "ctx").expect("seal");
        let moved = rotated
            .reseal(&sealed, "ctx")
            .expect("reseal")
            .expect("moved");
        assert!(moved.starts_with("enc:v1:k2:"));
        assert_eq!(rotated.reseal(&moved, "ctx"), Ok(None));
        assert!(rotated.reseal(&sealed, "other row").is_err());
        assert_eq!(rotated.primary_pattern(), "enc:v1:k2:%");
    }

    #[test]
    fn debug_names_the_primary_and_shows_no_key() {
        let ring = KeyRing::parse(&format!("k2:{},k1:{}", key(2), key(1))).expect("ring");
        let shown = format!("{ring:?}");
        assert!(
            shown.contains("\"k2\"") && shown.contains("keys: 2"),
            "{shown}"
        );
        assert!(
            !shown.contains(&key(2)) && !shown.contains("[2, 2"),
            "{shown}"
        );
    }

    #[test]
    fn empty_values_round_trip_and_short_blobs_are_refused() {
        let ring = KeyRing::parse(&format!("k1:{}", key(1))).expect("ring");
        let sealed = ring.seal("", "ctx").expect("seal");
        assert_eq!(ring.open(&sealed, "ctx").as_deref(), Ok(""));
        // Shorter than a nonce and a tag: refused, never a panic.
        for len in [0, 5, 12, 27] {
            let blob = format!("enc:v1:k1:{}", STANDARD.encode(vec![0u8; len]));
            assert_eq!(
                ring.open(&blob, "ctx"),
                Err("corrupt sealed value".to_owned()),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn bad_rings_are_refused() {
        for bad in [
            "",
            "k1",
            "k1:short",
            &format!("k1:{},k1:{}", key(1), key(2)),
            &format!("bad id:{}", key(1)),
        ] {
            assert!(KeyRing::parse(bad).is_err(), "{bad}");
        }
    }
}
