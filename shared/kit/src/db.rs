//! The database pool and the one helper every query goes through.
//!
//! Connections are opened with the service's `search_path`, `application_name` and
//! `statement_timeout` as startup parameters, so no extra round trip is spent on them. When a
//! call is dropped mid-query (its deadline passed, or the client went away) the query is
//! cancelled on the server, so abandoned work does not keep running.

use std::str::FromStr;
use std::time::{Duration, Instant};

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig};
use diesel_async::{AnsiTransactionManager, AsyncPgConnection, TransactionManager};
use futures::FutureExt;
pub use scoped_futures::{ScopedBoxFuture, ScopedFutureExt};

use crate::config::{CommonConfig, DatabaseUrl};

/// How a pooled connection is set up.
#[derive(Debug, Clone)]
pub struct DbSettings {
    /// Where to connect.
    pub url: DatabaseUrl,
    /// The Postgres schema the service owns; it becomes the `search_path`.
    pub schema: &'static str,
    /// Shown in `pg_stat_activity`.
    pub application_name: String,
    /// Pool size.
    pub max_connections: u32,
    /// Wait for a free connection at most this long.
    pub acquire_timeout: Duration,
    /// Open one connection within this time.
    pub connect_timeout: Duration,
    /// Server-side `statement_timeout`.
    pub statement_timeout: Duration,
    /// Role to switch to on connect, if any.
    pub role: Option<String>,
}

impl DbSettings {
    /// Settings for `service` (used as application name) from the common configuration.
    pub fn from_config(config: &CommonConfig, service: &str, schema: &'static str) -> Self {
        Self {
            url: config.database_url.clone(),
            schema,
            application_name: format!("tessera-{service}"),
            max_connections: config.db_max_connections,
            acquire_timeout: config.db_acquire_timeout,
            connect_timeout: config.db_connect_timeout,
            statement_timeout: config.db_statement_timeout,
            role: config.db_role.clone(),
        }
    }

    fn pg_config(&self) -> Result<tokio_postgres::Config, DbError> {
        let mut pg = tokio_postgres::Config::from_str(self.url.expose())
            .map_err(|_| DbError::Unavailable("the database URL cannot be parsed".into()))?;
        let mut options = format!(
            "-c search_path={} -c statement_timeout={} -c lock_timeout={}",
            self.schema,
            self.statement_timeout.as_millis(),
            self.statement_timeout.as_millis(),
        );
        if let Some(role) = &self.role {
            options.push_str(&format!(" -c role={role}"));
        }
        pg.application_name(&self.application_name)
            .options(options)
            .connect_timeout(self.connect_timeout)
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(30));
        Ok(pg)
    }
}

/// Opens one connection with the service's settings (outside the pool: migrations, tests).
pub async fn connect(settings: &DbSettings) -> Result<AsyncPgConnection, DbError> {
    let pg = settings.pg_config()?;
    connect_with(&pg).await.map_err(DbError::Unavailable)
}

async fn connect_with(pg: &tokio_postgres::Config) -> Result<AsyncPgConnection, String> {
    let (client, connection) = pg
        .connect(tokio_postgres::NoTls)
        .await
        .map_err(|e| describe_connect_error(&e))?;
    AsyncPgConnection::try_from_client_and_connection(client, connection)
        .await
        .map_err(|e| format!("connection setup failed: {e}"))
}

/// A connect error without anything from the URL (tokio-postgres never prints the password,
/// but the cause chain is all a developer needs).
fn describe_connect_error(err: &tokio_postgres::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// A pool of connections to the service's own schema.
#[derive(Clone)]
pub struct Db {
    pool: Pool<AsyncPgConnection>,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db")
            .field("status", &self.pool.status())
            .finish()
    }
}

impl Db {
    /// Builds the pool. No connection is opened until one is needed.
    pub fn new(settings: &DbSettings) -> Result<Self, DbError> {
        let pg = settings.pg_config()?;
        let mut manager_config = ManagerConfig::<AsyncPgConnection>::default();
        manager_config.custom_setup = Box::new(move |_url| {
            let pg = pg.clone();
            async move {
                connect_with(&pg)
                    .await
                    .map_err(diesel::ConnectionError::BadConnection)
            }
            .boxed()
        });
        let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new_with_config(
            String::new(),
            manager_config,
        );
        let pool = Pool::builder(manager)
            .max_size(settings.max_connections as usize)
            .wait_timeout(Some(settings.acquire_timeout))
            .create_timeout(Some(settings.connect_timeout))
            .recycle_timeout(Some(settings.connect_timeout))
            .runtime(deadpool::Runtime::Tokio1)
            .build()
            .map_err(|e| DbError::Unavailable(format!("pool configuration: {e}")))?;
        Ok(Self { pool })
    }

    /// Takes a connection from the pool; fails fast with `Unavailable` when the database is down.
    pub async fn conn(&self) -> Result<Object<AsyncPgConnection>, DbError> {
        self.pool.get().await.map_err(|e| {
            use deadpool::managed::PoolError;
            DbError::Unavailable(match e {
                PoolError::Timeout(_) => "no database connection became free in time".into(),
                PoolError::Backend(e) => e.to_string(),
                PoolError::Closed => "the connection pool is closed".into(),
                other => other.to_string(),
            })
        })
    }

    /// Runs `op` in one transaction, retrying serialization failures and deadlocks a few times.
    /// `name` labels the operation in logs and traces. If the returned future is dropped while a
    /// statement runs, that statement is cancelled on the server.
    pub async fn transaction<'a, R, E, F>(&self, name: &'static str, op: F) -> Result<R, E>
    where
        F: for<'c> Fn(&'c mut AsyncPgConnection) -> ScopedBoxFuture<'a, 'c, Result<R, E>>
            + Send
            + Sync
            + 'a,
        R: Send + 'a,
        E: TransactionError + 'a,
    {
        const ATTEMPTS: u32 = 4;
        let started = Instant::now();
        let mut attempt = 1;
        loop {
            let result = self.attempt(&op).await;
            match result {
                Err(ref err) if err.is_retryable() && attempt < ATTEMPTS => {
                    tracing::debug!(op = name, attempt, "transaction conflict, retrying");
                    let jitter = rand::random_range(0..5u64 << attempt);
                    tokio::time::sleep(Duration::from_millis(jitter)).await;
                    attempt += 1;
                }
                Err(ref err) => {
                    tracing::warn!(op = name, elapsed_ms = started.elapsed().as_millis() as u64, error = %err, "database operation failed");
                    return result;
                }
                Ok(_) => {
                    tracing::trace!(
                        op = name,
                        elapsed_ms = started.elapsed().as_millis() as u64,
                        "database operation done"
                    );
                    return result;
                }
            }
        }
    }

    async fn attempt<'a, R, E, F>(&self, op: &F) -> Result<R, E>
    where
        F: for<'c> Fn(&'c mut AsyncPgConnection) -> ScopedBoxFuture<'a, 'c, Result<R, E>>
            + Send
            + Sync
            + 'a,
        R: Send + 'a,
        E: TransactionError + 'a,
    {
        let mut conn = self.conn().await?;
        let conn: &mut AsyncPgConnection = &mut conn;
        let guard = CancelOnDrop::new(conn.cancel_token());
        AnsiTransactionManager::begin_transaction(conn)
            .await
            .map_err(DbError::from)?;
        let outcome = match op(conn).await {
            Ok(value) => AnsiTransactionManager::commit_transaction(conn)
                .await
                .map(|()| value)
                .map_err(|e| E::from(DbError::from(e))),
            Err(err) => {
                // A failed rollback leaves the connection marked broken; the pool discards it.
                let _ = AnsiTransactionManager::rollback_transaction(conn).await;
                Err(err)
            }
        };
        guard.disarm();
        outcome
    }

    /// Runs `SELECT 1` through the pool: is the database answering?
    pub async fn ping(&self) -> Result<(), DbError> {
        use diesel_async::RunQueryDsl;
        let mut conn = self.conn().await?;
        diesel::sql_query("SELECT 1").execute(&mut conn).await?;
        Ok(())
    }

    /// Closes the pool: idle connections are dropped, later `conn` calls fail.
    pub fn close(&self) {
        self.pool.close();
    }
}

/// The error a transaction's body returns: database errors convert into it, and it says
/// whether the whole transaction is worth retrying (a serialization failure or deadlock).
pub trait TransactionError: From<DbError> + std::fmt::Display + Send {
    /// Whether retrying the transaction from the start may succeed.
    fn is_retryable(&self) -> bool;
}

impl TransactionError for DbError {
    fn is_retryable(&self) -> bool {
        matches!(self, DbError::Conflict)
    }
}

/// Cancels the running statement on the server if dropped before `disarm`.
struct CancelOnDrop(Option<tokio_postgres::CancelToken>);

impl CancelOnDrop {
    fn new(token: tokio_postgres::CancelToken) -> Self {
        Self(Some(token))
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        let Some(token) = self.0.take() else { return };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(err) = token.cancel_query(tokio_postgres::NoTls).await {
                    tracing::debug!(error = %err, "cancelling an abandoned statement failed");
                }
            });
        }
    }
}

/// What can go wrong talking to the database, classified for the caller.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The database cannot be reached, or the pool has no connection to give in time.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A statement was cancelled: the statement timeout or the call's deadline passed.
    #[error("database statement cancelled or timed out")]
    Cancelled,
    /// A unique constraint was violated.
    #[error("unique constraint violated: {constraint}")]
    UniqueViolation {
        /// The constraint's name.
        constraint: String,
    },
    /// A foreign key constraint was violated.
    #[error("foreign key constraint violated: {constraint}")]
    ForeignKeyViolation {
        /// The constraint's name.
        constraint: String,
    },
    /// A check or not-null constraint rejected a value that validation should have caught.
    #[error("constraint violated: {constraint}")]
    CheckViolation {
        /// The constraint's (or column's) name.
        constraint: String,
    },
    /// Serialization failure or deadlock that retries did not resolve.
    #[error("concurrent modification conflict")]
    Conflict,
    /// Anything else: a bug or an unexpected database state.
    #[error("database error: {0}")]
    Other(DieselError),
}

impl From<DieselError> for DbError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::DatabaseError(kind, info) => {
                let constraint = || {
                    info.constraint_name()
                        .or(info.column_name())
                        .unwrap_or("unknown")
                        .to_owned()
                };
                match kind {
                    DatabaseErrorKind::UniqueViolation => Self::UniqueViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::ForeignKeyViolation
                    | DatabaseErrorKind::RestrictViolation => Self::ForeignKeyViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::CheckViolation
                    | DatabaseErrorKind::NotNullViolation
                    | DatabaseErrorKind::ExclusionViolation => Self::CheckViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::SerializationFailure => Self::Conflict,
                    DatabaseErrorKind::ClosedConnection
                    | DatabaseErrorKind::UnableToSendCommand => {
                        Self::Unavailable("the database connection was lost".into())
                    }
                    _ => classify_message(info.message())
                        .unwrap_or_else(|| Self::Other(DieselError::DatabaseError(kind, info))),
                }
            }
            DieselError::BrokenTransactionManager => {
                Self::Unavailable("the database connection was lost".into())
            }
            other => Self::Other(other),
        }
    }
}

/// diesel-async reports some SQLSTATEs only as `Unknown`: classify those by PostgreSQL's
/// (stable, English, untranslated for these) server messages.
fn classify_message(message: &str) -> Option<DbError> {
    const CANCELLED: [&str; 2] = ["canceling statement due to", "canceling autovacuum"];
    const CONFLICT: [&str; 2] = ["deadlock detected", "could not serialize access"];
    const UNAVAILABLE: [&str; 6] = [
        "terminating connection",
        "the database system is",
        "connection closed",
        "connection reset",
        "error communicating with the server",
        "server closed the connection",
    ];
    let m = message.to_ascii_lowercase();
    if CANCELLED.iter().any(|p| m.starts_with(p)) {
        Some(DbError::Cancelled)
    } else if CONFLICT.iter().any(|p| m.starts_with(p)) {
        Some(DbError::Conflict)
    } else if UNAVAILABLE.iter().any(|p| m.contains(p)) {
        Some(DbError::Unavailable(
            "the database connection was lost".into(),
        ))
    } else {
        None
    }
}

impl From<DbError> for tonic::Status {
    fn from(err: DbError) -> Self {
        use crate::error;
        match err {
            DbError::Unavailable(reason) => {
                tracing::warn!(%reason, "database unavailable");
                error::unavailable(
                    "the database is unavailable; retry later",
                    Duration::from_secs(1),
                )
            }
            DbError::Cancelled => tonic::Status::deadline_exceeded(
                "the operation ran past its deadline and was cancelled",
            ),
            DbError::UniqueViolation { .. } => {
                tonic::Status::already_exists("the resource already exists")
            }
            DbError::ForeignKeyViolation { .. } => {
                tonic::Status::failed_precondition("a resource this one depends on does not exist")
            }
            DbError::Conflict => tonic::Status::aborted("concurrent modification; retry the call"),
            err @ (DbError::CheckViolation { .. } | DbError::Other(_)) => error::internal(&err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_messages_are_classified() {
        assert!(matches!(
            classify_message("canceling statement due to statement timeout"),
            Some(DbError::Cancelled)
        ));
        assert!(matches!(
            classify_message("canceling statement due to user request"),
            Some(DbError::Cancelled)
        ));
        assert!(matches!(
            classify_message("deadlock detected"),
            Some(DbError::Conflict)
        ));
        assert!(matches!(
            classify_message("terminating connection due to administrator command"),
            Some(DbError::Unavailable(_))
        ));
        assert!(classify_message("relation \"x\" does not exist").is_none());
    }

    #[test]
    fn internal_errors_reveal_nothing() {
        let err = DbError::Other(DieselError::QueryBuilderError(
            "SELECT secret FROM t".into(),
        ));
        let status = tonic::Status::from(err);
        assert_eq!(status.code(), tonic::Code::Internal);
        assert!(!status.message().contains("SELECT"), "{}", status.message());
    }

    #[test]
    fn unavailable_carries_retry_info() {
        use tonic_types::StatusExt;
        let status = tonic::Status::from(DbError::Unavailable("x".into()));
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert!(status.get_details_retry_info().is_some());
    }
}
