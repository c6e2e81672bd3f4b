//! DriftService: comparisons, stored reports, sync previews and their application.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::drift_service_server::DriftService;
use tessera_schema::intelligence::drift_reports;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::compare::{self, three_way_wire, two_way_wire};
use super::diff::diff;
use super::reports::{self, ReportRow};
use super::sources::{self, Source};
use super::sync;
use crate::activity::{self, Event, kinds};
use crate::ids::{Actor, DriftReportId, PreviewId, WorkspaceId};
use crate::projects::store::Lock;
use crate::snapshots::store::wire as snapshot_wire;
use crate::state::Intel;
use crate::workspaces::store::{self as spaces, wire as workspace_wire};

/// The gRPC face of drift and sync.
#[derive(Debug, Clone)]
pub struct DriftApi(pub Intel);

#[tonic::async_trait]
impl DriftService for DriftApi {
    async fn compute_drift(
        &self,
        request: Request<pb::ComputeDriftRequest>,
    ) -> Result<Response<pb::ComputeDriftResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let source = Source::parse(&mut v, body.source.as_ref());
        let actor = Actor::parse_client(&mut v, "actor", body.actor);
        let (workspace, source) = ApiError::checked(v, workspace.zip(source))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let sides = sources::resolve(&mut conn, user, workspace, &source, Lock::None).await?;
        let (ours, theirs) = compare::load(&mut conn, &sides).await?;
        let two = diff(&ours, &theirs);
        let three = if body.three_way {
            Some(compare::three_way(&mut conn, &sides, &ours, &theirs).await?)
        } else {
            None
        };
        drop(conn);
        let report_id = if body.persist {
            let now = self.0.clock.now();
            let (sides, two) = (&sides, &two);
            let id = self
                .0
                .db
                .transaction("intelligence.report_drift", |conn| {
                    async move {
                        let id = reports::store(conn, sides, two, now).await?;
                        let event = Event {
                            project: sides.workspace.project_id,
                            workspace: Some(sides.workspace.id),
                            actor,
                            kind: kinds::DRIFT_REPORTED,
                            snapshot: Some(sides.ours.row.id.clone()),
                            message: format!(
                                "{} added, {} deleted, {} modified against {}",
                                two.files_added(),
                                two.files_deleted(),
                                two.files_modified(),
                                sides.theirs.row.id
                            ),
                        };
                        activity::record(conn, event, now).await?;
                        Ok::<_, ApiError>(id)
                    }
                    .scope_boxed()
                })
                .await?;
            id.to_string()
        } else {
            String::new()
        };
        Ok(Response::new(pb::ComputeDriftResponse {
            workspace_snapshot_id: sides.ours.row.id.clone(),
            source_snapshot_id: sides.theirs.row.id.clone(),
            two_way: Some(two_way_wire(&two, body.include_unchanged)),
            three_way: three.as_ref().map(three_way_wire),
            report_id,
        }))
    }

    async fn get_drift_report(
        &self,
        request: Request<pb::GetDriftReportRequest>,
    ) -> Result<Response<pb::GetDriftReportResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DriftReportId::parse("report_id", &request.get_ref().report_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row = reports::owned(&mut conn, user, id).await?;
        Ok(Response::new(pb::GetDriftReportResponse {
            report: Some(reports::wire(&row, true)),
        }))
    }

    async fn list_drift_reports(
        &self,
        request: Request<pb::ListDriftReportsRequest>,
    ) -> Result<Response<pb::ListDriftReportsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let query = Query::new("intelligence.drift_reports")
            .scoped(user)
            .scoped(&body.workspace_id);
        let page =
            query.request_into::<(DateTime<Utc>, Uuid)>(&mut v, body.page_size, &body.page_token);
        let (workspace, page) = ApiError::checked(v, workspace.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        spaces::owned(&mut conn, user, workspace, Lock::None).await?;
        let mut select = drift_reports::table
            .filter(drift_reports::workspace_id.eq(workspace.as_uuid()))
            .select(ReportRow::as_select())
            .order((drift_reports::reported_at.desc(), drift_reports::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some((at, id)) = page.after {
            select = select.filter(
                drift_reports::reported_at
                    .lt(at)
                    .or(drift_reports::reported_at
                        .eq(at)
                        .and(drift_reports::id.lt(id))),
            );
        }
        let rows: Vec<ReportRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| (row.reported_at, row.id));
        Ok(Response::new(pb::ListDriftReportsResponse {
            reports: rows.items.iter().map(|r| reports::wire(r, false)).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn create_sync_preview(
        &self,
        request: Request<pb::CreateSyncPreviewRequest>,
    ) -> Result<Response<pb::CreateSyncPreviewResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let workspace = WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id);
        let source = Source::parse(&mut v, body.source.as_ref());
        let (workspace, source) = ApiError::checked(v, workspace.zip(source))?;
        let preview = sync::create(&self.0, user, workspace, source).await?;
        Ok(Response::new(pb::CreateSyncPreviewResponse {
            preview: Some(preview),
        }))
    }

    async fn get_sync_preview(
        &self,
        request: Request<pb::GetSyncPreviewRequest>,
    ) -> Result<Response<pb::GetSyncPreviewResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = PreviewId::parse("preview_id", &request.get_ref().preview_id)
            .map_err(ApiError::from)?;
        let preview = sync::get(&self.0, user, id).await?;
        Ok(Response::new(pb::GetSyncPreviewResponse {
            preview: Some(preview),
        }))
    }

    async fn apply_sync(
        &self,
        request: Request<pb::ApplySyncRequest>,
    ) -> Result<Response<pb::ApplySyncResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = PreviewId::parse_into(&mut v, "preview_id", &body.preview_id);
        if body.workspace_version < 1 {
            v.add(
                "workspace_version",
                "required: the version read (1 or more)",
            );
        }
        let actor = Actor::parse_client(&mut v, "actor", body.actor);
        let id = ApiError::checked(v, id)?;
        let (snapshot, workspace) =
            sync::apply(&self.0, user, id, body.workspace_version, actor).await?;
        Ok(Response::new(pb::ApplySyncResponse {
            snapshot: Some(snapshot_wire(&snapshot)),
            workspace: Some(workspace_wire(&workspace)),
        }))
    }
}
