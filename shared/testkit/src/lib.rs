//! Test support: a fresh PostgreSQL database per test (cloned from a migrated template),
//! services started in-process on ephemeral ports, connected clients, and a TCP proxy that can
//! cut a service off from its database.

pub mod binary;
pub mod db;
pub mod echo;
pub mod grpc;
pub mod logs;
pub mod proxy;
pub mod service;

pub use db::TestDb;
pub use service::TestService;

/// Sends the service's logs to the test's captured output; `RUST_LOG` tunes it (default `warn`).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_test_writer()
        .try_init();
}
