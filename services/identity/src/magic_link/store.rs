//! Queries on `identity.auth_codes`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_schema::identity::auth_codes;

use crate::ids::AuthCodeId;

/// A code as stored: only its hash.
#[derive(Insertable)]
#[diesel(table_name = auth_codes, check_for_backend(diesel::pg::Pg))]
struct CodeRow<'a> {
    id: AuthCodeId,
    email: &'a str,
    code_hash: &'a [u8],
    attempts: i32,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// Creation times of the codes sent to `email` since `since`, oldest first.
pub async fn sent_since(
    conn: &mut AsyncPgConnection,
    email: &str,
    since: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, DbError> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::created_at.gt(since))
        .order(auth_codes::created_at.asc())
        .select(auth_codes::created_at)
        .load(conn)
        .await?)
}

/// Stores a fresh code for `email` (its hash only), usable until `expires_at`.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: AuthCodeId,
    email: &str,
    code_hash: &[u8; 32],
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    let row = CodeRow {
        id,
        email,
        code_hash,
        attempts: 0,
        created_at,
        expires_at,
    };
    diesel::insert_into(auth_codes::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

/// The ids and hashes of `email`'s codes still usable now, locked for update.
pub async fn live(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
    max_attempts: i32,
) -> Result<Vec<(AuthCodeId, Vec<u8>)>, DbError> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::used_at.is_null())
        .filter(auth_codes::expires_at.gt(now))
        .filter(auth_codes::attempts.lt(max_attempts))
        .select((auth_codes::id, auth_codes::code_hash))
        .for_update()
        .load(conn)
        .await?)
}

pub async fn count_wrong_attempt(
    conn: &mut AsyncPgConnection,
    ids: &[AuthCodeId],
) -> Result<(), DbError> {
    diesel::update(auth_codes::table.filter(auth_codes::id.eq_any(ids)))
        .set(auth_codes::attempts.eq(auth_codes::attempts + 1))
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks a code used; `false` if it was used already.
pub async fn use_code(
    conn: &mut AsyncPgConnection,
    id: AuthCodeId,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    Ok(diesel::update(
        auth_codes::table
            .find(id)
            .filter(auth_codes::used_at.is_null()),
    )
    .set(auth_codes::used_at.eq(now))
    .execute(conn)
    .await?
        == 1)
}
