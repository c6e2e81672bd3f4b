//! Where a file's bytes go on its volume: the volume's prefix, then by its path strategy the
//! owner's namespace and the client's path (`none`), the file's id (`uuid`), or the SHA-256
//! declared up front (`hash`, one object shared by every file with that content).
//!
//! With `enforce_hierarchy`, a client path's segments become directories; without it, the
//! whole path is one object name: segments joined by the volume's delimiter (escaped as well
//! when it is `/`, which would make directories), with the delimiter, `/` and `%` inside a
//! segment percent-escaped, so distinct paths never collide.

use std::fmt::Write;

use uuid::Uuid;

use crate::ids::{Namespace, PathStrategy};

/// How a volume lays out its objects (its row's settings).
#[derive(Debug, Clone)]
pub struct Layout {
    pub prefix: Option<String>,
    pub enforce_hierarchy: bool,
    pub delimiter: String,
    pub strategy: PathStrategy,
}

/// What a stored object is named after.
#[derive(Debug, Clone, Copy)]
pub struct Naming<'a> {
    pub namespace: Namespace,
    /// The user id or app id the namespace belongs to.
    pub owner: &'a str,
    /// A validated client path (`crate::paths::client_path`).
    pub path: &'a str,
    pub file_id: Uuid,
    pub sha256: Option<&'a [u8; 32]>,
}

fn escape(segment: &str, delimiter: &str, out: &mut String) {
    let mut rest = segment;
    while !rest.is_empty() {
        if !delimiter.is_empty() && rest.starts_with(delimiter) {
            for byte in delimiter.bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
            rest = &rest[delimiter.len()..];
            continue;
        }
        let c = rest.chars().next().unwrap_or_default();
        match c {
            '%' | '/' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
}

impl Layout {
    /// The object path, relative to the volume's root; `None` for the `hash` strategy when no
    /// SHA-256 was declared (the caller refuses the upload).
    pub fn storage_path(&self, naming: &Naming<'_>) -> Option<String> {
        let mut out = String::new();
        if let Some(prefix) = self.prefix.as_deref().map(|p| p.trim_matches('/'))
            && !prefix.is_empty()
        {
            out.push_str(prefix);
            out.push('/');
        }
        match self.strategy {
            PathStrategy::Uuid => {
                let _ = write!(out, "{}", naming.file_id);
            }
            PathStrategy::Hash => {
                for byte in naming.sha256? {
                    let _ = write!(out, "{byte:02x}");
                }
            }
            PathStrategy::None => {
                let segments = [naming.namespace.as_str(), naming.owner]
                    .into_iter()
                    .chain(naming.path.split('/'));
                if self.enforce_hierarchy {
                    let parts: Vec<&str> = segments.collect();
                    out.push_str(&parts.join("/"));
                } else {
                    // A `/` delimiter would make directories after all: it is escaped too.
                    let join = if self.delimiter.contains('/') {
                        "%2F"
                    } else {
                        self.delimiter.as_str()
                    };
                    for (i, segment) in segments.enumerate() {
                        if i > 0 {
                            out.push_str(join);
                        }
                        escape(segment, &self.delimiter, &mut out);
                    }
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(strategy: PathStrategy, enforce_hierarchy: bool, delimiter: &str) -> Layout {
        Layout {
            prefix: Some("/tenant-a/".into()),
            enforce_hierarchy,
            delimiter: delimiter.into(),
            strategy,
        }
    }

    const ID: Uuid = Uuid::from_u128(0x0192_0000_0000_7000_8000_0000_0000_0001);

    fn naming(path: &str) -> Naming<'_> {
        Naming {
            namespace: Namespace::Users,
            owner: "0192aaaa-0000-7000-8000-000000000002",
            path,
            file_id: ID,
            sha256: Some(&[0xab; 32]),
        }
    }

    #[test]
    fn each_strategy_names_objects_as_documented() {
        let path = |l: &Layout, p| l.storage_path(&naming(p)).expect("path");
        assert_eq!(
            path(&layout(PathStrategy::None, true, "/"), "docs/a.txt"),
            "tenant-a/users/0192aaaa-0000-7000-8000-000000000002/docs/a.txt"
        );
        assert_eq!(
            path(&layout(PathStrategy::Uuid, true, "/"), "docs/a.txt"),
            format!("tenant-a/{ID}")
        );
        assert_eq!(
            path(&layout(PathStrategy::Hash, true, "/"), "docs/a.txt"),
            format!("tenant-a/{}", "ab".repeat(32))
        );
        let mut no_hash = naming("x");
        no_hash.sha256 = None;
        assert_eq!(
            layout(PathStrategy::Hash, true, "/").storage_path(&no_hash),
            None
        );
    }

    #[test]
    fn flat_names_escape_the_delimiter_so_paths_never_collide() {
        let flat = layout(PathStrategy::None, false, "|");
        let name = |p| flat.storage_path(&naming(p)).expect("path");
        assert_eq!(
            name("docs/a|b%.txt"),
            "tenant-a/users|0192aaaa-0000-7000-8000-000000000002|docs|a%7Cb%25.txt"
        );
        assert_ne!(
            name("a|b"),
            name("a/b"),
            "a delimiter in a name is not a separator"
        );
        let slash = layout(PathStrategy::None, false, "/");
        let flat_name = slash.storage_path(&naming("docs/a.txt")).expect("path");
        assert_eq!(
            flat_name.matches('/').count(),
            1,
            "only the prefix's: {flat_name}"
        );
    }
}
