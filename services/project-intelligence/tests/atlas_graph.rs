//! Atlas's graph over gRPC: building from snapshots (idempotently, replacing what a newer tree
//! no longer has), edges, walks that terminate on cycles within their caps, decision links and
//! diagrams.

use crate::harness;

use harness::{Harness, User, file, manifest};
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

fn request_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

async fn build(
    h: &Harness,
    user: &User,
    project: &str,
    snapshot: &str,
) -> pb::BuildFromSnapshotResponse {
    h.atlas()
        .await
        .build_from_snapshot(authed(
            &user.token,
            pb::BuildFromSnapshotRequest {
                project_id: project.into(),
                snapshot_id: snapshot.into(),
            },
        ))
        .await
        .expect("build")
        .into_inner()
}

async fn concepts(
    h: &Harness,
    user: &User,
    project: &str,
    layer: pb::ConceptLayer,
) -> Vec<pb::Concept> {
    h.atlas()
        .await
        .list_concepts(authed(
            &user.token,
            pb::ListConceptsRequest {
                project_id: project.into(),
                layer: layer as i32,
                page_size: 1000,
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .concepts
}

#[tokio::test]
async fn building_from_a_snapshot_derives_modules_code_and_contains_edges_idempotently() {
    let h = Harness::with_vault().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    h.upload(
        &ada,
        &[
            b"fn main() {}",
            b"pub mod users;",
            b"# readme",
            b"struct User;",
        ],
    )
    .await;
    let first = manifest(vec![
        file("README.md", b"# readme"),
        file("src/main.rs", b"fn main() {}"),
        file("src/api/mod.rs", b"pub mod users;"),
        file("src/api/users.rs", b"struct User;"),
    ]);
    let one = h
        .push(&ada, &ws.id, 1, &first, &request_id(), &[])
        .await
        .expect("push")
        .snapshot
        .expect("snapshot");
    let built = build(&h, &ada, &project.id, &one.id).await;
    assert_eq!(
        (
            built.concepts,
            built.created,
            built.removed,
            built.edges_created
        ),
        (6, 6, 0, 4)
    );
    let again = build(&h, &ada, &project.id, &one.id).await;
    assert_eq!(
        (
            again.concepts,
            again.created,
            again.removed,
            again.edges_created
        ),
        (6, 0, 0, 0),
        "idempotent"
    );
    let modules = concepts(&h, &ada, &project.id, pb::ConceptLayer::Module).await;
    assert_eq!(
        modules.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["module:src", "module:src/api"]
    );
    assert_eq!(modules[1].name, "api");
    assert_eq!(modules[1].source_snapshot_id, one.id);
    assert_eq!(modules[1].source_manifest_hash, one.manifest_hash);

    // A user-written system concept and an edge to a derived module survive rebuilds.
    let mut atlas = h.atlas().await;
    atlas
        .upsert_concept(authed(
            &ada.token,
            pb::UpsertConceptRequest {
                project_id: project.id.clone(),
                concept: Some(pb::Concept {
                    id: "system:api".into(),
                    name: "API".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("system concept");
    atlas
        .create_edge(authed(
            &ada.token,
            pb::CreateEdgeRequest {
                project_id: project.id.clone(),
                edge: Some(pb::Edge {
                    from_concept_id: "system:api".into(),
                    to_concept_id: "module:src/api".into(),
                    r#type: pb::EdgeType::Contains as i32,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("edge");

    // The next tree drops src/api/users.rs and adds docs/guide.md.
    h.upload(&ada, &[b"# guide"]).await;
    let second = manifest(vec![
        file("README.md", b"# readme"),
        file("docs/guide.md", b"# guide"),
        file("src/api/mod.rs", b"pub mod users;"),
        file("src/main.rs", b"fn main() {}"),
    ]);
    let two = h
        .push(&ada, &ws.id, 2, &second, &request_id(), &[&one.id])
        .await
        .expect("push")
        .snapshot
        .expect("snapshot");
    let rebuilt = build(&h, &ada, &project.id, &two.id).await;
    assert_eq!(
        (
            rebuilt.concepts,
            rebuilt.created,
            rebuilt.removed,
            rebuilt.edges_created
        ),
        (7, 2, 1, 1)
    );
    let code = concepts(&h, &ada, &project.id, pb::ConceptLayer::Code).await;
    assert_eq!(
        code.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [
            "code:README.md",
            "code:docs/guide.md",
            "code:src/api/mod.rs",
            "code:src/main.rs"
        ]
    );
    assert!(code.iter().all(|c| c.source_snapshot_id == two.id));
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.atlas_concepts WHERE id = 'system:api'")
            .await,
        1
    );
    assert_eq!(
        h.count(
            "SELECT count(*) FROM intelligence.atlas_edges WHERE from_concept_id = 'system:api'"
        )
        .await,
        1
    );

    // Another user's snapshot id is not this project's.
    let eve = h.user("eve").await;
    let refused = h
        .atlas()
        .await
        .build_from_snapshot(authed(
            &eve.token,
            pb::BuildFromSnapshotRequest {
                project_id: project.id.clone(),
                snapshot_id: two.id.clone(),
            },
        ))
        .await
        .expect_err("not eve's");
    assert_eq!(refused.code(), Code::NotFound);
}

/// A graph with a cycle: a -> b -> c -> a, c -> d, and a star of 30 leaves around d.
async fn cyclic(h: &Harness, user: &User, project: &str) {
    let mut atlas = h.atlas().await;
    let mut ids: Vec<String> = ["a", "b", "c", "d"]
        .iter()
        .map(|n| format!("capability:{n}"))
        .collect();
    ids.extend((0..30).map(|i| format!("code:leaf{i:02}.rs")));
    for id in &ids {
        atlas
            .upsert_concept(authed(
                &user.token,
                pb::UpsertConceptRequest {
                    project_id: project.into(),
                    concept: Some(pb::Concept {
                        id: id.clone(),
                        name: id.clone(),
                        ..Default::default()
                    }),
                },
            ))
            .await
            .expect("concept");
    }
    let mut edges = vec![("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
        .into_iter()
        .map(|(f, t)| {
            (
                format!("capability:{f}"),
                format!("capability:{t}"),
                pb::EdgeType::DependsOn,
            )
        })
        .collect::<Vec<_>>();
    edges.push((
        "capability:a".into(),
        "capability:d".into(),
        pb::EdgeType::Relates,
    ));
    edges.extend((0..30).map(|i| {
        (
            "capability:d".to_string(),
            format!("code:leaf{i:02}.rs"),
            pb::EdgeType::Contains,
        )
    }));
    for (from, to, kind) in edges {
        atlas
            .create_edge(authed(
                &user.token,
                pb::CreateEdgeRequest {
                    project_id: project.into(),
                    edge: Some(pb::Edge {
                        from_concept_id: from,
                        to_concept_id: to,
                        r#type: kind as i32,
                        ..Default::default()
                    }),
                },
            ))
            .await
            .expect("edge");
    }
}

#[tokio::test]
async fn walks_and_paths_terminate_on_cycles_within_their_caps() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    cyclic(&h, &ada, &project.id).await;
    let mut atlas = h.atlas().await;
    let walk = |root: &str, direction: pb::Direction, depth: i32, nodes: i32, types: Vec<i32>| {
        pb::GetNeighborhoodRequest {
            project_id: project.id.clone(),
            concept_id: root.into(),
            edge_types: types,
            direction: direction as i32,
            max_depth: depth,
            max_nodes: nodes,
        }
    };
    let all = atlas
        .get_neighborhood(authed(
            &ada.token,
            walk("capability:a", pb::Direction::Outgoing, 4, 500, vec![]),
        ))
        .await
        .expect("walk")
        .into_inner();
    assert_eq!(
        all.concepts.len(),
        34,
        "the cycle is walked once, every leaf reached"
    );
    assert_eq!(all.concepts[0].id, "capability:a", "root first");
    assert!(!all.truncated);
    let capped = atlas
        .get_neighborhood(authed(
            &ada.token,
            walk("capability:a", pb::Direction::Outgoing, 4, 10, vec![]),
        ))
        .await
        .expect("capped walk")
        .into_inner();
    assert_eq!(capped.concepts.len(), 10);
    assert!(capped.truncated);
    let ids: std::collections::HashSet<&str> =
        capped.concepts.iter().map(|c| c.id.as_str()).collect();
    assert!(capped.edges.iter().all(
        |e| ids.contains(e.from_concept_id.as_str()) && ids.contains(e.to_concept_id.as_str())
    ));
    let shallow = atlas
        .get_neighborhood(authed(
            &ada.token,
            walk(
                "capability:a",
                pb::Direction::Outgoing,
                1,
                500,
                vec![pb::EdgeType::DependsOn as i32],
            ),
        ))
        .await
        .expect("one step, dependencies only")
        .into_inner();
    assert_eq!(
        shallow
            .concepts
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["capability:a", "capability:b"]
    );
    let incoming = atlas
        .get_neighborhood(authed(
            &ada.token,
            walk("capability:d", pb::Direction::Incoming, 2, 500, vec![]),
        ))
        .await
        .expect("incoming")
        .into_inner();
    let mut found: Vec<&str> = incoming.concepts.iter().map(|c| c.id.as_str()).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "capability:a",
            "capability:b",
            "capability:c",
            "capability:d"
        ]
    );

    let paths = atlas
        .find_paths(authed(
            &ada.token,
            pb::FindPathsRequest {
                project_id: project.id.clone(),
                from_concept_id: "capability:a".into(),
                to_concept_id: "code:leaf07.rs".into(),
                max_depth: 6,
                ..Default::default()
            },
        ))
        .await
        .expect("paths")
        .into_inner()
        .paths;
    let shapes: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| p.concept_ids.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        shapes,
        [
            vec!["capability:a", "capability:d", "code:leaf07.rs"],
            vec![
                "capability:a",
                "capability:b",
                "capability:c",
                "capability:d",
                "code:leaf07.rs"
            ],
        ],
        "shortest first, no path goes round the cycle"
    );
    assert!(
        paths
            .iter()
            .all(|p| p.edge_ids.len() + 1 == p.concept_ids.len())
    );
    let short = atlas
        .find_paths(authed(
            &ada.token,
            pb::FindPathsRequest {
                project_id: project.id.clone(),
                from_concept_id: "capability:b".into(),
                to_concept_id: "capability:a".into(),
                max_depth: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("too short")
        .into_inner()
        .paths;
    assert!(short.is_empty(), "b reaches a in 2 edges, not 1");
    let bad = atlas
        .find_paths(authed(
            &ada.token,
            pb::FindPathsRequest {
                project_id: project.id.clone(),
                from_concept_id: "capability:a".into(),
                to_concept_id: "capability:a".into(),
                max_depth: 7,
                edge_types: vec![9],
            },
        ))
        .await
        .expect_err("bad");
    let mut fields = bad_fields(&bad);
    fields.sort();
    assert_eq!(fields, ["edge_types", "max_depth", "to_concept_id"]);
}

#[tokio::test]
async fn edges_links_and_diagrams_stay_inside_the_project() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "Atlas").await;
    let other = h.project(&ada, "Other").await;
    cyclic(&h, &ada, &project.id).await;
    let mut atlas = h.atlas().await;
    let edge = |project: &str, from: &str, to: &str| pb::CreateEdgeRequest {
        project_id: project.into(),
        edge: Some(pb::Edge {
            from_concept_id: from.into(),
            to_concept_id: to.into(),
            r#type: pb::EdgeType::DependsOn as i32,
            ..Default::default()
        }),
    };
    let twice = atlas
        .create_edge(authed(
            &ada.token,
            edge(&project.id, "capability:a", "capability:b"),
        ))
        .await
        .expect_err("twice");
    assert_eq!(twice.code(), Code::AlreadyExists);
    let missing = atlas
        .create_edge(authed(
            &ada.token,
            edge(&other.id, "capability:a", "capability:b"),
        ))
        .await
        .expect_err("other project");
    assert_eq!(
        missing.code(),
        Code::NotFound,
        "concept ids are per project"
    );
    let bad = atlas
        .create_edge(authed(
            &ada.token,
            edge(&project.id, "widget:a", "capability:a"),
        ))
        .await
        .expect_err("bad id");
    assert_eq!(bad_fields(&bad), ["edge.from_concept_id"]);

    let decision = h
        .decisions()
        .await
        .create_decision(authed(
            &ada.token,
            pb::CreateDecisionRequest {
                project_id: project.id.clone(),
                decision: Some(pb::Decision {
                    decision: "Cache reads".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("decision")
        .into_inner()
        .decision
        .expect("decision");
    let link = |concept: &str, confidence: Option<i32>| pb::LinkDecisionRequest {
        link: Some(pb::DecisionLink {
            decision_id: decision.id.clone(),
            concept_id: concept.into(),
            confidence,
            ..Default::default()
        }),
    };
    let linked = atlas
        .link_decision(authed(&ada.token, link("capability:b", Some(80))))
        .await
        .expect("link")
        .into_inner()
        .link
        .expect("link");
    assert_eq!(linked.confidence, Some(80));
    assert_eq!(
        atlas
            .link_decision(authed(&ada.token, link("capability:b", None)))
            .await
            .expect_err("twice")
            .code(),
        Code::AlreadyExists
    );
    assert_eq!(
        bad_fields(
            &atlas
                .link_decision(authed(&ada.token, link("capability:c", Some(101))))
                .await
                .expect_err("101")
        ),
        ["link.confidence"]
    );
    assert_eq!(
        atlas
            .link_decision(authed(&ada.token, link("capability:zz", None)))
            .await
            .expect_err("no concept")
            .code(),
        Code::NotFound
    );

    let diagram = atlas
        .create_diagram(authed(
            &ada.token,
            pb::CreateDiagramRequest {
                project_id: project.id.clone(),
                diagram: Some(pb::Diagram {
                    concept_id: "capability:b".into(),
                    r#type: pb::DiagramType::Flow as i32,
                    data: Some(tessera_kit::convert::json_to_struct(
                        &serde_json::json!({"nodes": ["a", "b"]}),
                    )),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("diagram")
        .into_inner()
        .diagram
        .expect("diagram");
    // Deleting the concept removes its edges and links; its diagram stays, unattached.
    atlas
        .delete_concept(authed(
            &ada.token,
            pb::DeleteConceptRequest {
                project_id: project.id.clone(),
                concept_id: "capability:b".into(),
            },
        ))
        .await
        .expect("delete concept");
    let kept = atlas
        .get_diagram(authed(
            &ada.token,
            pb::GetDiagramRequest {
                diagram_id: diagram.id.clone(),
            },
        ))
        .await
        .expect("diagram kept")
        .into_inner()
        .diagram
        .expect("diagram");
    assert_eq!(kept.concept_id, "");
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.atlas_decision_links")
            .await,
        0
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.atlas_edges WHERE 'capability:b' IN (from_concept_id, to_concept_id)").await,
        0
    );
}
