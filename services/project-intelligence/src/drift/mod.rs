//! Drift: how a workspace's tree differs from another tree, two-way or over their merge base,
//! and syncing one into the other. `diff`, `merge` and `dag` are pure; the rest reads the
//! stored manifests and the snapshot DAG.

pub mod api;
pub mod compare;
pub mod dag;
pub mod diff;
pub mod merge;
pub mod reports;
pub mod sources;
pub mod sync;

#[cfg(test)]
mod tests;
