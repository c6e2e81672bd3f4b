//! Merge bases in the snapshot DAG: the lowest common ancestors of two snapshots, the latest
//! (by creation time, then id) when there are several (criss-cross merges).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

/// A snapshot as the DAG sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub parents: Vec<String>,
    pub created_at: DateTime<Utc>,
}

/// `start` and every snapshot it descends from, as far as `graph` knows them.
fn ancestors<'a>(graph: &'a HashMap<String, Node>, start: &'a str) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        if seen.insert(id)
            && let Some(node) = graph.get(id)
        {
            stack.extend(node.parents.iter().map(String::as_str));
        }
    }
    seen
}

/// The merge base of `a` and `b` in `graph` (which holds both and all their ancestors): of
/// their common ancestors, those no other common ancestor descends from; the latest of those.
/// None when they share no history.
pub fn merge_base(graph: &HashMap<String, Node>, a: &str, b: &str) -> Option<String> {
    let of_a = ancestors(graph, a);
    let common: HashSet<&str> = ancestors(graph, b)
        .into_iter()
        .filter(|id| of_a.contains(id))
        .collect();
    // Everything strictly above a common ancestor is common too, and not lowest.
    let mut above = HashSet::new();
    let mut stack: Vec<&str> = common
        .iter()
        .filter_map(|id| graph.get(*id))
        .flat_map(|node| node.parents.iter().map(String::as_str))
        .collect();
    while let Some(id) = stack.pop() {
        if above.insert(id)
            && let Some(node) = graph.get(id)
        {
            stack.extend(node.parents.iter().map(String::as_str));
        }
    }
    common
        .into_iter()
        .filter(|id| !above.contains(id))
        .filter_map(|id| graph.get(id).map(|node| (node.created_at, id)))
        .max()
        .map(|(_, id)| id.to_owned())
}
