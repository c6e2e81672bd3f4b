//! The driver secrets stored in the vault schema (`s3_credentials.secret_key`,
//! `ftp_endpoints.password`, `http_credentials.credentials`): envelopes of the kit's key ring
//! (`enc:v2`), each bound to its table, row and column. At start-up every envelope under an
//! older key id has its data key re-wrapped under the primary, so an old key can leave the ring
//! once that has run.

use diesel::QueryableByName;
use diesel::sql_types::{Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::db::{Db, ScopedFutureExt, TransactionError};
use tessera_kit::keyring::{self, KeyRing};
use tessera_kit::{Context, DbError};
use uuid::Uuid;

/// Rows re-wrapped per transaction.
const BATCH: usize = 200;

/// The associated data of a secret in `table.column` of row `id`.
pub fn context(table: &str, id: Uuid, column: &str) -> String {
    keyring::context(table, id, column)
}

/// Why re-wrapping stopped.
#[derive(Debug, thiserror::Error)]
pub enum RewrapError {
    #[error(transparent)]
    Db(#[from] DbError),
    /// An envelope names a key the ring lacks, or does not authenticate: an operator must act.
    #[error("re-wrapping {table}: {reason}")]
    Sealing { table: &'static str, reason: String },
}

impl From<diesel::result::Error> for RewrapError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err.into())
    }
}

impl TransactionError for RewrapError {
    fn as_db_error(&self) -> Option<&DbError> {
        match self {
            Self::Db(err) => Some(err),
            Self::Sealing { .. } => None,
        }
    }
}

/// A column holding envelopes: how SQL reads the envelope out of it and writes one back.
struct SealedColumn {
    table: &'static str,
    column: &'static str,
    /// The transaction's name (metrics, logs).
    name: &'static str,
    read: &'static str,
    /// `$2` is the new envelope.
    write: &'static str,
}

const SEALED_COLUMNS: [SealedColumn; 3] = [
    SealedColumn {
        table: "s3_credentials",
        column: "secret_key",
        name: "rewrap_s3_credentials",
        read: "secret_key",
        write: "$2",
    },
    SealedColumn {
        table: "ftp_endpoints",
        column: "password",
        name: "rewrap_ftp_endpoints",
        read: "password",
        write: "$2",
    },
    SealedColumn {
        table: "http_credentials",
        column: "credentials",
        name: "rewrap_http_credentials",
        read: "credentials ->> 'sealed'",
        write: "jsonb_build_object('sealed', $2::text)",
    },
];

#[derive(QueryableByName)]
struct Sealed {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Text)]
    sealed: String,
}

/// Re-wraps one batch of `sealed`'s envelopes not under the primary key; returns how many
/// rows it looked at (NULL secrets never match).
async fn rewrap_batch(
    conn: &mut AsyncPgConnection,
    ring: &KeyRing,
    sealed: &SealedColumn,
) -> Result<usize, RewrapError> {
    let rows: Vec<Sealed> = diesel::sql_query(format!(
        "SELECT id, {read} AS sealed FROM vault.{table} WHERE {read} NOT LIKE $1
         LIMIT {BATCH} FOR UPDATE SKIP LOCKED",
        read = sealed.read,
        table = sealed.table,
    ))
    .bind::<Text, _>(ring.envelope_pattern())
    .load(conn)
    .await?;
    for row in &rows {
        let aad = context(sealed.table, row.id, sealed.column);
        let moved = ring
            .rewrap(&row.sealed, &aad)
            .map_err(|reason| RewrapError::Sealing {
                table: sealed.table,
                reason,
            })?;
        if let Some(moved) = moved {
            diesel::sql_query(format!(
                "UPDATE vault.{table} SET {column} = {write} WHERE id = $1",
                table = sealed.table,
                column = sealed.column,
                write = sealed.write,
            ))
            .bind::<SqlUuid, _>(row.id)
            .bind::<Text, _>(moved)
            .execute(conn)
            .await?;
        }
    }
    Ok(rows.len())
}

/// Re-wraps every stored secret not under the primary key; returns how many were.
pub async fn rewrap_all(db: &Db, ring: &KeyRing) -> Result<usize, RewrapError> {
    let mut total = 0;
    for sealed in &SEALED_COLUMNS {
        total += keyring::rotate(db, sealed.name, |conn| {
            rewrap_batch(conn, ring, sealed).scope_boxed()
        })
        .await?;
    }
    Ok(total)
}

/// Re-wraps the stored secrets once the schema is migrated (every replica may; the row locks
/// share the work).
pub fn start(ctx: &Context) {
    let Some(ring) = ctx.config.key_ring.clone() else {
        return;
    };
    let ctx = ctx.clone();
    tokio::spawn(async move {
        if !ctx.wait_until_ready().await {
            return;
        }
        match rewrap_all(&ctx.db, &ring).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                rewrapped = n,
                "re-wrapped storage secrets under the primary key"
            ),
            Err(err) => tracing::error!(error = %err, "re-wrapping storage secrets failed"),
        }
    });
}
