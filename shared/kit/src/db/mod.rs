//! The database pool and the two helpers every query goes through: [`Db::transaction`] for
//! work that writes or reads more than once, [`Db::read`] for a single read.
//!
//! Connections are opened with the service's `search_path`, `application_name` and
//! `statement_timeout` as startup parameters, so no extra round trip is spent on them. When a
//! call is dropped mid-query (its deadline passed, or the client went away) the query is
//! cancelled on the server, so abandoned work does not keep running. Every operation's latency
//! and outcome is recorded by name in the service's metrics.

mod error;
mod prepared;

use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use diesel_async::pooled_connection::deadpool::{Object, Pool};
use diesel_async::pooled_connection::{AsyncDieselConnectionManager, ManagerConfig};
use diesel_async::{AnsiTransactionManager, AsyncPgConnection, TransactionManager};
use futures::FutureExt;
pub use scoped_futures::{ScopedBoxFuture, ScopedFutureExt};
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres_rustls::MakeRustlsConnect;

pub use error::DbError;
pub use prepared::{Prepared, prepared};

use crate::config::{CommonConfig, DatabaseUrl};
use crate::metrics::Metrics;
use crate::tls::postgres::{PgTls, SslMode, split_url, tls_failure};

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
    /// The CA for `sslmode=verify-ca`/`verify-full` when the URL names no `sslrootcert`.
    pub ca_file: Option<PathBuf>,
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
            ca_file: config.db_ca_file.clone(),
        }
    }

    /// How connections use TLS: the URL's `sslmode` with its CA (or `TESSERA_DB_CA_FILE`).
    pub fn tls(&self) -> Result<PgTls, String> {
        let split = split_url(self.url.expose())?;
        PgTls::new(
            split.mode,
            split.root_cert.as_deref().or(self.ca_file.as_deref()),
        )
    }

    /// The tokio-postgres configuration these settings describe.
    pub fn pg_config(&self) -> Result<tokio_postgres::Config, DbError> {
        let unparsable = || DbError::Unavailable("the database URL cannot be parsed".into());
        let split = split_url(self.url.expose()).map_err(|_| unparsable())?;
        let mut pg = tokio_postgres::Config::from_str(&split.url).map_err(|_| unparsable())?;
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
    let tls = settings.tls().map_err(DbError::Unavailable)?;
    connect_with(&pg, &tls)
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))
}

/// Why a connection could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectFailure {
    /// Worth another try: the server is down, starting or overloaded.
    #[error("{0}")]
    Unreachable(String),
    /// Another try will not help: TLS or authentication refused, or settings that cannot work.
    #[error("{0}")]
    Misconfigured(String),
}

/// Opens and closes one connection, telling a passing outage from a setting that can never
/// work (start-up gives up at once on the latter, naming it).
pub async fn check(settings: &DbSettings) -> Result<(), ConnectFailure> {
    let pg = settings
        .pg_config()
        .map_err(|e| ConnectFailure::Misconfigured(e.to_string()))?;
    let tls = settings.tls().map_err(ConnectFailure::Misconfigured)?;
    let (client, connection) = connect_raw(&pg, &tls).await?;
    drop(client);
    let _ = connection.await;
    Ok(())
}

async fn connect_with(
    pg: &tokio_postgres::Config,
    tls: &PgTls,
) -> Result<AsyncPgConnection, ConnectFailure> {
    let (client, connection) = connect_raw(pg, tls).await?;
    AsyncPgConnection::try_from_client_and_connection(client, connection)
        .await
        .map_err(|e| ConnectFailure::Unreachable(format!("connection setup failed: {e}")))
}

/// The stream under a connection: TLS or plain, as negotiated.
type TlsStream = <MakeRustlsConnect as MakeTlsConnect<tokio_postgres::Socket>>::Stream;

/// A raw tokio-postgres connection that the caller drives (the LISTEN connection).
pub(crate) async fn connect_raw(
    pg: &tokio_postgres::Config,
    tls: &PgTls,
) -> Result<
    (
        tokio_postgres::Client,
        tokio_postgres::Connection<tokio_postgres::Socket, TlsStream>,
    ),
    ConnectFailure,
> {
    let mut pg = pg.clone();
    tls.apply(&mut pg);
    pg.connect(tls.connector())
        .await
        .map_err(|e| classify(&e, tls))
}

/// Sorts a connect error into retry or give up, with a hint where one helps.
fn classify(err: &tokio_postgres::Error, tls: &PgTls) -> ConnectFailure {
    let message = describe_connect_error(err);
    let mode = tls.mode().as_str();
    if let Some(tls_error) = tls_failure(err) {
        return ConnectFailure::Misconfigured(format!(
            "TLS with the database failed (sslmode={mode}): {tls_error}"
        ));
    }
    let Some(db) = err.as_db_error() else {
        return ConnectFailure::Unreachable(message);
    };
    // 28000 (no pg_hba.conf entry / rejected) and 28P01 (wrong password): settings, not luck.
    let code = db.code().code();
    if code == "28000" || code == "28P01" {
        let hint = if tls.mode() == SslMode::Disable && db.message().contains("no encryption") {
            " (the server requires TLS: set sslmode=require or stricter in DATABASE_URL)"
        } else {
            ""
        };
        return ConnectFailure::Misconfigured(format!(
            "the database refused the connection: {message}{hint}"
        ));
    }
    ConnectFailure::Unreachable(message)
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
    metrics: Option<Metrics>,
    /// For cancelling statements over the same kind of connection.
    tls: PgTls,
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
        let tls = settings.tls().map_err(DbError::Unavailable)?;
        let setup_tls = tls.clone();
        let mut manager_config = ManagerConfig::<AsyncPgConnection>::default();
        manager_config.custom_setup = Box::new(move |_url| {
            let (pg, tls) = (pg.clone(), setup_tls.clone());
            async move {
                connect_with(&pg, &tls)
                    .await
                    .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))
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
        Ok(Self {
            pool,
            metrics: None,
            tls,
        })
    }

    /// Records every operation's latency in `metrics`.
    pub fn with_metrics(mut self, metrics: Metrics) -> Self {
        self.metrics = Some(metrics);
        self
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
            + Sync,
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
                    self.finished(name, started, Some(err));
                    return result;
                }
                Ok(_) => {
                    self.finished::<E>(name, started, None);
                    return result;
                }
            }
        }
    }

    async fn attempt<'a, R, E, F>(&self, op: &F) -> Result<R, E>
    where
        F: for<'c> Fn(&'c mut AsyncPgConnection) -> ScopedBoxFuture<'a, 'c, Result<R, E>>
            + Send
            + Sync,
        R: Send + 'a,
        E: TransactionError + 'a,
    {
        let mut conn = self.conn().await?;
        let conn: &mut AsyncPgConnection = &mut conn;
        let guard = CancelOnDrop::new(conn.cancel_token(), self.tls.clone());
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

    /// Runs `op` on a pooled connection without opening a transaction: for a single read,
    /// which saves the BEGIN and COMMIT round trips (the introspection hot path). Not retried;
    /// a dropped call cancels its statement as [`Db::transaction`] does.
    pub async fn read<'a, R, E, F>(&self, name: &'static str, op: F) -> Result<R, E>
    where
        F: for<'c> FnOnce(&'c mut AsyncPgConnection) -> ScopedBoxFuture<'a, 'c, Result<R, E>>
            + Send,
        R: Send + 'a,
        E: TransactionError + 'a,
    {
        let started = Instant::now();
        let result = async {
            let mut conn = self.conn().await?;
            let conn: &mut AsyncPgConnection = &mut conn;
            let guard = CancelOnDrop::new(conn.cancel_token(), self.tls.clone());
            let result = op(conn).await;
            guard.disarm();
            result
        }
        .await;
        self.finished(name, started, result.as_ref().err());
        result
    }

    /// Logs and records one operation's outcome.
    fn finished<E: TransactionError>(&self, name: &'static str, started: Instant, err: Option<&E>) {
        let elapsed = started.elapsed();
        if let Some(metrics) = &self.metrics {
            metrics.record_db(name, err.is_none(), elapsed);
        }
        let elapsed_ms = elapsed.as_millis() as u64;
        match err {
            // A refusal the domain expects (throttled, not found) is not a database failure.
            Some(err) if err.is_database_failure() => {
                tracing::warn!(op = name, elapsed_ms, error = %err, "database operation failed");
            }
            Some(err) => {
                tracing::debug!(op = name, elapsed_ms, outcome = %err, "database operation refused");
            }
            None => tracing::trace!(op = name, elapsed_ms, "database operation done"),
        }
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
/// whether the whole transaction is worth retrying (a serialization failure or deadlock) and
/// whether it is a database failure at all (rather than a refusal of the domain's own).
pub trait TransactionError: From<DbError> + std::fmt::Display + Send {
    /// The database error inside, if this is one.
    fn as_db_error(&self) -> Option<&DbError>;

    /// Whether retrying the transaction from the start may succeed.
    fn is_retryable(&self) -> bool {
        matches!(self.as_db_error(), Some(DbError::Conflict))
    }

    /// Whether the database failed (logged as a warning) rather than the domain refusing.
    fn is_database_failure(&self) -> bool {
        self.as_db_error().is_some_and(DbError::is_failure)
    }
}

impl TransactionError for DbError {
    fn as_db_error(&self) -> Option<&DbError> {
        Some(self)
    }
}

/// Cancels the running statement on the server if dropped before `disarm`.
struct CancelOnDrop(Option<(tokio_postgres::CancelToken, PgTls)>);

impl CancelOnDrop {
    fn new(token: tokio_postgres::CancelToken, tls: PgTls) -> Self {
        Self(Some((token, tls)))
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        let Some((token, tls)) = self.0.take() else {
            return;
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                if let Err(err) = token.cancel_query(tls.connector()).await {
                    tracing::debug!(error = %err, "cancelling an abandoned statement failed");
                }
            });
        }
    }
}
