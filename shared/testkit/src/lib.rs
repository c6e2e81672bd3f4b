//! Test support: a fresh PostgreSQL database per test (cloned from a migrated template),
//! services started in-process on ephemeral ports and wired to each other ([`TestSuite`]),
//! identity with helpers for users and tokens ([`TestIdentity`]), connected clients, and a TCP
//! proxy that can cut a service off from its database.

pub mod binary;
pub mod cluster;
pub mod db;
pub mod echo;
pub mod fuzz;
pub mod grpc;
pub mod identity;
pub mod logs;
pub mod observe;
pub mod pg;
pub mod probes;
pub mod proxy;
pub mod schema;
pub mod service;
pub mod suite;
pub mod tls;
pub mod vault;

pub use db::TestDb;
pub use identity::{PASSWORD, SERVICE_TOKEN, TestIdentity, authed, bad_fields, reason};
pub use service::TestService;
pub use suite::{RunningSuite, TestSuite};

/// Sends the service's logs to the test's captured output; `RUST_LOG` tunes it (default `warn`).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}
