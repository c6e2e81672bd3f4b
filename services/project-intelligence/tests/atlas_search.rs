//! Atlas search over gRPC: chunks embedded on the way in, vector and full-text ranks fused by
//! Reciprocal Rank Fusion, vectors of different models never compared, the in-memory vectors
//! reloaded when they change, and the real compiled-in model ranking a paraphrase first.

use crate::harness;

use harness::{Harness, User};
use tessera_kit::clock::Clock;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

fn chunk(content: &str, kind: pb::ChunkKind, vectors: Vec<pb::Vector>) -> pb::ChunkInput {
    pb::ChunkInput {
        chunk: Some(pb::Chunk {
            kind: kind as i32,
            content: content.into(),
            ..Default::default()
        }),
        vectors,
    }
}

fn vector(model: &str, values: &[f32]) -> pb::Vector {
    pb::Vector {
        model: model.into(),
        values: values.to_vec(),
    }
}

async fn upsert(
    h: &Harness,
    user: &User,
    project: &str,
    chunks: Vec<pb::ChunkInput>,
) -> Result<pb::UpsertChunksResponse, tonic::Status> {
    h.atlas_search()
        .await
        .upsert_chunks(authed(
            &user.token,
            pb::UpsertChunksRequest {
                project_id: project.into(),
                chunks,
            },
        ))
        .await
        .map(|r| r.into_inner())
}

async fn search(
    h: &Harness,
    user: &User,
    request: pb::SearchRequest,
) -> Result<pb::SearchResponse, tonic::Status> {
    h.atlas_search()
        .await
        .search(authed(&user.token, request))
        .await
        .map(|r| r.into_inner())
}

fn query(project: &str, text: &str, vector: Option<pb::Vector>) -> pb::SearchRequest {
    pb::SearchRequest {
        project_id: project.into(),
        query: text.into(),
        query_vector: vector,
        ..Default::default()
    }
}

#[tokio::test]
async fn vector_and_text_ranks_fuse_by_reciprocal_rank() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let axes = "test/axes-4";
    let code = pb::ChunkKind::Code;
    let stored = upsert(
        &h,
        &ada,
        &project.id,
        vec![
            chunk(
                "alpha parser",
                code,
                vec![vector(axes, &[1.0, 0.0, 0.0, 0.0])],
            ),
            chunk(
                "beta lexer",
                code,
                vec![vector(axes, &[0.8, 0.6, 0.0, 0.0])],
            ),
            chunk(
                "gamma parser parser",
                code,
                vec![vector(axes, &[0.3, 0.95, 0.0, 0.0])],
            ),
            chunk("delta", code, vec![vector(axes, &[0.0, 0.0, 1.0, 0.0])]),
        ],
    )
    .await
    .expect("upsert");
    assert_eq!(stored.model, "tessera/hashing-v1-384");
    let ids: Vec<String> = stored.chunks.iter().map(|c| c.id.clone()).collect();
    let found = search(
        &h,
        &ada,
        query(
            &project.id,
            "parser",
            Some(vector(axes, &[2.0, 0.0, 0.0, 0.0])),
        ),
    )
    .await
    .expect("search");
    assert_eq!(found.model, axes);
    let order: Vec<&str> = found
        .hits
        .iter()
        .map(|h| h.chunk.as_ref().expect("chunk").id.as_str())
        .collect();
    // alpha: vector 1 + text 1 or 2; gamma: vector 3 + text 2 or 1; beta: vector 2; delta: 4.
    assert_eq!(order, [&ids[0], &ids[2], &ids[1], &ids[3]]);
    let ranks: Vec<(i32, i32)> = found
        .hits
        .iter()
        .map(|h| (h.vector_rank, h.text_rank))
        .collect();
    assert_eq!(
        (ranks[0].0, ranks[1].0, ranks[2], ranks[3]),
        (1, 3, (2, 0), (4, 0))
    );
    let mut text: Vec<i32> = vec![ranks[0].1, ranks[1].1];
    text.sort_unstable();
    assert_eq!(text, [1, 2]);
    for hit in &found.hits {
        let part = |rank: i32| {
            if rank == 0 {
                0.0
            } else {
                1.0 / (60.0 + f64::from(rank))
            }
        };
        assert!(
            (hit.score - part(hit.vector_rank) - part(hit.text_rank)).abs() < 1e-9,
            "{hit:?}"
        );
    }
    assert!(
        (found.hits[0].similarity - 1.0).abs() < 1e-5,
        "the query vector is normalised"
    );
    // limit cuts the fused list.
    let top = search(
        &h,
        &ada,
        pb::SearchRequest {
            limit: 2,
            ..query(
                &project.id,
                "parser",
                Some(vector(axes, &[1.0, 0.0, 0.0, 0.0])),
            )
        },
    )
    .await
    .expect("limited");
    assert_eq!(top.hits.len(), 2);
}

#[tokio::test]
async fn vectors_of_another_model_are_never_compared() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let stored = upsert(
        &h,
        &ada,
        &project.id,
        vec![
            chunk("only the server's vector", pb::ChunkKind::Decision, vec![]),
            chunk(
                "with a client vector too",
                pb::ChunkKind::Code,
                vec![vector("client/m2", &[0.0, 1.0, 0.0])],
            ),
        ],
    )
    .await
    .expect("upsert")
    .chunks;
    let other = search(
        &h,
        &ada,
        query(
            &project.id,
            "nothing matches zzz",
            Some(vector("client/m3", &[0.0, 1.0, 0.0])),
        ),
    )
    .await
    .expect("m3");
    assert!(
        other.hits.is_empty(),
        "no vector of m3, no word matches: {other:?}"
    );
    let m2 = search(
        &h,
        &ada,
        query(
            &project.id,
            "nothing matches zzz",
            Some(vector("client/m2", &[0.0, 1.0, 0.0])),
        ),
    )
    .await
    .expect("m2");
    assert_eq!(m2.hits.len(), 1);
    assert_eq!(m2.hits[0].chunk.as_ref().expect("chunk").id, stored[1].id);
    let server = search(&h, &ada, query(&project.id, "nothing matches zzz", None))
        .await
        .expect("server model");
    assert_eq!(server.hits.len(), 2, "both have the server's vector");

    let wrong = search(
        &h,
        &ada,
        query(&project.id, "x", Some(vector("client/m2", &[1.0, 0.0]))),
    )
    .await
    .expect_err("2 values");
    assert_eq!(bad_fields(&wrong), ["query_vector.values"]);
    let before = h.fingerprint().await;
    let bad = upsert(
        &h,
        &ada,
        &project.id,
        vec![
            chunk(
                "dims",
                pb::ChunkKind::Code,
                vec![vector("client/m2", &[1.0, 0.0])],
            ),
            chunk(
                "server",
                pb::ChunkKind::Code,
                vec![vector("tessera/hashing-v1-384", &[1.0])],
            ),
            chunk(
                "",
                pb::ChunkKind::Unspecified,
                vec![
                    vector("client/m4", &[0.0, 0.0]),
                    vector("client/m5", &[f32::NAN]),
                ],
            ),
        ],
    )
    .await
    .expect_err("bad chunks");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(
        fields,
        [
            "chunks[1].vectors[0].model",
            "chunks[2].chunk.content",
            "chunks[2].chunk.kind",
            "chunks[2].vectors[0].values",
            "chunks[2].vectors[1].values",
        ]
    );
    let dims = upsert(
        &h,
        &ada,
        &project.id,
        vec![chunk(
            "dims",
            pb::ChunkKind::Code,
            vec![vector("client/m2", &[1.0, 0.0])],
        )],
    )
    .await
    .expect_err("2 values where m2 has 3");
    assert_eq!(bad_fields(&dims), ["chunks[0].vectors[0].values"]);
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn searches_see_chunks_as_they_change_and_filter_by_kind() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let first = upsert(
        &h,
        &ada,
        &project.id,
        vec![chunk(
            "Passwords are hashed with Argon2id",
            pb::ChunkKind::Code,
            vec![],
        )],
    )
    .await
    .expect("upsert")
    .chunks;
    let found = search(&h, &ada, query(&project.id, "password hashing", None))
        .await
        .expect("search");
    assert_eq!(found.hits[0].chunk.as_ref().expect("chunk").id, first[0].id);
    assert!(
        found.hits[0].vector_rank == 1 && found.hits[0].text_rank == 1,
        "{found:?}"
    );

    // A new chunk is searchable at once (the version moved, the matrix is reloaded).
    let decision = upsert(
        &h,
        &ada,
        &project.id,
        vec![chunk(
            "We decided to rotate session tokens daily",
            pb::ChunkKind::Decision,
            vec![],
        )],
    )
    .await
    .expect("upsert")
    .chunks;
    let found = search(&h, &ada, query(&project.id, "rotate session tokens", None))
        .await
        .expect("search");
    assert_eq!(
        found.hits[0].chunk.as_ref().expect("chunk").id,
        decision[0].id
    );
    let code_only = search(
        &h,
        &ada,
        pb::SearchRequest {
            kinds: vec![pb::ChunkKind::Code as i32],
            ..query(&project.id, "rotate session tokens", None)
        },
    )
    .await
    .expect("kinds");
    assert!(
        code_only
            .hits
            .iter()
            .all(|h| h.chunk.as_ref().expect("chunk").kind == pb::ChunkKind::Code as i32)
    );

    // Replacing by id keeps the chunk and its creation time, with new content and vectors.
    let mut replaced = chunk(
        "Session tokens rotate hourly",
        pb::ChunkKind::Decision,
        vec![],
    );
    replaced.chunk.as_mut().expect("chunk").id = decision[0].id.clone();
    let again = upsert(&h, &ada, &project.id, vec![replaced])
        .await
        .expect("replace")
        .chunks;
    assert_eq!(
        (again[0].id.as_str(), again[0].create_time),
        (decision[0].id.as_str(), decision[0].create_time)
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.atlas_chunks")
            .await,
        2
    );
    let found = search(&h, &ada, query(&project.id, "hourly", None))
        .await
        .expect("search");
    assert_eq!(
        found.hits[0].chunk.as_ref().expect("chunk").content,
        "Session tokens rotate hourly"
    );

    h.atlas_search()
        .await
        .delete_chunk(authed(
            &ada.token,
            pb::DeleteChunkRequest {
                project_id: project.id.clone(),
                chunk_id: decision[0].id.clone(),
            },
        ))
        .await
        .expect("delete");
    let found = search(&h, &ada, query(&project.id, "hourly session", None))
        .await
        .expect("search");
    assert!(
        found
            .hits
            .iter()
            .all(|h| h.chunk.as_ref().expect("chunk").id != decision[0].id)
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.atlas_embeddings")
            .await,
        1
    );

    // Another user's chunk id cannot be taken over.
    let eve = h.user("eve").await;
    let theirs = h.project(&eve, "Eve's").await;
    let mut taken = chunk("mine now", pb::ChunkKind::Code, vec![]);
    taken.chunk.as_mut().expect("chunk").id = first[0].id.clone();
    let refused = upsert(&h, &eve, &theirs.id, vec![taken])
        .await
        .expect_err("another project's chunk");
    assert_eq!(refused.code(), Code::NotFound);
}

#[tokio::test]
async fn the_compiled_in_model_ranks_a_paraphrase_above_an_unrelated_text() {
    let config = tessera_project_intelligence::Config {
        embedder: "pocket".into(),
        ..harness::config()
    };
    let h = Harness::start_with(config, Clock::manual()).await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let stored = upsert(
        &h,
        &ada,
        &project.id,
        vec![
            chunk(
                "The weather in Paris is sunny today",
                pb::ChunkKind::Conversation,
                vec![],
            ),
            chunk(
                "How can I get back into my account after losing my login secret?",
                pb::ChunkKind::Conversation,
                vec![],
            ),
        ],
    )
    .await
    .expect("upsert");
    assert_eq!(stored.model, "pocket-encoder/minilm-l3-q4-g32-v1");
    let found = search(
        &h,
        &ada,
        query(&project.id, "reset a forgotten password", None),
    )
    .await
    .expect("search");
    assert_eq!(found.hits.len(), 2);
    assert_eq!(
        found.hits[0].chunk.as_ref().expect("chunk").id,
        stored.chunks[1].id,
        "{found:?}"
    );
    assert!(
        found.hits.iter().all(|h| h.text_rank == 0),
        "no shared words: meaning alone ranks them"
    );
    assert!(
        found.hits[0].similarity > found.hits[1].similarity + 0.2,
        "{found:?}"
    );
}
