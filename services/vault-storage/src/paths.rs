//! What a client may name a file: a relative path of plain segments. Everything a backend
//! could read as "elsewhere" (`..`, a leading `/`, backslashes, empty or control-character
//! segments) is refused here, before any driver sees it; local volumes resolve beneath their
//! directory as well, so a symlink cannot lead out either.

use crate::drivers::TEMP_PREFIX;

/// Longest client path, in bytes.
pub const MAX_PATH: usize = 1024;
/// Longest segment, in bytes (what common filesystems allow).
pub const MAX_SEGMENT: usize = 255;

/// The path as stored (segments joined by `/`), or why it is refused (a field violation's
/// description).
pub fn client_path(raw: &str) -> Result<String, &'static str> {
    if raw.is_empty() {
        return Err("a path is required");
    }
    if raw.len() > MAX_PATH {
        return Err("paths are at most 1024 bytes");
    }
    if raw.starts_with('/') {
        return Err("paths are relative: no leading /");
    }
    if raw.contains('\\') {
        return Err("paths separate segments with /, never \\");
    }
    for segment in raw.split('/') {
        match segment {
            "" => return Err("paths have no empty segments (no // and no trailing /)"),
            "." | ".." => return Err("paths have no . or .. segments"),
            s if s.len() > MAX_SEGMENT => return Err("path segments are at most 255 bytes"),
            s if s.chars().any(char::is_control) => {
                return Err("paths contain no control characters");
            }
            s if s.starts_with(TEMP_PREFIX) => {
                return Err("path segments do not start with .tessera-");
            }
            _ => {}
        }
    }
    Ok(raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_relative_paths_pass() {
        for good in [
            "a.txt",
            "docs/2026/report final.pdf",
            "ünïcode/名前.txt",
            ".hidden",
        ] {
            assert_eq!(client_path(good).as_deref(), Ok(good));
        }
    }

    #[test]
    fn limits_are_inclusive() {
        let full = "s".repeat(MAX_SEGMENT);
        assert!(client_path(&full).is_ok());
        assert!(client_path(&format!("{full}s")).is_err());
        // Five segments (255, 255, 255, 254, 1 bytes) and four slashes: exactly 1024 bytes.
        let exactly = format!("{full}/{full}/{full}/{}/x", "s".repeat(254));
        assert_eq!(exactly.len(), MAX_PATH);
        assert!(client_path(&exactly).is_ok());
        assert!(client_path(&format!("{exactly}x")).is_err());
    }

    #[test]
    fn anything_that_could_lead_elsewhere_is_refused() {
        let long_segment = "x".repeat(256);
        let long_path = ["a"; 600].join("/");
        for bad in [
            "",
            "/etc/passwd",
            "../secret",
            "a/../../b",
            "a/./b",
            "a//b",
            "a/",
            "a\\..\\b",
            "a/b\u{0}c",
            "new\nline",
            ".tessera-0192.part",
            long_segment.as_str(),
            long_path.as_str(),
        ] {
            assert!(client_path(bad).is_err(), "{bad:?}");
        }
    }
}
