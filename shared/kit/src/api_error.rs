//! One error type for every service's operations, and its one mapping to gRPC statuses
//! (API-CONVENTIONS.md's table): services return [`ApiError`] from their handlers and stores.

use std::time::Duration;

use crate::DbError;
use crate::db::TransactionError;
use crate::error::{self, FieldViolations};
use tonic::Status;

/// Everything an operation can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Bad input: one violation per field.
    #[error("invalid request")]
    Invalid(FieldViolations),
    /// No such resource visible to the caller.
    #[error("{resource} not found")]
    NotFound {
        resource: &'static str,
        name: String,
    },
    /// The caller may not do this to a resource it can see.
    #[error("{0}")]
    Denied(String),
    /// The state does not allow it: (kind, subject, why) per failed check.
    #[error("{}", .0.first().map(|v| v.2.as_str()).unwrap_or("failed precondition"))]
    Precondition(Vec<(&'static str, String, String)>),
    /// A unique key is taken.
    #[error("{0}")]
    AlreadyExists(String),
    /// More or fewer bytes than declared.
    #[error("{0}")]
    OutOfRange(String),
    /// Replaced by a newer stream, or a concurrent change.
    #[error("{0}")]
    Aborted(String),
    /// A rate limit: retry after the duration.
    #[error("{message}")]
    Limited {
        reason: &'static str,
        message: String,
        retry_after: Duration,
    },
    /// Another service (or a dependency) could not be asked.
    #[error("{0}")]
    Unavailable(String),
    /// A code with an ErrorInfo reason clients branch on (MEDIA_EXPIRED, STALE_VERSION, ...).
    #[error("{message}")]
    Reason {
        code: tonic::Code,
        reason: &'static str,
        message: String,
        metadata: Vec<(&'static str, String)>,
    },
    /// A quota is full: RESOURCE_EXHAUSTED with a QuotaFailure naming it.
    #[error("{description}")]
    Quota {
        subject: String,
        description: String,
    },
    /// Another service's answer, passed on as it is (a wrong hash, a full quota there).
    #[error("{}", .0.message())]
    Upstream(Status),
    /// The request stream held a malformed message or broke off (see [`crate::stream`]).
    #[error(transparent)]
    Stream(#[from] crate::stream::StreamError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A bug.
    #[error("internal: {0}")]
    Internal(String),
}

impl ApiError {
    /// INVALID_ARGUMENT for one field.
    pub fn invalid(field: &str, description: impl std::fmt::Display) -> Self {
        let mut v = FieldViolations::new();
        v.add(field, description.to_string());
        Self::Invalid(v)
    }

    /// NOT_FOUND for `resource` `name`.
    pub fn not_found(resource: &'static str, name: impl std::fmt::Display) -> Self {
        Self::NotFound {
            resource,
            name: name.to_string(),
        }
    }

    /// FAILED_PRECONDITION with one violation.
    pub fn precondition(
        kind: &'static str,
        subject: impl Into<String>,
        why: impl Into<String>,
    ) -> Self {
        Self::Precondition(vec![(kind, subject.into(), why.into())])
    }

    /// `value` once validation passed (INVALID_ARGUMENT with the violations otherwise).
    pub fn checked<T>(violations: FieldViolations, value: Option<T>) -> Result<T, Self> {
        let value = violations.into_result_with(value)?;
        value.ok_or_else(|| Self::Internal("a value that failed to parse left no violation".into()))
    }
}

impl From<FieldViolations> for ApiError {
    fn from(violations: FieldViolations) -> Self {
        Self::Invalid(violations)
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err.into())
    }
}

impl TransactionError for ApiError {
    fn as_db_error(&self) -> Option<&DbError> {
        match self {
            Self::Db(db) => Some(db),
            _ => None,
        }
    }
}

impl From<ApiError> for Status {
    fn from(err: ApiError) -> Self {
        match err {
            ApiError::Invalid(violations) => violations.into_status(),
            ApiError::NotFound { resource, name } => error::not_found(resource, &name),
            ApiError::Denied(message) => Status::permission_denied(message),
            ApiError::Precondition(violations) => error::failed_preconditions(&violations),
            ApiError::AlreadyExists(message) => Status::already_exists(message),
            ApiError::Aborted(message) => Status::aborted(message),
            ApiError::OutOfRange(message) => Status::out_of_range(message),
            ApiError::Limited {
                reason,
                message,
                retry_after,
            } => error::rate_limited(reason, &message, retry_after),
            ApiError::Unavailable(message) => error::unavailable(&message, Duration::from_secs(1)),
            ApiError::Reason {
                code,
                reason,
                message,
                metadata,
            } => error::with_reason(
                code,
                reason,
                &message,
                metadata
                    .into_iter()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            ),
            ApiError::Quota {
                subject,
                description,
            } => error::quota_exceeded(&subject, &description),
            ApiError::Upstream(status) => status,
            ApiError::Stream(err) => err.into(),
            ApiError::Db(db) => db.into(),
            ApiError::Internal(detail) => error::internal(&std::io::Error::other(detail)),
        }
    }
}
