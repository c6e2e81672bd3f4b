//! Canonical gRPC errors with `google.rpc` details, as API-CONVENTIONS.md prescribes.
//!
//! Services map their own error enums to `tonic::Status` through these constructors, so every
//! service answers the same situation the same way.

use std::collections::HashMap;
use std::time::Duration;

use tonic::{Code, Status};
use tonic_types::{ErrorDetails, FieldViolation, StatusExt};

/// The `ErrorInfo.domain` of every Tessera error.
pub const ERROR_DOMAIN: &str = "tessera.dev";

/// Collects every problem with a request before answering, so a client learns them all at once.
#[derive(Debug, Default)]
pub struct FieldViolations(Vec<FieldViolation>);

impl FieldViolations {
    /// No violations yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records that `field` (a path such as `user.email`) is wrong, and why.
    pub fn add(&mut self, field: impl Into<String>, description: impl Into<String>) -> &mut Self {
        self.0.push(FieldViolation::new(field, description));
        self
    }

    /// Records the violation when `check` is false.
    pub fn require(&mut self, check: bool, field: &str, description: &str) -> &mut Self {
        if !check {
            self.add(field, description);
        }
        self
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when nothing was recorded, otherwise INVALID_ARGUMENT with a BadRequest.
    pub fn into_result(self) -> Result<(), Status> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.into_status())
        }
    }

    /// `Ok(value)` when nothing was recorded, otherwise INVALID_ARGUMENT with a BadRequest.
    pub fn into_result_with<T>(self, value: T) -> Result<T, Self> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Adds every violation of `other`.
    pub fn extend(&mut self, other: FieldViolations) -> &mut Self {
        self.0.extend(other.0);
        self
    }

    /// The fields named so far, in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|v| v.field.as_str())
    }

    /// INVALID_ARGUMENT with one field violation per problem, as many as fit in
    /// [`MAX_BAD_REQUEST_BYTES`]: the last one named then says how many more there are.
    pub fn into_status(self) -> Status {
        let message = match self.0.as_slice() {
            [only] => format!(
                "invalid {}: {}",
                clipped(&only.field),
                clipped(&only.description)
            ),
            many => format!("{} invalid fields", many.len()),
        };
        Status::with_error_details(
            Code::InvalidArgument,
            message,
            ErrorDetails::with_bad_request(capped_fields(self.0)),
        )
    }
}

/// Most bytes of field violations one status carries. Details travel base64-encoded in the
/// trailers, which clients cap (grpc-core: 8 KiB soft, 16 KiB hard): this keeps the whole
/// status (message and details) under 8 KiB.
pub const MAX_BAD_REQUEST_BYTES: usize = 4096;
/// Longest field name or description kept in a violation (longer ones are cut).
const MAX_TEXT: usize = 200;

fn clipped(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT) {
        None => text.to_owned(),
        Some((end, _)) => format!("{}...", &text[..end]),
    }
}

/// The violations that fit in [`MAX_BAD_REQUEST_BYTES`]; when some do not, the first of those
/// is named with how many more were left out.
fn capped_fields(violations: Vec<FieldViolation>) -> Vec<FieldViolation> {
    let total = violations.len();
    let mut kept = Vec::new();
    let mut bytes = 0;
    for violation in violations {
        let violation =
            FieldViolation::new(clipped(&violation.field), clipped(&violation.description));
        // The field, the description and a few bytes of framing; room stays for the last.
        let size = violation.field.len() + violation.description.len() + 8;
        if bytes + size > MAX_BAD_REQUEST_BYTES - 2 * (MAX_TEXT + 40) {
            let more = total - kept.len() - 1;
            kept.push(FieldViolation::new(
                violation.field,
                format!(
                    "{} (and {more} more invalid fields not listed)",
                    violation.description
                ),
            ));
            break;
        }
        bytes += size;
        kept.push(violation);
    }
    kept
}

impl From<FieldViolations> for Status {
    fn from(violations: FieldViolations) -> Self {
        violations.into_status()
    }
}

/// INVALID_ARGUMENT for a single field.
pub fn invalid_argument(field: &str, description: &str) -> Status {
    let mut violations = FieldViolations::new();
    violations.add(field, description);
    violations.into_status()
}

/// UNAUTHENTICATED with an ErrorInfo `reason` (UPPER_SNAKE_CASE) clients can branch on.
pub fn unauthenticated(reason: &str, message: &str) -> Status {
    with_reason(Code::Unauthenticated, reason, message, HashMap::new())
}

/// Any code with an ErrorInfo `reason` and optional metadata.
pub fn with_reason(
    code: Code,
    reason: &str,
    message: &str,
    metadata: HashMap<String, String>,
) -> Status {
    Status::with_error_details(
        code,
        message,
        ErrorDetails::with_error_info(reason, ERROR_DOMAIN, metadata),
    )
}

/// NOT_FOUND with a ResourceInfo naming the resource type and the id that was asked for.
pub fn not_found(resource_type: &str, name: &str) -> Status {
    Status::with_error_details(
        Code::NotFound,
        format!("{resource_type} not found"),
        ErrorDetails::with_resource_info(
            resource_type,
            name,
            "",
            "no such resource, or not visible to the caller",
        ),
    )
}

/// FAILED_PRECONDITION with a PreconditionFailure.
pub fn failed_precondition(kind: &str, subject: &str, description: &str) -> Status {
    Status::with_error_details(
        Code::FailedPrecondition,
        description.to_owned(),
        ErrorDetails::with_precondition_failure_violation(kind, subject, description),
    )
}

/// Precondition violations a status should name at most: details travel in the response's
/// trailers, which clients cap (16 KiB by default). Callers with more name this many and say
/// how many more there are.
pub const MAX_PRECONDITION_VIOLATIONS: usize = 20;

/// One `(kind, subject, why)` violation per item of `subjects`, the first
/// [`MAX_PRECONDITION_VIOLATIONS`] of them (the rest are never formatted), then one more under
/// `rest` saying how many were left out and `where_all` are listed.
pub fn capped_violations(
    kind: &'static str,
    subjects: impl ExactSizeIterator<Item = String>,
    why: &str,
    (rest, where_all): (&str, &str),
) -> Vec<(&'static str, String, String)> {
    let total = subjects.len();
    let mut violations: Vec<_> = subjects
        .take(MAX_PRECONDITION_VIOLATIONS)
        .map(|subject| (kind, subject, why.to_owned()))
        .collect();
    if total > MAX_PRECONDITION_VIOLATIONS {
        let more = total - MAX_PRECONDITION_VIOLATIONS;
        violations.push((
            kind,
            rest.to_owned(),
            format!("and {more} more: {where_all}"),
        ));
    }
    violations
}

/// FAILED_PRECONDITION with one PreconditionFailure violation per `(kind, subject, why)`, each
/// distinct reason once in the message.
pub fn failed_preconditions(violations: &[(&str, String, String)]) -> Status {
    let mut reasons: Vec<&str> = Vec::new();
    for (_, _, why) in violations {
        if !reasons.contains(&why.as_str()) {
            reasons.push(why);
        }
    }
    let mut details = ErrorDetails::new();
    for (kind, subject, why) in violations {
        details.add_precondition_failure_violation(*kind, subject, why);
    }
    Status::with_error_details(Code::FailedPrecondition, reasons.join("; "), details)
}

/// RESOURCE_EXHAUSTED with an ErrorInfo `reason` naming the limit and RetryInfo: come back
/// after `retry_after`.
pub fn rate_limited(reason: &str, message: &str, retry_after: Duration) -> Status {
    let mut details = ErrorDetails::with_retry_info(Some(retry_after));
    details.set_error_info(reason, ERROR_DOMAIN, HashMap::new());
    Status::with_error_details(Code::ResourceExhausted, message, details)
}

/// RESOURCE_EXHAUSTED with a QuotaFailure.
pub fn quota_exceeded(subject: &str, description: &str) -> Status {
    Status::with_error_details(
        Code::ResourceExhausted,
        description.to_owned(),
        ErrorDetails::with_quota_failure_violation(subject, description),
    )
}

/// UNAVAILABLE with RetryInfo.
pub fn unavailable(message: &str, retry_after: Duration) -> Status {
    Status::with_error_details(
        Code::Unavailable,
        message,
        ErrorDetails::with_retry_info(Some(retry_after)),
    )
}

/// INTERNAL for a bug: the details go to the log under a fresh error id; the client gets only
/// that id, never SQL, stack traces or secrets.
pub fn internal(err: &dyn std::error::Error) -> Status {
    let error_id = uuid::Uuid::now_v7();
    tracing::error!(%error_id, error = %err, "internal error");
    Status::with_error_details(
        Code::Internal,
        format!("internal error (error id {error_id})"),
        ErrorDetails::with_error_info(
            "INTERNAL",
            ERROR_DOMAIN,
            [("error_id".to_owned(), error_id.to_string())],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_become_bad_request_details() {
        let mut v = FieldViolations::new();
        v.add("email", "must be an email address")
            .require(false, "username", "too short");
        let status = v.into_status();
        assert_eq!(status.code(), Code::InvalidArgument);
        let details = status
            .get_details_bad_request()
            .expect("bad request details");
        let fields: Vec<_> = details
            .field_violations
            .iter()
            .map(|f| f.field.as_str())
            .collect();
        assert_eq!(fields, ["email", "username"]);
    }

    #[test]
    fn many_violations_fit_in_the_trailers_and_say_how_many_were_left_out() {
        let mut v = FieldViolations::new();
        for i in 0..300 {
            v.add(format!("parent_ids[{i}]"), "x".repeat(1000));
        }
        let status = v.into_status();
        assert_eq!(status.message(), "300 invalid fields");
        // In the trailers: the details base64-encoded, and the message.
        let trailers = status.details().len().div_ceil(3) * 4 + status.message().len();
        assert!(trailers < 7 * 1024, "{trailers} bytes of trailers");
        let listed = status.get_details_bad_request().expect("bad request");
        let last = listed.field_violations.last().expect("a last violation");
        let named = listed.field_violations.len();
        assert!(named > 1, "several are named");
        assert!(
            last.description.ends_with(&format!(
                "(and {} more invalid fields not listed)",
                300 - named
            )),
            "{last:?}"
        );
        // A handful of plain violations are all named, untouched.
        let mut few = FieldViolations::new();
        few.add("a", "bad").add("b", "worse");
        let status = few.into_status();
        let listed = status.get_details_bad_request().expect("bad request");
        assert_eq!(listed.field_violations.len(), 2);
        assert_eq!(listed.field_violations[1].description, "worse");
    }

    #[test]
    fn no_violations_is_ok() {
        assert!(FieldViolations::new().into_result().is_ok());
    }

    #[test]
    fn internal_hides_the_cause() {
        let cause = std::io::Error::other("password=hunter2");
        let status = internal(&cause);
        assert!(!status.message().contains("hunter2"));
        assert_eq!(
            status.get_details_error_info().map(|i| i.reason),
            Some("INTERNAL".to_owned())
        );
    }
}
