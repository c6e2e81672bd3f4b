//! Workspaces: optimistic versions (exactly one of concurrent updates wins), heartbeats
//! without a version bump, conversations, deletion.

use crate::harness;

use harness::Harness;
use prost_types::FieldMask;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields, reason};
use tonic::Code;

fn rename(id: &str, version: i64, name: &str) -> pb::UpdateWorkspaceRequest {
    pb::UpdateWorkspaceRequest {
        workspace: Some(pb::Workspace {
            id: id.into(),
            version,
            name: name.into(),
            ..Default::default()
        }),
        update_mask: Some(FieldMask {
            paths: vec!["name".into()],
        }),
    }
}

#[tokio::test]
async fn of_concurrent_updates_at_one_version_exactly_one_wins() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    assert_eq!(ws.version, 1);
    let mut calls = Vec::new();
    for i in 0..8 {
        let mut client = h.workspaces().await;
        let request = authed(&ada.token, rename(&ws.id, 1, &format!("name {i}")));
        calls.push(tokio::spawn(async move {
            client.update_workspace(request).await
        }));
    }
    let mut won = Vec::new();
    for call in calls {
        match call.await.expect("join") {
            Ok(response) => won.push(response.into_inner().workspace.expect("workspace")),
            Err(status) => {
                assert_eq!(status.code(), Code::Aborted, "{status:?}");
                assert_eq!(reason(&status), "STALE_VERSION");
            }
        }
    }
    assert_eq!(won.len(), 1);
    assert_eq!(won[0].version, 2);
    let stored = h
        .count(&format!(
            "SELECT count(*) FROM intelligence.workspaces WHERE version = 2 AND name = '{}'",
            won[0].name
        ))
        .await;
    assert_eq!(stored, 1);

    // A heartbeat records the time and leaves the version alone.
    h.clock.advance(chrono::Duration::seconds(5));
    let seen = h
        .workspaces()
        .await
        .heartbeat(authed(
            &ada.token,
            pb::HeartbeatRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("heartbeat")
        .into_inner()
        .last_seen_time
        .expect("time");
    let after = h
        .workspaces()
        .await
        .get_workspace(authed(
            &ada.token,
            pb::GetWorkspaceRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("get")
        .into_inner()
        .workspace
        .expect("workspace");
    assert_eq!((after.version, after.last_seen_time), (2, Some(seen)));
}

#[tokio::test]
async fn updates_check_each_field_and_stale_versions_change_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let mut client = h.workspaces().await;
    let hash = vec![7u8; 32];
    let updated = client
        .update_workspace(authed(
            &ada.token,
            pb::UpdateWorkspaceRequest {
                workspace: Some(pb::Workspace {
                    id: ws.id.clone(),
                    version: 1,
                    current_manifest_hash: hash.clone(),
                    local_path: "C:\\code\\p".into(),
                    ..Default::default()
                }),
                update_mask: Some(FieldMask {
                    paths: vec!["current_manifest_hash".into(), "local_path".into()],
                }),
            },
        ))
        .await
        .expect("update")
        .into_inner()
        .workspace
        .expect("workspace");
    assert_eq!(updated.current_manifest_hash, hash);
    assert_eq!((updated.name.as_str(), updated.version), ("main", 2));

    let before = h.fingerprint().await;
    let stale = client
        .update_workspace(authed(&ada.token, rename(&ws.id, 1, "late")))
        .await
        .expect_err("stale");
    assert_eq!(stale.code(), Code::Aborted);
    let refused = client
        .update_workspace(authed(
            &ada.token,
            pb::UpdateWorkspaceRequest {
                workspace: Some(pb::Workspace {
                    id: ws.id.clone(),
                    version: 0,
                    current_manifest_hash: vec![1; 31],
                    local_path: "relative/path".into(),
                    machine_id: "\u{1}".into(),
                    ..Default::default()
                }),
                update_mask: Some(FieldMask {
                    paths: vec![
                        "current_manifest_hash".into(),
                        "local_path".into(),
                        "machine_id".into(),
                        "version".into(),
                    ],
                }),
            },
        ))
        .await
        .expect_err("refused");
    assert_eq!(
        bad_fields(&refused),
        [
            "update_mask",
            "workspace.version",
            "workspace.machine_id",
            "workspace.local_path",
            "workspace.current_manifest_hash"
        ]
    );
    let unknown_base = h
        .workspaces()
        .await
        .create_workspace(authed(
            &ada.token,
            pb::CreateWorkspaceRequest {
                project_id: project.id.clone(),
                workspace: Some(pb::Workspace {
                    name: "fork".into(),
                    base_snapshot_id: "snap-01JF0000000000000000000000".into(),
                    ..Default::default()
                }),
                actor: 0,
            },
        ))
        .await
        .expect_err("no such snapshot");
    assert_eq!(unknown_base.code(), Code::NotFound);
    assert_eq!(h.fingerprint().await, before);
}

#[tokio::test]
async fn deleting_a_workspace_keeps_the_project_and_its_log() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let mut conversations = h.conversations().await;
    let created = conversations
        .create_conversation(authed(
            &ada.token,
            pb::CreateConversationRequest {
                workspace_id: ws.id.clone(),
                title: String::new(),
            },
        ))
        .await
        .expect("conversation")
        .into_inner()
        .conversation
        .expect("conversation");
    assert_eq!(created.title, "");
    let titled = conversations
        .update_conversation(authed(
            &ada.token,
            pb::UpdateConversationRequest {
                conversation: Some(pb::Conversation {
                    id: created.id.clone(),
                    title: "Plan the launch".into(),
                    ..Default::default()
                }),
                update_mask: Some(FieldMask {
                    paths: vec!["title".into()],
                }),
            },
        ))
        .await
        .expect("title")
        .into_inner()
        .conversation
        .expect("conversation");
    assert_eq!(titled.title, "Plan the launch");
    let too_long = conversations
        .create_conversation(authed(
            &ada.token,
            pb::CreateConversationRequest {
                workspace_id: ws.id.clone(),
                title: "t".repeat(201),
            },
        ))
        .await
        .expect_err("too long");
    assert_eq!(bad_fields(&too_long), ["title"]);
    let listed = conversations
        .list_conversations(authed(
            &ada.token,
            pb::ListConversationsRequest {
                workspace_id: ws.id.clone(),
                ..Default::default()
            },
        ))
        .await
        .expect("list")
        .into_inner()
        .conversations;
    assert_eq!(listed.len(), 1);

    h.workspaces()
        .await
        .delete_workspace(authed(
            &ada.token,
            pb::DeleteWorkspaceRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("delete");
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.workspaces")
            .await,
        0
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.conversations")
            .await,
        0
    );
    // The log keeps the workspace's creation, unattributed.
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.activity_events WHERE type = 'workspace.created' AND workspace_id IS NULL")
            .await,
        1
    );
    let again = h
        .workspaces()
        .await
        .delete_workspace(authed(
            &ada.token,
            pb::DeleteWorkspaceRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect_err("gone");
    assert_eq!(again.code(), Code::NotFound);
}
