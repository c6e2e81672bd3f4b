//! Request fields shared by the guidance, action item and run RPCs: proto enums stored as text,
//! multi-line texts, JSON objects and file path lists.

use tessera_kit::api_error::ApiError;
use tessera_kit::convert::struct_to_json;
use tessera_kit::error::FieldViolations;

use crate::ids::{ProjectId, WorkspaceId};

/// A proto enum stored as its value name without the enum's prefix, in lower case
/// (`ACTION_ITEM_TYPE_TEST_COVERAGE` is stored as `test_coverage`), as the CHECK constraints
/// spell them.
pub trait Stored: Sized + Copy + TryFrom<i32> + Into<i32> {
    /// The value names' prefix, e.g. `ACTION_ITEM_TYPE_`.
    const PREFIX: &'static str;
    /// The proto value name.
    fn name(self) -> &'static str;
    /// The value of a proto value name.
    fn from_name(name: &str) -> Option<Self>;

    /// The stored text.
    fn text(self) -> String {
        self.name()
            .strip_prefix(Self::PREFIX)
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// The value stored as `text`; unspecified if the database holds something else (the
    /// CHECK constraints keep that from happening).
    fn wire(text: &str) -> i32 {
        Self::from_name(&format!("{}{}", Self::PREFIX, text.to_ascii_uppercase()))
            .map_or(0, Into::into)
    }

    /// A wire value: `None` when unspecified (a violation if `required`) or unknown.
    fn parse(v: &mut FieldViolations, field: &str, raw: i32, required: bool) -> Option<Self> {
        match Self::try_from(raw) {
            Ok(_) if raw == 0 => {
                if required {
                    v.add(field, "required");
                }
                None
            }
            Ok(value) => Some(value),
            Err(_) => {
                v.add(field, format!("{raw} is not a known value"));
                None
            }
        }
    }
}

/// Implements [`Stored`] for prost enums: `stored!(pb::Severity = "SEVERITY_", ...)`.
macro_rules! stored {
    ($($ty:ty = $prefix:literal),+ $(,)?) => {
        $(impl $crate::input::Stored for $ty {
            const PREFIX: &'static str = $prefix;
            fn name(self) -> &'static str {
                self.as_str_name()
            }
            fn from_name(name: &str) -> Option<Self> {
                Self::from_str_name(name)
            }
        })+
    };
}
pub(crate) use stored;

/// A count from a request: `default` when 0, else within 1..=`max` (a violation otherwise).
pub fn capped(v: &mut FieldViolations, field: &str, raw: i32, default: i32, max: i32) -> i32 {
    match raw {
        0 => default,
        n if (1..=max).contains(&n) => n,
        _ => {
            v.add(field, format!("must be 1 to {max}"));
            default
        }
    }
}

/// An optional multi-line text (newlines and tabs allowed, other control characters not),
/// trimmed: `None` when empty.
pub fn long_text(
    v: &mut FieldViolations,
    field: &str,
    raw: &str,
    max_chars: usize,
) -> Option<String> {
    let text = raw.trim();
    if text.chars().count() > max_chars {
        v.add(field, format!("must be at most {max_chars} characters"));
    } else if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        v.add(
            field,
            "must not contain control characters other than newlines and tabs",
        );
    } else if !text.is_empty() {
        return Some(text.to_owned());
    }
    None
}

/// A required multi-line text: a violation when empty.
pub fn required_text(
    v: &mut FieldViolations,
    field: &str,
    raw: &str,
    max_chars: usize,
) -> Option<String> {
    if raw.trim().is_empty() {
        v.add(field, "required");
        return None;
    }
    long_text(v, field, raw, max_chars)
}

/// An optional JSON object of at most `max_bytes` (compact).
pub fn json_object(
    v: &mut FieldViolations,
    field: &str,
    raw: Option<&prost_types::Struct>,
    max_bytes: usize,
) -> Option<serde_json::Value> {
    let json = struct_to_json(raw?);
    let size = serde_json::to_vec(&json).map_or(usize::MAX, |b| b.len());
    if size > max_bytes {
        v.add(field, format!("must be at most {max_bytes} bytes of JSON"));
    }
    Some(json)
}

/// Longest list of affected files.
pub const MAX_FILES: usize = 1000;

/// A list of relative file paths (the manifest's rules), stored as a JSON array; `None` when
/// empty.
pub fn file_paths(
    v: &mut FieldViolations,
    field: &str,
    raw: &[String],
) -> Option<serde_json::Value> {
    if raw.len() > MAX_FILES {
        v.add(field, format!("must name at most {MAX_FILES} files"));
        return None;
    }
    if let Some((i, why)) = raw
        .iter()
        .enumerate()
        .find_map(|(i, p)| tessera_manifest::path_problem(p).map(|why| (i, why)))
    {
        v.add(format!("{field}[{i}]"), why);
        return None;
    }
    (!raw.is_empty()).then(|| serde_json::Value::from(raw.to_vec()))
}

/// The paths of a stored JSON array (empty when none).
pub fn paths_of(json: Option<&serde_json::Value>) -> Vec<String> {
    json.and_then(serde_json::Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|p| p.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// A list's scope: exactly one of `workspace_id` and `project_id` (else a violation).
pub fn workspace_or_project(
    v: &mut FieldViolations,
    workspace: &str,
    project: &str,
) -> Option<(Option<WorkspaceId>, Option<ProjectId>)> {
    match (workspace.is_empty(), project.is_empty()) {
        (false, true) => {
            WorkspaceId::parse_into(v, "workspace_id", workspace).map(|w| (Some(w), None))
        }
        (true, false) => ProjectId::parse_into(v, "project_id", project).map(|p| (None, Some(p))),
        _ => {
            v.add(
                "workspace_id",
                "exactly one of workspace_id and project_id is required",
            );
            None
        }
    }
}

/// FAILED_PRECONDITION, ErrorInfo INVALID_TRANSITION: `resource` `id` is `from` and may not
/// move to `to` (the current status is in the metadata).
pub fn invalid_transition(
    resource: &str,
    id: impl std::fmt::Display,
    from: String,
    to: &str,
) -> ApiError {
    ApiError::Reason {
        code: tonic::Code::FailedPrecondition,
        reason: "INVALID_TRANSITION",
        message: format!("{resource} {id} is {from}: it cannot become {to}"),
        metadata: vec![("status", from)],
    }
}
