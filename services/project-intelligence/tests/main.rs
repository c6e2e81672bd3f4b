//! All of project-intelligence's integration tests in one test binary: the helpers compiled and
//! the binary linked once instead of once per file (cargo-nextest still runs each test in its
//! own process). A new test file is a module here; `autotests = false` in Cargo.toml
//! means a file not listed below is not compiled.

mod harness;

mod access;
mod access_atlas;
mod access_guidance;
mod access_snapshots;
mod action_items;
mod action_items_input;
mod atlas_graph;
mod atlas_search;
mod binary;
mod deployments;
mod drift;
mod drift_input;
mod env_vars;
mod guidance;
mod infrastructure;
mod log_hygiene;
mod manifest_release;
mod projects;
mod run_queue;
mod schema;
mod schema_atlas;
mod schema_guidance;
mod schema_infra;
mod snapshots;
mod suggestions;
mod workspaces;
