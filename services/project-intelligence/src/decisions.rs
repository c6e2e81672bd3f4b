//! DecisionService: the decisions taken in a project, each stated once.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::DbError;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::decision_service_server::DecisionService;
use tessera_schema::intelligence::{conversations, project_decisions, projects, workspaces};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{ConversationId, DecisionId, ProjectId};
use crate::input::{Stored, long_text, required_text, stored};
use crate::next_steps::gone;
use crate::projects::store::{self as project_store, Lock};
use crate::state::Intel;

stored!(pb::DecisionCategory = "DECISION_CATEGORY_");

/// Longest decision, in bytes of UTF-8 (it is a unique key).
pub const MAX_DECISION_BYTES: usize = 2000;
/// Longest rationale, in characters.
pub const MAX_RATIONALE_CHARS: usize = 10_000;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = project_decisions, check_for_backend(diesel::pg::Pg))]
struct DecisionRow {
    id: Uuid,
    project_id: Uuid,
    conversation_id: Option<Uuid>,
    decision: String,
    rationale: Option<String>,
    category: Option<String>,
    decided_at: DateTime<Utc>,
}

fn wire(row: &DecisionRow) -> pb::Decision {
    pb::Decision {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        conversation_id: row
            .conversation_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        decision: row.decision.clone(),
        rationale: row.rationale.clone().unwrap_or_default(),
        category: row
            .category
            .as_deref()
            .map_or(0, pb::DecisionCategory::wire),
        decide_time: Some(timestamp(row.decided_at)),
    }
}

/// Decision `id` if `user` owns its project; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: DecisionId,
) -> Result<DecisionRow, ApiError> {
    project_decisions::table
        .inner_join(projects::table)
        .filter(project_decisions::id.eq(id.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(DecisionRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(DecisionId::RESOURCE, id))
}

/// The gRPC face of decisions.
#[derive(Debug, Clone)]
pub struct DecisionApi(pub Intel);

#[tonic::async_trait]
impl DecisionService for DecisionApi {
    async fn create_decision(
        &self,
        request: Request<pb::CreateDecisionRequest>,
    ) -> Result<Response<pb::CreateDecisionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.decision.unwrap_or_default();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let conversation = (!input.conversation_id.is_empty())
            .then(|| {
                ConversationId::parse_into(
                    &mut v,
                    "decision.conversation_id",
                    &input.conversation_id,
                )
            })
            .flatten();
        let decision = required_text(
            &mut v,
            "decision.decision",
            &input.decision,
            MAX_DECISION_BYTES,
        );
        if decision
            .as_ref()
            .is_some_and(|d| d.len() > MAX_DECISION_BYTES)
        {
            v.add(
                "decision.decision",
                format!("must be at most {MAX_DECISION_BYTES} bytes of UTF-8"),
            );
        }
        let rationale = long_text(
            &mut v,
            "decision.rationale",
            &input.rationale,
            MAX_RATIONALE_CHARS,
        );
        let category =
            pb::DecisionCategory::parse(&mut v, "decision.category", input.category, false);
        let (project, decision) = ApiError::checked(v, project.zip(decision))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        project_store::owned(&mut conn, user, project, Lock::None).await?;
        if let Some(conversation) = conversation {
            // The conversation must be one of this project's (its workspaces').
            let found: i64 = conversations::table
                .inner_join(workspaces::table)
                .filter(conversations::id.eq(conversation.as_uuid()))
                .filter(workspaces::project_id.eq(project.as_uuid()))
                .count()
                .get_result(&mut conn)
                .await
                .map_err(ApiError::from)?;
            if found == 0 {
                return Err(ApiError::not_found(ConversationId::RESOURCE, conversation).into());
            }
        }
        let row: DecisionRow = diesel::insert_into(project_decisions::table)
            .values((
                project_decisions::id.eq(DecisionId::new().as_uuid()),
                project_decisions::project_id.eq(project.as_uuid()),
                project_decisions::conversation_id.eq(conversation.map(|c| c.as_uuid())),
                project_decisions::decision.eq(&decision),
                project_decisions::rationale.eq(rationale),
                project_decisions::category.eq(category.map(Stored::text)),
                project_decisions::decided_at.eq(self.0.clock.now()),
            ))
            .returning(DecisionRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(|e| match gone(e, project) {
                ApiError::Db(DbError::UniqueViolation { .. }) => ApiError::AlreadyExists(format!(
                    "project {project} already records this decision"
                )),
                other => other,
            })?;
        Ok(Response::new(pb::CreateDecisionResponse {
            decision: Some(wire(&row)),
        }))
    }

    async fn get_decision(
        &self,
        request: Request<pb::GetDecisionRequest>,
    ) -> Result<Response<pb::GetDecisionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DecisionId::parse("decision_id", &request.get_ref().decision_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetDecisionResponse {
            decision: Some(wire(&row)),
        }))
    }

    async fn list_decisions(
        &self,
        request: Request<pb::ListDecisionsRequest>,
    ) -> Result<Response<pb::ListDecisionsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let query = Query::new("intelligence.project_decisions")
            .scoped(user)
            .scoped(&body.project_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        project_store::owned(&mut conn, user, project, Lock::None).await?;
        let mut select = project_decisions::table
            .filter(project_decisions::project_id.eq(project.as_uuid()))
            .select(DecisionRow::as_select())
            .order((
                project_decisions::decided_at.desc(),
                project_decisions::id.desc(),
            ))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                project_decisions::decided_at
                    .lt(at)
                    .or(project_decisions::decided_at
                        .eq(at)
                        .and(project_decisions::id.lt(id))),
            );
        }
        let rows: Vec<DecisionRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.decided_at, row.id));
        Ok(Response::new(pb::ListDecisionsResponse {
            decisions: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_decision(
        &self,
        request: Request<pb::DeleteDecisionRequest>,
    ) -> Result<Response<pb::DeleteDecisionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DecisionId::parse("decision_id", &request.get_ref().decision_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        diesel::delete(project_decisions::table.find(row.id))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::DeleteDecisionResponse {}))
    }
}
