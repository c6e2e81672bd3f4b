//! Queries on `identity.throttles`.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_schema::identity::throttles;

/// One subject's failure counters.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = throttles, check_for_backend(diesel::pg::Pg), treat_none_as_null = true)]
pub struct Counters {
    pub subject: String,
    pub failures: i32,
    pub lockouts: i32,
    pub locked_until: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

/// The counters of `subject`, locked for update (created if missing). One statement: the row
/// is created or locked and read at once, so a success clearing it meanwhile (another sign-in
/// deleting the row between an insert and a read) cannot leave nothing to read.
pub async fn lock(
    conn: &mut AsyncPgConnection,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<Counters, DbError> {
    use diesel::upsert::excluded;
    Ok(diesel::insert_into(throttles::table)
        .values((
            throttles::subject.eq(subject),
            throttles::updated_at.eq(now),
        ))
        .on_conflict(throttles::subject)
        .do_update()
        .set(throttles::subject.eq(excluded(throttles::subject)))
        .returning(Counters::as_returning())
        .get_result(conn)
        .await?)
}

/// Until when `subject` is locked out, if it ever was.
pub async fn locked_until(
    conn: &mut AsyncPgConnection,
    subject: &str,
) -> Result<Option<DateTime<Utc>>, DbError> {
    Ok(throttles::table
        .find(subject)
        .select(throttles::locked_until)
        .first::<Option<DateTime<Utc>>>(conn)
        .await
        .optional()?
        .flatten())
}

pub async fn save(conn: &mut AsyncPgConnection, counters: &Counters) -> Result<(), DbError> {
    diesel::update(throttles::table.find(&counters.subject))
        .set(counters)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn clear(conn: &mut AsyncPgConnection, subject: &str) -> Result<(), DbError> {
    diesel::delete(throttles::table.find(subject))
        .execute(conn)
        .await?;
    Ok(())
}
