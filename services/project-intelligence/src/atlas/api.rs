//! AtlasService: the gRPC face of the knowledge graph.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_kit::ids::UserId;
use tessera_kit::paging::Query;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::atlas_service_server::AtlasService;
use tessera_schema::intelligence::{
    atlas_concepts, atlas_decision_links, atlas_diagrams, atlas_edges,
};
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::build;
use super::concepts::{self, ConceptRow, EdgeId, EdgeRow, parse_id};
use super::graph::{self, Follow};
use super::links::{self, DiagramId, DiagramRow, LinkId, LinkRow};
use crate::ids::{DecisionId, ProjectId, parse_snapshot_id};
use crate::input::{Stored, capped, json_object, long_text};
use crate::projects::name;
use crate::projects::store::{self as project_store, Lock, owned_row};
use crate::state::Intel;

/// The gRPC face of Atlas.
#[derive(Debug, Clone)]
pub struct AtlasApi(pub Intel);

/// Edge types from a request (each known), stored spelling.
fn edge_types(v: &mut FieldViolations, field: &str, raw: &[i32]) -> Vec<String> {
    raw.iter()
        .filter_map(|t| pb::EdgeType::parse(v, field, *t, true))
        .map(Stored::text)
        .collect()
}

/// The id of `project` if `user` owns it.
pub(super) async fn project(
    conn: &mut AsyncPgConnection,
    user: UserId,
    project: ProjectId,
) -> Result<Uuid, ApiError> {
    Ok(project_store::owned(conn, user, project, Lock::None)
        .await?
        .id)
}

#[tonic::async_trait]
impl AtlasService for AtlasApi {
    async fn build_from_snapshot(
        &self,
        request: Request<pb::BuildFromSnapshotRequest>,
    ) -> Result<Response<pb::BuildFromSnapshotResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let snapshot = parse_snapshot_id(&mut v, "snapshot_id", &body.snapshot_id);
        let (id, snapshot) = ApiError::checked(v, id.zip(snapshot))?;
        let now = self.0.clock.now();
        let built = self
            .0
            .db
            .transaction("intelligence.atlas_build", |conn| {
                let snapshot = snapshot.clone();
                async move {
                    // One build of a project at a time: they would race on the same concepts.
                    project_store::owned(conn, user, id, Lock::Update).await?;
                    let snapshot = build::snapshot(conn, id, &snapshot).await?;
                    build::build(conn, id, &snapshot, now).await
                }
                .scope_boxed()
            })
            .await?;
        let n = |x: usize| i32::try_from(x).unwrap_or(i32::MAX);
        Ok(Response::new(pb::BuildFromSnapshotResponse {
            concepts: n(built.concepts),
            created: n(built.created),
            removed: n(built.removed),
            edges_created: n(built.edges_created),
        }))
    }

    async fn upsert_concept(
        &self,
        request: Request<pb::UpsertConceptRequest>,
    ) -> Result<Response<pb::UpsertConceptResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.concept.unwrap_or_default();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let concept = parse_id(&mut v, "concept.id", &input.id);
        let title = name(&mut v, "concept.name", &input.name, 4096);
        let kind = (!input.r#type.is_empty())
            .then(|| name(&mut v, "concept.type", &input.r#type, 100))
            .flatten();
        let description = long_text(&mut v, "concept.description", &input.description, 10_000);
        let metadata = json_object(
            &mut v,
            "concept.metadata",
            input.metadata.as_ref(),
            64 * 1024,
        );
        let (id, (concept, title)) = ApiError::checked(v, id.zip(concept.zip(title)))?;
        let now = self.0.clock.now();
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let layer = concepts::layer_of(&concept)
            .map(Stored::text)
            .unwrap_or_default();
        let row = concepts::upsert(
            &mut conn,
            &ConceptRow {
                project_id: project,
                id: concept,
                name: title,
                layer,
                kind,
                description,
                source_snapshot_id: None,
                source_manifest_hash: None,
                metadata,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        Ok(Response::new(pb::UpsertConceptResponse {
            concept: Some(concepts::wire(&row)),
        }))
    }

    async fn get_concept(
        &self,
        request: Request<pb::GetConceptRequest>,
    ) -> Result<Response<pb::GetConceptResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let concept = parse_id(&mut v, "concept_id", &body.concept_id);
        let (id, concept) = ApiError::checked(v, id.zip(concept))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let row = concepts::find(&mut conn, project, &concept).await?;
        Ok(Response::new(pb::GetConceptResponse {
            concept: Some(concepts::wire(&row)),
        }))
    }

    async fn list_concepts(
        &self,
        request: Request<pb::ListConceptsRequest>,
    ) -> Result<Response<pb::ListConceptsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let layer = pb::ConceptLayer::parse(&mut v, "layer", body.layer, false);
        let query = Query::new("intelligence.atlas_concepts")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(body.layer);
        let page = query.request_into::<String>(&mut v, body.page_size, &body.page_token);
        let (id, page) = ApiError::checked(v, id.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let mut select = atlas_concepts::table
            .filter(atlas_concepts::project_id.eq(project))
            .select(ConceptRow::as_select())
            .order(atlas_concepts::id)
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(layer) = layer {
            select = select.filter(atlas_concepts::layer.eq(layer.text()));
        }
        if let Some(after) = &page.after {
            select = select.filter(atlas_concepts::id.gt(after.clone()));
        }
        let rows: Vec<ConceptRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| row.id.clone());
        Ok(Response::new(pb::ListConceptsResponse {
            concepts: rows.items.iter().map(concepts::wire).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_concept(
        &self,
        request: Request<pb::DeleteConceptRequest>,
    ) -> Result<Response<pb::DeleteConceptResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let concept = parse_id(&mut v, "concept_id", &body.concept_id);
        let (id, concept) = ApiError::checked(v, id.zip(concept))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let deleted = diesel::delete(atlas_concepts::table.find((project, &concept)))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        if deleted == 0 {
            return Err(ApiError::not_found(concepts::RESOURCE, concept).into());
        }
        Ok(Response::new(pb::DeleteConceptResponse {}))
    }

    async fn create_edge(
        &self,
        request: Request<pb::CreateEdgeRequest>,
    ) -> Result<Response<pb::CreateEdgeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let input = body.edge.unwrap_or_default();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let from = parse_id(&mut v, "edge.from_concept_id", &input.from_concept_id);
        let to = parse_id(&mut v, "edge.to_concept_id", &input.to_concept_id);
        if from.is_some() && from == to {
            v.add("edge.to_concept_id", "must differ from from_concept_id");
        }
        let kind = pb::EdgeType::parse(&mut v, "edge.type", input.r#type, true);
        let (id, ((from, to), kind)) = ApiError::checked(v, id.zip(from.zip(to).zip(kind)))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let row = concepts::create_edge(
            &mut conn,
            &EdgeRow {
                id: EdgeId::new().as_uuid(),
                project_id: project,
                from_concept_id: from,
                to_concept_id: to,
                kind: kind.text(),
                weight: input.weight,
                created_at: self.0.clock.now(),
            },
        )
        .await?;
        Ok(Response::new(pb::CreateEdgeResponse {
            edge: Some(concepts::wire_edge(&row)),
        }))
    }

    async fn delete_edge(
        &self,
        request: Request<pb::DeleteEdgeRequest>,
    ) -> Result<Response<pb::DeleteEdgeResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = EdgeId::parse("edge_id", &request.get_ref().edge_id).map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row: EdgeRow = owned_row!(&mut conn, user, atlas_edges, EdgeRow, id, EdgeId::RESOURCE)?;
        diesel::delete(atlas_edges::table.find(row.id))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::DeleteEdgeResponse {}))
    }

    async fn get_neighborhood(
        &self,
        request: Request<pb::GetNeighborhoodRequest>,
    ) -> Result<Response<pb::GetNeighborhoodResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let root = parse_id(&mut v, "concept_id", &body.concept_id);
        let types = edge_types(&mut v, "edge_types", &body.edge_types);
        let direction = pb::Direction::try_from(body.direction).unwrap_or_else(|_| {
            v.add(
                "direction",
                format!("{} is not a known value", body.direction),
            );
            pb::Direction::Both
        });
        let depth = capped(&mut v, "max_depth", body.max_depth, 2, graph::MAX_DEPTH);
        let nodes = capped(&mut v, "max_nodes", body.max_nodes, 100, graph::MAX_NODES);
        let (id, root) = ApiError::checked(v, id.zip(root))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        graph::exists(&mut conn, project, &root).await?;
        let follow = Follow::new(direction, types);
        let found = graph::neighborhood(
            &mut conn,
            project,
            &root,
            &follow,
            depth,
            usize::try_from(nodes).unwrap_or(100),
        )
        .await
        .map_err(ApiError::from)?;
        Ok(Response::new(pb::GetNeighborhoodResponse {
            concepts: found.concepts.iter().map(concepts::wire).collect(),
            edges: found.edges.iter().map(concepts::wire_edge).collect(),
            truncated: found.truncated,
        }))
    }

    async fn find_paths(
        &self,
        request: Request<pb::FindPathsRequest>,
    ) -> Result<Response<pb::FindPathsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let from = parse_id(&mut v, "from_concept_id", &body.from_concept_id);
        let to = parse_id(&mut v, "to_concept_id", &body.to_concept_id);
        if from.is_some() && from == to {
            v.add("to_concept_id", "must differ from from_concept_id");
        }
        let types = edge_types(&mut v, "edge_types", &body.edge_types);
        let depth = capped(&mut v, "max_depth", body.max_depth, 4, graph::MAX_PATH);
        let (id, (from, to)) = ApiError::checked(v, id.zip(from.zip(to)))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        graph::exists(&mut conn, project, &from).await?;
        graph::exists(&mut conn, project, &to).await?;
        let found = graph::paths(&mut conn, project, &from, &to, &types, depth)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::FindPathsResponse {
            paths: found
                .into_iter()
                .map(|(concept_ids, edges)| pb::Path {
                    concept_ids,
                    edge_ids: edges.iter().map(Uuid::to_string).collect(),
                })
                .collect(),
        }))
    }

    async fn link_decision(
        &self,
        request: Request<pb::LinkDecisionRequest>,
    ) -> Result<Response<pb::LinkDecisionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let input = request.into_inner().link.unwrap_or_default();
        let row = links::link(&self.0, user, input).await?;
        Ok(Response::new(pb::LinkDecisionResponse {
            link: Some(links::wire_link(&row)),
        }))
    }

    async fn unlink_decision(
        &self,
        request: Request<pb::UnlinkDecisionRequest>,
    ) -> Result<Response<pb::UnlinkDecisionResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = LinkId::parse("link_id", &request.get_ref().link_id).map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row: LinkRow = owned_row!(
            &mut conn,
            user,
            atlas_decision_links,
            LinkRow,
            id,
            LinkId::RESOURCE
        )?;
        diesel::delete(atlas_decision_links::table.find(row.id))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::UnlinkDecisionResponse {}))
    }

    async fn list_decision_links(
        &self,
        request: Request<pb::ListDecisionLinksRequest>,
    ) -> Result<Response<pb::ListDecisionLinksResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let (decision, concept) = match (body.decision_id.is_empty(), body.concept_id.is_empty()) {
            (false, true) => (
                DecisionId::parse_into(&mut v, "decision_id", &body.decision_id),
                None,
            ),
            (true, false) => (None, parse_id(&mut v, "concept_id", &body.concept_id)),
            _ => {
                v.add(
                    "decision_id",
                    "exactly one of decision_id and concept_id is required",
                );
                (None, None)
            }
        };
        let id = ApiError::checked(v, id)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        let mut select = atlas_decision_links::table
            .filter(atlas_decision_links::project_id.eq(project))
            .select(LinkRow::as_select())
            .order(atlas_decision_links::id.desc())
            .limit(1000)
            .into_boxed();
        if let Some(decision) = decision {
            select = select.filter(atlas_decision_links::decision_id.eq(decision.as_uuid()));
        }
        if let Some(concept) = concept {
            select = select.filter(atlas_decision_links::concept_id.eq(concept));
        }
        let rows: Vec<LinkRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        Ok(Response::new(pb::ListDecisionLinksResponse {
            links: rows.iter().map(links::wire_link).collect(),
        }))
    }

    async fn create_diagram(
        &self,
        request: Request<pb::CreateDiagramRequest>,
    ) -> Result<Response<pb::CreateDiagramResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let row = links::create_diagram(&self.0, user, request.into_inner()).await?;
        Ok(Response::new(pb::CreateDiagramResponse {
            diagram: Some(links::wire_diagram(&row)),
        }))
    }

    async fn get_diagram(
        &self,
        request: Request<pb::GetDiagramRequest>,
    ) -> Result<Response<pb::GetDiagramResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DiagramId::parse("diagram_id", &request.get_ref().diagram_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row: DiagramRow = owned_row!(
            &mut conn,
            user,
            atlas_diagrams,
            DiagramRow,
            id,
            DiagramId::RESOURCE
        )?;
        Ok(Response::new(pb::GetDiagramResponse {
            diagram: Some(links::wire_diagram(&row)),
        }))
    }

    async fn list_diagrams(
        &self,
        request: Request<pb::ListDiagramsRequest>,
    ) -> Result<Response<pb::ListDiagramsResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let concept = (!body.concept_id.is_empty())
            .then(|| parse_id(&mut v, "concept_id", &body.concept_id))
            .flatten();
        let query = Query::new("intelligence.atlas_diagrams")
            .scoped(user)
            .scoped(&body.project_id)
            .scoped(&body.concept_id);
        let page = query.request_into::<Uuid>(&mut v, body.page_size, &body.page_token);
        let (id, page) = ApiError::checked(v, id.zip(page))?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project(&mut conn, user, id).await?;
        // UUIDv7 ids order by creation time.
        let mut select = atlas_diagrams::table
            .filter(atlas_diagrams::project_id.eq(project))
            .select(DiagramRow::as_select())
            .order(atlas_diagrams::id.desc())
            .limit(page.fetch_limit())
            .into_boxed();
        if let Some(concept) = concept {
            select = select.filter(atlas_diagrams::concept_id.eq(concept));
        }
        if let Some(after) = page.after {
            select = select.filter(atlas_diagrams::id.lt(after));
        }
        let rows: Vec<DiagramRow> = select.load(&mut conn).await.map_err(ApiError::from)?;
        let rows = query.page(rows, &page, |row| row.id);
        Ok(Response::new(pb::ListDiagramsResponse {
            diagrams: rows.items.iter().map(links::wire_diagram).collect(),
            next_page_token: rows.next_page_token,
        }))
    }

    async fn delete_diagram(
        &self,
        request: Request<pb::DeleteDiagramRequest>,
    ) -> Result<Response<pb::DeleteDiagramResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let id = DiagramId::parse("diagram_id", &request.get_ref().diagram_id)
            .map_err(ApiError::from)?;
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let row: DiagramRow = owned_row!(
            &mut conn,
            user,
            atlas_diagrams,
            DiagramRow,
            id,
            DiagramId::RESOURCE
        )?;
        diesel::delete(atlas_diagrams::table.find(row.id))
            .execute(&mut conn)
            .await
            .map_err(ApiError::from)?;
        Ok(Response::new(pb::DeleteDiagramResponse {}))
    }
}
