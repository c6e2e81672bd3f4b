//! DeploymentService: per-workspace settings and the deployments of a project's snapshots (at
//! most one in progress per workspace, by a partial unique index).

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
use tessera_proto::tessera::intelligence::v1::deployment_service_server::DeploymentService;
use tessera_schema::intelligence::{deployment_settings as settings, deployments};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{WorkspaceId, parse_snapshot_id};
use crate::input::{Stored, long_text, workspace_or_project};
use crate::projects::name;
use crate::projects::store::{self as project_store, Lock, owned_row};
use crate::snapshots::store as snapshot_store;
use crate::state::Intel;
use crate::workspaces::store as spaces;

tessera_kit::id! {
    /// A deployment.
    pub struct DeploymentId("deployment");
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = settings, check_for_backend(diesel::pg::Pg))]
struct SettingsRow {
    workspace_id: Uuid,
    auto_deploy: bool,
    runtime_override: Option<String>,
    build_command: Option<String>,
    start_command: Option<String>,
    updated_at: DateTime<Utc>,
}

fn wire_settings(row: &SettingsRow) -> pb::DeploymentSettings {
    pb::DeploymentSettings {
        workspace_id: row.workspace_id.to_string(),
        auto_deploy: row.auto_deploy,
        runtime_override: row.runtime_override.clone().unwrap_or_default(),
        build_command: row.build_command.clone().unwrap_or_default(),
        start_command: row.start_command.clone().unwrap_or_default(),
        update_time: Some(timestamp(row.updated_at)),
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = deployments, check_for_backend(diesel::pg::Pg))]
struct DeploymentRow {
    id: Uuid,
    workspace_id: Option<Uuid>,
    project_id: Uuid,
    snapshot_id: Option<String>,
    status: String,
    trigger: String,
    url: Option<String>,
    error: Option<String>,
    started_at: DateTime<Utc>,
    completed_at: Option<DateTime<Utc>>,
}

fn wire(row: &DeploymentRow) -> pb::Deployment {
    pb::Deployment {
        id: row.id.to_string(),
        workspace_id: row.workspace_id.map(|w| w.to_string()).unwrap_or_default(),
        project_id: row.project_id.to_string(),
        snapshot_id: row.snapshot_id.clone().unwrap_or_default(),
        status: pb::DeploymentStatus::wire(&row.status),
        trigger: pb::DeploymentTrigger::wire(&row.trigger),
        url: row.url.clone().unwrap_or_default(),
        error: row.error.clone().unwrap_or_default(),
        start_time: Some(timestamp(row.started_at)),
        complete_time: row.completed_at.map(timestamp),
    }
}

/// Deployment `id` if `user` owns its project; NOT_FOUND otherwise.
async fn owned(
    conn: &mut AsyncPgConnection,
    user: UserId,
    id: DeploymentId,
) -> Result<DeploymentRow, ApiError> {
    owned_row!(
        conn,
        user,
        deployments,
        DeploymentRow,
        id,
        DeploymentId::RESOURCE
    )
}

/// An http(s) URL of at most 2,048 characters, or a violation.
fn url(v: &mut FieldViolations, field: &str, raw: &str) -> Option<String> {
    let ok = raw.len() <= 2048
        && (raw.starts_with("https://") || raw.starts_with("http://"))
        && raw.len() > "https://".len()
        && !raw.chars().any(|c| c.is_control() || c.is_whitespace());
    if !ok {
        v.add(
            field,
            "must be an http or https URL of at most 2,048 characters",
        );
    }
    ok.then(|| raw.to_owned())
}

/// The gRPC face of deployments.
#[derive(Debug, Clone)]
pub struct DeploymentApi(pub Intel);

#[tonic::async_trait]
impl DeploymentService for DeploymentApi {
    async fn get_deployment_settings(
        &self,
        request: Request<pb::GetDeploymentSettingsRequest>,
    ) -> Result<Response<pb::GetDeploymentSettingsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let workspace = WorkspaceId::parse("workspace_id", &request.get_ref().workspace_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let space = spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let row: Option<SettingsRow> = settings::table
            .find(space.id)
            .select(SettingsRow::as_select())
            .first(&mut conn)
            .await
            .optional()
            .map_err(ApiError::from)?;
        let settings = row.as_ref().map_or_else(
            || pb::DeploymentSettings {
                workspace_id: space.id.to_string(),
                ..Default::default()
            },
            wire_settings,
        );
        Ok(Response::new(pb::GetDeploymentSettingsResponse {
            settings: Some(settings),
        }))
    }

    async fn put_deployment_settings(
        &self,
        request: Request<pb::PutDeploymentSettingsRequest>,
    ) -> Result<Response<pb::PutDeploymentSettingsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let input = request.into_inner().settings.unwrap_or_default();
        let mut v = FieldViolations::new();
        let workspace =
            WorkspaceId::parse_into(&mut v, "settings.workspace_id", &input.workspace_id);
        let runtime = (!input.runtime_override.is_empty())
            .then(|| {
                name(
                    &mut v,
                    "settings.runtime_override",
                    &input.runtime_override,
                    100,
                )
            })
            .flatten();
        let build = long_text(&mut v, "settings.build_command", &input.build_command, 2000);
        let start = long_text(&mut v, "settings.start_command", &input.start_command, 2000);
        let workspace = ApiError::checked(v, workspace)?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let space = spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let values = (
            settings::auto_deploy.eq(input.auto_deploy),
            settings::runtime_override.eq(runtime),
            settings::build_command.eq(build),
            settings::start_command.eq(start),
            settings::updated_at.eq(now),
        );
        let row: SettingsRow = diesel::insert_into(settings::table)
            .values((
                settings::workspace_id.eq(space.id),
                settings::created_at.eq(now),
                values.clone(),
            ))
            .on_conflict(settings::workspace_id)
            .do_update()
            .set(values)
            .returning(SettingsRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::PutDeploymentSettingsResponse {
            settings: Some(wire_settings(&row)),
        }))
    }

    async fn start_deployment(
        &self,
        request: Request<pb::StartDeploymentRequest>,
    ) -> Result<Response<pb::StartDeploymentResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let snapshot = (!body.snapshot_id.is_empty())
            .then(|| parse_snapshot_id(&mut v, "snapshot_id", &body.snapshot_id))
            .flatten();
        let trigger = pb::DeploymentTrigger::parse(&mut v, "trigger", body.trigger, false)
            .unwrap_or(pb::DeploymentTrigger::Manual);
        let workspace = ApiError::checked(v, workspace)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let space = spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let snapshot = match snapshot.or_else(|| space.current_snapshot_id.clone()) {
            Some(id) => {
                snapshot_store::in_project(&mut conn, space.project_id, &id)
                    .await?
                    .row
                    .id
            }
            None => {
                return Err(ApiError::precondition(
                    "NO_SNAPSHOT",
                    workspace.to_string(),
                    format!("workspace {workspace} has no snapshot to deploy"),
                )
                .into());
            }
        };
        let row: DeploymentRow = diesel::insert_into(deployments::table)
            .values((
                deployments::id.eq(DeploymentId::new().as_uuid()),
                deployments::workspace_id.eq(space.id),
                deployments::project_id.eq(space.project_id),
                deployments::snapshot_id.eq(&snapshot),
                deployments::status.eq("deploying"),
                deployments::trigger.eq(trigger.text()),
                deployments::started_at.eq(self.0.clock.now()),
            ))
            .returning(DeploymentRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(|e| match ApiError::from(e) {
                ApiError::Db(DbError::UniqueViolation { .. }) => ApiError::precondition(
                    "DEPLOYMENT_IN_PROGRESS",
                    workspace.to_string(),
                    format!("workspace {workspace} is already deploying"),
                ),
                ApiError::Db(DbError::ForeignKeyViolation { .. }) => {
                    ApiError::not_found(WorkspaceId::RESOURCE, workspace)
                }
                other => other,
            })?;
        Ok(Response::new(pb::StartDeploymentResponse {
            deployment: Some(wire(&row)),
        }))
    }

    async fn finish_deployment(
        &self,
        request: Request<pb::FinishDeploymentRequest>,
    ) -> Result<Response<pb::FinishDeploymentResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = DeploymentId::parse_into(&mut v, "deployment_id", &body.deployment_id);
        let status = pb::DeploymentStatus::parse(&mut v, "status", body.status, true);
        let (mut link, mut error) = (None, None);
        match status {
            Some(pb::DeploymentStatus::Success) => link = url(&mut v, "url", &body.url),
            Some(pb::DeploymentStatus::Failed) => {
                error = long_text(&mut v, "error", &body.error, 10_000);
                if error.is_none() {
                    v.add("error", "required with status failed");
                }
            }
            Some(_) => {
                v.add("status", "must be success or failed");
            }
            None => {}
        }
        let (id, status) = ApiError::checked(v, id.zip(status))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        let ended: Option<DeploymentRow> = diesel::update(
            deployments::table
                .find(row.id)
                .filter(deployments::status.eq("deploying")),
        )
        .set((
            deployments::status.eq(status.text()),
            deployments::url.eq(link),
            deployments::error.eq(error),
            deployments::completed_at.eq(self.0.clock.now()),
        ))
        .returning(DeploymentRow::as_returning())
        .get_result(&mut conn)
        .await
        .optional()
        .map_err(ApiError::from)?;
        let ended = ended.ok_or_else(|| {
            ApiError::precondition(
                "DEPLOYMENT_ENDED",
                id.to_string(),
                format!("deployment {id} already ended ({})", row.status),
            )
        })?;
        Ok(Response::new(pb::FinishDeploymentResponse {
            deployment: Some(wire(&ended)),
        }))
    }

    async fn get_deployment(
        &self,
        request: Request<pb::GetDeploymentRequest>,
    ) -> Result<Response<pb::GetDeploymentResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DeploymentId::parse("deployment_id", &request.get_ref().deployment_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetDeploymentResponse {
            deployment: Some(wire(&row)),
        }))
    }

    async fn list_deployments(
        &self,
        request: Request<pb::ListDeploymentsRequest>,
    ) -> Result<Response<pb::ListDeploymentsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let scope = workspace_or_project(&mut v, &body.workspace_id, &body.project_id);
        let query = Query::new("intelligence.deployments")
            .scoped(user)
            .scoped(&body.workspace_id)
            .scoped(&body.project_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let ((workspace, project), page) = ApiError::checked(v, scope.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let mut select = deployments::table
            .select(DeploymentRow::as_select())
            .order((deployments::started_at.desc(), deployments::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(workspace) = workspace {
            spaces::owned(&mut conn, user, workspace, Lock::None).await?;
            select = select.filter(deployments::workspace_id.eq(workspace.as_uuid()));
        }
        if let Some(project) = project {
            project_store::owned(&mut conn, user, project, Lock::None).await?;
            select = select.filter(deployments::project_id.eq(project.as_uuid()));
        }
        if let Some((at, id)) = page.after {
            select = select.filter(
                deployments::started_at
                    .lt(at)
                    .or(deployments::started_at.eq(at).and(deployments::id.lt(id))),
            );
        }
        let rows: Vec<DeploymentRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.started_at, row.id));
        Ok(Response::new(pb::ListDeploymentsResponse {
            deployments: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }
}
