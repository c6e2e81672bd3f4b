//! The testkit's schema checks, for the `vault` schema.

#[allow(unused_imports)] // not every test binary uses both
pub use tessera_testkit::pg::{Column, NOW};
use tokio_postgres::Client;

/// Asserts that each `vault` table has exactly these columns, in order.
pub async fn assert_columns(tables: &[(&str, &[Column])]) {
    tessera_testkit::pg::assert_columns("vault", tables).await;
}

/// Runs `sql` as vault-storage's role and returns the name of the constraint it broke.
pub async fn broken(client: &Client, sql: &str) -> String {
    tessera_testkit::pg::broken(client, "vault", sql).await
}
