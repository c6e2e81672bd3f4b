//! Atlas is its project owner's: every AtlasService and AtlasSearchService RPC called with
//! another user's token is NOT_FOUND and changes nothing; the project's deletion takes it all.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::authed;
use tonic::Code;

fn ok<T>(r: Result<tonic::Response<T>, tonic::Status>) -> Result<(), tonic::Status> {
    r.map(|_| ())
}

#[tokio::test]
async fn every_atlas_rpc_on_another_users_project_is_not_found_and_changes_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let mut atlas = h.atlas().await;
    let mut search = h.atlas_search().await;
    for id in ["capability:a", "capability:b"] {
        atlas
            .upsert_concept(authed(
                &ada.token,
                pb::UpsertConceptRequest {
                    project_id: project.id.clone(),
                    concept: Some(pb::Concept {
                        id: id.into(),
                        name: "n".into(),
                        ..Default::default()
                    }),
                },
            ))
            .await
            .expect("concept");
    }
    let edge = atlas
        .create_edge(authed(
            &ada.token,
            pb::CreateEdgeRequest {
                project_id: project.id.clone(),
                edge: Some(pb::Edge {
                    from_concept_id: "capability:a".into(),
                    to_concept_id: "capability:b".into(),
                    r#type: 1,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("edge")
        .into_inner()
        .edge
        .expect("edge");
    let decision = h
        .decisions()
        .await
        .create_decision(authed(
            &ada.token,
            pb::CreateDecisionRequest {
                project_id: project.id.clone(),
                decision: Some(pb::Decision {
                    decision: "d".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("decision")
        .into_inner()
        .decision
        .expect("decision");
    let link = atlas
        .link_decision(authed(
            &ada.token,
            pb::LinkDecisionRequest {
                link: Some(pb::DecisionLink {
                    decision_id: decision.id.clone(),
                    concept_id: "capability:a".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("link")
        .into_inner()
        .link
        .expect("link");
    let data = Some(tessera_kit::convert::json_to_struct(
        &serde_json::json!({"k": 1}),
    ));
    let diagram = atlas
        .create_diagram(authed(
            &ada.token,
            pb::CreateDiagramRequest {
                project_id: project.id.clone(),
                diagram: Some(pb::Diagram {
                    r#type: 1,
                    data: data.clone(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("diagram")
        .into_inner()
        .diagram
        .expect("diagram");
    let chunk = search
        .upsert_chunks(authed(
            &ada.token,
            pb::UpsertChunksRequest {
                project_id: project.id.clone(),
                chunks: vec![pb::ChunkInput {
                    chunk: Some(pb::Chunk {
                        kind: 1,
                        content: "secret plan".into(),
                        ..Default::default()
                    }),
                    vectors: vec![],
                }],
            },
        ))
        .await
        .expect("chunk")
        .into_inner()
        .chunks
        .remove(0);
    let before = h.fingerprint().await;
    let (t, p) = (&eve.token, &project.id);
    let concept = |id: &str| pb::Concept {
        id: id.into(),
        name: "x".into(),
        ..Default::default()
    };
    let results: Vec<(&str, Result<(), tonic::Status>)> = vec![
        (
            "BuildFromSnapshot",
            ok(atlas
                .build_from_snapshot(authed(
                    t,
                    pb::BuildFromSnapshotRequest {
                        project_id: p.clone(),
                        snapshot_id: "snap-01JF0000000000000000000001".into(),
                    },
                ))
                .await),
        ),
        (
            "UpsertConcept",
            ok(atlas
                .upsert_concept(authed(
                    t,
                    pb::UpsertConceptRequest {
                        project_id: p.clone(),
                        concept: Some(concept("capability:a")),
                    },
                ))
                .await),
        ),
        (
            "GetConcept",
            ok(atlas
                .get_concept(authed(
                    t,
                    pb::GetConceptRequest {
                        project_id: p.clone(),
                        concept_id: "capability:a".into(),
                    },
                ))
                .await),
        ),
        (
            "ListConcepts",
            ok(atlas
                .list_concepts(authed(
                    t,
                    pb::ListConceptsRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "DeleteConcept",
            ok(atlas
                .delete_concept(authed(
                    t,
                    pb::DeleteConceptRequest {
                        project_id: p.clone(),
                        concept_id: "capability:a".into(),
                    },
                ))
                .await),
        ),
        (
            "CreateEdge",
            ok(atlas
                .create_edge(authed(
                    t,
                    pb::CreateEdgeRequest {
                        project_id: p.clone(),
                        edge: Some(pb::Edge {
                            from_concept_id: "capability:b".into(),
                            to_concept_id: "capability:a".into(),
                            r#type: 1,
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "DeleteEdge",
            ok(atlas
                .delete_edge(authed(
                    t,
                    pb::DeleteEdgeRequest {
                        edge_id: edge.id.clone(),
                    },
                ))
                .await),
        ),
        (
            "GetNeighborhood",
            ok(atlas
                .get_neighborhood(authed(
                    t,
                    pb::GetNeighborhoodRequest {
                        project_id: p.clone(),
                        concept_id: "capability:a".into(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "FindPaths",
            ok(atlas
                .find_paths(authed(
                    t,
                    pb::FindPathsRequest {
                        project_id: p.clone(),
                        from_concept_id: "capability:a".into(),
                        to_concept_id: "capability:b".into(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "LinkDecision",
            ok(atlas
                .link_decision(authed(
                    t,
                    pb::LinkDecisionRequest {
                        link: Some(pb::DecisionLink {
                            decision_id: decision.id.clone(),
                            concept_id: "capability:b".into(),
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "UnlinkDecision",
            ok(atlas
                .unlink_decision(authed(
                    t,
                    pb::UnlinkDecisionRequest {
                        link_id: link.id.clone(),
                    },
                ))
                .await),
        ),
        (
            "ListDecisionLinks",
            ok(atlas
                .list_decision_links(authed(
                    t,
                    pb::ListDecisionLinksRequest {
                        project_id: p.clone(),
                        decision_id: decision.id.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "CreateDiagram",
            ok(atlas
                .create_diagram(authed(
                    t,
                    pb::CreateDiagramRequest {
                        project_id: p.clone(),
                        diagram: Some(pb::Diagram {
                            r#type: 1,
                            data: data.clone(),
                            ..Default::default()
                        }),
                    },
                ))
                .await),
        ),
        (
            "GetDiagram",
            ok(atlas
                .get_diagram(authed(
                    t,
                    pb::GetDiagramRequest {
                        diagram_id: diagram.id.clone(),
                    },
                ))
                .await),
        ),
        (
            "ListDiagrams",
            ok(atlas
                .list_diagrams(authed(
                    t,
                    pb::ListDiagramsRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
        (
            "DeleteDiagram",
            ok(atlas
                .delete_diagram(authed(
                    t,
                    pb::DeleteDiagramRequest {
                        diagram_id: diagram.id.clone(),
                    },
                ))
                .await),
        ),
        (
            "UpsertChunks",
            ok(search
                .upsert_chunks(authed(
                    t,
                    pb::UpsertChunksRequest {
                        project_id: p.clone(),
                        chunks: vec![pb::ChunkInput {
                            chunk: Some(pb::Chunk {
                                kind: 1,
                                content: "x".into(),
                                ..Default::default()
                            }),
                            vectors: vec![],
                        }],
                    },
                ))
                .await),
        ),
        (
            "DeleteChunk",
            ok(search
                .delete_chunk(authed(
                    t,
                    pb::DeleteChunkRequest {
                        project_id: p.clone(),
                        chunk_id: chunk.id.clone(),
                    },
                ))
                .await),
        ),
        (
            "Search",
            ok(search
                .search(authed(
                    t,
                    pb::SearchRequest {
                        project_id: p.clone(),
                        query: "secret plan".into(),
                        ..Default::default()
                    },
                ))
                .await),
        ),
    ];
    assert_eq!(results.len(), 19);
    for (rpc, result) in results {
        let status = result.expect_err(rpc);
        assert_eq!(status.code(), Code::NotFound, "{rpc}: {status:?}");
        assert!(!status.message().contains("secret"), "{rpc}: {status:?}");
    }
    assert_eq!(h.fingerprint().await, before);

    h.projects()
        .await
        .delete_project(authed(
            &ada.token,
            pb::DeleteProjectRequest {
                project_id: project.id.clone(),
            },
        ))
        .await
        .expect("delete project");
    for table in [
        "atlas_concepts",
        "atlas_edges",
        "atlas_decision_links",
        "atlas_diagrams",
        "atlas_chunks",
        "atlas_embeddings",
        "atlas_versions",
    ] {
        assert_eq!(
            h.count(&format!("SELECT count(*) FROM intelligence.{table}"))
                .await,
            0,
            "{table}"
        );
    }
}
