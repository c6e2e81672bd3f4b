//! Action items and their runs: ActionItemService (the owner's side) and ActionRunService (the
//! workers', in [`worker`]) over one durable queue ([`queue`]).

pub mod items;
pub mod queue;
pub mod runs;
pub mod suggestions;
pub mod worker;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::DbError;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::action_item_service_server::ActionItemService;
use tessera_schema::intelligence::{action_item_runs, action_items, refactoring_suggestions};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use crate::ids::{ActionItemId, RunId, WorkspaceId};
use crate::input::{Stored, capped, file_paths, json_object, long_text, workspace_or_project};
use crate::projects::name;
use crate::projects::store::{self as project_store, Lock};
use crate::state::Intel;
use crate::workspaces::store as spaces;
use items::{ItemRow, NewItem};
use runs::RunRow;

/// Largest metadata object, in bytes of compact JSON.
pub const MAX_METADATA_BYTES: usize = 64 * 1024;

/// A keyset page of newest-first rows, filtered after `after`.
type After = Option<(DateTime<Utc>, Uuid)>;

/// The gRPC face of action items for their owner.
#[derive(Debug, Clone)]
pub struct ActionItemApi(pub Intel);

#[tonic::async_trait]
impl ActionItemService for ActionItemApi {
    async fn create_action_item(
        &self,
        request: Request<pb::CreateActionItemRequest>,
    ) -> Result<Response<pb::CreateActionItemResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.action_item.unwrap_or_default();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let kind = pb::ActionItemType::parse(&mut v, "action_item.type", input.r#type, true);
        let severity = pb::Severity::parse(&mut v, "action_item.severity", input.severity, false);
        let source = pb::ActionItemSource::parse(&mut v, "action_item.source", input.source, false);
        if source == Some(pb::ActionItemSource::Import) {
            v.add(
                "action_item.source",
                "must be analysis or manual: import is MigrateSuggestions'",
            );
        }
        let title = name(&mut v, "action_item.title", &input.title, 200);
        let description = long_text(
            &mut v,
            "action_item.description",
            &input.description,
            10_000,
        );
        let prompt = long_text(
            &mut v,
            "action_item.suggested_prompt",
            &input.suggested_prompt,
            10_000,
        );
        let files = file_paths(&mut v, "action_item.affected_files", &input.affected_files);
        let metadata = json_object(
            &mut v,
            "action_item.metadata",
            input.metadata.as_ref(),
            MAX_METADATA_BYTES,
        );
        let (workspace, (kind, title)) = ApiError::checked(v, workspace.zip(kind.zip(title)))?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let space = spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let new = NewItem {
            id: ActionItemId::new().as_uuid(),
            workspace_id: space.id,
            project_id: space.project_id,
            kind: kind.text(),
            severity: severity.unwrap_or(pb::Severity::Info).text(),
            title,
            description,
            affected_files: files,
            suggested_prompt: prompt,
            metadata,
            status: pb::ActionItemStatus::Pending.text(),
            source: source.unwrap_or(pb::ActionItemSource::Analysis).text(),
            created_at: now,
            updated_at: now,
            imported_from: None,
        };
        let row: ItemRow = diesel::insert_into(action_items::table)
            .values(&new)
            .returning(ItemRow::as_returning())
            .get_result(&mut conn)
            .await
            .map_err(|e| match ApiError::from(e) {
                ApiError::Db(DbError::ForeignKeyViolation { .. }) => {
                    ApiError::not_found(WorkspaceId::RESOURCE, workspace)
                }
                other => other,
            })?;
        Ok(Response::new(pb::CreateActionItemResponse {
            action_item: Some(items::wire(&row)),
        }))
    }

    async fn get_action_item(
        &self,
        request: Request<pb::GetActionItemRequest>,
    ) -> Result<Response<pb::GetActionItemResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ActionItemId::parse("action_item_id", &request.get_ref().action_item_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = items::owned(&mut conn, user, id, false).await?;
        Ok(Response::new(pb::GetActionItemResponse {
            action_item: Some(items::wire(&row)),
        }))
    }

    async fn list_action_items(
        &self,
        request: Request<pb::ListActionItemsRequest>,
    ) -> Result<Response<pb::ListActionItemsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let scope = workspace_or_project(&mut v, &body.workspace_id, &body.project_id);
        let status = pb::ActionItemStatus::parse(&mut v, "status", body.status, false);
        let query = Query::new("intelligence.action_items")
            .scoped(user)
            .scoped(&body.workspace_id)
            .scoped(&body.project_id)
            .scoped(body.status);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let ((workspace, project), page) = ApiError::checked(v, scope.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let mut select = action_items::table
            .select(ItemRow::as_select())
            .order((action_items::created_at.desc(), action_items::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(workspace) = workspace {
            spaces::owned(&mut conn, user, workspace, Lock::None).await?;
            select = select.filter(action_items::workspace_id.eq(workspace.as_uuid()));
        }
        if let Some(project) = project {
            project_store::owned(&mut conn, user, project, Lock::None).await?;
            select = select.filter(action_items::project_id.eq(project.as_uuid()));
        }
        if let Some(status) = status {
            select = select.filter(action_items::status.eq(status.text()));
        }
        let after: After = page.after;
        if let Some((at, id)) = after {
            select = select.filter(
                action_items::created_at
                    .lt(at)
                    .or(action_items::created_at.eq(at).and(action_items::id.lt(id))),
            );
        }
        let rows: Vec<ItemRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.created_at, row.id));
        Ok(Response::new(pb::ListActionItemsResponse {
            action_items: rows.items.iter().map(items::wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn dismiss_action_item(
        &self,
        request: Request<pb::DismissActionItemRequest>,
    ) -> Result<Response<pb::DismissActionItemResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = ActionItemId::parse("action_item_id", &request.get_ref().action_item_id)
            .map_err(ApiError::from)?;
        let now = self.0.clock.now();
        let row = self
            .0
            .db
            .transaction("intelligence.dismiss_action_item", |conn| {
                async move {
                    let item = items::owned(conn, user, id, true).await?;
                    match item.status.as_str() {
                        "dismissed" => return Ok(item),
                        "applied" => {
                            return Err(ApiError::precondition(
                                "ITEM_APPLIED",
                                id.to_string(),
                                format!("action item {id} was applied: it cannot be dismissed"),
                            ));
                        }
                        _ => {}
                    }
                    // Its active run ends; the worker holding it is ABORTED from now on.
                    diesel::update(
                        action_item_runs::table
                            .filter(action_item_runs::action_item_id.eq(item.id))
                            .filter(action_item_runs::status.eq_any(["queued", "running"])),
                    )
                    .set((
                        action_item_runs::status.eq("failed"),
                        action_item_runs::error.eq("dismissed"),
                        action_item_runs::completed_at.eq(now),
                        action_item_runs::locked_by.eq(None::<String>),
                        action_item_runs::lease_expires_at.eq(None::<DateTime<Utc>>),
                        action_item_runs::updated_at.eq(now),
                    ))
                    .execute(conn)
                    .await?;
                    Ok(diesel::update(action_items::table.find(item.id))
                        .set((
                            action_items::status.eq("dismissed"),
                            action_items::updated_at.eq(now),
                        ))
                        .returning(ItemRow::as_returning())
                        .get_result(conn)
                        .await?)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DismissActionItemResponse {
            action_item: Some(items::wire(&row)),
        }))
    }

    async fn start_run(
        &self,
        request: Request<pb::StartRunRequest>,
    ) -> Result<Response<pb::StartRunResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ActionItemId::parse_into(&mut v, "action_item_id", &body.action_item_id);
        let max_attempts = capped(
            &mut v,
            "max_attempts",
            body.max_attempts,
            runs::DEFAULT_MAX_ATTEMPTS,
            runs::MAX_ATTEMPTS,
        );
        let id = ApiError::checked(v, id)?;
        let now = self.0.clock.now();
        let run = self
            .0
            .db
            .transaction("intelligence.start_run", |conn| {
                async move {
                    let item = items::owned(conn, user, id, true).await?;
                    if matches!(item.status.as_str(), "dismissed" | "applied") {
                        return Err(ApiError::precondition(
                            "ITEM_CLOSED",
                            id.to_string(),
                            format!("action item {id} is {}: it takes no more runs", item.status),
                        ));
                    }
                    let space = spaces::owned(
                        conn,
                        user,
                        WorkspaceId::from_uuid(item.workspace_id),
                        Lock::None,
                    )
                    .await?;
                    let run: RunRow = diesel::insert_into(action_item_runs::table)
                        .values((
                            action_item_runs::id.eq(RunId::new().as_uuid()),
                            action_item_runs::action_item_id.eq(item.id),
                            action_item_runs::workspace_id.eq(item.workspace_id),
                            action_item_runs::project_id.eq(item.project_id),
                            action_item_runs::max_attempts.eq(max_attempts),
                            action_item_runs::base_manifest_hash.eq(space.current_manifest_hash),
                            action_item_runs::run_after.eq(now),
                            action_item_runs::created_at.eq(now),
                            action_item_runs::updated_at.eq(now),
                        ))
                        .returning(RunRow::as_returning())
                        .get_result(conn)
                        .await
                        .map_err(|e| match ApiError::from(e) {
                            ApiError::Db(DbError::UniqueViolation { .. }) => {
                                ApiError::precondition(
                                    "RUN_ACTIVE",
                                    id.to_string(),
                                    format!("action item {id} already has a queued or running run"),
                                )
                            }
                            other => other,
                        })?;
                    items::follow_run(conn, item.id, pb::RunStatus::Queued, now).await?;
                    Ok(run)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::StartRunResponse {
            run: Some(runs::wire(&run)),
        }))
    }

    async fn get_run(
        &self,
        request: Request<pb::GetRunRequest>,
    ) -> Result<Response<pb::GetRunResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = RunId::parse("run_id", &request.get_ref().run_id).map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = runs::owned(&mut conn, user, id, false).await?;
        Ok(Response::new(pb::GetRunResponse {
            run: Some(runs::wire(&row)),
        }))
    }

    async fn list_runs(
        &self,
        request: Request<pb::ListRunsRequest>,
    ) -> Result<Response<pb::ListRunsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ActionItemId::parse_into(&mut v, "action_item_id", &body.action_item_id);
        let query = Query::new("intelligence.action_item_runs")
            .scoped(user)
            .scoped(&body.action_item_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (id, page) = ApiError::checked(v, id.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let item = items::owned(&mut conn, user, id, false).await?;
        let mut select = action_item_runs::table
            .filter(action_item_runs::action_item_id.eq(item.id))
            .select(RunRow::as_select())
            .order((
                action_item_runs::created_at.desc(),
                action_item_runs::id.desc(),
            ))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                action_item_runs::created_at
                    .lt(at)
                    .or(action_item_runs::created_at
                        .eq(at)
                        .and(action_item_runs::id.lt(id))),
            );
        }
        let rows: Vec<RunRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.created_at, row.id));
        Ok(Response::new(pb::ListRunsResponse {
            runs: rows.items.iter().map(runs::wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn apply_run(
        &self,
        request: Request<pb::ApplyRunRequest>,
    ) -> Result<Response<pb::ApplyRunResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = RunId::parse("run_id", &request.get_ref().run_id).map_err(ApiError::from)?;
        let now = self.0.clock.now();
        let (run, item) = self
            .0
            .db
            .transaction("intelligence.apply_run", |conn| {
                async move {
                    let run = runs::owned(conn, user, id, false).await?;
                    let item = items::owned(
                        conn,
                        user,
                        ActionItemId::from_uuid(run.action_item_id),
                        true,
                    )
                    .await?;
                    let run = runs::owned(conn, user, id, true).await?;
                    let latest: Uuid = action_item_runs::table
                        .filter(action_item_runs::action_item_id.eq(item.id))
                        .order((
                            action_item_runs::created_at.desc(),
                            action_item_runs::id.desc(),
                        ))
                        .select(action_item_runs::id)
                        .first(conn)
                        .await?;
                    let refusal = if item.status == "dismissed" {
                        Some((
                            "ITEM_CLOSED",
                            format!("action item {} was dismissed", item.id),
                        ))
                    } else if latest != run.id {
                        Some((
                            "RUN_NOT_LATEST",
                            format!("run {id} is not its item's latest run"),
                        ))
                    } else if run.status != "ready" {
                        Some((
                            "RUN_NOT_READY",
                            format!("run {id} is {}, not ready", run.status),
                        ))
                    } else {
                        None
                    };
                    if let Some((kind, why)) = refusal {
                        return Err(ApiError::precondition(kind, id.to_string(), why));
                    }
                    let run: RunRow = diesel::update(action_item_runs::table.find(run.id))
                        .set((
                            action_item_runs::status.eq("applied"),
                            action_item_runs::updated_at.eq(now),
                        ))
                        .returning(RunRow::as_returning())
                        .get_result(conn)
                        .await?;
                    let item: ItemRow = diesel::update(action_items::table.find(item.id))
                        .set((
                            action_items::status.eq("applied"),
                            action_items::updated_at.eq(now),
                        ))
                        .returning(ItemRow::as_returning())
                        .get_result(conn)
                        .await?;
                    Ok::<_, ApiError>((run, item))
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::ApplyRunResponse {
            run: Some(runs::wire(&run)),
            action_item: Some(items::wire(&item)),
        }))
    }

    async fn list_refactoring_suggestions(
        &self,
        request: Request<pb::ListRefactoringSuggestionsRequest>,
    ) -> Result<Response<pb::ListRefactoringSuggestionsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let query = Query::new("intelligence.refactoring_suggestions")
            .scoped(user)
            .scoped(&body.workspace_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (workspace, page) = ApiError::checked(v, workspace.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        use refactoring_suggestions as s;
        let mut select = s::table
            .filter(s::workspace_id.eq(workspace.as_uuid()))
            .select(suggestions::SuggestionRow::as_select())
            .order((s::created_at.desc(), s::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                s::created_at
                    .lt(at)
                    .or(s::created_at.eq(at).and(s::id.lt(id))),
            );
        }
        let rows: Vec<suggestions::SuggestionRow> =
            select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.created_at, row.id));
        Ok(Response::new(pb::ListRefactoringSuggestionsResponse {
            suggestions: rows.items.iter().map(suggestions::wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn migrate_suggestions(
        &self,
        request: Request<pb::MigrateSuggestionsRequest>,
    ) -> Result<Response<pb::MigrateSuggestionsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let workspace = WorkspaceId::parse("workspace_id", &request.get_ref().workspace_id)
            .map_err(ApiError::from)?;
        let now = self.0.clock.now();
        let (imported, skipped) = self
            .0
            .db
            .transaction("intelligence.migrate_suggestions", |conn| {
                async move {
                    let space = spaces::owned(conn, user, workspace, Lock::None).await?;
                    Ok::<_, ApiError>(
                        suggestions::migrate(conn, space.id, space.project_id, now).await?,
                    )
                }
                .scope_boxed()
            })
            .await?;
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        Ok(Response::new(pb::MigrateSuggestionsResponse {
            imported: count(imported),
            already_imported: count(skipped),
        }))
    }
}
