//! The wire form: canonical JSON (RFC 8785).
//!
//! The document has one shape, so canonical bytes are exactly what serde_json writes for it
//! (keys in sorted order by construction, no whitespace, integers, RFC 8785's string escapes).
//! Parsing deserialises, then writes each entry back and compares it with the input at its
//! offset: the first entry whose bytes differ is the one named.

use serde::{Deserialize, Serialize};

use crate::{Entry, Invalid, Kind, MAX_ENTRIES, MAX_SIZE, hex, parse_hex, path_problem};

const HEAD: &[u8] = br#"{"entries":["#;
const TAIL: &[u8] = br#"],"version":1}"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    entries: Vec<WireEntry>,
    version: u32,
}

/// Field order is the canonical (sorted) key order.
#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct WireEntry {
    kind: String,
    path: String,
    sha256: String,
    size: i64,
}

#[derive(Serialize)]
struct WireEntryRef<'a> {
    kind: &'static str,
    path: &'a str,
    sha256: String,
    size: i64,
}

pub(crate) fn parse(bytes: &[u8]) -> Result<crate::Manifest, Invalid> {
    let document: Document = serde_json::from_slice(bytes)
        .map_err(|e| Invalid::new("", format!("is not a manifest: {e}")))?;
    if document.version != 1 {
        return Err(Invalid::new("version", "must be 1"));
    }
    if document.entries.len() > MAX_ENTRIES {
        return Err(Invalid::new(
            "entries",
            format!("at most {MAX_ENTRIES} entries"),
        ));
    }
    if !bytes.starts_with(HEAD) {
        return Err(not_canonical(""));
    }
    let mut at = HEAD.len();
    let mut written = Vec::with_capacity(256);
    let mut entries = Vec::with_capacity(document.entries.len());
    for (i, wire) in document.entries.into_iter().enumerate() {
        if i > 0 {
            if bytes.get(at) != Some(&b',') {
                return Err(not_canonical(&format!("entries[{i}]")));
            }
            at += 1;
        }
        written.clear();
        serde_json::to_writer(&mut written, &wire)
            .map_err(|e| Invalid::new(format!("entries[{i}]"), e.to_string()))?;
        if bytes.get(at..at + written.len()) != Some(written.as_slice()) {
            return Err(not_canonical(&format!("entries[{i}]")));
        }
        at += written.len();
        entries.push(entry(i, wire, entries.last())?);
    }
    if &bytes[at..] != TAIL {
        return Err(not_canonical(""));
    }
    Ok(crate::Manifest { entries })
}

fn not_canonical(field: &str) -> Invalid {
    Invalid::new(
        field,
        "is not in canonical form (RFC 8785: sorted keys, no whitespace, minimal escapes)",
    )
}

/// Checks one wire entry, `previous` being the entry before it.
fn entry(i: usize, wire: WireEntry, previous: Option<&Entry>) -> Result<Entry, Invalid> {
    let field = |name: &str| format!("entries[{i}].{name}");
    let kind = Kind::parse(&wire.kind)
        .ok_or_else(|| Invalid::new(field("kind"), "must be file, exec or symlink"))?;
    let sha256 = parse_hex(&wire.sha256).ok_or_else(|| {
        Invalid::new(
            field("sha256"),
            "must be 64 lowercase hexadecimal characters",
        )
    })?;
    let entry = Entry {
        path: wire.path,
        kind,
        sha256,
        size: wire.size,
    };
    check(i, &entry, previous)?;
    Ok(entry)
}

/// The checks of one entry that do not depend on its wire form.
fn check(i: usize, entry: &Entry, previous: Option<&Entry>) -> Result<(), Invalid> {
    let field = |name: &str| format!("entries[{i}].{name}");
    if let Some(problem) = path_problem(&entry.path) {
        return Err(Invalid::new(field("path"), problem));
    }
    if previous.is_some_and(|p| p.path.as_bytes() >= entry.path.as_bytes()) {
        return Err(Invalid::new(
            field("path"),
            "entries must be sorted by the UTF-8 bytes of their path, each path once",
        ));
    }
    if !(0..=MAX_SIZE).contains(&entry.size) {
        return Err(Invalid::new(field("size"), "must be 0 to 2^53 - 1"));
    }
    Ok(())
}

pub(crate) fn check_entries(entries: &[Entry]) -> Result<(), Invalid> {
    if entries.len() > MAX_ENTRIES {
        return Err(Invalid::new(
            "entries",
            format!("at most {MAX_ENTRIES} entries"),
        ));
    }
    let mut previous = None;
    for (i, entry) in entries.iter().enumerate() {
        check(i, entry, previous)?;
        previous = Some(entry);
    }
    Ok(())
}

pub(crate) fn write(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEAD.len() + TAIL.len() + entries.len() * 128);
    out.extend_from_slice(HEAD);
    for (i, entry) in entries.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let wire = WireEntryRef {
            kind: entry.kind.as_str(),
            path: &entry.path,
            sha256: hex(&entry.sha256),
            size: entry.size,
        };
        // Writing plain strings and integers into a Vec cannot fail.
        serde_json::to_writer(&mut out, &wire).unwrap_or_default();
    }
    out.extend_from_slice(TAIL);
    out
}

#[cfg(test)]
mod tests;
