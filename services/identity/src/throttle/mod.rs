//! Throttling of password checks, per account and per client address, with counters in
//! PostgreSQL so every replica sees the same numbers. After too many failures a subject is
//! locked out for a while; each further lockout doubles the wait (capped), and the history
//! fades after a quiet day, so no attacker can lock a victim out for good.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;

use crate::error::IdentityError;

mod store;

/// Failures before a lockout.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Per account.
    pub per_account: i32,
    /// Per client address (several accounts may share one, so it is higher).
    pub per_address: i32,
}

/// The defaults: 5 per account, 20 per address.
pub const LIMITS: Limits = Limits {
    per_account: 5,
    per_address: 20,
};

const FIRST_LOCKOUT: Duration = Duration::from_secs(30);
const LONGEST_LOCKOUT: Duration = Duration::from_secs(3600);
const HISTORY_FADES_AFTER: chrono::Duration = chrono::Duration::hours(24);

/// The subjects one attempt counts against.
#[derive(Debug, Clone)]
pub struct Subjects {
    /// `account:<normalised identifier>`.
    pub account: String,
    /// `address:<ip>`, when the client address is known.
    pub address: Option<String>,
}

impl Subjects {
    fn each(&self, limits: Limits) -> impl Iterator<Item = (&str, i32)> {
        std::iter::once((self.account.as_str(), limits.per_account))
            .chain(self.address.as_deref().map(|a| (a, limits.per_address)))
    }
}

/// Fails with `Throttled` while any subject is locked out.
pub async fn check(
    conn: &mut AsyncPgConnection,
    subjects: &Subjects,
    now: DateTime<Utc>,
) -> Result<(), IdentityError> {
    for (subject, _) in subjects.each(LIMITS) {
        let locked_until = store::locked_until(conn, subject).await?;
        if let Some(until) = locked_until.filter(|until| *until > now) {
            let wait = (until - now).to_std().unwrap_or(FIRST_LOCKOUT);
            return Err(IdentityError::Throttled(wait.max(Duration::from_secs(1))));
        }
    }
    Ok(())
}

/// Counts a failure against every subject, locking out those that reach their limit.
pub async fn record_failure(
    conn: &mut AsyncPgConnection,
    subjects: &Subjects,
    now: DateTime<Utc>,
) -> Result<bool, IdentityError> {
    let mut account_locked = false;
    for (subject, limit) in subjects.each(LIMITS) {
        let mut row = store::lock(conn, subject, now).await?;
        if now - row.updated_at > HISTORY_FADES_AFTER {
            row.lockouts = 0;
            row.failures = 0;
        }
        row.failures += 1;
        if row.failures >= limit {
            let factor = 1u32 << row.lockouts.clamp(0, 16);
            let wait = FIRST_LOCKOUT.saturating_mul(factor).min(LONGEST_LOCKOUT);
            row.locked_until =
                Some(now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(1)));
            row.lockouts += 1;
            row.failures = 0;
            account_locked |= subject == subjects.account;
            tracing::warn!(
                subject_kind = subject.split(':').next().unwrap_or(""),
                lockout_s = wait.as_secs(),
                "sign-in lockout"
            );
        }
        row.updated_at = now;
        store::save(conn, &row).await?;
    }
    Ok(account_locked)
}

/// A success clears the account's failures (not the address's: one good account must not
/// whitewash an address that guesses at others).
pub async fn record_success(
    conn: &mut AsyncPgConnection,
    subjects: &Subjects,
) -> Result<(), IdentityError> {
    store::clear(conn, &subjects.account).await?;
    Ok(())
}
