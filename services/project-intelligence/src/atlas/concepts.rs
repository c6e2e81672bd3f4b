//! Concept and edge rows, their ids and wire forms, and the concept and edge RPCs' work.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{atlas_concepts, atlas_edges};
use uuid::Uuid;

use crate::input::{Stored, stored};

stored!(
    pb::ConceptLayer = "CONCEPT_LAYER_",
    pb::EdgeType = "EDGE_TYPE_",
    pb::DiagramType = "DIAGRAM_TYPE_",
    pb::ChunkKind = "CHUNK_KIND_",
);

tessera_kit::id! {
    /// An edge of the graph.
    pub struct EdgeId("edge");
}

/// What a concept is called in errors.
pub const RESOURCE: &str = "concept";
/// Longest concept id, in bytes.
pub const MAX_ID_BYTES: usize = 4200;

/// An `atlas_concepts` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = atlas_concepts, check_for_backend(diesel::pg::Pg))]
pub struct ConceptRow {
    pub project_id: Uuid,
    pub id: String,
    pub name: String,
    pub layer: String,
    #[diesel(column_name = type_)]
    pub kind: Option<String>,
    pub description: Option<String>,
    pub source_snapshot_id: Option<String>,
    pub source_manifest_hash: Option<Vec<u8>>,
    pub metadata: Option<serde_json::Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An `atlas_edges` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = atlas_edges, check_for_backend(diesel::pg::Pg))]
pub struct EdgeRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub from_concept_id: String,
    pub to_concept_id: String,
    #[diesel(column_name = type_)]
    pub kind: String,
    pub weight: Option<i32>,
    pub created_at: DateTime<Utc>,
}

/// The wire form of a concept.
pub fn wire(row: &ConceptRow) -> pb::Concept {
    pb::Concept {
        id: row.id.clone(),
        project_id: row.project_id.to_string(),
        name: row.name.clone(),
        layer: pb::ConceptLayer::wire(&row.layer),
        r#type: row.kind.clone().unwrap_or_default(),
        description: row.description.clone().unwrap_or_default(),
        source_snapshot_id: row.source_snapshot_id.clone().unwrap_or_default(),
        source_manifest_hash: row.source_manifest_hash.clone().unwrap_or_default(),
        metadata: row.metadata.as_ref().map(json_to_struct),
        create_time: Some(timestamp(row.created_at)),
        update_time: Some(timestamp(row.updated_at)),
    }
}

/// The wire form of an edge.
pub fn wire_edge(row: &EdgeRow) -> pb::Edge {
    pb::Edge {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        from_concept_id: row.from_concept_id.clone(),
        to_concept_id: row.to_concept_id.clone(),
        r#type: pb::EdgeType::wire(&row.kind),
        weight: row.weight,
        create_time: Some(timestamp(row.created_at)),
    }
}

/// The layer a concept id names by its prefix (`module:src` is a module), if it is a valid id.
pub fn layer_of(id: &str) -> Option<pb::ConceptLayer> {
    let (prefix, rest) = id.split_once(':')?;
    if rest.is_empty() || id.len() > MAX_ID_BYTES || id.chars().any(char::is_control) {
        return None;
    }
    pb::ConceptLayer::from_name(&format!("CONCEPT_LAYER_{}", prefix.to_ascii_uppercase()))
        .filter(|layer| layer.text() == prefix)
}

/// A concept id from a request field, or a violation.
pub fn parse_id(v: &mut FieldViolations, field: &str, raw: &str) -> Option<String> {
    if layer_of(raw).is_some() {
        Some(raw.to_owned())
    } else {
        v.add(
            field,
            "must be <layer>:<name or path> with layer narrative, capability, system, module or code",
        );
        None
    }
}

/// Concept `id` of `project`, or NOT_FOUND.
pub async fn find(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    id: &str,
) -> Result<ConceptRow, ApiError> {
    atlas_concepts::table
        .find((project, id))
        .select(ConceptRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(RESOURCE, id))
}

/// Inserts `row`, or replaces the client-written fields of the concept with its id.
pub async fn upsert(
    conn: &mut AsyncPgConnection,
    row: &ConceptRow,
) -> Result<ConceptRow, ApiError> {
    use diesel::upsert::excluded;
    Ok(diesel::insert_into(atlas_concepts::table)
        .values(row)
        .on_conflict((atlas_concepts::project_id, atlas_concepts::id))
        .do_update()
        .set((
            atlas_concepts::name.eq(excluded(atlas_concepts::name)),
            atlas_concepts::type_.eq(excluded(atlas_concepts::type_)),
            atlas_concepts::description.eq(excluded(atlas_concepts::description)),
            atlas_concepts::metadata.eq(excluded(atlas_concepts::metadata)),
            atlas_concepts::updated_at.eq(excluded(atlas_concepts::updated_at)),
        ))
        .returning(ConceptRow::as_returning())
        .get_result(conn)
        .await?)
}

/// Creates an edge; ALREADY_EXISTS for a second of the same type, NOT_FOUND for an end that
/// is not a concept of the project.
pub async fn create_edge(conn: &mut AsyncPgConnection, row: &EdgeRow) -> Result<EdgeRow, ApiError> {
    diesel::insert_into(atlas_edges::table)
        .values(row)
        .returning(EdgeRow::as_returning())
        .get_result(conn)
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Db(DbError::UniqueViolation { .. }) => ApiError::AlreadyExists(format!(
                "{} already {} {}",
                row.from_concept_id, row.kind, row.to_concept_id
            )),
            ApiError::Db(DbError::ForeignKeyViolation { constraint }) => {
                let end = if constraint.contains("to_concept") {
                    &row.to_concept_id
                } else {
                    &row.from_concept_id
                };
                ApiError::not_found(RESOURCE, end)
            }
            other => other,
        })
}
