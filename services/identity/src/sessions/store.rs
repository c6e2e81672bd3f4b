//! Queries on `identity.sessions`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::ids::{SessionId, Tier, UserId};
use tessera_schema::identity::{sessions, users};

use super::domain::{NewSession, Session};

#[derive(Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions, check_for_backend(diesel::pg::Pg))]
struct SessionRow {
    id: SessionId,
    user_id: UserId,
    token_hash: Vec<u8>,
    client_description: String,
    created_at: DateTime<Utc>,
    last_used_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    revoked_at: Option<DateTime<Utc>>,
}

impl From<SessionRow> for Session {
    fn from(row: SessionRow) -> Self {
        Self {
            id: row.id,
            user_id: row.user_id,
            client_description: row.client_description,
            created_at: row.created_at,
            last_used_at: row.last_used_at,
            expires_at: row.expires_at,
        }
    }
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewSession) -> Result<(), DbError> {
    let session = &new.session;
    let row = SessionRow {
        id: session.id,
        user_id: session.user_id,
        token_hash: new.token_hash.to_vec(),
        client_description: session.client_description.clone(),
        created_at: session.created_at,
        last_used_at: session.last_used_at,
        expires_at: session.expires_at,
        revoked_at: None,
    };
    diesel::insert_into(sessions::table)
        .values(row)
        .execute(conn)
        .await?;
    Ok(())
}

/// The live session with this token hash, with its user's plan.
pub async fn live(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    now: DateTime<Utc>,
) -> Result<Option<(Session, Tier)>, DbError> {
    let found = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select((SessionRow::as_select(), users::subscription_tier))
        .first::<(SessionRow, Tier)>(conn)
        .await
        .optional()?;
    Ok(found.map(|(row, tier)| (row.into(), tier)))
}

pub async fn touch(
    conn: &mut AsyncPgConnection,
    id: SessionId,
    now: DateTime<Utc>,
) -> Result<(), DbError> {
    diesel::update(sessions::table.find(id))
        .set(sessions::last_used_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// A page of a user's live sessions, newest first, after the keyset position `after`.
pub async fn list(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    now: DateTime<Utc>,
    after: Option<(DateTime<Utc>, SessionId)>,
    limit: i64,
) -> Result<Vec<Session>, DbError> {
    let mut query = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .order((sessions::created_at.desc(), sessions::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some((created_at, id)) = after {
        query = query.filter(
            sessions::created_at
                .lt(created_at)
                .or(sessions::created_at.eq(created_at).and(sessions::id.lt(id))),
        );
    }
    let rows = query.load(conn).await?;
    Ok(rows.into_iter().map(Session::from).collect())
}

/// Revokes the user's live sessions matching `only` (one id) and not `keep`; returns their ids.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    user_id: UserId,
    only: Option<SessionId>,
    keep: Option<SessionId>,
    now: DateTime<Utc>,
) -> Result<Vec<SessionId>, DbError> {
    let mut query = diesel::update(sessions::table)
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(sessions::id.eq(id));
    }
    if let Some(id) = keep {
        query = query.filter(sessions::id.ne(id));
    }
    Ok(query
        .set(sessions::revoked_at.eq(now))
        .returning(sessions::id)
        .get_results(conn)
        .await?)
}
