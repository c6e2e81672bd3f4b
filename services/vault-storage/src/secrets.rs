//! The driver secrets stored in the vault schema (`s3_credentials.secret_key`,
//! `ftp_endpoints.password`, `http_credentials.credentials`): envelopes of the kit's key ring
//! (`enc:v2`), each bound to its table, row and column. At start-up every envelope under an
//! older key id has its data key re-wrapped under the primary, so an old key can leave the ring
//! once that has run.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::db::{Db, ScopedFutureExt, TransactionError};
use tessera_kit::keyring::{self, KeyRing};
use tessera_kit::{Context, DbError};
use tessera_schema::vault::{ftp_endpoints, http_credentials, s3_credentials};
use uuid::Uuid;

/// Rows re-wrapped per transaction.
const BATCH: i64 = 200;

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

fn sealing_failed(table: &'static str) -> impl Fn(String) -> RewrapError {
    move |reason| RewrapError::Sealing { table, reason }
}

async fn rewrap_s3(conn: &mut AsyncPgConnection, ring: &KeyRing) -> Result<usize, RewrapError> {
    let rows: Vec<(Uuid, String)> = s3_credentials::table
        .filter(s3_credentials::secret_key.not_like(ring.envelope_pattern()))
        .select((s3_credentials::id, s3_credentials::secret_key))
        .limit(BATCH)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    for (id, sealed) in &rows {
        let aad = context("s3_credentials", *id, "secret_key");
        if let Some(moved) = ring
            .rewrap(sealed, &aad)
            .map_err(sealing_failed("s3_credentials"))?
        {
            diesel::update(s3_credentials::table.find(id))
                .set(s3_credentials::secret_key.eq(moved))
                .execute(conn)
                .await?;
        }
    }
    Ok(rows.len())
}

async fn rewrap_ftp(conn: &mut AsyncPgConnection, ring: &KeyRing) -> Result<usize, RewrapError> {
    let rows: Vec<(Uuid, Option<String>)> = ftp_endpoints::table
        .filter(ftp_endpoints::password.not_like(ring.envelope_pattern()))
        .select((ftp_endpoints::id, ftp_endpoints::password))
        .limit(BATCH)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    for (id, sealed) in &rows {
        let Some(sealed) = sealed else { continue };
        let aad = context("ftp_endpoints", *id, "password");
        if let Some(moved) = ring
            .rewrap(sealed, &aad)
            .map_err(sealing_failed("ftp_endpoints"))?
        {
            diesel::update(ftp_endpoints::table.find(id))
                .set(ftp_endpoints::password.eq(moved))
                .execute(conn)
                .await?;
        }
    }
    Ok(rows.len())
}

async fn rewrap_http(conn: &mut AsyncPgConnection, ring: &KeyRing) -> Result<usize, RewrapError> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Bool, Text};
    let rows: Vec<(Uuid, serde_json::Value)> = http_credentials::table
        .filter(
            sql::<Bool>("credentials ->> 'sealed' NOT LIKE ")
                .bind::<Text, _>(ring.envelope_pattern()),
        )
        .select((http_credentials::id, http_credentials::credentials))
        .limit(BATCH)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    for (id, credentials) in &rows {
        let Some(sealed) = credentials.get("sealed").and_then(|v| v.as_str()) else {
            continue; // the CHECK constraint makes this impossible
        };
        let aad = context("http_credentials", *id, "credentials");
        if let Some(moved) = ring
            .rewrap(sealed, &aad)
            .map_err(sealing_failed("http_credentials"))?
        {
            diesel::update(http_credentials::table.find(id))
                .set(http_credentials::credentials.eq(serde_json::json!({ "sealed": moved })))
                .execute(conn)
                .await?;
        }
    }
    Ok(rows.len())
}

/// Re-wraps every stored secret not under the primary key; returns how many were.
pub async fn rewrap_all(db: &Db, ring: &KeyRing) -> Result<usize, RewrapError> {
    let s3 = keyring::rotate(db, "rewrap_s3_credentials", |conn| {
        rewrap_s3(conn, ring).scope_boxed()
    })
    .await?;
    let ftp = keyring::rotate(db, "rewrap_ftp_endpoints", |conn| {
        rewrap_ftp(conn, ring).scope_boxed()
    })
    .await?;
    let http = keyring::rotate(db, "rewrap_http_credentials", |conn| {
        rewrap_http(conn, ring).scope_boxed()
    })
    .await?;
    Ok(s3 + ftp + http)
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
