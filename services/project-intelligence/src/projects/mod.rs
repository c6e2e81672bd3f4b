//! ProjectService: a user's projects.

pub mod store;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::{mask_paths, struct_to_json};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_kit::text::free_text;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::project_service_server::ProjectService;
use tessera_schema::intelligence::{projects, workspaces};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::activity::{self, Event, kinds};
use crate::ids::{Actor, Intent, ProjectId, WorkspaceId};
use crate::state::Intel;
use store::{Lock, ProjectRow, owned, wire};

/// Longest project name, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Largest brief, in bytes of compact JSON.
pub const MAX_BRIEF_BYTES: usize = 64 * 1024;

/// The gRPC face of projects.
#[derive(Debug, Clone)]
pub struct ProjectApi(pub Intel);

/// A checked name.
pub fn name(v: &mut FieldViolations, field: &str, raw: &str, max: usize) -> Option<String> {
    match free_text(raw, max) {
        Ok(name) if !name.is_empty() => Some(name),
        Ok(_) => {
            v.add(field, "required");
            None
        }
        Err(why) => {
            v.add(field, why.to_string());
            None
        }
    }
}

fn brief(v: &mut FieldViolations, raw: Option<&prost_types::Struct>) -> Option<serde_json::Value> {
    let json = struct_to_json(raw?);
    let size = serde_json::to_vec(&json).map_or(usize::MAX, |b| b.len());
    if size > MAX_BRIEF_BYTES {
        v.add("project.brief", "must be at most 64 KiB of JSON");
    }
    Some(json)
}

#[tonic::async_trait]
impl ProjectService for ProjectApi {
    async fn create_project(
        &self,
        request: Request<pb::CreateProjectRequest>,
    ) -> Result<Response<pb::CreateProjectResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.project.unwrap_or_default();
        let mut v = FieldViolations::new();
        let name = name(&mut v, "project.name", &input.name, MAX_NAME_CHARS);
        let intent = Intent::parse_wire(&mut v, "project.intent", input.intent);
        let brief = brief(&mut v, input.brief.as_ref());
        let actor = Actor::parse_client(&mut v, "actor", body.actor);
        let name = ApiError::checked(v, name)?;
        let (id, now) = (ProjectId::new().as_uuid(), self.0.clock.now());
        let row = self
            .0
            .db
            .transaction("intelligence.create_project", |conn| {
                let (name, brief) = (name.clone(), brief.clone());
                async move {
                    let row: ProjectRow = diesel::insert_into(projects::table)
                        .values((
                            projects::id.eq(id),
                            projects::owner_user_id.eq(user.as_uuid()),
                            projects::name.eq(&name),
                            projects::intent.eq(intent.map(|i| i.as_str())),
                            projects::brief.eq(brief),
                            projects::created_at.eq(now),
                            projects::updated_at.eq(now),
                        ))
                        .returning(ProjectRow::as_returning())
                        .get_result(conn)
                        .await?;
                    let event = Event {
                        project: id,
                        workspace: None,
                        actor,
                        kind: kinds::PROJECT_CREATED,
                        snapshot: None,
                        message: format!("project {name} created"),
                    };
                    activity::record(conn, event, now).await?;
                    Ok::<_, ApiError>(row)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateProjectResponse {
            project: Some(wire(&row)),
        }))
    }

    async fn get_project(
        &self,
        request: Request<pb::GetProjectRequest>,
    ) -> Result<Response<pb::GetProjectResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ProjectId::parse("project_id", &request.get_ref().project_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id, Lock::None).await?;
        Ok(Response::new(pb::GetProjectResponse {
            project: Some(wire(&row)),
        }))
    }

    async fn list_projects(
        &self,
        request: Request<pb::ListProjectsRequest>,
    ) -> Result<Response<pb::ListProjectsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let query = Query::new("intelligence.projects").scoped(user);
        let body = request.get_ref();
        let page = query
            .request::<(DateTime<Utc>, Uuid)>(body.page_size, &body.page_token)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let mut select = projects::table
            .filter(projects::owner_user_id.eq(user.as_uuid()))
            .select(ProjectRow::as_select())
            .order((projects::updated_at.desc(), projects::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                projects::updated_at
                    .lt(at)
                    .or(projects::updated_at.eq(at).and(projects::id.lt(id))),
            );
        }
        let rows: Vec<ProjectRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.updated_at, row.id));
        Ok(Response::new(pb::ListProjectsResponse {
            projects: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn update_project(
        &self,
        request: Request<pb::UpdateProjectRequest>,
    ) -> Result<Response<pb::UpdateProjectResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.project.unwrap_or_default();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project.id", &input.id);
        let fields = mask_paths(
            &mut v,
            body.update_mask.as_ref(),
            &["name", "intent", "brief", "main_workspace_id"],
        );
        let wants = |field: &str| fields.contains(&field);
        let name = wants("name")
            .then(|| name(&mut v, "project.name", &input.name, MAX_NAME_CHARS))
            .flatten();
        let intent = Intent::parse_wire(&mut v, "project.intent", input.intent);
        let brief = brief(&mut v, input.brief.as_ref());
        let main = (wants("main_workspace_id") && !input.main_workspace_id.is_empty())
            .then(|| {
                WorkspaceId::parse_into(
                    &mut v,
                    "project.main_workspace_id",
                    &input.main_workspace_id,
                )
            })
            .flatten();
        let id = ApiError::checked(v, id)?;
        let now = self.0.clock.now();
        let row = self
            .0
            .db
            .transaction("intelligence.update_project", |conn| {
                let (name, brief, fields) = (name.clone(), brief.clone(), fields.clone());
                async move {
                    let wants = |field: &str| fields.contains(&field);
                    let mut row = owned(conn, user, id, Lock::Update).await?;
                    if let Some(name) = name {
                        row.name = name;
                    }
                    if wants("intent") {
                        row.intent = intent.map(|i| i.as_str().to_owned());
                    }
                    if wants("brief") {
                        row.brief = brief;
                    }
                    if wants("main_workspace_id") {
                        if let Some(main) = main {
                            let found: i64 = workspaces::table
                                .filter(workspaces::id.eq(main.as_uuid()))
                                .filter(workspaces::project_id.eq(row.id))
                                .count()
                                .get_result(conn)
                                .await?;
                            if found == 0 {
                                return Err(ApiError::not_found(WorkspaceId::RESOURCE, main));
                            }
                        }
                        row.main_workspace_id = main.map(|m| m.as_uuid());
                    }
                    let stored: ProjectRow = diesel::update(projects::table.find(row.id))
                        .set((
                            projects::name.eq(&row.name),
                            projects::intent.eq(&row.intent),
                            projects::brief.eq(&row.brief),
                            projects::main_workspace_id.eq(row.main_workspace_id),
                            projects::updated_at.eq(now),
                        ))
                        .returning(ProjectRow::as_returning())
                        .get_result(conn)
                        .await?;
                    Ok::<_, ApiError>(stored)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::UpdateProjectResponse {
            project: Some(wire(&row)),
        }))
    }

    async fn delete_project(
        &self,
        request: Request<pb::DeleteProjectRequest>,
    ) -> Result<Response<pb::DeleteProjectResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ProjectId::parse("project_id", &request.get_ref().project_id)
            .map_err(ApiError::from)?;
        self.0
            .db
            .transaction("intelligence.delete_project", |conn| {
                async move {
                    let row = owned(conn, user, id, Lock::Update).await?;
                    Ok::<_, ApiError>(store::delete(conn, row.id, true).await?)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteProjectResponse {}))
    }
}
