//! Comparisons as the RPCs return them: two-way from the manifests, three-way over the merge
//! base read from the DAG.

use diesel_async::AsyncPgConnection;
use tessera_kit::api_error::ApiError;
use tessera_manifest::Entry;
use tessera_proto::tessera::intelligence::v1 as pb;

use super::dag::merge_base;
use super::diff::Diff;
use super::merge::{Merge, merge};
use super::sources::{Sides, entries, graph};
use crate::snapshots::store as snapshots;

/// A three-way comparison and the base it used.
#[derive(Debug)]
pub struct ThreeWay {
    /// None when the sides share no history (then the base is empty).
    pub base: Option<String>,
    pub merge: Merge,
}

/// Both sides' entries.
pub async fn load(
    conn: &mut AsyncPgConnection,
    sides: &Sides,
) -> Result<(Vec<Entry>, Vec<Entry>), ApiError> {
    Ok((
        entries(conn, &sides.ours).await?,
        entries(conn, &sides.theirs).await?,
    ))
}

/// The three-way comparison of `ours` and `theirs` (the sides' entries).
pub async fn three_way(
    conn: &mut AsyncPgConnection,
    sides: &Sides,
    ours: &[Entry],
    theirs: &[Entry],
) -> Result<ThreeWay, ApiError> {
    let project = sides.workspace.project_id;
    let (a, b) = (sides.ours.row.id.clone(), sides.theirs.row.id.clone());
    let dag = graph(conn, project, &[a.clone(), b.clone()]).await?;
    let base = merge_base(&dag, &a, &b);
    let base_entries = match &base {
        Some(id) => {
            let snapshot = snapshots::in_project(conn, project, id).await?;
            entries(conn, &snapshot).await?
        }
        None => Vec::new(),
    };
    Ok(ThreeWay {
        merge: merge(ours, theirs, &base_entries),
        base,
    })
}

fn owned(paths: &[&str]) -> Vec<String> {
    paths.iter().map(|p| (*p).to_owned()).collect()
}

/// The wire form of a two-way diff.
pub fn two_way_wire(diff: &Diff, include_same: bool) -> pb::TwoWay {
    pb::TwoWay {
        source_only: owned(&diff.source_only),
        workspace_only: owned(&diff.workspace_only),
        both_same: if include_same {
            owned(&diff.both_same)
        } else {
            Vec::new()
        },
        both_different: owned(&diff.both_different),
        renamed: diff
            .renamed
            .iter()
            .map(|(from, to)| pb::Rename {
                from: (*from).to_owned(),
                to: (*to).to_owned(),
            })
            .collect(),
        files_added: diff.files_added() as i64,
        files_deleted: diff.files_deleted() as i64,
        files_modified: diff.files_modified() as i64,
        bytes_changed: diff.bytes_changed,
    }
}

/// The wire form of a three-way comparison.
pub fn three_way_wire(t: &ThreeWay) -> pb::ThreeWay {
    pb::ThreeWay {
        merge_base_snapshot_id: t.base.clone().unwrap_or_default(),
        no_common_ancestor: t.base.is_none(),
        changed_in_workspace: t.merge.changed_in_workspace.clone(),
        changed_in_source: t.merge.changed_in_source.clone(),
        changed_alike: t.merge.changed_alike.clone(),
        conflicts: t.merge.conflicts.clone(),
    }
}
