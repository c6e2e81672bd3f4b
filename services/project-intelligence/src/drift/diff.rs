//! The two-way diff: one merge over two manifests sorted by path bytes, O(n + m), then
//! renames paired by content among the paths only one side has.

use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};

use tessera_manifest::{Entry, Kind};

/// How a workspace's tree differs from a source tree (another workspace, main, a snapshot).
/// Paths borrow from the manifests compared: a comparison allocates no string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff<'a> {
    /// Paths only the source has (deleted in the workspace), renames excluded.
    pub source_only: Vec<&'a str>,
    /// Paths only the workspace has (added), renames excluded.
    pub workspace_only: Vec<&'a str>,
    /// Paths both have with the same kind and content.
    pub both_same: Vec<&'a str>,
    /// Paths both have with another kind or content (modified).
    pub both_different: Vec<&'a str>,
    /// (source path, workspace path): one side's path only, same kind and SHA-256.
    pub renamed: Vec<(&'a str, &'a str)>,
    /// Added sizes and modified sizes on the workspace side, plus deleted sizes.
    pub bytes_changed: i64,
}

impl Diff<'_> {
    /// Files the workspace added.
    pub fn files_added(&self) -> usize {
        self.workspace_only.len()
    }

    /// Files the workspace deleted.
    pub fn files_deleted(&self) -> usize {
        self.source_only.len()
    }

    /// Files both have, changed.
    pub fn files_modified(&self) -> usize {
        self.both_different.len()
    }
}

/// The diff of `workspace` against `source`, both sorted by path bytes with unique paths.
pub fn diff<'a>(workspace: &'a [Entry], source: &'a [Entry]) -> Diff<'a> {
    let mut out = Diff::default();
    let mut added: Vec<&'a Entry> = Vec::new();
    let mut deleted: Vec<&'a Entry> = Vec::new();
    let (mut w, mut s) = (0, 0);
    while w < workspace.len() || s < source.len() {
        let order = match (workspace.get(w), source.get(s)) {
            (Some(a), Some(b)) => a.path.as_bytes().cmp(b.path.as_bytes()),
            (Some(_), None) => Ordering::Less,
            _ => Ordering::Greater,
        };
        match order {
            Ordering::Less => {
                added.push(&workspace[w]);
                w += 1;
            }
            Ordering::Greater => {
                deleted.push(&source[s]);
                s += 1;
            }
            Ordering::Equal => {
                let (ours, theirs) = (&workspace[w], &source[s]);
                if ours.same_content(theirs) {
                    out.both_same.push(&ours.path);
                } else {
                    out.both_different.push(&ours.path);
                    out.bytes_changed += ours.size;
                }
                w += 1;
                s += 1;
            }
        }
    }
    pair_renames(&mut out, added, deleted);
    out
}

/// Pairs added and deleted paths of equal kind and SHA-256, in path order; the rest count as
/// added and deleted.
fn pair_renames<'a>(out: &mut Diff<'a>, added: Vec<&'a Entry>, deleted: Vec<&'a Entry>) {
    let mut by_content: HashMap<(Kind, [u8; 32]), VecDeque<&'a Entry>> = HashMap::new();
    for entry in &deleted {
        by_content
            .entry((entry.kind, entry.sha256))
            .or_default()
            .push_back(entry);
    }
    let mut renamed_from = std::collections::HashSet::new();
    for entry in added {
        match by_content
            .get_mut(&(entry.kind, entry.sha256))
            .and_then(VecDeque::pop_front)
        {
            Some(from) => {
                renamed_from.insert(from.path.as_str());
                out.renamed.push((&from.path, &entry.path));
            }
            None => {
                out.workspace_only.push(&entry.path);
                out.bytes_changed += entry.size;
            }
        }
    }
    for entry in deleted {
        if !renamed_from.contains(entry.path.as_str()) {
            out.source_only.push(&entry.path);
            out.bytes_changed += entry.size;
        }
    }
}
