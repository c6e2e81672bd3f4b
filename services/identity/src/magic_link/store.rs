//! Queries on `identity.auth_codes`.

use chrono::{DateTime, Utc};
use diesel::PgExpressionMethods;
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
    client_address: Option<&'a str>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
}

/// Takes the transaction-scoped lock of a recipient, so concurrent sends count each other.
pub async fn lock_recipient(conn: &mut AsyncPgConnection, email: &str) -> Result<(), DbError> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtext('identity.auth_codes:' || $1))")
        .bind::<diesel::sql_types::Text, _>(email)
        .execute(conn)
        .await?;
    Ok(())
}

/// When, and for which client address, codes were sent to `email` since `since`, oldest
/// first.
pub async fn sent_since(
    conn: &mut AsyncPgConnection,
    email: &str,
    since: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, Option<String>)>, DbError> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::created_at.gt(since))
        .order(auth_codes::created_at.asc())
        .select((auth_codes::created_at, auth_codes::client_address))
        .load(conn)
        .await?)
}

/// Stores a fresh code for `email` (its hash only), requested from `client_address`, usable
/// until `expires_at`.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    id: AuthCodeId,
    email: &str,
    code_hash: &[u8; 32],
    client_address: Option<&str>,
    created_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    let row = CodeRow {
        id,
        email,
        code_hash,
        client_address,
        created_at,
        expires_at,
    };
    diesel::insert_into(auth_codes::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

/// The ids and hashes of `email`'s codes still usable now (fewer wrong guesses than
/// `from_requester` from their requester and `in_all` in all), locked for update.
pub async fn live(
    conn: &mut AsyncPgConnection,
    email: &str,
    now: DateTime<Utc>,
    from_requester: i32,
    in_all: i32,
) -> Result<Vec<(AuthCodeId, Vec<u8>)>, DbError> {
    Ok(auth_codes::table
        .filter(auth_codes::email.eq(email))
        .filter(auth_codes::used_at.is_null())
        .filter(auth_codes::expires_at.gt(now))
        .filter(auth_codes::requester_attempts.lt(from_requester))
        .filter(auth_codes::attempts.lt(in_all))
        .select((auth_codes::id, auth_codes::code_hash))
        .for_update()
        .load(conn)
        .await?)
}

/// Counts a wrong guess from `client_address` against these codes: against all of them in
/// all, and against those that address requested as the requester's.
pub async fn count_wrong_attempt(
    conn: &mut AsyncPgConnection,
    ids: &[AuthCodeId],
    client_address: Option<&str>,
) -> Result<(), DbError> {
    let codes = || auth_codes::table.filter(auth_codes::id.eq_any(ids));
    diesel::update(codes())
        .set(auth_codes::attempts.eq(auth_codes::attempts + 1))
        .execute(conn)
        .await?;
    let requested_here = auth_codes::client_address.is_not_distinct_from(client_address);
    diesel::update(codes().filter(requested_here))
        .set(auth_codes::requester_attempts.eq(auth_codes::requester_attempts + 1))
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
