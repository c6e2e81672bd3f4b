//! AtlasSearchService: chunks in, hybrid search out. Vector ranks come from the in-memory
//! matrix of the query's model (reloaded when the project's Atlas version moved), text ranks
//! from PostgreSQL's full-text search; Reciprocal Rank Fusion joins them.

use std::collections::HashMap;
use std::sync::Arc;

use diesel::prelude::*;
use diesel::sql_types::{Array, Double, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::auth;
use tessera_kit::db::ScopedFutureExt;
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::atlas_search_service_server::AtlasSearchService;
use tessera_schema::intelligence::atlas_chunks;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::chunks::{self, ChunkId, ChunkRow};
use super::embedder;
use super::index::Matrix;
use crate::ids::ProjectId;
use crate::input::{Stored, capped, long_text};
use crate::projects::store::{self as project_store, Lock};
use crate::state::Intel;

/// Each list's length before fusion.
pub const LIST: usize = 50;
/// Reciprocal Rank Fusion's constant.
pub const RRF_K: f64 = 60.0;
/// Most hits a search returns.
pub const MAX_LIMIT: i32 = 50;
/// Chunk kinds as stored; a matrix row keeps its kind as an index into this.
const KINDS: [&str; 3] = ["code", "decision", "conversation"];

/// A fused hit: chunk, score, vector rank, text rank, similarity (ranks from 1; 0: absent).
#[derive(Debug, Clone, PartialEq)]
pub struct Fused {
    pub chunk: Uuid,
    pub score: f64,
    pub vector_rank: usize,
    pub text_rank: usize,
    pub similarity: f32,
}

/// Fuses two ranked lists (best first): score = sum of 1 / (60 + rank); ties go to the better
/// best rank, then to the chunk id.
pub fn fuse(vector: &[(Uuid, f32)], text: &[Uuid]) -> Vec<Fused> {
    let mut hits: HashMap<Uuid, Fused> = HashMap::new();
    let entry = |hits: &mut HashMap<Uuid, Fused>, chunk: Uuid| {
        hits.entry(chunk)
            .or_insert(Fused {
                chunk,
                score: 0.0,
                vector_rank: 0,
                text_rank: 0,
                similarity: 0.0,
            })
            .chunk
    };
    #[allow(clippy::cast_precision_loss)]
    let rrf = |rank: usize| 1.0 / (RRF_K + rank as f64);
    for (i, (chunk, similarity)) in vector.iter().enumerate() {
        entry(&mut hits, *chunk);
        if let Some(hit) = hits.get_mut(chunk) {
            hit.vector_rank = i + 1;
            hit.similarity = *similarity;
            hit.score += rrf(i + 1);
        }
    }
    for (i, chunk) in text.iter().enumerate() {
        entry(&mut hits, *chunk);
        if let Some(hit) = hits.get_mut(chunk) {
            hit.text_rank = i + 1;
            hit.score += rrf(i + 1);
        }
    }
    let best = |h: &Fused| {
        [h.vector_rank, h.text_rank]
            .into_iter()
            .filter(|r| *r > 0)
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut fused: Vec<Fused> = hits.into_values().collect();
    fused.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(best(a).cmp(&best(b)))
            .then(a.chunk.cmp(&b.chunk))
    });
    fused
}

#[derive(QueryableByName)]
struct TextHit {
    #[diesel(sql_type = SqlUuid)]
    id: Uuid,
    #[diesel(sql_type = Double)]
    #[allow(dead_code)]
    rank: f64,
}

/// The full-text top [`LIST`] of `project` for `query` (websearch syntax), best first.
async fn text_ranks(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    query: &str,
    kinds: &[String],
) -> QueryResult<Vec<Uuid>> {
    let rows: Vec<TextHit> = diesel::sql_query(
        "SELECT c.id, ts_rank_cd(c.search, q)::float8 AS rank \
         FROM intelligence.atlas_chunks c, websearch_to_tsquery('english', $2) q \
         WHERE c.project_id = $1 AND c.search @@ q \
           AND (cardinality($3::text[]) = 0 OR c.kind = ANY ($3::text[])) \
         ORDER BY rank DESC, c.id LIMIT 50",
    )
    .bind::<SqlUuid, _>(project)
    .bind::<Text, _>(query)
    .bind::<Array<Text>, _>(kinds)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.id).collect())
}

/// The matrix of `project`'s `model` vectors, from memory when still current.
async fn matrix(
    intel: &Intel,
    conn: &mut AsyncPgConnection,
    project: Uuid,
    model: &str,
) -> Result<Arc<Matrix>, ApiError> {
    let version = chunks::version(conn, project).await?;
    if let Some(found) = intel.vectors.get(project, model, version) {
        return Ok(found);
    }
    let rows = chunks::vectors(conn, project, model).await?;
    let dims = <[_]>::first(&rows).map_or(0, |r| r.2.len());
    let built = tokio::task::spawn_blocking(move || {
        let rows = rows
            .into_iter()
            .map(|(id, kind, v)| {
                let k = KINDS.iter().position(|x| *x == kind).unwrap_or(0);
                (id, u8::try_from(k).unwrap_or(0), v)
            })
            .collect();
        Matrix::new(version, dims, rows)
    })
    .await
    .map_err(|e| ApiError::Internal(format!("building the vector matrix failed: {e}")))?;
    let built = Arc::new(built);
    intel.vectors.put(project, model, built.clone());
    Ok(built)
}

/// The gRPC face of Atlas search.
#[derive(Debug, Clone)]
pub struct AtlasSearchApi(pub Intel);

#[tonic::async_trait]
impl AtlasSearchService for AtlasSearchApi {
    async fn upsert_chunks(
        &self,
        request: Request<pb::UpsertChunksRequest>,
    ) -> Result<Response<pb::UpsertChunksResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let server_model = self.0.embedder.model().to_owned();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        if body.chunks.is_empty() || body.chunks.len() > chunks::MAX_CHUNKS {
            v.add(
                "chunks",
                format!("must hold 1 to {} chunks", chunks::MAX_CHUNKS),
            );
        }
        let parsed: Vec<_> = body
            .chunks
            .iter()
            .enumerate()
            .map(|(i, c)| chunks::parse(&mut v, &format!("chunks[{i}]"), c, &server_model))
            .collect();
        let id = ApiError::checked(v, id)?;
        let parsed: Vec<_> = parsed.into_iter().flatten().collect();
        let texts = parsed
            .iter()
            .map(|(c, _)| c.content.trim().to_owned())
            .collect();
        let embedded = embedder::embed(self.0.embedder.clone(), texts).await?;
        let now = self.0.clock.now();
        let rows = self
            .0
            .db
            .transaction("intelligence.upsert_chunks", |conn| {
                let (parsed, embedded, server_model) = (&parsed, &embedded, &server_model);
                async move {
                    let project = project_store::owned(conn, user, id, Lock::None).await?.id;
                    check_dimensions(conn, project, parsed).await?;
                    let mut stored = Vec::new();
                    for ((chunk, client), server) in parsed.iter().zip(embedded) {
                        let row = ChunkRow {
                            id: ChunkId::parse("id", &chunk.id)
                                .map_or_else(|_| Uuid::now_v7(), |c| c.as_uuid()),
                            project_id: project,
                            concept_id: (!chunk.concept_id.is_empty())
                                .then(|| chunk.concept_id.clone()),
                            kind: pb::ChunkKind::try_from(chunk.kind)
                                .map(Stored::text)
                                .unwrap_or_default(),
                            content: chunk.content.trim().to_owned(),
                            file_path: (!chunk.file_path.is_empty())
                                .then(|| chunk.file_path.clone()),
                            symbol: (!chunk.symbol.is_empty())
                                .then(|| chunk.symbol.trim().to_owned()),
                            source_hash: (!chunk.source_hash.is_empty())
                                .then(|| chunk.source_hash.trim().to_owned()),
                            created_at: now,
                        };
                        let mut vectors = client.clone();
                        vectors.push((server_model.clone(), server.clone()));
                        stored.push(chunks::store(conn, &row, &vectors, now).await?);
                    }
                    chunks::bump_version(conn, project).await?;
                    Ok::<_, ApiError>(stored)
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::UpsertChunksResponse {
            chunks: rows.iter().map(chunks::wire).collect(),
            model: server_model,
        }))
    }

    async fn delete_chunk(
        &self,
        request: Request<pb::DeleteChunkRequest>,
    ) -> Result<Response<pb::DeleteChunkResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.get_ref();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let chunk = ChunkId::parse_into(&mut v, "chunk_id", &body.chunk_id);
        let (id, chunk) = ApiError::checked(v, id.zip(chunk))?;
        self.0
            .db
            .transaction("intelligence.delete_chunk", |conn| {
                async move {
                    let project = project_store::owned(conn, user, id, Lock::None).await?.id;
                    let deleted = diesel::delete(
                        atlas_chunks::table
                            .find(chunk.as_uuid())
                            .filter(atlas_chunks::project_id.eq(project)),
                    )
                    .execute(conn)
                    .await?;
                    if deleted == 0 {
                        return Err(ApiError::not_found(ChunkId::RESOURCE, chunk));
                    }
                    chunks::bump_version(conn, project).await?;
                    Ok(())
                }
                .scope_boxed()
            })
            .await?;
        Ok(Response::new(pb::DeleteChunkResponse {}))
    }

    async fn search(
        &self,
        request: Request<pb::SearchRequest>,
    ) -> Result<Response<pb::SearchResponse>, Status> {
        let user = auth::user(&request)?.user_id;
        let body = request.into_inner();
        let mut v = FieldViolations::new();
        let id = ProjectId::parse_into(&mut v, "project_id", &body.project_id);
        let query = long_text(&mut v, "query", &body.query, 1000);
        if body.query.trim().is_empty() {
            v.add("query", "required");
        }
        let kinds: Vec<String> = body
            .kinds
            .iter()
            .filter_map(|k| pb::ChunkKind::parse(&mut v, "kinds", *k, true))
            .map(Stored::text)
            .collect();
        let limit = capped(&mut v, "limit", body.limit, 10, MAX_LIMIT);
        let client = body
            .query_vector
            .as_ref()
            .and_then(|q| chunks::parse_vector(&mut v, "query_vector", q));
        let (id, query) = ApiError::checked(v, id.zip(query))?;
        let (model, vector) = match client {
            Some(given) => given,
            None => {
                let mut embedded =
                    embedder::embed(self.0.embedder.clone(), vec![query.clone()]).await?;
                (
                    self.0.embedder.model().to_owned(),
                    embedded.pop().unwrap_or_default(),
                )
            }
        };
        let mut conn = self.0.db.conn().await.map_err(ApiError::from)?;
        let project = project_store::owned(&mut conn, user, id, Lock::None)
            .await?
            .id;
        let matrix = matrix(&self.0, &mut conn, project, &model).await?;
        if !matrix.is_empty() && matrix.dims != vector.len() {
            return Err(ApiError::invalid(
                "query_vector.values",
                format!(
                    "has {} values; model {model}'s vectors have {}",
                    vector.len(),
                    matrix.dims
                ),
            )
            .into());
        }
        let wanted: Vec<u8> = KINDS
            .iter()
            .enumerate()
            .filter(|(_, k)| kinds.is_empty() || kinds.iter().any(|w| w == *k))
            .map(|(i, _)| u8::try_from(i).unwrap_or(0))
            .collect();
        let near = {
            let matrix = matrix.clone();
            tokio::task::spawn_blocking(move || {
                let keep = |i: usize| wanted.contains(&matrix.kinds[i]);
                matrix
                    .nearest(&vector, LIST, &keep)
                    .into_iter()
                    .map(|(score, i)| (matrix.ids[i], score))
                    .collect::<Vec<_>>()
            })
            .await
            .map_err(|e| ApiError::Internal(format!("the vector search stopped: {e}")))?
        };
        let text = text_ranks(&mut conn, project, &query, &kinds)
            .await
            .map_err(ApiError::from)?;
        let mut fused = fuse(&near, &text);
        fused.truncate(usize::try_from(limit).unwrap_or(10));
        let ids: Vec<Uuid> = fused.iter().map(|f| f.chunk).collect();
        let rows: Vec<ChunkRow> = atlas_chunks::table
            .filter(atlas_chunks::id.eq_any(&ids))
            .select(ChunkRow::as_select())
            .load(&mut conn)
            .await
            .map_err(ApiError::from)?;
        let by_id: HashMap<Uuid, &ChunkRow> = rows.iter().map(|r| (r.id, r)).collect();
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        Ok(Response::new(pb::SearchResponse {
            hits: fused
                .iter()
                .filter_map(|f| {
                    Some(pb::SearchHit {
                        chunk: Some(chunks::wire(by_id.get(&f.chunk)?)),
                        score: f.score,
                        vector_rank: count(f.vector_rank),
                        text_rank: count(f.text_rank),
                        similarity: f.similarity,
                    })
                })
                .collect(),
            model,
        }))
    }
}

/// INVALID_ARGUMENT when a client vector's length differs from the project's vectors of its
/// model (or from another vector of that model in the request).
async fn check_dimensions(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    parsed: &[chunks::ChunkInput],
) -> Result<(), ApiError> {
    let mut known: HashMap<&str, usize> = HashMap::new();
    let mut v = FieldViolations::new();
    for (i, (_, vectors)) in parsed.iter().enumerate() {
        for (j, (model, values)) in vectors.iter().enumerate() {
            let dims = match known.get(model.as_str()) {
                Some(d) => *d,
                None => {
                    let stored = chunks::dimensions_of(conn, project, model).await?;
                    let d = stored.map_or(values.len(), |d| usize::try_from(d).unwrap_or(0));
                    known.insert(model, d);
                    d
                }
            };
            if dims != values.len() {
                v.add(
                    format!("chunks[{i}].vectors[{j}].values"),
                    format!(
                        "has {} values; model {model}'s vectors have {dims}",
                        values.len()
                    ),
                );
            }
        }
    }
    Ok(v.into_result_with(())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusion_sums_reciprocal_ranks_by_hand() {
        let [a, b, c, d] = [1u128, 2, 3, 4].map(Uuid::from_u128);
        // a: vector 1, text 3 -> 1/61 + 1/63; c: text 1, vector 3 -> the same (a's id is
        // smaller, both best ranks are 1); b: vector 2 and d: text 2 -> 1/62 each (b's id).
        let fused = fuse(&[(a, 0.9), (b, 0.8), (c, 0.7)], &[c, d, a]);
        let order: Vec<Uuid> = fused.iter().map(|f| f.chunk).collect();
        assert_eq!(order, [a, c, b, d]);
        assert!((fused[0].score - (1.0 / 61.0 + 1.0 / 63.0)).abs() < 1e-12);
        assert_eq!((fused[0].vector_rank, fused[0].text_rank), (1, 3));
        assert_eq!((fused[1].vector_rank, fused[1].text_rank), (3, 1));
        assert_eq!((fused[2].vector_rank, fused[2].text_rank), (2, 0));
        assert_eq!(fused[2].similarity, 0.8);
        assert_eq!((fused[3].vector_rank, fused[3].text_rank), (0, 2));
        assert_eq!(fused[3].similarity, 0.0);
        for hit in &fused[2..] {
            assert!((hit.score - 1.0 / 62.0).abs() < 1e-12);
        }
    }
}
