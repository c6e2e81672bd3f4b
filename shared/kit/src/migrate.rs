//! Applies one service's embedded migrations to its own schema.
//!
//! Diesel's ledger (`__diesel_schema_migrations`) is created unqualified, so with the
//! connection's `search_path` set to the service's schema it lives inside that schema: each
//! service tracks only its own migrations. A session-level advisory lock per schema keeps two
//! replicas (or services) that start together from racing each other.

use diesel::migration::{Migration, MigrationSource};
use diesel::pg::Pg;
use diesel::sql_types::{Bool, Text};
use diesel::{QueryableByName, RunQueryDsl};
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness};

use crate::db::{DbError, DbSettings, connect};

/// Why migrating failed.
#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    /// The database could not be reached.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A migration failed to apply.
    #[error("migration failed: {0}")]
    Migration(String),
}

/// Applies the pending migrations of `settings.schema`, creating the schema if it is missing.
/// Returns the versions applied by this call (empty when up to date).
pub async fn run(
    settings: &DbSettings,
    migrations: &'static EmbeddedMigrations,
) -> Result<Vec<String>, MigrateError> {
    let schema = settings.schema;
    assert!(
        !schema.is_empty() && schema.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "schema names are compile-time constants of lowercase letters and underscores"
    );
    let conn = connect(settings).await?;
    // The wrapper captures the current runtime handle, so it can block inside spawn_blocking.
    let mut conn: AsyncConnectionWrapper<AsyncPgConnection> = AsyncConnectionWrapper::from(conn);
    tokio::task::spawn_blocking(move || migrate_locked(&mut conn, schema, migrations))
        .await
        .map_err(|e| MigrateError::Migration(format!("migration task failed: {e}")))?
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

fn migrate_locked(
    conn: &mut AsyncConnectionWrapper<AsyncPgConnection>,
    schema: &'static str,
    migrations: &'static EmbeddedMigrations,
) -> Result<Vec<String>, MigrateError> {
    let lock_key = format!("tessera.migrate.{schema}");
    diesel::sql_query("SELECT pg_advisory_lock(hashtext($1))")
        .bind::<Text, _>(&lock_key)
        .execute(conn)
        .map_err(DbError::from)?;

    let result = (|| {
        // CREATE SCHEMA needs database-level privileges a least-privilege role lacks, even with
        // IF NOT EXISTS; so look first and create only when it is really missing.
        let present = diesel::sql_query(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS exists",
        )
        .bind::<Text, _>(schema)
        .get_result::<Exists>(conn)
        .map_err(DbError::from)?;
        if !present.exists {
            diesel::sql_query(format!("CREATE SCHEMA \"{schema}\""))
                .execute(conn)
                .map_err(DbError::from)?;
            tracing::info!(schema, "created schema");
        }
        let applied = conn
            .run_pending_migrations(Source(migrations))
            .map_err(|e| MigrateError::Migration(e.to_string()))?;
        Ok(applied.iter().map(ToString::to_string).collect::<Vec<_>>())
    })();

    // The lock is also released when the connection closes, which follows right after.
    let _ = diesel::sql_query("SELECT pg_advisory_unlock(hashtext($1))")
        .bind::<Text, _>(&lock_key)
        .execute(conn);
    result
}

/// Lends a `'static` set of embedded migrations to diesel, which takes its source by value.
struct Source(&'static EmbeddedMigrations);

impl MigrationSource<Pg> for Source {
    fn migrations(&self) -> diesel::migration::Result<Vec<Box<dyn Migration<Pg>>>> {
        self.0.migrations()
    }
}
