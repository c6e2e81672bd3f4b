//! Tree manifests, as vault-storage stores them and project-intelligence snapshots them.
//!
//! On the wire a manifest is canonical JSON (RFC 8785) of
//! `{"entries":[{"kind","path","sha256","size"}...],"version":1}`, entries sorted by the UTF-8
//! bytes of their path; its SHA-256 names it. [`Manifest::parse`] accepts exactly those bytes
//! (anything else names the first bad entry), [`Manifest::to_canonical`] writes them, and
//! [`stored`] is the compact form a service keeps to diff manifests without re-parsing JSON.

mod canonical;
pub mod stored;

use sha2::{Digest as _, Sha256};

/// Most entries a manifest may list.
pub const MAX_ENTRIES: usize = 1_000_000;
/// Longest path, in bytes.
pub const MAX_PATH_BYTES: usize = 4096;
/// Largest size an entry may state: JSON integers stay exact up to 2^53 - 1.
pub const MAX_SIZE: i64 = (1 << 53) - 1;

/// What a path is. A symlink's digest is that of its target string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    File,
    Exec,
    Symlink,
}

impl Kind {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Exec => "exec",
            Self::Symlink => "symlink",
        }
    }

    /// The kind a wire name names.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "file" => Some(Self::File),
            "exec" => Some(Self::Exec),
            "symlink" => Some(Self::Symlink),
            _ => None,
        }
    }
}

/// One path of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    /// Relative, `/`-separated, no empty, `.` or `..` segment.
    pub path: String,
    pub kind: Kind,
    /// SHA-256 of the content (of the target string for a symlink).
    pub sha256: [u8; 32],
    /// Bytes of the content.
    pub size: i64,
}

impl Entry {
    /// Whether `other` has the same kind and content.
    pub fn same_content(&self, other: &Entry) -> bool {
        self.kind == other.kind && self.sha256 == other.sha256 && self.size == other.size
    }
}

/// A validated manifest: entries sorted by path bytes, each path once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    pub entries: Vec<Entry>,
}

/// Why bytes are not a manifest: the first bad field (`entries[3].path`, or empty for the
/// document as a whole) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{description}", if .field.is_empty() { String::new() } else { format!("{}: ", .field) })]
pub struct Invalid {
    pub field: String,
    pub description: String,
}

impl Invalid {
    fn new(field: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            description: description.into(),
        }
    }
}

impl Manifest {
    /// Parses canonical manifest bytes; anything else is [`Invalid`] naming the first bad entry.
    pub fn parse(bytes: &[u8]) -> Result<Self, Invalid> {
        canonical::parse(bytes)
    }

    /// A manifest of `entries`, checked as [`Manifest::parse`] checks them.
    pub fn from_entries(entries: Vec<Entry>) -> Result<Self, Invalid> {
        canonical::check_entries(&entries)?;
        Ok(Self { entries })
    }

    /// The canonical bytes, which [`Manifest::parse`] accepts.
    pub fn to_canonical(&self) -> Vec<u8> {
        canonical::write(&self.entries)
    }

    /// Sum of the entries' sizes.
    pub fn total_size(&self) -> i64 {
        self.entries.iter().map(|e| e.size).sum()
    }
}

/// SHA-256 of `bytes`: a manifest's name.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

/// 64 lowercase hexadecimal characters as 32 bytes.
pub fn parse_hex(raw: &str) -> Option<[u8; 32]> {
    fn nibble(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    let raw = raw.as_bytes();
    if raw.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = nibble(raw[2 * i])? << 4 | nibble(raw[2 * i + 1])?;
    }
    Some(out)
}

/// Why a path is refused, if it is.
pub fn path_problem(path: &str) -> Option<&'static str> {
    if path.is_empty() || path.len() > MAX_PATH_BYTES {
        return Some("must be 1 to 4096 bytes");
    }
    if path.contains('\0') {
        return Some("must not contain NUL");
    }
    if path
        .split('/')
        .any(|segment| segment.is_empty() || segment == "." || segment == "..")
    {
        return Some("must be relative and `/`-separated, without empty, `.` or `..` segments");
    }
    None
}
