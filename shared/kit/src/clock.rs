//! The time, injectable so tests can move it (expiries, lockouts).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// Where "now" comes from.
#[derive(Debug, Clone)]
pub enum Clock {
    /// The system clock.
    System,
    /// A clock tests set and advance.
    Manual(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    /// A manual clock starting at the current time, truncated to PostgreSQL's microsecond
    /// precision, so an instant read back from the database equals the one written (tests can
    /// then stand exactly on a boundary).
    pub fn manual() -> Self {
        let now = Utc::now();
        let micros = DateTime::from_timestamp_micros(now.timestamp_micros()).unwrap_or(now);
        Self::Manual(Arc::new(Mutex::new(micros)))
    }

    /// The current time.
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Self::System => Utc::now(),
            Self::Manual(now) => *now.lock().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock forward; does nothing to the system clock.
    pub fn advance(&self, by: Duration) {
        if let Self::Manual(now) = self {
            *now.lock().unwrap_or_else(|e| e.into_inner()) += by;
        }
    }
}
