//! All of identity's integration tests in one test binary: the helpers compiled and
//! the binary linked once instead of once per file (cargo-nextest still runs each test in its
//! own process). A new test file is a module here; `autotests = false` in Cargo.toml
//! means a file not listed below is not compiled.

mod accounts;
mod api_keys;
mod authorization;
mod binary;
mod closed_sets;
mod db_tls;
mod events;
mod fresh_start;
mod input;
mod limits;
mod log_hygiene;
mod maintenance;
mod migrations;
mod passwordless;
mod revocation;
mod security_events;
mod sessions;
mod throttle;
mod throttle_logs;
