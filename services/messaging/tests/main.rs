//! All of messaging's integration tests in one test binary: the helpers compiled and
//! the binary linked once instead of once per file (cargo-nextest still runs each test in its
//! own process). A new test file is a module here; `autotests = false` in Cargo.toml
//! means a file not listed below is not compiled.

mod forum;
mod harness;

mod access;
mod account_purge;
mod batches;
mod binary;
mod bundles;
mod chats;
mod crash;
mod delivery;
mod devices;
mod forum_access;
mod forum_groups;
mod forum_media;
mod forum_threads;
mod handshakes;
mod schema;
mod send;
mod tls;
