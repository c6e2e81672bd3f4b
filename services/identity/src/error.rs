//! The identity service's errors and their one mapping to gRPC statuses.

use std::time::Duration;

use tessera_kit::DbError;
use tessera_kit::db::TransactionError;
use tessera_kit::error::{self, FieldViolations};
use tonic::Status;

/// Everything an identity operation can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// Bad input: one violation per field.
    #[error("invalid request")]
    Invalid(FieldViolations),
    /// Missing, unknown, expired or revoked credentials. `reason` is an ErrorInfo reason.
    #[error("unauthenticated: {reason}")]
    Unauthenticated {
        /// Machine-readable reason.
        reason: &'static str,
        /// Developer-facing message (no secrets).
        message: &'static str,
    },
    /// The caller may not do this.
    #[error("permission denied: {0}")]
    PermissionDenied(&'static str),
    /// No such resource visible to the caller.
    #[error("{resource} not found")]
    NotFound {
        /// Resource type.
        resource: &'static str,
        /// What was asked for.
        name: String,
    },
    /// A unique value is taken.
    #[error("{field} already taken")]
    AlreadyExists {
        /// The field whose value is taken.
        field: &'static str,
        /// Message.
        message: &'static str,
    },
    /// A feature needs configuration the server lacks.
    #[error("not configured: {setting}")]
    NotConfigured {
        /// The setting that is missing.
        setting: &'static str,
        /// Message.
        message: &'static str,
    },
    /// Too many attempts: try again later. `reason` is an ErrorInfo reason.
    #[error("throttled: {reason}")]
    Throttled {
        /// Machine-readable reason.
        reason: &'static str,
        /// Developer-facing message.
        message: &'static str,
        /// When trying again may succeed.
        retry_after: Duration,
    },
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A bug.
    #[error("internal: {0}")]
    Internal(String),
}

impl IdentityError {
    /// INVALID_ARGUMENT for one field.
    pub fn invalid(field: &str, description: impl std::fmt::Display) -> Self {
        let mut v = FieldViolations::new();
        v.add(field, description.to_string());
        Self::Invalid(v)
    }

    /// The one answer for every failed credential check, so none reveals which part was wrong.
    pub fn bad_credentials() -> Self {
        Self::Unauthenticated {
            reason: "INVALID_CREDENTIALS",
            message: "the credentials are not valid",
        }
    }
}

impl From<FieldViolations> for IdentityError {
    fn from(violations: FieldViolations) -> Self {
        Self::Invalid(violations)
    }
}

impl TransactionError for IdentityError {
    fn as_db_error(&self) -> Option<&DbError> {
        match self {
            Self::Db(db) => Some(db),
            _ => None,
        }
    }
}

impl From<IdentityError> for Status {
    fn from(err: IdentityError) -> Self {
        match err {
            IdentityError::Invalid(violations) => violations.into_status(),
            IdentityError::Unauthenticated { reason, message } => {
                error::unauthenticated(reason, message)
            }
            IdentityError::PermissionDenied(message) => Status::permission_denied(message),
            IdentityError::NotFound { resource, name } => error::not_found(resource, &name),
            IdentityError::AlreadyExists { message, .. } => Status::already_exists(message),
            IdentityError::NotConfigured { setting, message } => {
                error::failed_precondition("NOT_CONFIGURED", setting, message)
            }
            IdentityError::Throttled {
                reason,
                message,
                retry_after,
            } => error::rate_limited(reason, message, retry_after),
            IdentityError::Db(db) => db.into(),
            IdentityError::Internal(detail) => error::internal(&std::io::Error::other(detail)),
        }
    }
}
