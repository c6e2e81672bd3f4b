//! SnapshotService: pushing a workspace's tree, reading snapshots and their manifests.

pub mod create;
pub mod store;

use std::pin::Pin;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::RunQueryDsl;
use futures::Stream;
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::error::FieldViolations;
use tessera_kit::paging::Query;
use tessera_manifest::Manifest;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::snapshot_service_server::SnapshotService;
use tessera_schema::intelligence::snapshots;
use tonic::{Request, Response, Status, Streaming};

use crate::ids::{ProjectId, WorkspaceId, parse_snapshot_id};
use crate::projects::store::{self as projects, Lock};
use crate::state::Intel;
use crate::workspaces::store as spaces;
use store::{Snapshot, owned, wire, with_counts};

/// Longest summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 10_000;
/// Bytes per GetManifest message.
const CHUNK: usize = 1 << 20;

type ManifestStream = Pin<Box<dyn Stream<Item = Result<pb::GetManifestResponse, Status>> + Send>>;

/// The gRPC face of snapshots.
#[derive(Debug, Clone)]
pub struct SnapshotApi(pub Intel);

fn snapshot_id(field: &str, raw: &str) -> Result<String, ApiError> {
    let mut v = FieldViolations::new();
    let id = parse_snapshot_id(&mut v, field, raw);
    ApiError::checked(v, id)
}

#[tonic::async_trait]
impl SnapshotService for SnapshotApi {
    async fn create_snapshot(
        &self,
        request: Request<Streaming<pb::CreateSnapshotRequest>>,
    ) -> Result<Response<pb::CreateSnapshotResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let (snapshot, workspace) = create::create(&self.0, user, request.into_inner()).await?;
        Ok(Response::new(pb::CreateSnapshotResponse {
            snapshot: Some(wire(&snapshot)),
            workspace: Some(spaces::wire(&workspace)),
        }))
    }

    async fn get_snapshot(
        &self,
        request: Request<pb::GetSnapshotRequest>,
    ) -> Result<Response<pb::GetSnapshotResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = snapshot_id("snapshot_id", &request.get_ref().snapshot_id)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let snapshot = owned(&mut conn, user, &id).await?;
        Ok(Response::new(pb::GetSnapshotResponse {
            snapshot: Some(wire(&snapshot)),
        }))
    }

    async fn list_snapshots(
        &self,
        request: Request<pb::ListSnapshotsRequest>,
    ) -> Result<Response<pb::ListSnapshotsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let project = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let workspace = (!body.workspace_id.is_empty())
            .then(|| WorkspaceId::parse_into(&mut v, "workspace_id", &body.workspace_id))
            .flatten();
        let query = Query::new("intelligence.snapshots")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(&body.workspace_id);
        let page =
            query.request_into::<(DateTime<Utc>, String)>(&mut v, body.page_size, &body.page_token);
        let (project, page) = ApiError::checked(v, project.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        projects::owned(&mut conn, user, project, Lock::None).await?;
        let mut select = with_counts()
            .filter(snapshots::project_id.eq(project.as_uuid()))
            .select(Snapshot::as_select())
            .order((snapshots::created_at.desc(), snapshots::id.desc()))
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(workspace) = workspace {
            select = select.filter(snapshots::workspace_id.eq(workspace.as_uuid()));
        }
        if let Some((at, id)) = page.after.clone() {
            select = select.filter(
                snapshots::created_at
                    .lt(at)
                    .or(snapshots::created_at.eq(at).and(snapshots::id.lt(id))),
            );
        }
        let rows: Vec<Snapshot> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |s| (s.row.created_at, s.row.id.clone()));
        Ok(Response::new(pb::ListSnapshotsResponse {
            snapshots: rows.items.iter().map(wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    type GetManifestStream = ManifestStream;

    async fn get_manifest(
        &self,
        request: Request<pb::GetManifestRequest>,
    ) -> Result<Response<Self::GetManifestStream>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = snapshot_id("snapshot_id", &request.get_ref().snapshot_id)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let snapshot = owned(&mut conn, user, &id).await?;
        let entries = store::entries(
            &mut conn,
            snapshot.row.project_id,
            &snapshot.row.manifest_hash,
        )
        .await?;
        drop(conn);
        // The canonical form is unique, so the decoded copy writes the very bytes pushed.
        let bytes = bytes::Bytes::from(Manifest { entries }.to_canonical());
        let chunks: Vec<Result<pb::GetManifestResponse, Status>> = (0..bytes.len())
            .step_by(CHUNK)
            .map(|at| {
                Ok(pb::GetManifestResponse {
                    chunk: bytes.slice(at..(at + CHUNK).min(bytes.len())).to_vec(),
                })
            })
            .collect();
        Ok(Response::new(Box::pin(futures::stream::iter(chunks))))
    }

    async fn set_snapshot_summary(
        &self,
        request: Request<pb::SetSnapshotSummaryRequest>,
    ) -> Result<Response<pb::SetSnapshotSummaryResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = parse_snapshot_id(&mut v, "snapshot_id", &body.snapshot_id);
        let summary = body.summary.trim();
        if summary.is_empty()
            || summary.chars().count() > MAX_SUMMARY_CHARS
            || summary
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
        {
            v.add(
                "summary",
                "required: 1 to 10,000 characters, no control characters but newlines and tabs",
            );
        }
        let id = ApiError::checked(v, id)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let snapshot = owned(&mut conn, user, &id).await?;
        let filled = diesel::update(
            snapshots::table
                .find(&snapshot.row.id)
                .filter(snapshots::summary.is_null()),
        )
        .set(snapshots::summary.eq(summary))
        .execute(&mut conn)
        .await
        .map_err(ApiError::from)?;
        if filled == 0 {
            return Err(ApiError::precondition(
                "SUMMARY_SET",
                format!("snapshots/{id}"),
                "the snapshot has a summary already: snapshots are immutable",
            )
            .into());
        }
        let snapshot = owned(&mut conn, user, &id).await?;
        Ok(Response::new(pb::SetSnapshotSummaryResponse {
            snapshot: Some(wire(&snapshot)),
        }))
    }
}
