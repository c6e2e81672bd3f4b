//! Envelope encryption (`enc:v2`): each value gets a fresh AES-256-GCM data key, and only that
//! data key is sealed with the key ring. Rotation re-wraps the 32-byte data key; the value's
//! ciphertext never changes, however large it is.
//!
//! Format: `enc:v2:<key id>:<base64(nonce || wrapped data key)>:<base64(nonce || ciphertext)>`.
//! Both layers carry the same associated data (table, row id, column: [`context`]), so neither
//! a value nor its data key opens on another row or column.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::{KeyRing, open_with, seal_with};

const PREFIX: &str = "enc:v2:";

/// The associated data of a value stored in `table.column` of row `id`.
pub fn context(table: &str, id: impl std::fmt::Display, column: &str) -> String {
    format!("{table}/{id}/{column}")
}

/// (key id, wrapped data key, ciphertext) of an envelope.
fn parts(sealed: &str) -> Option<(&str, &str, &str)> {
    let rest = sealed.strip_prefix(PREFIX)?;
    let (id, rest) = rest.split_once(':')?;
    let (wrapped, ciphertext) = rest.split_once(':')?;
    Some((id, wrapped, ciphertext))
}

impl KeyRing {
    /// Seals `plaintext` in an envelope bound to `aad` (see [`context`]).
    pub fn seal_envelope(&self, plaintext: &str, aad: &str) -> Result<String, String> {
        let data_key: [u8; 32] = rand::random();
        let ciphertext = seal_with(&data_key, plaintext.as_bytes(), aad)?;
        let wrapped = seal_with(&self.keys[&self.primary], &data_key, aad)?;
        Ok(format!(
            "{PREFIX}{}:{}:{}",
            self.primary,
            STANDARD.encode(wrapped),
            STANDARD.encode(ciphertext)
        ))
    }

    /// Opens an envelope; fails on an unknown key id, tampering or the wrong `aad`.
    pub fn open_envelope(&self, sealed: &str, aad: &str) -> Result<String, String> {
        let (id, wrapped, ciphertext) = parts(sealed).ok_or("not a sealed envelope")?;
        let data_key = self.unwrap_data_key(id, wrapped, aad)?;
        let plaintext = open_with(&data_key, ciphertext, aad)?;
        String::from_utf8(plaintext).map_err(|_| "corrupt sealed value".into())
    }

    /// The envelope with its data key re-wrapped under the primary key, or `None` when it
    /// already is. The ciphertext is kept as it is.
    pub fn rewrap(&self, sealed: &str, aad: &str) -> Result<Option<String>, String> {
        let (id, wrapped, ciphertext) = parts(sealed).ok_or("not a sealed envelope")?;
        if id == self.primary {
            return Ok(None);
        }
        let data_key = self.unwrap_data_key(id, wrapped, aad)?;
        // Prove the pair still opens before replacing the only copy of its data key.
        open_with(&data_key, ciphertext, aad)?;
        let wrapped = seal_with(&self.keys[&self.primary], &data_key, aad)?;
        Ok(Some(format!(
            "{PREFIX}{}:{}:{ciphertext}",
            self.primary,
            STANDARD.encode(wrapped)
        )))
    }

    /// A SQL `LIKE` pattern matching envelopes under the primary key (rows that do not match
    /// are the ones to re-wrap).
    pub fn envelope_pattern(&self) -> String {
        format!("{PREFIX}{}:%", self.primary)
    }

    fn unwrap_data_key(&self, id: &str, wrapped: &str, aad: &str) -> Result<[u8; 32], String> {
        let key = self
            .keys
            .get(id)
            .ok_or_else(|| format!("key id {id} is not in the key ring"))?;
        open_with(key, wrapped, aad)?
            .try_into()
            .map_err(|_| "corrupt sealed value".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> String {
        STANDARD.encode([byte; 32])
    }

    fn ring(spec: &str) -> KeyRing {
        let entries: Vec<String> = spec
            .split(',')
            .map(|id| format!("{id}:{}", key(id.as_bytes()[1])))
            .collect();
        KeyRing::parse(&entries.join(",")).expect("ring")
    }

    #[test]
    fn envelopes_round_trip_and_bind_to_their_row_and_column() {
        let ring = ring("k1");
        let aad = context("s3_credentials", "0190a6f2", "secret_key");
        let sealed = ring
            .seal_envelope("wJalrXUtnFEMI/K7MDENG", &aad)
            .expect("seal");
        assert!(sealed.starts_with("enc:v2:k1:") && !sealed.contains("wJalr"));
        assert_eq!(
            ring.open_envelope(&sealed, &aad).as_deref(),
            Ok("wJalrXUtnFEMI/K7MDENG")
        );
        let elsewhere = context("s3_credentials", "0190a6f3", "secret_key");
        assert!(ring.open_envelope(&sealed, &elsewhere).is_err());
        assert_ne!(
            ring.seal_envelope("same", &aad),
            ring.seal_envelope("same", &aad),
            "a fresh data key and nonce each time"
        );
        assert_eq!(
            ring.open_envelope(&ring.seal_envelope("", &aad).expect("seal"), &aad)
                .as_deref(),
            Ok("")
        );
    }

    #[test]
    fn tampering_with_either_layer_is_detected() {
        let ring = ring("k1");
        let sealed = ring.seal_envelope("secret", "t/1/c").expect("seal");
        let (_, wrapped, ciphertext) = parts(&sealed).expect("parts");
        let flip = |b64: &str| {
            let mut bytes = STANDARD.decode(b64).expect("b64");
            let last = bytes.len() - 1;
            bytes[last] ^= 1;
            STANDARD.encode(bytes)
        };
        for bad in [
            format!("enc:v2:k1:{}:{ciphertext}", flip(wrapped)),
            format!("enc:v2:k1:{wrapped}:{}", flip(ciphertext)),
            format!("enc:v2:k1:{wrapped}:{}", STANDARD.encode([0u8; 27])),
            format!("enc:v2:k1:{}:{ciphertext}", STANDARD.encode([0u8; 5])),
            format!("enc:v2:k9:{wrapped}:{ciphertext}"),
            format!("enc:v2:k1:{wrapped}"),
            sealed.replace("enc:v2:", "enc:v1:"),
        ] {
            assert!(ring.open_envelope(&bad, "t/1/c").is_err(), "{bad}");
        }
    }

    #[test]
    fn rewrapping_moves_only_the_data_key_to_the_primary() {
        let old = ring("k1");
        let sealed = old.seal_envelope("secret", "t/1/c").expect("seal");
        let rotated = ring("k2,k1");
        let moved = rotated
            .rewrap(&sealed, "t/1/c")
            .expect("rewrap")
            .expect("moved");
        assert!(moved.starts_with("enc:v2:k2:"));
        assert_eq!(
            parts(&moved).map(|p| p.2),
            parts(&sealed).map(|p| p.2),
            "the ciphertext is untouched"
        );
        assert_eq!(rotated.rewrap(&moved, "t/1/c"), Ok(None));
        assert!(rotated.rewrap(&sealed, "t/2/c").is_err(), "wrong row");
        let without_old = ring("k2");
        assert_eq!(
            without_old.open_envelope(&moved, "t/1/c").as_deref(),
            Ok("secret")
        );
        assert!(without_old.open_envelope(&sealed, "t/1/c").is_err());
        assert_eq!(rotated.envelope_pattern(), "enc:v2:k2:%");
    }
}
