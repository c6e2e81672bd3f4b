//! Checking what a device publishes: key sizes, the signed prekey's signature (Ed25519,
//! strictly; XEdDSA for X25519 identity keys), one-time prekeys, label and push token.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use curve25519_dalek::montgomery::MontgomeryPoint;
use ed25519_dalek::{Signature, VerifyingKey};
use serde::{Deserialize, Serialize};
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::messaging::v1 as pb;

use crate::ids::KeyType;

/// Public keys are X25519 or Ed25519 points.
pub const KEY_BYTES: usize = 32;
/// Signatures are Ed25519 or XEdDSA.
pub const SIGNATURE_BYTES: usize = 64;
/// One-time prekeys per upload.
pub const MAX_PREKEYS_PER_CALL: usize = 100;
/// One-time prekeys a device holds.
pub const MAX_PREKEYS_HELD: i64 = 1000;
/// Longest label, in characters.
pub const MAX_LABEL_CHARS: usize = 64;
/// Longest push token, in bytes.
pub const MAX_PUSH_TOKEN_BYTES: usize = 4096;

/// A device's validated public keys.
#[derive(Debug, Clone)]
pub struct Keys {
    pub key_type: KeyType,
    pub identity: Vec<u8>,
    pub last_resort: Vec<u8>,
    pub signed_prekey: Vec<u8>,
    pub signature: Vec<u8>,
}

/// A one-time prekey as `devices.one_time_prekeys` stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredPrekey {
    pub id: u64,
    /// Base64 (standard, padded).
    pub key: String,
}

impl StoredPrekey {
    /// The wire form (a key that does not decode, which the service never stores, is empty).
    pub fn to_pb(&self) -> pb::Prekey {
        pb::Prekey {
            id: self.id,
            key: STANDARD.decode(&self.key).unwrap_or_default(),
        }
    }
}

/// Checks `keys` under `field`, including the signature over the signed prekey.
pub fn check_keys(
    v: &mut FieldViolations,
    field: &str,
    keys: Option<&pb::DeviceKeys>,
) -> Option<Keys> {
    let Some(keys) = keys else {
        v.add(field, "required");
        return None;
    };
    let key_type = match pb::IdentityKeyType::try_from(keys.identity_key_type) {
        Ok(pb::IdentityKeyType::Unspecified | pb::IdentityKeyType::Ed25519) => KeyType::Ed25519,
        Ok(pb::IdentityKeyType::X25519) => KeyType::X25519,
        Err(_) => {
            v.add(format!("{field}.identity_key_type"), "unknown key type");
            return None;
        }
    };
    let before = v.fields().count();
    check_len(
        v,
        &format!("{field}.identity_key"),
        &keys.identity_key,
        KEY_BYTES,
    );
    check_len(
        v,
        &format!("{field}.last_resort_prekey"),
        &keys.last_resort_prekey,
        KEY_BYTES,
    );
    let identity = keys.identity_key.to_vec();
    let signed = check_signed_prekey(
        v,
        field,
        key_type,
        &identity,
        &keys.signed_prekey,
        &keys.signed_prekey_signature,
    );
    (v.fields().count() == before && signed).then(|| Keys {
        key_type,
        identity,
        last_resort: keys.last_resort_prekey.to_vec(),
        signed_prekey: keys.signed_prekey.to_vec(),
        signature: keys.signed_prekey_signature.to_vec(),
    })
}

/// Checks a signed prekey and its signature by `identity` (whose size is checked elsewhere);
/// true when both hold.
pub fn check_signed_prekey(
    v: &mut FieldViolations,
    field: &str,
    key_type: KeyType,
    identity: &[u8],
    signed_prekey: &[u8],
    signature: &[u8],
) -> bool {
    let prefix = if field.is_empty() {
        String::new()
    } else {
        format!("{field}.")
    };
    let sizes_ok = check_len(
        v,
        &format!("{prefix}signed_prekey"),
        signed_prekey,
        KEY_BYTES,
    ) & check_len(
        v,
        &format!("{prefix}signed_prekey_signature"),
        signature,
        SIGNATURE_BYTES,
    );
    if !sizes_ok || identity.len() != KEY_BYTES {
        return false;
    }
    let verified = verify(key_type, identity, signed_prekey, signature);
    if !verified {
        v.add(
            format!("{prefix}signed_prekey_signature"),
            "is not the identity key's signature over signed_prekey",
        );
    }
    verified
}

/// Whether `signature` is `identity`'s signature over `message`: strict Ed25519 (canonical
/// encodings, no small-order keys), or XEdDSA when the identity key is X25519.
pub fn verify(key_type: KeyType, identity: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(identity), Ok(signature)) = (
        <[u8; KEY_BYTES]>::try_from(identity),
        <[u8; SIGNATURE_BYTES]>::try_from(signature),
    ) else {
        return false;
    };
    let (edwards, signature) = match key_type {
        KeyType::Ed25519 => (identity, signature),
        KeyType::X25519 => {
            // XEdDSA as Signal does it: the Edwards key's sign bit travels in the signature's
            // top bit; the Montgomery u-coordinate gives the rest of the point.
            let mut signature = signature;
            let sign = (signature[63] & 0x80) >> 7;
            signature[63] &= 0x7f;
            let Some(point) = MontgomeryPoint(identity).to_edwards(sign) else {
                return false;
            };
            (point.compress().to_bytes(), signature)
        }
    };
    let Ok(key) = VerifyingKey::from_bytes(&edwards) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&signature))
        .is_ok()
}

/// Checks one-time prekeys: at most [`MAX_PREKEYS_PER_CALL`], ids at least 1, increasing and
/// above `above`, keys of 32 bytes. Returns them as stored, and the highest id.
pub fn check_prekeys(
    v: &mut FieldViolations,
    field: &str,
    prekeys: &[pb::Prekey],
    above: u64,
) -> (Vec<StoredPrekey>, u64) {
    if prekeys.len() > MAX_PREKEYS_PER_CALL {
        v.add(field, format!("at most {MAX_PREKEYS_PER_CALL} per call"));
        return (Vec::new(), above);
    }
    let mut last = above;
    let mut stored = Vec::with_capacity(prekeys.len());
    for (i, prekey) in prekeys.iter().enumerate() {
        if prekey.id <= last || prekey.id > i64::MAX as u64 {
            v.add(
                format!("{field}[{i}].id"),
                format!("must be above {last}: ids increase and are never reused"),
            );
        }
        last = last.max(prekey.id);
        if check_len(v, &format!("{field}[{i}].key"), &prekey.key, KEY_BYTES) {
            stored.push(StoredPrekey {
                id: prekey.id,
                key: STANDARD.encode(&prekey.key),
            });
        }
    }
    (stored, last)
}

/// Checks an optional label: empty (none) or 1 to 64 plain visible characters.
pub fn check_label(v: &mut FieldViolations, field: &str, label: &str) -> Option<String> {
    if label.is_empty() {
        return None;
    }
    match tessera_kit::text::free_text(label, MAX_LABEL_CHARS) {
        Ok(label) => (!label.is_empty()).then_some(label),
        Err(err) => {
            v.add(field, err.to_string());
            None
        }
    }
}

/// Checks an optional push token: empty (none) or at most 4096 bytes of visible ASCII.
pub fn check_push_token(v: &mut FieldViolations, field: &str, token: &str) -> Option<String> {
    if token.is_empty() {
        return None;
    }
    if token.len() > MAX_PUSH_TOKEN_BYTES || !token.bytes().all(|b| b.is_ascii_graphic()) {
        v.add(
            field,
            format!("at most {MAX_PUSH_TOKEN_BYTES} visible ASCII characters"),
        );
        return None;
    }
    Some(token.to_owned())
}

/// Records a violation unless `value` is exactly `len` bytes; true when it is.
pub fn check_len(v: &mut FieldViolations, field: &str, value: &[u8], len: usize) -> bool {
    if value.len() == len {
        return true;
    }
    if value.is_empty() {
        v.add(field, "required");
    } else {
        v.add(field, format!("must be {len} bytes"));
    }
    false
}
