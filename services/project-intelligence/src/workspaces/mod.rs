//! WorkspaceService: working copies of a project, updated optimistically by version.

pub mod store;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::{mask_paths, timestamp};
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::workspace_service_server::WorkspaceService;
use tessera_schema::intelligence::{conversations, drift_reports, jobs, snapshots, workspaces};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::activity::{self, Event, kinds};
use crate::ids::{Actor, ProjectId, WorkspaceId, parse_snapshot_id};
use crate::projects::name;
use crate::projects::store::{self as projects, Lock};
use crate::state::Intel;
use store::{WorkspaceRow, owned, stale, wire};

/// Longest workspace name and machine id, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest local path, in bytes.
pub const MAX_LOCAL_PATH_BYTES: usize = 4096;

/// The gRPC face of workspaces.
#[derive(Debug, Clone)]
pub struct WorkspaceApi(pub Intel);

fn machine_id(v: &mut FieldViolations, raw: &str) -> Option<String> {
    (!raw.is_empty())
        .then(|| name(v, "workspace.machine_id", raw, MAX_NAME_CHARS))
        .flatten()
}

/// An absolute path (`/...`, or a drive such as `C:\...`), or nothing.
fn local_path(v: &mut FieldViolations, raw: &str) -> Option<String> {
    if raw.is_empty() {
        return None;
    }
    let bytes = raw.as_bytes();
    let drive = bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    if !(raw.starts_with('/') || drive)
        || raw.len() > MAX_LOCAL_PATH_BYTES
        || raw.chars().any(char::is_control)
    {
        v.add(
            "workspace.local_path",
            "must be an absolute path of at most 4096 bytes without control characters",
        );
        return None;
    }
    Some(raw.to_owned())
}

fn manifest_hash(v: &mut FieldViolations, raw: &[u8]) -> Option<Vec<u8>> {
    match raw.len() {
        0 => None,
        32 => Some(raw.to_vec()),
        _ => {
            v.add(
                "workspace.current_manifest_hash",
                "must be a SHA-256 (32 bytes) or empty",
            );
            None
        }
    }
}

#[tonic::async_trait]
impl WorkspaceService for WorkspaceApi {
    async fn create_workspace(
        &self,
        request: Request<pb::CreateWorkspaceRequest>,
    ) -> Result<Response<pb::CreateWorkspaceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.workspace.unwrap_or_default();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let name = name(&mut v, "workspace.name", &input.name, MAX_NAME_CHARS);
        let machine = machine_id(&mut v, &input.machine_id);
        let path = local_path(&mut v, &input.local_path);
        let base = (!input.base_snapshot_id.is_empty())
            .then(|| {
                parse_snapshot_id(
                    &mut v,
                    "workspace.base_snapshot_id",
                    &input.base_snapshot_id,
                )
            })
            .flatten();
        let actor = Actor::parse_client(&mut v, "actor", body.actor);
        let (project, name) = ApiError::checked(v, project.zip(name))?;
        let (id, now) = (WorkspaceId::new().as_uuid(), self.0.clock.now());
        let row = self
            .0
            .db
            .transaction("intelligence.create_workspace", |conn| {
                let (name, machine, path, base) =
                    (name.clone(), machine.clone(), path.clone(), base.clone());
                async move {
                    projects::owned(conn, user, project, Lock::None).await?;
                    if let Some(base) = &base {
                        let found: i64 = snapshots::table
                            .filter(snapshots::id.eq(base))
                            .filter(snapshots::project_id.eq(project.as_uuid()))
                            .count()
                            .get_result(conn)
                            .await?;
                        if found == 0 {
                            return Err(ApiError::not_found("snapshot", base));
                        }
                    }
                    let row: WorkspaceRow = diesel::insert_into(workspaces::table)
                        .values((
                            workspaces::id.eq(id),
                            workspaces::project_id.eq(project.as_uuid()),
                            workspaces::name.eq(&name),
                            workspaces::machine_id.eq(machine),
                            workspaces::base_snapshot_id.eq(&base),
                            workspaces::current_snapshot_id.eq(&base),
                            workspaces::local_path.eq(path),
                            workspaces::created_at.eq(now),
                        ))
                        .returning(WorkspaceRow::as_returning())
                        .get_result(conn)
                        .await?;
                    let event = Event {
                        project: project.as_uuid(),
                        workspace: Some(id),
                        actor,
                        kind: kinds::WORKSPACE_CREATED,
                        snapshot: base,
                        message: format!("workspace {name} created"),
                    };
                    activity::record(conn, event, now).await?;
                    Ok::<_, ApiError>(row)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::CreateWorkspaceResponse {
            workspace: Some(wire(&row)),
        }))
    }

    async fn get_workspace(
        &self,
        request: Request<pb::GetWorkspaceRequest>,
    ) -> Result<Response<pb::GetWorkspaceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = WorkspaceId::parse("workspace_id", &request.get_ref().workspace_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id, Lock::None).await?;
        Ok(Response::new(pb::GetWorkspaceResponse {
            workspace: Some(wire(&row)),
        }))
    }

    async fn list_workspaces(
        &self,
        request: Request<pb::ListWorkspacesRequest>,
    ) -> Result<Response<pb::ListWorkspacesResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let query = Query::new("intelligence.workspaces")
            .scoped(user)
            .scoped(&body.project_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        projects::owned(&mut conn, user, project, Lock::None).await?;
        let mut select = workspaces::table
            .filter(workspaces::project_id.eq(project.as_uuid()))
            .select(WorkspaceRow::as_select())
            .order((workspaces::created_at.asc(), workspaces::id.asc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                workspaces::created_at
                    .gt(at)
                    .or(workspaces::created_at.eq(at).and(workspaces::id.gt(id))),
            );
        }
        let rows: Vec<WorkspaceRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.created_at, row.id));
        Ok(Response::new(pb::ListWorkspacesResponse {
            workspaces: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn update_workspace(
        &self,
        request: Request<pb::UpdateWorkspaceRequest>,
    ) -> Result<Response<pb::UpdateWorkspaceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.workspace.unwrap_or_default();
        let mut v = FieldViolations::new();
        let id = WorkspaceId::parse_into(&mut v, "workspace.id", &input.id);
        let fields = mask_paths(
            &mut v,
            body.update_mask.as_ref(),
            &["name", "machine_id", "local_path", "current_manifest_hash"],
        );
        if input.version < 1 {
            v.add(
                "workspace.version",
                "required: the version read (1 or more)",
            );
        }
        let wants = |field: &str| fields.contains(&field);
        let name = wants("name")
            .then(|| name(&mut v, "workspace.name", &input.name, MAX_NAME_CHARS))
            .flatten();
        let machine = machine_id(&mut v, &input.machine_id);
        let path = local_path(&mut v, &input.local_path);
        let hash = manifest_hash(&mut v, &input.current_manifest_hash);
        let id = ApiError::checked(v, id)?;
        let expected = input.version;
        let row = self
            .0
            .db
            .transaction("intelligence.update_workspace", |conn| {
                let (name, machine, path, hash, fields) = (
                    name.clone(),
                    machine.clone(),
                    path.clone(),
                    hash.clone(),
                    fields.clone(),
                );
                async move {
                    let wants = |field: &str| fields.contains(&field);
                    let mut row = owned(conn, user, id, Lock::Update).await?;
                    if i64::from(row.version) != expected {
                        return Err(stale(row.id, expected, row.version));
                    }
                    if let Some(name) = name {
                        row.name = name;
                    }
                    if wants("machine_id") {
                        row.machine_id = machine;
                    }
                    if wants("local_path") {
                        row.local_path = path;
                    }
                    if wants("current_manifest_hash") {
                        row.current_manifest_hash = hash;
                    }
                    let stored: WorkspaceRow = diesel::update(workspaces::table.find(row.id))
                        .set((
                            workspaces::name.eq(&row.name),
                            workspaces::machine_id.eq(&row.machine_id),
                            workspaces::local_path.eq(&row.local_path),
                            workspaces::current_manifest_hash.eq(&row.current_manifest_hash),
                            workspaces::version.eq(workspaces::version + 1),
                        ))
                        .returning(WorkspaceRow::as_returning())
                        .get_result(conn)
                        .await?;
                    Ok::<_, ApiError>(stored)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::UpdateWorkspaceResponse {
            workspace: Some(wire(&row)),
        }))
    }

    async fn heartbeat(
        &self,
        request: Request<pb::HeartbeatRequest>,
    ) -> Result<Response<pb::HeartbeatResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = WorkspaceId::parse("workspace_id", &request.get_ref().workspace_id)
            .map_err(ApiError::from)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id, Lock::None).await?;
        diesel::update(workspaces::table.find(row.id))
            .set(workspaces::last_seen_at.eq(now))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::HeartbeatResponse {
            last_seen_time: Some(timestamp(now)),
        }))
    }

    async fn delete_workspace(
        &self,
        request: Request<pb::DeleteWorkspaceRequest>,
    ) -> Result<Response<pb::DeleteWorkspaceResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = WorkspaceId::parse("workspace_id", &request.get_ref().workspace_id)
            .map_err(ApiError::from)?;
        self.0
            .db
            .transaction("intelligence.delete_workspace", |conn| {
                async move {
                    let row = owned(conn, user, id, Lock::Update).await?;
                    diesel::delete(
                        conversations::table.filter(conversations::workspace_id.eq(row.id)),
                    )
                    .execute(conn)
                    .await?;
                    diesel::delete(
                        drift_reports::table.filter(
                            drift_reports::workspace_id
                                .eq(row.id)
                                .or(drift_reports::source_workspace_id.eq(row.id)),
                        ),
                    )
                    .execute(conn)
                    .await?;
                    diesel::delete(jobs::table.filter(jobs::workspace_id.eq(row.id)))
                        .execute(conn)
                        .await?;
                    // Previews, action items, runs and suggestions cascade; snapshots,
                    // activity and the project's main workspace
                    // keep their rows with the id set null.
                    diesel::delete(workspaces::table.find(row.id))
                        .execute(conn)
                        .await?;
                    Ok::<_, ApiError>(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteWorkspaceResponse {}))
    }
}
