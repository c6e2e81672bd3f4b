//! All of vault-storage's integration tests in one test binary: the helpers compiled and
//! the binary linked once instead of once per file (cargo-nextest still runs each test in its
//! own process). A new test file is a module here; `autotests = false` in Cargo.toml
//! means a file not listed below is not compiled.

mod harness;
mod servers;

mod account_purge;
mod admin;
mod authorization;
mod binary;
mod blob_writes;
mod blobs;
mod capabilities;
mod closed_sets;
mod conformance;
mod drivers;
mod files;
mod hostile;
mod manifest_writes;
mod media_relay;
mod quotas;
mod schema;
mod secrets;
mod sweeper;
mod uploads;
mod vault;
mod vault_analytics;
mod vault_files;
mod vault_logs;
mod vault_schema;
mod versions;
