use std::collections::{BTreeMap, HashMap};

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use tessera_manifest::{Entry, Kind};

use super::dag::{Node, merge_base};
use super::diff::{Diff, diff};
use super::merge::merge;

fn e(path: &str, kind: Kind, content: u8, size: i64) -> Entry {
    Entry {
        path: path.into(),
        kind,
        sha256: [content; 32],
        size,
    }
}

fn f(path: &str, content: u8) -> Entry {
    e(path, Kind::File, content, i64::from(content) * 10)
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn strs<'a>(list: &[&'a str]) -> Vec<&'a str> {
    list.to_vec()
}

#[test]
fn empty_and_equal_trees_have_no_drift() {
    assert_eq!(diff(&[], &[]), Diff::default());
    let tree = [f("a", 1), f("b/c", 2)];
    let same = diff(&tree, &tree);
    assert_eq!(same.both_same, strs(&["a", "b/c"]));
    assert_eq!(
        (
            same.files_added(),
            same.files_deleted(),
            same.files_modified()
        ),
        (0, 0, 0)
    );
    assert_eq!(same.bytes_changed, 0);
    let all_new = diff(&tree, &[]);
    assert_eq!(all_new.workspace_only, strs(&["a", "b/c"]));
    assert_eq!(all_new.bytes_changed, 30);
}

#[test]
fn adds_deletes_and_changes_count_their_bytes() {
    let source = [f("a", 1), f("b", 2), f("c", 3)];
    let workspace = [f("a", 1), f("b", 4), f("d", 5)];
    let d = diff(&workspace, &source);
    assert_eq!(d.workspace_only, strs(&["d"]));
    assert_eq!(d.source_only, strs(&["c"]));
    assert_eq!(d.both_different, strs(&["b"]));
    assert_eq!(d.both_same, strs(&["a"]));
    // Added 50, modified 40 (the workspace's size), deleted 30.
    assert_eq!(d.bytes_changed, 120);
}

#[test]
fn renames_pair_equal_content_in_path_order_and_not_across_kinds() {
    let source = [f("old/one", 1), f("old/two", 1), f("script", 2), f("x", 3)];
    let workspace = [
        f("new/one", 1),
        f("new/three", 1),
        f("new/two", 1),
        e("tool", Kind::Exec, 2, 20),
    ];
    let d = diff(&workspace, &source);
    assert_eq!(
        d.renamed,
        vec![("old/one", "new/one"), ("old/two", "new/three")]
    );
    // The third copy in path order is an addition; the exec is not the file renamed (kind differs).
    assert_eq!(d.workspace_only, strs(&["new/two", "tool"]));
    assert_eq!(d.source_only, strs(&["script", "x"]));
}

#[test]
fn a_kind_change_at_one_path_is_a_modification() {
    let (exec, plain) = ([e("run", Kind::Exec, 1, 10)], [e("run", Kind::File, 1, 10)]);
    let d = diff(&exec, &plain);
    assert_eq!(d.both_different, strs(&["run"]));
    assert_eq!(d.bytes_changed, 10);
    let (link, plain) = ([e("l", Kind::Symlink, 1, 10)], [e("l", Kind::File, 1, 10)]);
    assert_eq!(diff(&link, &plain).both_different, strs(&["l"]));
}

#[test]
fn three_way_merges_one_sided_changes_and_finds_conflicts() {
    let base = [
        f("both", 1),
        f("conflict", 1),
        f("dropped", 1),
        f("keep", 1),
        f("ours", 1),
    ];
    let workspace = [
        f("both", 2),
        f("conflict", 2),
        f("keep", 1),
        f("new", 1),
        f("ours", 3),
    ];
    let source = [
        f("both", 2),
        f("conflict", 4),
        f("dropped", 1),
        f("keep", 1),
        f("ours", 1),
        f("theirs", 1),
    ];
    let m = merge(&workspace, &source, &base);
    assert_eq!(m.changed_alike, strings(&["both"]));
    assert_eq!(m.conflicts, strings(&["conflict"]));
    assert_eq!(m.changed_in_workspace, strings(&["dropped", "new", "ours"]));
    assert_eq!(m.changed_in_source, strings(&["theirs"]));
    let paths: Vec<&str> = m.merged.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["both", "conflict", "keep", "new", "ours", "theirs"]);
    assert_eq!(m.merged[4], f("ours", 3));
    // A path deleted on both sides is gone, alike.
    let m = merge(&[], &[], &[f("x", 1)]);
    assert_eq!((m.changed_alike, m.merged), (strings(&["x"]), vec![]));
}

fn node(parents: &[&str], minute: u32) -> Node {
    Node {
        parents: strings(parents),
        created_at: Utc.with_ymd_and_hms(2026, 1, 1, 0, minute, 0).unwrap(),
    }
}

#[test]
fn the_merge_base_is_the_latest_lowest_common_ancestor() {
    // root -> a1, b1; criss-cross: a2 = merge(a1, b1), b2 = merge(b1, a1). Both a1 and b1 are
    // lowest common ancestors of a2 and b2; b1 is the later one.
    let graph: HashMap<String, Node> = [
        ("root", node(&[], 0)),
        ("a1", node(&["root"], 1)),
        ("b1", node(&["root"], 2)),
        ("a2", node(&["a1", "b1"], 3)),
        ("b2", node(&["b1", "a1"], 4)),
        ("lone", node(&[], 5)),
    ]
    .into_iter()
    .map(|(id, n)| (id.to_string(), n))
    .collect();
    assert_eq!(merge_base(&graph, "a2", "b2").as_deref(), Some("b1"));
    assert_eq!(merge_base(&graph, "a1", "b1").as_deref(), Some("root"));
    // An ancestor is its descendant's merge base; a snapshot is its own.
    assert_eq!(merge_base(&graph, "a2", "a1").as_deref(), Some("a1"));
    assert_eq!(merge_base(&graph, "b2", "b2").as_deref(), Some("b2"));
    assert_eq!(merge_base(&graph, "a2", "lone"), None);
}

#[test]
fn equal_times_break_ties_by_id() {
    let graph: HashMap<String, Node> = [
        ("r", node(&[], 0)),
        ("x", node(&["r"], 1)),
        ("y", node(&["r"], 1)),
        ("m1", node(&["x", "y"], 2)),
        ("m2", node(&["x", "y"], 2)),
    ]
    .into_iter()
    .map(|(id, n)| (id.to_string(), n))
    .collect();
    assert_eq!(merge_base(&graph, "m1", "m2").as_deref(), Some("y"));
}

/// The same diff by maps: lookups instead of a merge, renames by sorted lists per content.
fn naive<'a>(workspace: &'a [Entry], source: &'a [Entry]) -> Diff<'a> {
    let ours: BTreeMap<&[u8], &Entry> = workspace.iter().map(|e| (e.path.as_bytes(), e)).collect();
    let theirs: BTreeMap<&[u8], &Entry> = source.iter().map(|e| (e.path.as_bytes(), e)).collect();
    let mut out = Diff::default();
    let mut added: BTreeMap<(Kind, [u8; 32]), Vec<&Entry>> = BTreeMap::new();
    let mut deleted: BTreeMap<(Kind, [u8; 32]), Vec<&Entry>> = BTreeMap::new();
    for (path, entry) in &ours {
        match theirs.get(path) {
            Some(other) if other.same_content(entry) => out.both_same.push(&entry.path),
            Some(_) => {
                out.both_different.push(&entry.path);
                out.bytes_changed += entry.size;
            }
            None => added
                .entry((entry.kind, entry.sha256))
                .or_default()
                .push(entry),
        }
    }
    for (path, entry) in &theirs {
        if !ours.contains_key(path) {
            deleted
                .entry((entry.kind, entry.sha256))
                .or_default()
                .push(entry);
        }
    }
    let mut only_added = Vec::new();
    for (key, list) in &added {
        let gone = deleted.get(key).map(Vec::as_slice).unwrap_or(&[]);
        for (i, entry) in list.iter().enumerate() {
            match gone.get(i) {
                Some(from) => out.renamed.push((&from.path, &entry.path)),
                None => only_added.push(*entry),
            }
        }
    }
    for (key, list) in &deleted {
        let paired = added.get(key).map_or(0, Vec::len);
        for entry in list.iter().skip(paired) {
            out.source_only.push(&entry.path);
            out.bytes_changed += entry.size;
        }
    }
    only_added.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    for entry in only_added {
        out.workspace_only.push(&entry.path);
        out.bytes_changed += entry.size;
    }
    out.source_only
        .sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    out.renamed
        .sort_by(|a, b| a.1.as_bytes().cmp(b.1.as_bytes()));
    out
}

fn arb_tree() -> impl Strategy<Value = Vec<Entry>> {
    let path = "[abé/]{1,5}".prop_filter("a valid path", |p| {
        tessera_manifest::path_problem(p).is_none()
    });
    let kind = prop_oneof![Just(Kind::File), Just(Kind::Exec), Just(Kind::Symlink)];
    prop::collection::btree_map(path, (kind, 0u8..4, 0i64..100), 0..30).prop_map(|map| {
        let mut tree: Vec<Entry> = map
            .into_iter()
            .map(|(path, (kind, content, size))| Entry {
                path,
                kind,
                sha256: [content; 32],
                size,
            })
            .collect();
        tree.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
        tree
    })
}

proptest! {
    #[test]
    fn the_merge_agrees_with_a_map_diff(workspace in arb_tree(), source in arb_tree()) {
        prop_assert_eq!(diff(&workspace, &source), naive(&workspace, &source));
    }

    #[test]
    fn merging_a_tree_with_its_base_takes_the_other_side(ours in arb_tree(), base in arb_tree()) {
        let m = merge(&ours, &base, &base);
        prop_assert!(m.conflicts.is_empty() && m.changed_in_source.is_empty());
        prop_assert_eq!(m.merged, ours);
    }
}
