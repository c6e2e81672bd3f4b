//! The three-way merge: each path of the workspace, the source and their merge base, walked
//! together in path order (O(n + m + b)), is unchanged, changed on one side, changed on both
//! alike, or a conflict. Without conflicts the merged tree takes every change.

use tessera_manifest::Entry;

/// What a three-way comparison found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merge {
    /// Paths only the workspace changed (added, modified or deleted since the base).
    pub changed_in_workspace: Vec<String>,
    /// Paths only the source changed.
    pub changed_in_source: Vec<String>,
    /// Paths both changed the same way.
    pub changed_alike: Vec<String>,
    /// Paths both changed differently.
    pub conflicts: Vec<String>,
    /// The merged tree, sorted by path: whole only when there is no conflict (a conflicting
    /// path keeps the workspace's side).
    pub merged: Vec<Entry>,
}

fn same(a: Option<&Entry>, b: Option<&Entry>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same_content(b),
        (None, None) => true,
        _ => false,
    }
}

/// Merges `workspace` and `source` over `base`, all sorted by path bytes with unique paths.
pub fn merge(workspace: &[Entry], source: &[Entry], base: &[Entry]) -> Merge {
    let mut out = Merge::default();
    let (mut w, mut s, mut b) = (0, 0, 0);
    loop {
        // The smallest path any side has next.
        let next = [workspace.get(w), source.get(s), base.get(b)]
            .into_iter()
            .flatten()
            .map(|e| e.path.as_bytes())
            .min();
        let Some(path) = next else { break };
        let take = |list: &[Entry], i: &mut usize| -> Option<Entry> {
            let entry = list.get(*i).filter(|e| e.path.as_bytes() == path)?;
            *i += 1;
            Some(entry.clone())
        };
        let ours = take(workspace, &mut w);
        let theirs = take(source, &mut s);
        let old = take(base, &mut b);
        let name = || {
            ours.as_ref()
                .or(theirs.as_ref())
                .or(old.as_ref())
                .map(|e| e.path.clone())
                .unwrap_or_default()
        };
        let kept = if same(ours.as_ref(), theirs.as_ref()) {
            if !same(ours.as_ref(), old.as_ref()) {
                out.changed_alike.push(name());
            }
            ours
        } else if same(ours.as_ref(), old.as_ref()) {
            out.changed_in_source.push(name());
            theirs
        } else if same(theirs.as_ref(), old.as_ref()) {
            out.changed_in_workspace.push(name());
            ours
        } else {
            out.conflicts.push(name());
            ours
        };
        out.merged.extend(kept);
    }
    out
}
