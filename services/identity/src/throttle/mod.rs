//! Throttling of guesses (passwords, magic-link codes, device user codes), per account and per
//! client address, with counters in PostgreSQL so every replica sees the same numbers. After
//! too many failures a subject is locked out for a while; each further lockout doubles the
//! wait (capped), and the history fades after a quiet day, so no attacker can lock a victim
//! out for good.

use std::net::IpAddr;
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

/// The first lockout; each further one doubles, up to [`LONGEST_LOCKOUT`].
pub const FIRST_LOCKOUT: Duration = Duration::from_secs(30);
/// The longest lockout.
pub const LONGEST_LOCKOUT: Duration = Duration::from_secs(3600);
/// A subject's failures and lockouts are forgotten after this long without a failure.
pub const HISTORY_FADES_AFTER: chrono::Duration = chrono::Duration::hours(24);

/// The subjects one attempt counts against.
#[derive(Debug, Clone)]
pub struct Subjects {
    /// The account guessed at (`<kind>:account:...`), if the guess names one.
    account: Option<String>,
    /// The client address guessing (`<kind>:address:<ip>`), when known.
    address: Option<String>,
}

impl Subjects {
    /// Password checks against an account (`identifier`), from `address`.
    pub fn password(identifier: &str, address: Option<IpAddr>) -> Self {
        Self {
            account: Some(format!("account:{identifier}")),
            address: address.map(|a| format!("address:{a}")),
        }
    }

    /// Device user codes entered by `user`, from `address`.
    pub fn device_entry(user: impl std::fmt::Display, address: Option<IpAddr>) -> Self {
        Self {
            account: Some(format!("device-entry:user:{user}")),
            address: address.map(|a| format!("device-entry:address:{a}")),
        }
    }

    /// Magic-link codes guessed from `address` (each code counts its own wrong guesses).
    pub fn magic_code(address: Option<IpAddr>) -> Self {
        Self {
            account: None,
            address: address.map(|a| format!("magic-code:address:{a}")),
        }
    }

    fn each(&self, limits: Limits) -> impl Iterator<Item = (&str, i32)> {
        self.account
            .as_deref()
            .map(|a| (a, limits.per_account))
            .into_iter()
            .chain(self.address.as_deref().map(|a| (a, limits.per_address)))
    }
}

/// The refusal while a subject is locked out.
fn locked_out(wait: Duration) -> IdentityError {
    IdentityError::Throttled {
        reason: "TOO_MANY_FAILURES",
        message: "too many failed attempts; retry later",
        retry_after: wait.max(Duration::from_secs(1)),
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
            return Err(locked_out((until - now).to_std().unwrap_or(FIRST_LOCKOUT)));
        }
    }
    Ok(())
}

/// Counts a failure against every subject, locking out those that reach their limit.
/// Returns whether the account (if any) got locked out now.
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
            account_locked |= Some(subject) == subjects.account.as_deref();
            tracing::warn!(
                subject_kind = subject.rsplit_once(':').map_or("", |(kind, _)| kind),
                lockout_s = wait.as_secs(),
                "lockout after repeated failures"
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
    if let Some(account) = &subjects.account {
        store::clear(conn, account).await?;
    }
    Ok(())
}
