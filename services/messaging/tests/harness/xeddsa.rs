//! X25519 identity keys that sign with XEdDSA as libsignal does: the Edwards key's sign bit
//! travels in the signature's top bit.

use curve25519_dalek::constants::ED25519_BASEPOINT_TABLE;
use curve25519_dalek::scalar::Scalar;
use ed25519_dalek::VerifyingKey;
use ed25519_dalek::hazmat::{ExpandedSecretKey, raw_sign};
use sha2::Sha512;

pub struct XKey {
    scalar: Scalar,
    edwards: VerifyingKey,
    sign_bit: u8,
    /// The X25519 public key (Montgomery u).
    pub public: [u8; 32],
}

impl XKey {
    pub fn generate() -> Self {
        let mut bytes: [u8; 32] = rand::random();
        bytes[0] &= 248;
        bytes[31] &= 127;
        bytes[31] |= 64;
        let scalar = Scalar::from_bytes_mod_order(bytes);
        let point = &scalar * ED25519_BASEPOINT_TABLE;
        let compressed = point.compress().to_bytes();
        Self {
            scalar,
            edwards: VerifyingKey::from_bytes(&compressed).expect("a valid point"),
            sign_bit: compressed[31] >> 7,
            public: point.to_montgomery().to_bytes(),
        }
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        let key = ExpandedSecretKey {
            scalar: self.scalar,
            hash_prefix: rand::random(),
        };
        let mut signature = raw_sign::<Sha512>(&key, message, &self.edwards).to_bytes();
        signature[63] |= self.sign_bit << 7;
        signature
    }
}
