//! The activity log: events written in the transaction of the change they record, and
//! ActivityService, which lists them newest first.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::activity_service_server::ActivityService;
use tessera_schema::intelligence::activity_events;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{ActivityId, Actor, ProjectId, WorkspaceId};
use crate::projects::store::{self as projects, Lock};
use crate::state::Intel;

/// Event types the service writes.
pub mod kinds {
    pub const PROJECT_CREATED: &str = "project.created";
    pub const WORKSPACE_CREATED: &str = "workspace.created";
    pub const SNAPSHOT_PUSHED: &str = "snapshot.pushed";
    pub const DRIFT_REPORTED: &str = "drift.reported";
    pub const MERGE_COMPLETED: &str = "merge.completed";
}

/// One event to record.
#[derive(Debug, Clone)]
pub struct Event {
    pub project: Uuid,
    pub workspace: Option<Uuid>,
    pub actor: Actor,
    pub kind: &'static str,
    pub snapshot: Option<String>,
    pub message: String,
}

/// Writes `event` at `at`, in the caller's transaction.
pub async fn record(
    conn: &mut AsyncPgConnection,
    event: Event,
    at: DateTime<Utc>,
) -> Result<(), ApiError> {
    diesel::insert_into(activity_events::table)
        .values((
            activity_events::id.eq(ActivityId::new().as_uuid()),
            activity_events::project_id.eq(event.project),
            activity_events::workspace_id.eq(event.workspace),
            activity_events::actor.eq(event.actor),
            activity_events::type_.eq(event.kind),
            activity_events::snapshot_id.eq(event.snapshot),
            activity_events::message.eq(event.message),
            activity_events::created_at.eq(at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = activity_events, check_for_backend(diesel::pg::Pg))]
struct EventRow {
    id: Uuid,
    project_id: Uuid,
    workspace_id: Option<Uuid>,
    actor: Actor,
    #[diesel(column_name = type_)]
    kind: String,
    snapshot_id: Option<String>,
    message: Option<String>,
    created_at: DateTime<Utc>,
}

fn wire(row: &EventRow) -> pb::ActivityEvent {
    pb::ActivityEvent {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        workspace_id: row.workspace_id.map(|w| w.to_string()).unwrap_or_default(),
        actor: row.actor.wire(),
        r#type: row.kind.clone(),
        snapshot_id: row.snapshot_id.clone().unwrap_or_default(),
        message: row.message.clone().unwrap_or_default(),
        create_time: Some(timestamp(row.created_at)),
    }
}

/// The gRPC face of the activity log.
#[derive(Debug, Clone)]
pub struct ActivityApi(pub Intel);

#[tonic::async_trait]
impl ActivityService for ActivityApi {
    async fn list_activity(
        &self,
        request: Request<pb::ListActivityRequest>,
    ) -> Result<Response<pb::ListActivityResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let workspace = (!body.workspace_id.is_empty())
            .then(|| WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id))
            .flatten();
        let kind = (!body.r#type.is_empty()).then_some(body.r#type.as_str());
        if kind.is_some_and(|k| k.len() > 64) {
            v.add("type", "at most 64 characters");
        }
        let query = Query::new("intelligence.activity")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(&body.workspace_id)
            .scoped(&body.r#type);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        projects::owned(&mut conn, user, project, Lock::None).await?;
        let mut select = activity_events::table
            .filter(activity_events::project_id.eq(project.as_uuid()))
            .select(EventRow::as_select())
            .order((
                activity_events::created_at.desc(),
                activity_events::id.desc(),
            ))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(workspace) = workspace {
            select = select.filter(activity_events::workspace_id.eq(workspace.as_uuid()));
        }
        if let Some(kind) = kind {
            select = select.filter(activity_events::type_.eq(kind.to_owned()));
        }
        if let Some((at, id)) = page.after {
            select = select.filter(
                activity_events::created_at
                    .lt(at)
                    .or(activity_events::created_at
                        .eq(at)
                        .and(activity_events::id.lt(id))),
            );
        }
        let rows: Vec<EventRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.created_at, row.id));
        Ok(Response::new(pb::ListActivityResponse {
            events: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }
}
