//! project-intelligence's typed ids, and the closed sets it stores as text (spelled exactly as
//! the CHECK constraints allow).

use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::intelligence::v1 as pb;

tessera_kit::id! {
    /// A project.
    pub struct ProjectId("project");
}

tessera_kit::id! {
    /// A project's environment variable.
    pub struct EnvVarId("env var");
}

tessera_kit::id! {
    /// A working copy of a project.
    pub struct WorkspaceId("workspace");
}

tessera_kit::id! {
    /// An entry of a project's activity log.
    pub struct ActivityId("activity event");
}

tessera_kit::id! {
    /// A conversation in a workspace.
    pub struct ConversationId("conversation");
}

tessera_kit::id! {
    /// A stored drift report.
    pub struct DriftReportId("drift report");
}

tessera_kit::id! {
    /// A sync preview.
    pub struct PreviewId("sync preview");
}

tessera_kit::id! {
    /// A suggestion of what to do next.
    pub struct NextStepId("next step");
}

tessera_kit::id! {
    /// A decision taken in a project.
    pub struct DecisionId("decision");
}

tessera_kit::id! {
    /// A code-level issue in a workspace.
    pub struct ActionItemId("action item");
}

tessera_kit::id! {
    /// A run of an action item.
    pub struct RunId("run");
}

tessera_kit::id! {
    /// A legacy refactoring suggestion.
    pub struct SuggestionId("refactoring suggestion");
}

tessera_kit::text_enum! {
    /// Who caused a change (`activity_events.actor`, `snapshots.source`).
    pub enum Actor {
        /// The command-line client.
        Cli = "cli",
        /// The web client.
        Web = "web",
        /// The service itself.
        System = "system",
    }
}

impl Actor {
    /// The wire value.
    pub fn wire(self) -> i32 {
        match self {
            Self::Cli => pb::Actor::Cli as i32,
            Self::Web => pb::Actor::Web as i32,
            Self::System => pb::Actor::System as i32,
        }
    }

    /// A client's actor: cli or web (web when unspecified); `system` is the service's own.
    pub fn parse_client(v: &mut FieldViolations, field: &str, raw: i32) -> Self {
        match pb::Actor::try_from(raw) {
            Ok(pb::Actor::Cli) => Self::Cli,
            Ok(pb::Actor::Web | pb::Actor::Unspecified) => Self::Web,
            _ => {
                v.add(field, "must be ACTOR_CLI or ACTOR_WEB");
                Self::Web
            }
        }
    }
}

tessera_kit::text_enum! {
    /// What a project is for (`projects.intent`).
    pub enum Intent {
        /// A company in the making.
        Startup = "startup",
        /// A tool for oneself.
        PersonalTool = "personal_tool",
        /// Learning.
        Learning = "learning",
        /// Fun.
        Fun = "fun",
        /// To show.
        Portfolio = "portfolio",
        /// Creative work.
        Creative = "creative",
        /// Trying things out.
        Exploration = "exploration",
        /// Open source.
        OpenSource = "open_source",
    }
}

impl Intent {
    const WIRE: [(pb::Intent, Self); 8] = [
        (pb::Intent::Startup, Self::Startup),
        (pb::Intent::PersonalTool, Self::PersonalTool),
        (pb::Intent::Learning, Self::Learning),
        (pb::Intent::Fun, Self::Fun),
        (pb::Intent::Portfolio, Self::Portfolio),
        (pb::Intent::Creative, Self::Creative),
        (pb::Intent::Exploration, Self::Exploration),
        (pb::Intent::OpenSource, Self::OpenSource),
    ];

    /// The wire value of an optional intent.
    pub fn wire(intent: Option<Self>) -> i32 {
        Self::WIRE
            .iter()
            .find(|(_, i)| Some(*i) == intent)
            .map_or(pb::Intent::Unspecified as i32, |(w, _)| *w as i32)
    }

    /// A wire intent: unspecified is none; an unknown number is a violation.
    pub fn parse_wire(v: &mut FieldViolations, field: &str, raw: i32) -> Option<Self> {
        if raw == pb::Intent::Unspecified as i32 {
            return None;
        }
        let found = Self::WIRE.iter().find(|(w, _)| *w as i32 == raw);
        if found.is_none() {
            v.add(field, "is not a known intent");
        }
        found.map(|(_, i)| *i)
    }
}

/// Whether `raw` is a snapshot id: `snap-` and a ULID (26 Crockford base32 characters, upper
/// case, at most 7ZZZ...).
pub fn is_snapshot_id(raw: &str) -> bool {
    raw.strip_prefix("snap-").is_some_and(|ulid| {
        ulid.len() == 26
            && ulid.bytes().all(|b| {
                matches!(b, b'0'..=b'9' | b'A'..=b'H' | b'J' | b'K' | b'M' | b'N' | b'P'..=b'T' | b'V'..=b'Z')
            })
            && ulid.as_bytes()[0] <= b'7'
    })
}

/// A snapshot id from a request field, or a violation.
pub fn parse_snapshot_id(v: &mut FieldViolations, field: &str, raw: &str) -> Option<String> {
    if is_snapshot_id(raw) {
        Some(raw.to_owned())
    } else {
        v.add(field, "must be a snapshot id: snap- and a ULID");
        None
    }
}
