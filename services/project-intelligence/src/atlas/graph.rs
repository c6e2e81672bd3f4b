//! Walking the graph: a breadth-first neighbourhood under depth and size caps, and simple paths
//! by a recursive CTE with a cycle guard, pruned to concepts that can still reach the target.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use diesel::sql_types::{Array, Int4, Text, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use tessera_kit::api_error::ApiError;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_schema::intelligence::{atlas_concepts, atlas_edges};
use uuid::Uuid;

use super::concepts::{ConceptRow, EdgeRow};

/// Deepest neighbourhood.
pub const MAX_DEPTH: i32 = 4;
/// Largest neighbourhood.
pub const MAX_NODES: i32 = 500;
/// Longest path, in edges.
pub const MAX_PATH: i32 = 6;
/// Paths returned at most.
pub const MAX_PATHS: i64 = 10;
/// Edges read per level of a walk: a hub with more is cut (and said to be).
const EDGES_PER_LEVEL: i64 = 20_000;

/// Which edges a step follows, and of which types (empty: all).
#[derive(Debug, Clone)]
pub struct Follow {
    pub outgoing: bool,
    pub incoming: bool,
    pub types: Vec<String>,
}

impl Follow {
    /// From a request's direction (unspecified: both) and types.
    pub fn new(direction: pb::Direction, types: Vec<String>) -> Self {
        Self {
            outgoing: direction != pb::Direction::Incoming,
            incoming: direction != pb::Direction::Outgoing,
            types,
        }
    }
}

/// The edges one step from `frontier` (at most [`EDGES_PER_LEVEL`], and whether more exist).
async fn step(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    frontier: &[String],
    follow: &Follow,
) -> QueryResult<(Vec<EdgeRow>, bool)> {
    let mut query = atlas_edges::table
        .filter(atlas_edges::project_id.eq(project))
        .select(EdgeRow::as_select())
        .order(atlas_edges::id)
        .limit(EDGES_PER_LEVEL + 1)
        .into_boxed();
    query = match (follow.outgoing, follow.incoming) {
        (true, false) => query.filter(atlas_edges::from_concept_id.eq_any(frontier)),
        (false, true) => query.filter(atlas_edges::to_concept_id.eq_any(frontier)),
        _ => query.filter(
            atlas_edges::from_concept_id
                .eq_any(frontier)
                .or(atlas_edges::to_concept_id.eq_any(frontier)),
        ),
    };
    if !follow.types.is_empty() {
        query = query.filter(atlas_edges::type_.eq_any(&follow.types));
    }
    let mut edges: Vec<EdgeRow> = query.load(conn).await?;
    let more = edges.len() as i64 > EDGES_PER_LEVEL;
    edges.truncate(usize::try_from(EDGES_PER_LEVEL).unwrap_or(usize::MAX));
    Ok((edges, more))
}

/// A neighbourhood: concepts (root first, then by distance), the followed edges between
/// them, and whether a cap left reachable concepts out.
#[derive(Debug)]
pub struct Neighborhood {
    pub concepts: Vec<ConceptRow>,
    pub edges: Vec<EdgeRow>,
    pub truncated: bool,
}

/// Walks from `root` (a concept of `project`) breadth-first.
pub async fn neighborhood(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    root: &str,
    follow: &Follow,
    max_depth: i32,
    max_nodes: usize,
) -> QueryResult<Neighborhood> {
    let mut order = vec![root.to_owned()];
    let mut seen: HashSet<String> = HashSet::from([root.to_owned()]);
    let mut frontier = vec![root.to_owned()];
    let mut edges: Vec<EdgeRow> = Vec::new();
    let mut edge_ids = HashSet::new();
    let mut truncated = false;
    for _ in 0..max_depth {
        if frontier.is_empty() {
            break;
        }
        let in_frontier: HashSet<&String> = frontier.iter().collect();
        let (found, more) = step(conn, project, &frontier, follow).await?;
        truncated |= more;
        let mut next = Vec::new();
        for edge in found {
            let mut ends = Vec::new();
            if follow.outgoing && in_frontier.contains(&edge.from_concept_id) {
                ends.push(edge.to_concept_id.clone());
            }
            if follow.incoming && in_frontier.contains(&edge.to_concept_id) {
                ends.push(edge.from_concept_id.clone());
            }
            let mut kept = true;
            for end in ends {
                if seen.contains(&end) {
                    continue;
                }
                if seen.len() >= max_nodes {
                    truncated = true;
                    kept = false;
                    continue;
                }
                seen.insert(end.clone());
                order.push(end.clone());
                next.push(end);
            }
            let both_in =
                seen.contains(&edge.from_concept_id) && seen.contains(&edge.to_concept_id);
            if kept && both_in && edge_ids.insert(edge.id) {
                edges.push(edge);
            }
        }
        frontier = next;
    }
    let rows: Vec<ConceptRow> = atlas_concepts::table
        .filter(atlas_concepts::project_id.eq(project))
        .filter(atlas_concepts::id.eq_any(&order))
        .select(ConceptRow::as_select())
        .load(conn)
        .await?;
    let mut by_id: HashMap<String, ConceptRow> =
        rows.into_iter().map(|r| (r.id.clone(), r)).collect();
    let concepts = order.iter().filter_map(|id| by_id.remove(id)).collect();
    Ok(Neighborhood {
        concepts,
        edges,
        truncated,
    })
}

#[derive(QueryableByName)]
struct PathRow {
    #[diesel(sql_type = Array<Text>)]
    concepts: Vec<String>,
    #[diesel(sql_type = Array<SqlUuid>)]
    edges: Vec<Uuid>,
}

/// How far (in edges, at most `max`) each concept is from reaching `target` along edges.
async fn distances_to(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    target: &str,
    types: &[String],
    max: i32,
) -> QueryResult<HashMap<String, i32>> {
    let follow = Follow {
        outgoing: false,
        incoming: true,
        types: types.to_vec(),
    };
    let mut dist = HashMap::from([(target.to_owned(), 0)]);
    let mut frontier = vec![target.to_owned()];
    for d in 1..=max {
        if frontier.is_empty() {
            break;
        }
        let (edges, _) = step(conn, project, &frontier, &follow).await?;
        frontier = Vec::new();
        for edge in edges {
            if !dist.contains_key(&edge.from_concept_id) {
                dist.insert(edge.from_concept_id.clone(), d);
                frontier.push(edge.from_concept_id);
            }
        }
    }
    Ok(dist)
}

/// Up to [`MAX_PATHS`] simple paths from `from` to `to` along edge directions, shortest
/// first, at most `max_depth` edges long. The recursive walk is breadth-first (each iteration
/// adds one edge), never revisits a concept on its path, and only steps to concepts that can
/// still reach `to` within the edges left, so it stops as soon as the outer LIMIT is met.
pub async fn paths(
    conn: &mut AsyncPgConnection,
    project: Uuid,
    from: &str,
    to: &str,
    types: &[String],
    max_depth: i32,
) -> QueryResult<Vec<(Vec<String>, Vec<Uuid>)>> {
    let dist = distances_to(conn, project, to, types, max_depth).await?;
    if !dist.contains_key(from) {
        return Ok(Vec::new());
    }
    let (ids, far): (Vec<String>, Vec<i32>) = dist.into_iter().unzip();
    let mut rows: Vec<PathRow> = diesel::sql_query(
        "WITH RECURSIVE reach(id, dist) AS (SELECT * FROM unnest($5::text[], $6::int[])), \
         walk(node, concepts, edges, depth) AS ( \
             SELECT $2::text, ARRAY[$2::text], ARRAY[]::uuid[], 0 \
           UNION ALL \
             SELECT e.to_concept_id, w.concepts || e.to_concept_id, w.edges || e.id, w.depth + 1 \
             FROM walk w \
             JOIN intelligence.atlas_edges e ON e.project_id = $1 AND e.from_concept_id = w.node \
             JOIN reach r ON r.id = e.to_concept_id AND w.depth + 1 + r.dist <= $4 \
             WHERE w.node <> $3 AND e.to_concept_id <> ALL (w.concepts) \
               AND (cardinality($7::text[]) = 0 OR e.type = ANY ($7::text[])) \
         ) \
         SELECT concepts, edges FROM walk WHERE node = $3 AND depth > 0 LIMIT $8",
    )
    .bind::<SqlUuid, _>(project)
    .bind::<Text, _>(from)
    .bind::<Text, _>(to)
    .bind::<Int4, _>(max_depth)
    .bind::<Array<Text>, _>(&ids)
    .bind::<Array<Int4>, _>(&far)
    .bind::<Array<Text>, _>(types)
    .bind::<diesel::sql_types::Int8, _>(MAX_PATHS)
    .load(conn)
    .await?;
    rows.sort_by_key(|r| r.edges.len());
    Ok(rows.into_iter().map(|r| (r.concepts, r.edges)).collect())
}

/// NOT_FOUND unless `id` is a concept of `project`.
pub async fn exists(conn: &mut AsyncPgConnection, project: Uuid, id: &str) -> Result<(), ApiError> {
    super::concepts::find(conn, project, id).await.map(drop)
}
