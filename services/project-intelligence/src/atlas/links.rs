//! Decision links and diagrams: rows, wire forms, and making them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::DbError;
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::{json_to_struct, timestamp};
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{
    atlas_decision_links, atlas_diagrams, project_decisions, projects,
};
use uuid::Uuid;

use super::api::project;
use super::concepts::{self, parse_id};
use crate::ids::{DecisionId, ProjectId};
use crate::input::{Stored, json_object};
use crate::state::Intel;

tessera_kit::id! {
    /// A link between a decision and a concept.
    pub struct LinkId("decision link");
}

tessera_kit::id! {
    /// A stored diagram.
    pub struct DiagramId("diagram");
}

/// Largest diagram, in bytes of compact JSON.
pub const MAX_DIAGRAM_BYTES: usize = 1 << 20;

/// An `atlas_decision_links` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = atlas_decision_links, check_for_backend(diesel::pg::Pg))]
pub struct LinkRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub decision_id: Uuid,
    pub concept_id: String,
    pub confidence: Option<i32>,
    pub created_at: DateTime<Utc>,
}

/// An `atlas_diagrams` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = atlas_diagrams, check_for_backend(diesel::pg::Pg))]
pub struct DiagramRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub concept_id: Option<String>,
    #[diesel(column_name = type_)]
    pub kind: String,
    pub data: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// The wire form of a link.
pub fn wire_link(row: &LinkRow) -> pb::DecisionLink {
    pb::DecisionLink {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        decision_id: row.decision_id.to_string(),
        concept_id: row.concept_id.clone(),
        confidence: row.confidence,
        create_time: Some(timestamp(row.created_at)),
    }
}

/// The wire form of a diagram.
pub fn wire_diagram(row: &DiagramRow) -> pb::Diagram {
    pb::Diagram {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        concept_id: row.concept_id.clone().unwrap_or_default(),
        r#type: pb::DiagramType::wire(&row.kind),
        data: Some(json_to_struct(&row.data)),
        create_time: Some(timestamp(row.created_at)),
    }
}

/// Links a decision of `user`'s to a concept of its project.
pub async fn link(
    intel: &Intel,
    user: UserId,
    input: pb::DecisionLink,
) -> Result<LinkRow, ApiError> {
    let mut v = FieldViolations::new();
    let decision = DecisionId::parse_into(&mut v, "link.decision_id", &input.decision_id);
    let concept = parse_id(&mut v, "link.concept_id", &input.concept_id);
    if input.confidence.is_some_and(|c| !(0..=100).contains(&c)) {
        v.add("link.confidence", "must be 0 to 100");
    }
    let (decision, concept) = ApiError::checked(v, decision.zip(concept))?;
    let mut conn = intel.db.conn().await.map_err(ApiError::from)?;
    let project: Uuid = project_decisions::table
        .inner_join(projects::table)
        .filter(project_decisions::id.eq(decision.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(project_decisions::project_id)
        .first(&mut conn)
        .await
        .optional()
        .map_err(ApiError::from)?
        .ok_or_else(|| ApiError::not_found(DecisionId::RESOURCE, decision))?;
    let row: LinkRow = diesel::insert_into(atlas_decision_links::table)
        .values(&LinkRow {
            id: LinkId::new().as_uuid(),
            project_id: project,
            decision_id: decision.as_uuid(),
            concept_id: concept.clone(),
            confidence: input.confidence,
            created_at: intel.clock.now(),
        })
        .returning(LinkRow::as_returning())
        .get_result(&mut conn)
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Db(DbError::UniqueViolation { .. }) => {
                ApiError::AlreadyExists(format!("decision {decision} already links {concept}"))
            }
            ApiError::Db(DbError::ForeignKeyViolation { .. }) => {
                ApiError::not_found(concepts::RESOURCE, &concept)
            }
            other => other,
        })?;
    Ok(row)
}

/// Stores a diagram in `user`'s project `project_id`.
pub async fn create_diagram(
    intel: &Intel,
    user: UserId,
    body: pb::CreateDiagramRequest,
) -> Result<DiagramRow, ApiError> {
    let input = body.diagram.clone().unwrap_or_default();
    let mut v = FieldViolations::new();
    let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
    let concept = (!input.concept_id.is_empty())
        .then(|| parse_id(&mut v, "diagram.concept_id", &input.concept_id))
        .flatten();
    let kind = pb::DiagramType::parse(&mut v, "diagram.type", input.r#type, true);
    let data = json_object(
        &mut v,
        "diagram.data",
        input.data.as_ref(),
        MAX_DIAGRAM_BYTES,
    );
    if input.data.is_none() {
        v.add("diagram.data", "required");
    }
    let (id, (kind, data)) = ApiError::checked(v, id.zip(kind.zip(data)))?;
    let mut conn = intel.db.conn().await.map_err(ApiError::from)?;
    let project = project(&mut conn, user, id).await?;
    let row: DiagramRow = diesel::insert_into(atlas_diagrams::table)
        .values(&DiagramRow {
            id: DiagramId::new().as_uuid(),
            project_id: project,
            concept_id: concept.clone(),
            kind: kind.text(),
            data,
            created_at: intel.clock.now(),
        })
        .returning(DiagramRow::as_returning())
        .get_result(&mut conn)
        .await
        .map_err(|e| match ApiError::from(e) {
            ApiError::Db(DbError::ForeignKeyViolation { .. }) => {
                ApiError::not_found(concepts::RESOURCE, concept.clone().unwrap_or_default())
            }
            other => other,
        })?;
    Ok(row)
}
