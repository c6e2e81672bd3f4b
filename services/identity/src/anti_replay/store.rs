//! Queries on `identity.used_tokens`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_schema::identity::used_tokens;

/// Records a one-time token; `false` if it was claimed before.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, DbError> {
    let inserted = diesel::insert_into(used_tokens::table)
        .values((used_tokens::token.eq(token), used_tokens::used_at.eq(now)))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(inserted == 1)
}

/// Deletes claims recorded before `before`.
pub async fn sweep(conn: &mut AsyncPgConnection, before: DateTime<Utc>) -> Result<usize, DbError> {
    Ok(
        diesel::delete(used_tokens::table.filter(used_tokens::used_at.lt(before)))
            .execute(conn)
            .await?,
    )
}
