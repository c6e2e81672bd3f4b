//! Digests on the wire (`{sha256: 64 lowercase hex, size_bytes}`) and as stored (32 bytes).

use sha2::{Digest as _, Sha256};
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::vault::v1 as pb;

/// Most digests one Find call takes.
pub const MAX_DIGESTS: usize = 10_000;
/// Most bytes one batch carries.
pub const MAX_BATCH_BYTES: i64 = 4 << 20;

/// The largest size a digest names (its contract's bound).
pub const MAX_DIGEST_BYTES: i64 = crate::config::MAX_DECLARED_BYTES;

/// The sizes of `digests` added up, saturating (each is at most 2^53 - 1, but ten thousand of
/// them are not).
pub fn total_size(digests: &[Digest]) -> i64 {
    digests
        .iter()
        .fold(0i64, |sum, d| sum.saturating_add(d.size))
}

/// A validated digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Digest {
    pub sha256: [u8; 32],
    pub size: i64,
}

impl Digest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            sha256: Sha256::digest(bytes).into(),
            size: bytes.len() as i64,
        }
    }

    /// Whether this is the empty blob, which always exists.
    pub fn is_empty(&self) -> bool {
        *self == Self::of(&[])
    }

    /// Lowercase hex of the SHA-256.
    pub fn hex(&self) -> String {
        hex(&self.sha256)
    }

    /// The wire form.
    pub fn wire(&self) -> pb::Digest {
        pb::Digest {
            sha256: self.hex(),
            size_bytes: self.size,
        }
    }

    /// Parses `digest`, recording violations under `field`.
    pub fn parse_into(v: &mut FieldViolations, field: &str, digest: &pb::Digest) -> Option<Self> {
        let sha = parse_hex(&digest.sha256);
        if sha.is_none() {
            v.add(
                format!("{field}.sha256"),
                "must be 64 lowercase hexadecimal characters",
            );
        }
        let size_ok = (0..=MAX_DIGEST_BYTES).contains(&digest.size_bytes);
        if !size_ok {
            v.add(format!("{field}.size_bytes"), "must be 0 to 2^53 - 1");
        }
        sha.filter(|_| size_ok).map(|sha256| Self {
            sha256,
            size: digest.size_bytes,
        })
    }

    /// Parses a list of at most [`MAX_DIGESTS`] digests named `field`.
    pub fn parse_all(field: &str, digests: &[pb::Digest]) -> Result<Vec<Self>, FieldViolations> {
        let mut v = FieldViolations::new();
        if digests.len() > MAX_DIGESTS {
            v.add(field, format!("at most {MAX_DIGESTS} digests"));
            return Err(v);
        }
        let parsed: Vec<Self> = digests
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Self::parse_into(&mut v, &format!("{field}[{i}]"), d))
            .collect();
        v.into_result_with(parsed)
    }
}

pub use tessera_manifest::{hex, parse_hex};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_parse_only_lowercase_hex_of_the_right_length() {
        let empty = Digest::of(b"");
        assert!(empty.is_empty());
        assert_eq!(
            empty.hex(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(parse_hex(&empty.hex()), Some(empty.sha256));
        assert_eq!(parse_hex(&empty.hex().to_uppercase()), None);
        assert_eq!(parse_hex(&empty.hex()[1..]), None);
        let mut v = FieldViolations::new();
        let bad = pb::Digest {
            sha256: "xyz".into(),
            size_bytes: -1,
        };
        assert_eq!(Digest::parse_into(&mut v, "d", &bad), None);
        assert_eq!(v.fields().collect::<Vec<_>>(), ["d.sha256", "d.size_bytes"]);
        let mut v = FieldViolations::new();
        let mut largest = empty.wire();
        largest.size_bytes = MAX_DIGEST_BYTES;
        assert!(Digest::parse_into(&mut v, "d", &largest).is_some());
        largest.size_bytes = MAX_DIGEST_BYTES + 1;
        assert_eq!(Digest::parse_into(&mut v, "d", &largest), None);
        assert_eq!(v.fields().collect::<Vec<_>>(), ["d.size_bytes"]);
        let largest = Digest {
            sha256: empty.sha256,
            size: MAX_DIGEST_BYTES,
        };
        let many = vec![largest; 2000];
        assert_eq!(total_size(&many), i64::MAX);
    }
}
