//! The Storage Service's errors and their one mapping to gRPC statuses.

use tessera_kit::DbError;
use tessera_kit::db::TransactionError;
use tessera_kit::error::{self, FieldViolations};
use tonic::{Code, Status};

use crate::drivers::DriverError;
use crate::quotas::QuotaError;

/// Everything a storage operation can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// Bad input: one violation per field.
    #[error("invalid request")]
    Invalid(FieldViolations),
    /// No credentials where the resource is not public.
    #[error("credentials required")]
    Unauthenticated,
    /// No such resource visible to the caller.
    #[error("{resource} not found")]
    NotFound {
        resource: &'static str,
        name: String,
    },
    /// The state does not allow it; one violation per failed check.
    #[error("{}", .0.first().map(|v| v.2.as_str()).unwrap_or("failed precondition"))]
    Precondition(Vec<(&'static str, String, String)>),
    /// A live file or an upload in flight holds the path, or a name is taken.
    #[error("{0}")]
    AlreadyExists(String),
    /// Another stream writes the upload, or the file changed meanwhile.
    #[error("{0}")]
    Aborted(String),
    /// A write named a version that is no longer current (optimistic locking).
    #[error("the {resource} is at version {current}: re-read it and try again")]
    Stale {
        resource: &'static str,
        current: i64,
    },
    /// A quota has no room; `subject` names it.
    #[error("the {subject} quota has no room for {bytes} more bytes")]
    Quota { subject: &'static str, bytes: i64 },
    /// A declared size is past a configured limit (the largest file): RESOURCE_EXHAUSTED with a
    /// QuotaFailure naming `subject`.
    #[error("{description}")]
    Limit {
        subject: &'static str,
        description: String,
    },
    /// More or fewer bytes than declared, or an offset past what is persisted.
    #[error("{0}")]
    OutOfRange(String),
    /// The content does not have the SHA-256 it was sent with.
    #[error("{0}")]
    DataLoss(String),
    /// The backend failed; the detail goes to the log, not to the caller.
    #[error("the storage backend failed: {0}")]
    Backend(DriverError),
    /// The request stream held a malformed message or broke off.
    #[error(transparent)]
    Stream(#[from] tessera_kit::stream::StreamError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A bug, or a secret that cannot be opened.
    #[error("internal: {0}")]
    Internal(String),
}

impl StorageError {
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

    /// `value` once validation passed: INVALID_ARGUMENT with `violations` if any, else the
    /// value parsed alongside them (absent only when a violation says why).
    pub fn checked<T>(violations: FieldViolations, value: Option<T>) -> Result<T, Self> {
        let value = violations.into_result_with(value)?;
        value.ok_or_else(|| Self::Internal("a value that failed to parse left no violation".into()))
    }

    /// Checks a size the caller declared (`field`): not negative (INVALID_ARGUMENT) and at most
    /// `max` (RESOURCE_EXHAUSTED naming the `file` limit), before it reaches any arithmetic.
    pub fn check_declared(
        v: &mut FieldViolations,
        field: &str,
        bytes: i64,
        max: i64,
    ) -> Result<(), Self> {
        if bytes < 0 {
            v.add(field, "must not be negative");
        } else if bytes > max {
            return Err(Self::Limit {
                subject: "file",
                description: format!(
                    "{field}: {bytes} bytes is more than the largest file this service keeps, {max} bytes"
                ),
            });
        }
        Ok(())
    }

    /// FAILED_PRECONDITION with one violation.
    pub fn precondition(
        kind: &'static str,
        subject: impl Into<String>,
        why: impl Into<String>,
    ) -> Self {
        Self::Precondition(vec![(kind, subject.into(), why.into())])
    }
}

impl From<FieldViolations> for StorageError {
    fn from(violations: FieldViolations) -> Self {
        Self::Invalid(violations)
    }
}

impl From<diesel::result::Error> for StorageError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Db(err.into())
    }
}

impl From<DriverError> for StorageError {
    fn from(err: DriverError) -> Self {
        Self::Backend(err)
    }
}

impl From<QuotaError> for StorageError {
    fn from(err: QuotaError) -> Self {
        match err {
            QuotaError::Exceeded { quota, bytes } => Self::Quota {
                subject: quota.subject(),
                bytes,
            },
            QuotaError::NoVolume => Self::not_found("volume", "the upload's volume"),
            QuotaError::Db(db) => Self::Db(db),
        }
    }
}

impl TransactionError for StorageError {
    fn as_db_error(&self) -> Option<&DbError> {
        match self {
            Self::Db(db) => Some(db),
            _ => None,
        }
    }
}

impl From<StorageError> for Status {
    fn from(err: StorageError) -> Self {
        match err {
            StorageError::Invalid(violations) => violations.into_status(),
            StorageError::Unauthenticated => error::unauthenticated(
                "CREDENTIALS_MISSING",
                "send authorization: Bearer <session or service token>",
            ),
            StorageError::NotFound { resource, name } => error::not_found(resource, &name),
            StorageError::Precondition(violations) => error::failed_preconditions(&violations),
            StorageError::AlreadyExists(message) => Status::already_exists(message),
            StorageError::Aborted(message) => Status::aborted(message),
            StorageError::Stale { resource, current } => error::with_reason(
                Code::Aborted,
                "STALE_VERSION",
                &format!("the {resource} is at version {current}: re-read it and try again"),
                [("current_version".to_owned(), current.to_string())].into(),
            ),
            StorageError::Quota { subject, bytes } => error::quota_exceeded(
                subject,
                &format!("the {subject} quota has no room for {bytes} more bytes"),
            ),
            StorageError::Limit {
                subject,
                description,
            } => error::quota_exceeded(subject, &description),
            StorageError::OutOfRange(message) => Status::out_of_range(message),
            StorageError::DataLoss(message) => Status::data_loss(message),
            StorageError::Backend(err) => backend_status(&err),
            StorageError::Stream(err) => err.into(),
            StorageError::Db(db) => db.into(),
            StorageError::Internal(detail) => error::internal(&std::io::Error::other(detail)),
        }
    }
}

/// A backend failure as the caller sees it: the kind, never the backend's own message (it
/// names hosts and paths); the detail is logged.
fn backend_status(err: &DriverError) -> Status {
    let error_id = uuid::Uuid::now_v7();
    tracing::warn!(%error_id, error = %err, "storage backend failed");
    let message = format!("the storage backend failed (error id {error_id})");
    match err {
        DriverError::NotFound => Status::data_loss(format!(
            "the stored bytes are missing from the backend (error id {error_id})"
        )),
        DriverError::Unavailable(_) => {
            error::unavailable(&message, std::time::Duration::from_secs(5))
        }
        _ => Status::failed_precondition(message),
    }
}
