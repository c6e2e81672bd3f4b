//! Drift: how a workspace's tree differs from another tree, two-way or over their merge base.

pub mod dag;
pub mod diff;
pub mod merge;

#[cfg(test)]
mod tests;
