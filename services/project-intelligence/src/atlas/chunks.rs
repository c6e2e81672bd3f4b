//! Chunk rows, their validation, and storing them with their vectors (a transaction that also
//! bumps the project's Atlas version, so every replica reloads its vectors).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_kit::convert::timestamp;
use tessera_kit::error::FieldViolations;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{atlas_chunks, atlas_embeddings, atlas_versions};
use uuid::Uuid;

use super::concepts::parse_id;
use super::embedder::normalize;
use crate::input::{Stored, long_text};
use crate::projects::name;

/// Most chunks per UpsertChunks.
pub const MAX_CHUNKS: usize = 128;
/// Longest content, in characters.
pub const MAX_CONTENT_CHARS: usize = 4000;
/// Most values in a vector.
pub const MAX_DIMENSIONS: usize = 4096;

tessera_kit::id! {
    /// A text chunk.
    pub struct ChunkId("chunk");
}

/// An `atlas_chunks` row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = atlas_chunks, check_for_backend(diesel::pg::Pg))]
pub struct ChunkRow {
    pub id: Uuid,
    pub project_id: Uuid,
    pub concept_id: Option<String>,
    pub kind: String,
    pub content: String,
    pub file_path: Option<String>,
    pub symbol: Option<String>,
    pub source_hash: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The wire form.
pub fn wire(row: &ChunkRow) -> pb::Chunk {
    pb::Chunk {
        id: row.id.to_string(),
        project_id: row.project_id.to_string(),
        concept_id: row.concept_id.clone().unwrap_or_default(),
        kind: pb::ChunkKind::wire(&row.kind),
        content: row.content.clone(),
        file_path: row.file_path.clone().unwrap_or_default(),
        symbol: row.symbol.clone().unwrap_or_default(),
        source_hash: row.source_hash.clone().unwrap_or_default(),
        create_time: Some(timestamp(row.created_at)),
    }
}

/// A vector from a request: model and normalised values, or violations.
pub fn parse_vector(
    v: &mut FieldViolations,
    field: &str,
    raw: &pb::Vector,
) -> Option<(String, Vec<f32>)> {
    let model = name(v, &format!("{field}.model"), &raw.model, 200);
    let values = &raw.values;
    if values.is_empty() || values.len() > MAX_DIMENSIONS {
        v.add(
            format!("{field}.values"),
            format!("must hold 1 to {MAX_DIMENSIONS} values"),
        );
        return None;
    }
    if values.iter().any(|x| !x.is_finite()) || values.iter().all(|x| *x == 0.0) {
        v.add(format!("{field}.values"), "must be finite and not all zero");
        return None;
    }
    let mut values = values.clone();
    normalize(&mut values);
    Some((model?, values))
}

/// A vector: its model and values.
pub type ModelVector = (String, Vec<f32>);
/// A chunk from a request with its client vectors.
pub type ChunkInput = (pb::Chunk, Vec<ModelVector>);

/// A chunk from a request, with its client vectors; `server_model`'s vectors are the server's.
pub fn parse(
    v: &mut FieldViolations,
    field: &str,
    input: &pb::ChunkInput,
    server_model: &str,
) -> Option<ChunkInput> {
    let chunk = input.chunk.clone().unwrap_or_default();
    let mut ok = true;
    if !chunk.id.is_empty()
        && ChunkId::parse_into(v, &format!("{field}.chunk.id"), &chunk.id).is_none()
    {
        ok = false;
    }
    if pb::ChunkKind::parse(v, &format!("{field}.chunk.kind"), chunk.kind, true).is_none() {
        ok = false;
    }
    let content = format!("{field}.chunk.content");
    if chunk.content.trim().is_empty() {
        v.add(content, "required");
        ok = false;
    } else if long_text(v, &content, &chunk.content, MAX_CONTENT_CHARS).is_none() {
        ok = false;
    }
    if !chunk.concept_id.is_empty()
        && parse_id(v, &format!("{field}.chunk.concept_id"), &chunk.concept_id).is_none()
    {
        ok = false;
    }
    if let Some(why) = (!chunk.file_path.is_empty())
        .then(|| tessera_manifest::path_problem(&chunk.file_path))
        .flatten()
    {
        v.add(format!("{field}.chunk.file_path"), why);
        ok = false;
    }
    for (raw, max, what) in [
        (&chunk.symbol, 500, "symbol"),
        (&chunk.source_hash, 128, "source_hash"),
    ] {
        if !raw.is_empty() && name(v, &format!("{field}.chunk.{what}"), raw, max).is_none() {
            ok = false;
        }
    }
    let mut vectors = Vec::new();
    for (i, raw) in input.vectors.iter().enumerate() {
        let at = format!("{field}.vectors[{i}]");
        match parse_vector(v, &at, raw) {
            Some((model, _)) if model == server_model => {
                v.add(
                    format!("{at}.model"),
                    "is the server's model: it embeds the chunk itself",
                );
                ok = false;
            }
            Some((model, _))
                if vectors
                    .iter()
                    .any(|(m, _): &(String, Vec<f32>)| *m == model) =>
            {
                v.add(format!("{at}.model"), "is given twice");
                ok = false;
            }
            Some(vector) => vectors.push(vector),
            None => ok = false,
        }
    }
    ok.then_some((chunk, vectors))
}

/// The dimensions `project`'s vectors of `model` have, if it has any.
pub async fn dimensions_of(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    model: &str,
) -> QueryResult<Option<i32>> {
    atlas_embeddings::table
        .inner_join(atlas_chunks::table)
        .filter(atlas_chunks::project_id.eq(project))
        .filter(atlas_embeddings::model.eq(model))
        .select(atlas_embeddings::dimensions)
        .first(conn)
        .await
        .optional()
}

/// Little-endian f32 bytes.
pub fn to_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// Values from little-endian f32 bytes.
pub fn from_bytes(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// Stores `row` (replacing the project's chunk of its id, keeping its creation time) with
/// exactly `vectors`; NOT_FOUND if the id is another project's chunk.
pub async fn store(
    conn: &mut AsyncPgConnection,
    row: &ChunkRow,
    vectors: &[ModelVector],
    now: DateTime<Utc>,
) -> Result<ChunkRow, ApiError> {
    let inserted: Option<ChunkRow> = diesel::insert_into(atlas_chunks::table)
        .values(row)
        .on_conflict_do_nothing()
        .returning(ChunkRow::as_returning())
        .get_result(conn)
        .await
        .optional()?;
    // Taken: replace it if it is this project's (never another's).
    let stored = match inserted {
        Some(row) => Some(row),
        None => diesel::update(
            atlas_chunks::table
                .find(row.id)
                .filter(atlas_chunks::project_id.eq(row.project_id)),
        )
        .set((
            atlas_chunks::concept_id.eq(&row.concept_id),
            atlas_chunks::kind.eq(&row.kind),
            atlas_chunks::content.eq(&row.content),
            atlas_chunks::file_path.eq(&row.file_path),
            atlas_chunks::symbol.eq(&row.symbol),
            atlas_chunks::source_hash.eq(&row.source_hash),
        ))
        .returning(ChunkRow::as_returning())
        .get_result(conn)
        .await
        .optional()?,
    };
    let stored = stored.ok_or_else(|| ApiError::not_found(ChunkId::RESOURCE, row.id))?;
    diesel::delete(atlas_embeddings::table.filter(atlas_embeddings::chunk_id.eq(stored.id)))
        .execute(conn)
        .await?;
    let rows: Vec<_> = vectors
        .iter()
        .map(|(model, values)| {
            (
                atlas_embeddings::id.eq(Uuid::now_v7()),
                atlas_embeddings::chunk_id.eq(stored.id),
                atlas_embeddings::model.eq(model),
                atlas_embeddings::dimensions.eq(i32::try_from(values.len()).unwrap_or(i32::MAX)),
                atlas_embeddings::vector.eq(to_bytes(values)),
                atlas_embeddings::created_at.eq(now),
            )
        })
        .collect();
    diesel::insert_into(atlas_embeddings::table)
        .values(&rows)
        .execute(conn)
        .await?;
    Ok(stored)
}

/// Adds 1 to `project`'s Atlas version (in the caller's transaction).
pub async fn bump_version(conn: &mut AsyncPgConnection, project: Uuid) -> QueryResult<()> {
    diesel::insert_into(atlas_versions::table)
        .values((
            atlas_versions::project_id.eq(project),
            atlas_versions::version.eq(1),
        ))
        .on_conflict(atlas_versions::project_id)
        .do_update()
        .set(atlas_versions::version.eq(atlas_versions::version + 1))
        .execute(conn)
        .await?;
    Ok(())
}

/// `project`'s Atlas version (0 before any vector).
pub async fn version(conn: &mut AsyncPgConnection, project: Uuid) -> QueryResult<i64> {
    Ok(atlas_versions::table
        .find(project)
        .select(atlas_versions::version)
        .first(conn)
        .await
        .optional()?
        .unwrap_or(0))
}

/// Every vector of `model` in `project`: (chunk, kind, values).
pub async fn vectors(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    model: &str,
) -> QueryResult<Vec<(Uuid, String, Vec<f32>)>> {
    let rows: Vec<(Uuid, String, Vec<u8>)> = atlas_embeddings::table
        .inner_join(atlas_chunks::table)
        .filter(atlas_chunks::project_id.eq(project))
        .filter(atlas_embeddings::model.eq(model))
        .select((
            atlas_chunks::id,
            atlas_chunks::kind,
            atlas_embeddings::vector,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, bytes)| (id, kind, from_bytes(&bytes)))
        .collect())
}
