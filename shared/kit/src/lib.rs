//! The Tessera service runtime: every service configures, logs, traces, pools connections,
//! migrates, maps errors, serves and stops the same way through this crate.

pub mod auth;
pub mod client;
pub mod config;
pub mod db;
pub mod error;
pub mod migrate;
mod rpc_layer;
pub mod runner;
pub mod server;
pub mod telemetry;

pub use config::CommonConfig;
pub use db::{Db, DbError};
pub use server::{Context, ServiceSpec, Services};
