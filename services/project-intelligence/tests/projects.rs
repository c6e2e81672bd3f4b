//! Projects, workspaces and the activity log through the real RPCs.

use crate::harness;

use harness::Harness;
use prost_types::FieldMask;
use tessera_kit::convert::json_to_struct;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

fn mask(paths: &[&str]) -> Option<FieldMask> {
    Some(FieldMask {
        paths: paths.iter().map(|p| p.to_string()).collect(),
    })
}

#[tokio::test]
async fn projects_are_created_listed_updated_and_deleted_with_everything_under_them() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let mut names = Vec::new();
    for i in 0..5 {
        names.push(h.project(&ada, &format!("project {i}")).await);
        h.clock.advance(chrono::Duration::seconds(1));
    }
    let mut client = h.projects().await;
    // Most recently updated first, two per page.
    let (mut seen, mut token) = (Vec::new(), String::new());
    loop {
        let page = client
            .list_projects(authed(
                &ada.token,
                pb::ListProjectsRequest {
                    page_size: 2,
                    page_token: token.clone(),
                },
            ))
            .await
            .expect("list")
            .into_inner();
        seen.extend(page.projects.into_iter().map(|p| p.name));
        token = page.next_page_token;
        if token.is_empty() {
            break;
        }
    }
    assert_eq!(
        seen,
        [
            "project 4",
            "project 3",
            "project 2",
            "project 1",
            "project 0"
        ]
    );

    let project = &names[0];
    let ws = h.workspace(&ada, &project.id, "main").await;
    let brief = serde_json::json!({"goal": "ship", "stack": ["rust", "postgres"]});
    let updated = client
        .update_project(authed(
            &ada.token,
            pb::UpdateProjectRequest {
                project: Some(pb::Project {
                    id: project.id.clone(),
                    name: "renamed".into(),
                    intent: pb::Intent::OpenSource as i32,
                    brief: Some(json_to_struct(&brief)),
                    main_workspace_id: ws.id.clone(),
                    ..Default::default()
                }),
                update_mask: mask(&["name", "intent", "brief", "main_workspace_id"]),
            },
        ))
        .await
        .expect("update")
        .into_inner()
        .project
        .expect("project");
    assert_eq!(
        (
            updated.name.as_str(),
            updated.intent,
            updated.main_workspace_id.as_str()
        ),
        ("renamed", pb::Intent::OpenSource as i32, ws.id.as_str())
    );
    assert_eq!(
        h.count(
            "SELECT count(*) FROM intelligence.projects WHERE brief @> '{\"stack\": [\"rust\"]}'"
        )
        .await,
        1
    );
    // Only the masked fields change.
    let renamed_only = client
        .update_project(authed(
            &ada.token,
            pb::UpdateProjectRequest {
                project: Some(pb::Project {
                    id: project.id.clone(),
                    name: "again".into(),
                    ..Default::default()
                }),
                update_mask: mask(&["name"]),
            },
        ))
        .await
        .expect("rename")
        .into_inner()
        .project
        .expect("project");
    assert_eq!(renamed_only.intent, pb::Intent::OpenSource as i32);
    assert!(renamed_only.brief.is_some());

    // Env vars, a conversation and activity hang off it; deleting the project takes them all.
    h.env_vars()
        .await
        .set_env_var(authed(
            &ada.token,
            pb::SetEnvVarRequest {
                project_id: project.id.clone(),
                env_var: Some(pb::EnvVar {
                    key: "TOKEN".into(),
                    value: "s3cret".into(),
                    is_secret: true,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("env var");
    h.conversations()
        .await
        .create_conversation(authed(
            &ada.token,
            pb::CreateConversationRequest {
                workspace_id: ws.id.clone(),
                title: "first".into(),
            },
        ))
        .await
        .expect("conversation");
    client
        .delete_project(authed(
            &ada.token,
            pb::DeleteProjectRequest {
                project_id: project.id.clone(),
            },
        ))
        .await
        .expect("delete");
    let p = &project.id;
    for table in ["project_env_vars", "workspaces", "activity_events"] {
        assert_eq!(
            h.count(&format!(
                "SELECT count(*) FROM intelligence.{table} WHERE project_id = '{p}'"
            ))
            .await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.conversations")
            .await,
        0
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.projects").await,
        4
    );
    let gone = client
        .get_project(authed(
            &ada.token,
            pb::GetProjectRequest {
                project_id: p.clone(),
            },
        ))
        .await
        .expect_err("gone");
    assert_eq!(gone.code(), Code::NotFound);
}

#[tokio::test]
async fn bad_project_input_names_each_field_and_changes_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let before = h.fingerprint().await;
    let mut client = h.projects().await;
    let big = serde_json::json!({"text": "x".repeat(70_000)});
    let refused = client
        .create_project(authed(
            &ada.token,
            pb::CreateProjectRequest {
                project: Some(pb::Project {
                    name: " ".into(),
                    intent: 42,
                    brief: Some(json_to_struct(&big)),
                    ..Default::default()
                }),
                actor: 3,
            },
        ))
        .await
        .expect_err("refused");
    assert_eq!(refused.code(), Code::InvalidArgument);
    assert_eq!(
        bad_fields(&refused),
        ["project.name", "project.intent", "project.brief", "actor"]
    );
    let refused = client
        .update_project(authed(
            &ada.token,
            pb::UpdateProjectRequest {
                project: Some(pb::Project {
                    id: project.id.clone(),
                    name: "bidi \u{202e}".into(),
                    main_workspace_id: "not-a-uuid".into(),
                    ..Default::default()
                }),
                update_mask: mask(&["name", "owner_user_id", "main_workspace_id"]),
            },
        ))
        .await
        .expect_err("refused");
    assert_eq!(
        bad_fields(&refused),
        ["update_mask", "project.name", "project.main_workspace_id"]
    );
    // A workspace of another project is not this project's main workspace.
    let other = h.project(&ada, "other").await;
    let elsewhere = h.workspace(&ada, &other.id, "w").await;
    let before = (before, h.fingerprint().await);
    let refused = client
        .update_project(authed(
            &ada.token,
            pb::UpdateProjectRequest {
                project: Some(pb::Project {
                    id: project.id.clone(),
                    main_workspace_id: elsewhere.id.clone(),
                    ..Default::default()
                }),
                update_mask: mask(&["main_workspace_id"]),
            },
        ))
        .await
        .expect_err("refused");
    assert_eq!(refused.code(), Code::NotFound);
    assert_eq!(h.fingerprint().await, before.1);
    let refused = client
        .list_projects(authed(
            &ada.token,
            pb::ListProjectsRequest {
                page_size: -1,
                page_token: "forged".into(),
            },
        ))
        .await
        .expect_err("refused");
    assert_eq!(bad_fields(&refused), ["page_size", "page_token"]);
}

#[tokio::test]
async fn activity_lists_newest_first_filtered_by_workspace_and_type() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    h.clock.advance(chrono::Duration::seconds(1));
    let one = h.workspace(&ada, &project.id, "one").await;
    h.clock.advance(chrono::Duration::seconds(1));
    let two = h.workspace(&ada, &project.id, "two").await;
    let mut client = h.activity().await;
    let list = |workspace: &str, kind: &str, token: &str, size: i32| pb::ListActivityRequest {
        project_id: project.id.clone(),
        workspace_id: workspace.into(),
        r#type: kind.into(),
        page_size: size,
        page_token: token.into(),
    };
    let all = client
        .list_activity(authed(&ada.token, list("", "", "", 0)))
        .await
        .expect("list")
        .into_inner()
        .events;
    let kinds: Vec<(&str, &str)> = all
        .iter()
        .map(|e| (e.r#type.as_str(), e.workspace_id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("workspace.created", two.id.as_str()),
            ("workspace.created", one.id.as_str()),
            ("project.created", ""),
        ]
    );
    assert!(all.iter().all(|e| e.actor == pb::Actor::Cli as i32));
    let only_one = client
        .list_activity(authed(&ada.token, list(&one.id, "", "", 0)))
        .await
        .expect("by workspace")
        .into_inner()
        .events;
    assert_eq!(only_one.len(), 1);
    let created = client
        .list_activity(authed(&ada.token, list("", "project.created", "", 0)))
        .await
        .expect("by type")
        .into_inner()
        .events;
    assert_eq!(created.len(), 1);
    let first = client
        .list_activity(authed(&ada.token, list("", "", "", 2)))
        .await
        .expect("page")
        .into_inner();
    assert_eq!(first.events.len(), 2);
    let rest = client
        .list_activity(authed(&ada.token, list("", "", &first.next_page_token, 2)))
        .await
        .expect("next page")
        .into_inner();
    assert_eq!(rest.events.len(), 1);
    assert_eq!(rest.events[0].r#type, "project.created");
    assert!(rest.next_page_token.is_empty());
    // A token is bound to its filters.
    let refused = client
        .list_activity(authed(
            &ada.token,
            list(&one.id, "", &first.next_page_token, 2),
        ))
        .await
        .expect_err("other filters");
    assert_eq!(bad_fields(&refused), ["page_token"]);
}
