//! NextStepService: a project's suggestions of what to do next, their statuses and ratings.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::next_step_service_server::NextStepService;
use tessera_schema::intelligence::{next_steps, projects};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{NextStepId, ProjectId};
use crate::input::{Stored, invalid_transition, long_text, stored};
use crate::projects::name;
use crate::projects::store::{self as project_store, Lock};
use crate::state::Intel;

stored!(
    pb::NextStepCategory = "NEXT_STEP_CATEGORY_",
    pb::NextStepStatus = "NEXT_STEP_STATUS_",
    pb::Effort = "EFFORT_",
);

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest description or rationale, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = next_steps, check_for_backend(diesel::pg::Pg))]
struct NextStepRow {
    id: Uuid,
    project_id: Uuid,
    title: String,
    description: Option<String>,
    rationale: Option<String>,
    category: String,
    priority: i32,
    effort: Option<String>,
    status: String,
    helpful_count: i32,
    not_helpful_count: i32,
    model: Option<String>,
    generated_at: DateTime<Utc>,
    acted_on_at: Option<DateTime<Utc>>,
}

fn wire(row: &NextStepRow) -> pb::NextStep {
    pb::NextStep {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        title: row.title.clone(),
        description: row.description.clone().unwrap_or_default(),
        rationale: row.rationale.clone().unwrap_or_default(),
        category: pb::NextStepCategory::wire(&row.category),
        priority: row.priority,
        effort: row.effort.as_deref().map_or(0, pb::Effort::wire),
        status: pb::NextStepStatus::wire(&row.status),
        helpful_count: row.helpful_count,
        not_helpful_count: row.not_helpful_count,
        model: row.model.clone().unwrap_or_default(),
        generate_time: Some(timestamp(row.generated_at)),
        acted_on_time: row.acted_on_at.map(timestamp),
    }
}

/// The statuses a step may move to `to` from.
fn moves_to(to: pb::NextStepStatus) -> &'static [&'static str] {
    match to {
        pb::NextStepStatus::Started => &["pending"],
        pb::NextStepStatus::Completed => &["started"],
        pb::NextStepStatus::Dismissed => &["pending", "started", "completed"],
        pb::NextStepStatus::Pending | pb::NextStepStatus::Unspecified => &[],
    }
}

/// Next step `id` if `user` owns its project; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: NextStepId,
) -> Result<NextStepRow, ApiError> {
    next_steps::table
        .inner_join(projects::table)
        .filter(next_steps::id.eq(id.as_uuid()))
        .filter(projects::owner_user_id.eq(user.as_uuid()))
        .select(NextStepRow::as_select())
        .first(conn)
        .await
        .optional()?
        .ok_or_else(|| ApiError::not_found(NextStepId::RESOURCE, id))
}

/// The gRPC face of next steps.
#[derive(Debug, Clone)]
pub struct NextStepApi(pub Intel);

#[tonic::async_trait]
impl NextStepService for NextStepApi {
    async fn create_next_step(
        &self,
        request: Request<pb::CreateNextStepRequest>,
    ) -> Result<Response<pb::CreateNextStepResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let step = body.next_step.unwrap_or_default();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let title = name(&mut v, "next_step.title", &step.title, MAX_TITLE_CHARS);
        let description = long_text(
            &mut v,
            "next_step.description",
            &step.description,
            MAX_TEXT_CHARS,
        );
        let rationale = long_text(
            &mut v,
            "next_step.rationale",
            &step.rationale,
            MAX_TEXT_CHARS,
        );
        let category =
            pb::NextStepCategory::parse(&mut v, "next_step.category", step.category, true);
        let effort = pb::Effort::parse(&mut v, "next_step.effort", step.effort, false);
        let priority = match step.priority {
            0 => 2,
            p @ 1..=3 => p,
            _ => {
                v.add(
                    "next_step.priority",
                    "must be 1 (high), 2 (medium) or 3 (low)",
                );
                2
            }
        };
        let model = (!step.model.is_empty())
            .then(|| name(&mut v, "next_step.model", &step.model, 200))
            .flatten();
        let (project, (title, category)) = ApiError::checked(v, project.zip(title.zip(category)))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        project_store::owned(&mut conn, user, project, Lock::None).await?;
        let row: NextStepRow = diesel::insert_into(next_steps::table)
            .values((
                next_steps::id.eq(NextStepId::new().as_uuid()),
                next_steps::project_id.eq(project.as_uuid()),
                next_steps::title.eq(title),
                next_steps::description.eq(description),
                next_steps::rationale.eq(rationale),
                next_steps::category.eq(category.text()),
                next_steps::priority.eq(priority),
                next_steps::effort.eq(effort.map(Stored::text)),
                next_steps::model.eq(model),
                next_steps::generated_at.eq(self.0.clock.now()),
            ))
            .returning(NextStepRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(|e| gone(e, project))?;
        Ok(Response::new(pb::CreateNextStepResponse {
            next_step: Some(wire(&row)),
        }))
    }

    async fn get_next_step(
        &self,
        request: Request<pb::GetNextStepRequest>,
    ) -> Result<Response<pb::GetNextStepResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = NextStepId::parse("next_step_id", &request.get_ref().next_step_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetNextStepResponse {
            next_step: Some(wire(&row)),
        }))
    }

    async fn list_next_steps(
        &self,
        request: Request<pb::ListNextStepsRequest>,
    ) -> Result<Response<pb::ListNextStepsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let status = pb::NextStepStatus::parse(&mut v, "status", body.status, false);
        let query = Query::new("intelligence.next_steps")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(body.status);
        let page = query.request_into::<(i32, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        project_store::owned(&mut conn, user, project, Lock::None).await?;
        let mut select = next_steps::table
            .filter(next_steps::project_id.eq(project.as_uuid()))
            .select(NextStepRow::as_select())
            .order((next_steps::priority.asc(), next_steps::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(status) = status {
            select = select.filter(next_steps::status.eq(status.text()));
        }
        if let Some((priority, id)) = page.after {
            select = select.filter(
                next_steps::priority
                    .gt(priority)
                    .or(next_steps::priority.eq(priority).and(next_steps::id.lt(id))),
            );
        }
        let rows: Vec<NextStepRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.priority, row.id));
        Ok(Response::new(pb::ListNextStepsResponse {
            next_steps: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn set_next_step_status(
        &self,
        request: Request<pb::SetNextStepStatusRequest>,
    ) -> Result<Response<pb::SetNextStepStatusResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = NextStepId::parse_into(&mut v, "next_step_id", &body.next_step_id);
        let to = pb::NextStepStatus::parse(&mut v, "status", body.status, true);
        if to == Some(pb::NextStepStatus::Pending) {
            v.add("status", "must be started, completed or dismissed");
        }
        let (id, to) = ApiError::checked(v, id.zip(to))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        // One conditional update: two concurrent moves cannot both start from the same status.
        let moved: Option<NextStepRow> = diesel::update(
            next_steps::table
                .find(row.id)
                .filter(next_steps::status.eq_any(moves_to(to))),
        )
        .set((
            next_steps::status.eq(to.text()),
            next_steps::acted_on_at.eq(diesel::dsl::sql::<
                diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
            >("coalesce(acted_on_at, ")
            .bind::<diesel::sql_types::Timestamptz, _>(self.0.clock.now())
            .sql(")")),
        ))
        .returning(NextStepRow::as_returning())
        .get_result(&mut conn)
        .await
        .optional()
        .map_err(ApiError::from)?;
        let moved = match moved {
            Some(moved) => moved,
            None => {
                let now = owned(&mut conn, user, id).await?;
                return Err(invalid_transition("next step", id, now.status, &to.text()).into());
            }
        };
        Ok(Response::new(pb::SetNextStepStatusResponse {
            next_step: Some(wire(&moved)),
        }))
    }

    async fn rate_next_step(
        &self,
        request: Request<pb::RateNextStepRequest>,
    ) -> Result<Response<pb::RateNextStepResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let id = NextStepId::parse("next_step_id", &body.next_step_id).map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        // `count = count + 1` in the database: concurrent votes all count.
        let target = next_steps::table.find(row.id);
        let rated = if body.helpful {
            diesel::update(target)
                .set(next_steps::helpful_count.eq(next_steps::helpful_count + 1))
                .returning(NextStepRow::as_returning())
                .get_result(&mut conn)
                .await
        } else {
            diesel::update(target)
                .set(next_steps::not_helpful_count.eq(next_steps::not_helpful_count + 1))
                .returning(NextStepRow::as_returning())
                .get_result(&mut conn)
                .await
        }
        .optional()
        .map_err(ApiError::from)?
        .ok_or_else(|| ApiError::not_found(NextStepId::RESOURCE, id))?;
        Ok(Response::new(pb::RateNextStepResponse {
            next_step: Some(wire(&rated)),
        }))
    }
}

/// An insert's error, NOT_FOUND if the project was deleted meanwhile.
pub fn gone(err: diesel::result::Error, project: ProjectId) -> ApiError {
    match ApiError::from(err) {
        ApiError::Db(tessera_kit::DbError::ForeignKeyViolation { .. }) => {
            ApiError::not_found(ProjectId::RESOURCE, project)
        }
        other => other,
    }
}
