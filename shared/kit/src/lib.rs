//! The Tessera service runtime: every service configures, logs, traces, measures, pools
//! connections, migrates, authenticates callers, pages, publishes and follows events, maps
//! errors, serves and stops the same way through this crate. See `docs/ARCHITECTURE.md`.

pub mod api_error;
pub mod auth;
pub mod client;
pub mod clock;
pub mod config;
pub mod convert;
pub mod db;
pub mod error;
pub mod events;
pub mod ids;
pub mod keyring;
pub mod metrics;
pub mod migrate;
pub mod notify;
pub mod paging;
pub mod probe;
pub mod ratelimit;
mod rpc_layer;
pub mod runner;
pub mod server;
pub mod stream;
pub mod telemetry;
pub mod text;
pub mod tls;

pub use config::CommonConfig;
pub use db::{Db, DbError};
pub use server::{Context, ServiceSpec, Services};

/// What the kit's macros expand to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use diesel;
    pub use serde;
    pub use uuid;
}
