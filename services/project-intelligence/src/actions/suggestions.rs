//! The legacy refactoring suggestions: listed, and imported as action items once each.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde_json::json;
use tessera_kit::convert::timestamp;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{action_items, refactoring_suggestions};
use uuid::Uuid;

use super::items::NewItem;
use crate::ids::ActionItemId;
use crate::input::{Stored, paths_of};

/// A `refactoring_suggestions` row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = refactoring_suggestions, check_for_backend(diesel::pg::Pg))]
pub struct SuggestionRow {
    pub id: Uuid,
    pub workspace_id: Uuid,
    pub snapshot_id: Option<String>,
    #[diesel(column_name = type_)]
    pub kind: String,
    pub severity: String,
    pub title: String,
    pub description: Option<String>,
    pub affected_files: Option<serde_json::Value>,
    pub suggested_prompt: Option<String>,
    pub status: String,
    pub created_at: DateTime<Utc>,
}

/// The wire form.
pub fn wire(row: &SuggestionRow) -> pb::RefactoringSuggestion {
    pb::RefactoringSuggestion {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.to_string(),
        snapshot_id: row.snapshot_id.clone().unwrap_or_default(),
        r#type: row.kind.clone(),
        severity: pb::Severity::wire(&row.severity),
        title: row.title.clone(),
        description: row.description.clone().unwrap_or_default(),
        affected_files: paths_of(row.affected_files.as_ref()),
        suggested_prompt: row.suggested_prompt.clone().unwrap_or_default(),
        status: row.status.clone(),
        create_time: Some(timestamp(row.created_at)),
    }
}

/// At most `max` characters of `text`, and whether it was cut.
fn cut(text: &str, max: usize) -> (String, bool) {
    match text.char_indices().nth(max) {
        Some((end, _)) => (text[..end].to_owned(), true),
        None => (text.to_owned(), false),
    }
}

/// The action item a suggestion becomes: security and test coverage keep their type, the
/// others become refactoring with the old type in `metadata.legacy_type`; severity, status,
/// texts and files are kept (texts cut to the item's limits, said in `metadata.truncated`).
pub fn import(row: &SuggestionRow, project_id: Uuid, now: DateTime<Utc>) -> NewItem {
    let kept = matches!(row.kind.as_str(), "security" | "test_coverage");
    let (title, cut_title) = cut(row.title.trim(), 200);
    let (description, cut_description) = cut(row.description.as_deref().unwrap_or(""), 10_000);
    let (prompt, cut_prompt) = cut(row.suggested_prompt.as_deref().unwrap_or(""), 10_000);
    let mut metadata = json!({ "suggestion_id": row.id.to_string() });
    if !kept {
        metadata["legacy_type"] = json!(row.kind);
    }
    if let Some(snapshot) = &row.snapshot_id {
        metadata["snapshot_id"] = json!(snapshot);
    }
    if cut_title || cut_description || cut_prompt {
        metadata["truncated"] = json!(true);
    }
    NewItem {
        id: ActionItemId::new().as_uuid(),
        workspace_id: row.workspace_id,
        project_id,
        kind: if kept {
            row.kind.clone()
        } else {
            "refactoring".into()
        },
        severity: row.severity.clone(),
        title: if title.is_empty() {
            "(untitled)".into()
        } else {
            title
        },
        description: (!description.is_empty()).then_some(description),
        affected_files: row
            .affected_files
            .clone()
            .filter(serde_json::Value::is_array),
        suggested_prompt: (!prompt.is_empty()).then_some(prompt),
        metadata: Some(metadata),
        status: row.status.clone(),
        source: pb::ActionItemSource::Import.text(),
        created_at: row.created_at,
        updated_at: now,
        imported_from: Some(row.id),
    }
}

/// Imports the suggestions of `workspace` not imported before; returns (imported, skipped).
/// The unique `imported_from` makes concurrent calls import each suggestion once.
pub async fn migrate(
    conn: &mut AsyncPgConnection,
    workspace: Uuid,
    project: Uuid,
    now: DateTime<Utc>,
) -> QueryResult<(usize, usize)> {
    let rows: Vec<SuggestionRow> = refactoring_suggestions::table
        .filter(refactoring_suggestions::workspace_id.eq(workspace))
        .select(SuggestionRow::as_select())
        .order(refactoring_suggestions::id)
        .load(conn)
        .await?;
    let mut imported = 0;
    // Batches keep each statement's bind parameters under PostgreSQL's limit.
    for batch in rows.chunks(1000) {
        let new: Vec<NewItem> = batch.iter().map(|row| import(row, project, now)).collect();
        imported += diesel::insert_into(action_items::table)
            .values(&new)
            .on_conflict(action_items::imported_from)
            .do_nothing()
            .execute(conn)
            .await?;
    }
    Ok((imported, rows.len() - imported))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestion(kind: &str) -> SuggestionRow {
        SuggestionRow {
            id: Uuid::now_v7(),
            workspace_id: Uuid::now_v7(),
            snapshot_id: None,
            kind: kind.into(),
            severity: "warning".into(),
            title: "Split the parser".into(),
            description: Some("é".repeat(10_001)),
            affected_files: Some(json!(["src/a.rs"])),
            suggested_prompt: None,
            status: "dismissed".into(),
            created_at: Utc::now(),
        }
    }

    #[test]
    fn security_and_test_coverage_keep_their_type_the_rest_become_refactoring() {
        let now = Utc::now();
        for kind in ["security", "test_coverage"] {
            let item = import(&suggestion(kind), Uuid::nil(), now);
            assert_eq!(item.kind, kind);
            assert!(item.metadata.as_ref().unwrap().get("legacy_type").is_none());
        }
        for kind in ["duplication", "performance", "naming", "structure"] {
            let row = suggestion(kind);
            let item = import(&row, Uuid::nil(), now);
            assert_eq!(item.kind, "refactoring");
            let metadata = item.metadata.unwrap();
            assert_eq!(metadata["legacy_type"], kind);
            assert_eq!(metadata["truncated"], true);
            assert_eq!(item.description.unwrap().chars().count(), 10_000);
            assert_eq!(item.status, "dismissed");
            assert_eq!(item.severity, "warning");
            assert_eq!(item.source, "import");
            assert_eq!(item.imported_from, Some(row.id));
            assert_eq!(item.created_at, row.created_at);
        }
    }
}
