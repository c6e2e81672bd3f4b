//! All of the testkit's integration tests in one test binary: the helpers compiled and
//! the binary linked once instead of once per file (cargo-nextest still runs each test in its
//! own process). A new test file is a module here; `autotests = false` in Cargo.toml
//! means a file not listed below is not compiled.

mod access;
mod cross_user;
mod edge;
mod events;
mod fuzz;
mod kit;
mod migrations;
mod prepared;
mod roles;
mod schema;
mod serving;
mod storage;
