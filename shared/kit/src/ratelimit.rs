//! Rate limits counted in PostgreSQL, so every replica of a service enforces the same budget.
//!
//! Each limited key (say, a device and a chat) is one row of the service's `rate_limits`
//! table holding GCRA's theoretical arrival time: a request is allowed while, after adding one
//! emission interval, that time lies at most one period ahead of now. One upsert decides and
//! records atomically (the row lock orders concurrent callers), so a burst can never exceed
//! its size, whatever the number of callers or replicas.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel::sql_types::{BigInt, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::DbError;

/// `burst` requests per `period`: a full burst at once, then one per `period / burst`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Requests allowed at once.
    pub burst: u32,
    /// The time over which `burst` requests refill.
    pub period: Duration,
}

impl Rate {
    /// Time between two requests once the burst is spent.
    pub fn interval(&self) -> Duration {
        self.period / self.burst.max(1)
    }
}

impl std::str::FromStr for Rate {
    type Err = String;

    /// `N/DURATION`, e.g. `6/10m` (six per ten minutes) or `60/1m` (a burst of 60, then one a
    /// second).
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let (burst, period) = raw
            .split_once('/')
            .ok_or_else(|| format!("`{raw}` is not N/DURATION (e.g. 60/1m)"))?;
        let burst: u32 = burst
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`{burst}` is not a positive count"))?;
        let period = crate::config::parse_duration(period.trim())?;
        if period.is_zero() {
            return Err("the period must be longer than zero".into());
        }
        Ok(Self { burst, period })
    }
}

/// The row an allowed request returns; only its presence matters.
#[derive(diesel::QueryableByName)]
#[expect(
    dead_code,
    reason = "read by Diesel; only whether a row came back matters"
)]
struct Tat {
    #[diesel(sql_type = Timestamptz)]
    tat: DateTime<Utc>,
}

/// Takes one request from `key`'s budget: `None` when allowed (and recorded), or how long to
/// wait before the next request would be. Runs on the caller's connection, so inside its
/// transaction a refused operation that rolls back also gives its request back.
pub async fn take(
    conn: &mut AsyncPgConnection,
    key: &str,
    rate: Rate,
) -> Result<Option<Duration>, DbError> {
    let interval = micros(rate.interval());
    let period = micros(rate.period);
    let allowed: Vec<Tat> = crate::db::prepared(
        "INSERT INTO rate_limits AS r (key, tat) \
         VALUES ($1, now() + $2 * interval '1 microsecond') \
         ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat, now()) + $2 * interval '1 microsecond' \
         WHERE GREATEST(r.tat, now()) + $2 * interval '1 microsecond' <= now() + $3 * interval '1 microsecond' \
         RETURNING tat",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(interval)
    .bind::<BigInt, _>(period)
    .load(conn)
    .await?;
    if !allowed.is_empty() {
        return Ok(None);
    }
    // Refused: the wait is how far the next arrival would overshoot the period.
    Ok(Some(
        spent(conn, key, rate)
            .await?
            .unwrap_or(Duration::from_micros(1)),
    ))
}

/// [`take`] for each of `keys` (distinct) in one statement: whether each was allowed (and
/// recorded). Rows are locked in key order, so concurrent batches cannot deadlock on them.
pub async fn take_each(
    conn: &mut AsyncPgConnection,
    keys: &[String],
    rate: Rate,
) -> Result<Vec<bool>, DbError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    debug_assert!(
        keys.iter().collect::<std::collections::HashSet<_>>().len() == keys.len(),
        "distinct keys"
    );
    let allowed: Vec<Key> = crate::db::prepared(
        "INSERT INTO rate_limits AS r (key, tat) \
         SELECT k, now() + $2 * interval '1 microsecond' FROM unnest($1::text[]) AS k ORDER BY k \
         ON CONFLICT (key) DO UPDATE SET tat = GREATEST(r.tat, now()) + $2 * interval '1 microsecond' \
         WHERE GREATEST(r.tat, now()) + $2 * interval '1 microsecond' <= now() + $3 * interval '1 microsecond' \
         RETURNING key",
    )
    .bind::<diesel::sql_types::Array<Text>, _>(keys)
    .bind::<BigInt, _>(micros(rate.interval()))
    .bind::<BigInt, _>(micros(rate.period))
    .load(conn)
    .await?;
    let allowed: std::collections::HashSet<String> = allowed.into_iter().map(|k| k.key).collect();
    Ok(keys.iter().map(|k| allowed.contains(k)).collect())
}

#[derive(diesel::QueryableByName)]
struct Key {
    #[diesel(sql_type = Text)]
    key: String,
}

/// Whether `key`'s budget is spent, without taking from it: `Some(wait)` when a
/// [`take`] now would be refused. For limits on failures (counted with [`take`] only when an
/// attempt fails) that must also stop the attempts that would succeed.
pub async fn spent(
    conn: &mut AsyncPgConnection,
    key: &str,
    rate: Rate,
) -> Result<Option<Duration>, DbError> {
    let wait: Vec<Wait> = crate::db::prepared(
        "SELECT (EXTRACT(EPOCH FROM (GREATEST(tat, now()) + $2 * interval '1 microsecond' \
                 - now() - $3 * interval '1 microsecond')) * 1000000)::bigint AS micros \
         FROM rate_limits WHERE key = $1",
    )
    .bind::<Text, _>(key)
    .bind::<BigInt, _>(micros(rate.interval()))
    .bind::<BigInt, _>(micros(rate.period))
    .load(conn)
    .await?;
    Ok(wait
        .iter()
        .map(|w| w.micros)
        .find(|micros| *micros > 0)
        .map(|micros| Duration::from_micros(micros as u64)))
}

#[derive(diesel::QueryableByName)]
struct Wait {
    #[diesel(sql_type = BigInt)]
    micros: i64,
}

/// Deletes the rows of keys whose budget is full again (nothing to remember); returns how many.
pub async fn prune(conn: &mut AsyncPgConnection) -> Result<usize, DbError> {
    Ok(
        crate::db::prepared("DELETE FROM rate_limits WHERE tat < now()")
            .execute(conn)
            .await?,
    )
}

fn micros(d: Duration) -> i64 {
    i64::try_from(d.as_micros()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_parse_as_count_per_period() {
        let rate: Rate = "6/10m".parse().expect("rate");
        assert_eq!(rate.burst, 6);
        assert_eq!(rate.interval(), Duration::from_secs(100));
        let rate: Rate = "60/1m".parse().expect("rate");
        assert_eq!(rate.interval(), Duration::from_secs(1));
        for bad in ["60", "0/1m", "x/1m", "5/0s", "5/soon"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad} parsed");
        }
    }
}
