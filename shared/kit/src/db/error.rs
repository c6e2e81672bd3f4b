//! Database errors, classified once for every service: what a caller can retry, what is a
//! conflict, what is a bug.

use std::time::Duration;

use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong talking to the database, classified for the caller.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The database cannot be reached, or the pool has no connection to give in time.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A statement was cancelled: the statement timeout or the call's deadline passed.
    #[error("database statement cancelled or timed out")]
    Cancelled,
    /// A unique constraint was violated.
    #[error("unique constraint violated: {constraint}")]
    UniqueViolation {
        /// The constraint's name.
        constraint: String,
    },
    /// A foreign key constraint was violated.
    #[error("foreign key constraint violated: {constraint}")]
    ForeignKeyViolation {
        /// The constraint's name.
        constraint: String,
    },
    /// A check or not-null constraint rejected a value that validation should have caught.
    #[error("constraint violated: {constraint}")]
    CheckViolation {
        /// The constraint's (or column's) name.
        constraint: String,
    },
    /// Serialization failure or deadlock that retries did not resolve.
    #[error("concurrent modification conflict")]
    Conflict,
    /// Anything else: a bug or an unexpected database state.
    #[error("database error: {0}")]
    Other(DieselError),
}

impl DbError {
    /// Whether the database failed, rather than refusing a write the caller may expect to be
    /// refused (a unique or foreign key violation).
    pub fn is_failure(&self) -> bool {
        !matches!(
            self,
            Self::UniqueViolation { .. } | Self::ForeignKeyViolation { .. }
        )
    }
}

impl From<DieselError> for DbError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::DatabaseError(kind, info) => {
                let constraint = || {
                    info.constraint_name()
                        .or(info.column_name())
                        .unwrap_or("unknown")
                        .to_owned()
                };
                match kind {
                    DatabaseErrorKind::UniqueViolation => Self::UniqueViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::ForeignKeyViolation
                    | DatabaseErrorKind::RestrictViolation => Self::ForeignKeyViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::CheckViolation
                    | DatabaseErrorKind::NotNullViolation
                    | DatabaseErrorKind::ExclusionViolation => Self::CheckViolation {
                        constraint: constraint(),
                    },
                    DatabaseErrorKind::SerializationFailure => Self::Conflict,
                    DatabaseErrorKind::ClosedConnection
                    | DatabaseErrorKind::UnableToSendCommand => {
                        Self::Unavailable("the database connection was lost".into())
                    }
                    _ => classify_message(info.message())
                        .unwrap_or_else(|| Self::Other(DieselError::DatabaseError(kind, info))),
                }
            }
            DieselError::BrokenTransactionManager => {
                Self::Unavailable("the database connection was lost".into())
            }
            other => Self::Other(other),
        }
    }
}

/// diesel-async reports some SQLSTATEs only as `Unknown`: classify those by PostgreSQL's
/// (stable, English, untranslated for these) server messages.
fn classify_message(message: &str) -> Option<DbError> {
    const CANCELLED: [&str; 2] = ["canceling statement due to", "canceling autovacuum"];
    const CONFLICT: [&str; 2] = ["deadlock detected", "could not serialize access"];
    const UNAVAILABLE: [&str; 6] = [
        "terminating connection",
        "the database system is",
        "connection closed",
        "connection reset",
        "error communicating with the server",
        "server closed the connection",
    ];
    let m = message.to_ascii_lowercase();
    if CANCELLED.iter().any(|p| m.starts_with(p)) {
        Some(DbError::Cancelled)
    } else if CONFLICT.iter().any(|p| m.starts_with(p)) {
        Some(DbError::Conflict)
    } else if UNAVAILABLE.iter().any(|p| m.contains(p)) {
        Some(DbError::Unavailable(
            "the database connection was lost".into(),
        ))
    } else {
        None
    }
}

impl From<DbError> for tonic::Status {
    fn from(err: DbError) -> Self {
        use crate::error;
        match err {
            DbError::Unavailable(reason) => {
                tracing::warn!(%reason, "database unavailable");
                error::unavailable(
                    "the database is unavailable; retry later",
                    Duration::from_secs(1),
                )
            }
            DbError::Cancelled => tonic::Status::deadline_exceeded(
                "the operation ran past its deadline and was cancelled",
            ),
            DbError::UniqueViolation { .. } => {
                tonic::Status::already_exists("the resource already exists")
            }
            DbError::ForeignKeyViolation { .. } => {
                tonic::Status::failed_precondition("a resource this one depends on does not exist")
            }
            DbError::Conflict => tonic::Status::aborted("concurrent modification; retry the call"),
            err @ (DbError::CheckViolation { .. } | DbError::Other(_)) => error::internal(&err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_messages_are_classified() {
        assert!(matches!(
            classify_message("canceling statement due to statement timeout"),
            Some(DbError::Cancelled)
        ));
        assert!(matches!(
            classify_message("canceling statement due to user request"),
            Some(DbError::Cancelled)
        ));
        assert!(matches!(
            classify_message("deadlock detected"),
            Some(DbError::Conflict)
        ));
        assert!(matches!(
            classify_message("terminating connection due to administrator command"),
            Some(DbError::Unavailable(_))
        ));
        assert!(classify_message("relation \"x\" does not exist").is_none());
    }

    #[test]
    fn internal_errors_reveal_nothing() {
        let err = DbError::Other(DieselError::QueryBuilderError(
            "SELECT secret FROM t".into(),
        ));
        let status = tonic::Status::from(err);
        assert_eq!(status.code(), tonic::Code::Internal);
        assert!(!status.message().contains("SELECT"), "{}", status.message());
    }

    #[test]
    fn unavailable_carries_retry_info() {
        use tonic_types::StatusExt;
        let status = tonic::Status::from(DbError::Unavailable("x".into()));
        assert_eq!(status.code(), tonic::Code::Unavailable);
        assert!(status.get_details_retry_info().is_some());
    }
}
