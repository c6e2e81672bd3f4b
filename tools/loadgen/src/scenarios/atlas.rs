//! Atlas's k-nearest-neighbour search over 100,000 normalised 384-dimensional vectors, random
//! and clustered, 1,000 queries each:
//!
//! - `knn-exact`: exact f32 over every row (SIMD dot products over the cores);
//! - `knn-prefilter`: the int8 prefilter, its candidates rescored in f32 (the service's path
//!   from 20,000 vectors);
//! - `search-grpc`: AtlasSearchService.Search over gRPC with a client query vector: the
//!   project's vectors (stored in PostgreSQL, read once into memory), the full-text query, and
//!   Reciprocal Rank Fusion.
//!
//! Each row's name carries recall@10 against exact f32 over the same queries. Calls are made
//! one at a time: a search is CPU-bound and already uses both cores.

use std::time::{Duration, Instant};

use tessera_project_intelligence::atlas::embedder::normalize;
use tessera_project_intelligence::atlas::index::Matrix;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::atlas_search_service_client::AtlasSearchServiceClient;
use tessera_proto::tessera::intelligence::v1::project_service_client::ProjectServiceClient;
use tessera_testkit::{TestSuite, authed};
use uuid::Uuid;

use super::Settings;
use crate::Report;

/// Vectors in the matrix.
const ROWS: usize = 100_000;
/// Values per vector.
const DIMS: usize = 384;
/// Queries per run.
const QUERIES: usize = 1000;
/// The client model the gRPC scenario stores its vectors under.
const MODEL: &str = "bench/random-384";

/// A deterministic pseudo-random stream in [-1, 1) (xorshift).
fn stream(seed: u64) -> impl FnMut() -> f32 {
    let mut s = seed;
    move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f32 / (1u64 << 53) as f32 * 2.0 - 1.0
    }
}

/// `n` unit vectors: uniformly random, or around 100 cluster centres.
fn vectors(n: usize, clustered: bool, seed: u64) -> Vec<Vec<f32>> {
    let mut next = stream(seed);
    let mut centres = stream(42);
    let centres: Vec<Vec<f32>> = (0..100)
        .map(|_| (0..DIMS).map(|_| centres()).collect())
        .collect();
    (0..n)
        .map(|i| {
            let mut v: Vec<f32> = if clustered {
                centres[i % centres.len()]
                    .iter()
                    .map(|c| c + 0.35 * next())
                    .collect()
            } else {
                (0..DIMS).map(|_| next()).collect()
            };
            normalize(&mut v);
            v
        })
        .collect()
}

/// Times `search` over `queries`; returns the report and recall@10 against `truth`.
fn measure(
    name: &str,
    queries: &[Vec<f32>],
    truth: &[Vec<usize>],
    search: impl Fn(&[f32]) -> Vec<usize>,
) -> Report {
    let (start, mut samples, mut hits) = (Instant::now(), Vec::new(), 0usize);
    for (q, want) in queries.iter().zip(truth) {
        let at = Instant::now();
        let got = search(q);
        samples.push(at.elapsed());
        hits += got.iter().filter(|g| want.contains(g)).count();
    }
    let recall = hits as f64 / (queries.len() * 10) as f64;
    Report::from_samples(
        &format!("{name} (recall@10 {recall:.3})"),
        samples,
        start.elapsed(),
    )
}

/// Runs the Atlas scenarios `settings` asks for.
pub async fn run(settings: &Settings) -> anyhow::Result<Vec<Report>> {
    let mut reports = Vec::new();
    let all = |_: usize| true;
    for clustered in [false, true] {
        let kind = if clustered { "clustered" } else { "random" };
        let rows = vectors(ROWS, clustered, 7);
        let rows: Vec<(Uuid, u8, Vec<f32>)> = rows
            .into_iter()
            .enumerate()
            .map(|(i, v)| (Uuid::from_u128(i as u128), 0, v))
            .collect();
        let matrix = Matrix::build(1, DIMS, rows, true);
        let queries = vectors(QUERIES, clustered, 99);
        let truth: Vec<Vec<usize>> = queries
            .iter()
            .map(|q| matrix.exact(q, 10, &all).into_iter().map(|r| r.1).collect())
            .collect();
        let label = |path: &str| format!("atlas k-NN top-10, {ROWS} x {DIMS} {kind}: {path}");
        if settings.wants("knn-exact") {
            reports.push(measure(&label("exact f32"), &queries, &truth, |q| {
                matrix.exact(q, 10, &all).into_iter().map(|r| r.1).collect()
            }));
        }
        if settings.wants("knn-prefilter") {
            reports.push(measure(
                &label("int8 prefilter + f32 rescore"),
                &queries,
                &truth,
                |q| {
                    matrix
                        .nearest(q, 10, &all)
                        .into_iter()
                        .map(|r| r.1)
                        .collect()
                },
            ));
        }
        if clustered && settings.wants("search-grpc") {
            reports.extend(grpc(&matrix, &queries, settings.duration).await?);
        }
    }
    Ok(reports)
}

/// Search over gRPC against the same vectors stored in PostgreSQL: with a selective text query
/// (a few matches) and with one every chunk matches (full-text ranking's worst case).
async fn grpc(
    matrix: &Matrix,
    queries: &[Vec<f32>],
    duration: Duration,
) -> anyhow::Result<Vec<Report>> {
    let config = tessera_project_intelligence::Config {
        embedder: "hashing".into(),
        ..Default::default()
    };
    let suite = TestSuite::new()
        .with(tessera_project_intelligence::SPEC, move |ctx| {
            tessera_project_intelligence::services(ctx, config)
        })
        .start()
        .await;
    let channel = suite.channel("project-intelligence").await;
    let (_, token) = suite.identity.sign_up("bench").await;
    let project = ProjectServiceClient::new(channel.clone())
        .create_project(authed(
            &token,
            pb::CreateProjectRequest {
                project: Some(pb::Project {
                    name: "bench".into(),
                    ..Default::default()
                }),
                actor: 0,
            },
        ))
        .await?
        .into_inner()
        .project
        .ok_or_else(|| anyhow::anyhow!("no project"))?;
    // Written straight into the tables (uploading 100,000 chunks would measure the upload).
    let client = suite.db().client().await;
    for start in (0..matrix.len()).step_by(5000) {
        let end = (start + 5000).min(matrix.len());
        let ids: Vec<String> = matrix.ids[start..end].iter().map(Uuid::to_string).collect();
        let contents: Vec<String> = (start..end)
            .map(|i| format!("component {i} of module {}", i % 500))
            .collect();
        let vectors: Vec<Vec<u8>> = (start..end)
            .map(|i| {
                matrix
                    .row_values(i)
                    .iter()
                    .flat_map(|x| x.to_le_bytes())
                    .collect()
            })
            .collect();
        client
            .execute(
                "INSERT INTO intelligence.atlas_chunks (id, project_id, kind, content) \
                 SELECT id, $1::text::uuid, 'code', content FROM unnest($2::text[]::uuid[], $3::text[]) AS t(id, content)",
                &[&project.id, &ids, &contents],
            )
            .await?;
        client
            .execute(
                "INSERT INTO intelligence.atlas_embeddings (id, chunk_id, model, dimensions, vector) \
                 SELECT gen_random_uuid(), id, $1, 384, v FROM unnest($2::text[]::uuid[], $3::bytea[]) AS t(id, v)",
                &[&MODEL, &ids, &vectors],
            )
            .await?;
    }
    client
        .execute(
            "INSERT INTO intelligence.atlas_versions (project_id, version) VALUES ($1::text::uuid, 1)",
            &[&project.id],
        )
        .await?;
    let mut search = AtlasSearchServiceClient::new(channel);
    let mut reports = Vec::new();
    for (text, what) in [
        ("component 4217 module", "text matching 1 chunk"),
        ("component module", "text matching every chunk"),
    ] {
        let request = |q: &[f32]| {
            authed(
                &token,
                pb::SearchRequest {
                    project_id: project.id.clone(),
                    query: text.into(),
                    limit: 10,
                    query_vector: Some(pb::Vector {
                        model: MODEL.into(),
                        values: q.to_vec(),
                    }),
                    ..Default::default()
                },
            )
        };
        // The first search reads the vectors into memory.
        search.search(request(&queries[0])).await?;
        let (start, mut samples) = (Instant::now(), Vec::new());
        for q in queries.iter().cycle() {
            if start.elapsed() >= duration && samples.len() >= 100 {
                break;
            }
            let at = Instant::now();
            search.search(request(q)).await?;
            samples.push(at.elapsed());
        }
        reports.push(Report::from_samples(
            &format!(
                "atlas Search over gRPC, {ROWS} x {DIMS} clustered, query vector + {what}, RRF"
            ),
            samples,
            start.elapsed(),
        ));
    }
    Ok(reports)
}
