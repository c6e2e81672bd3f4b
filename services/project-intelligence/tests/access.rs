//! Only a project's owner may use it: every RPC, called with another user's token on ada's
//! project and what is under it, is NOT_FOUND and changes nothing. An account deletion in
//! identity removes the user's projects.

use crate::harness;

use harness::{Harness, eventually};
use prost_types::FieldMask;
use tessera_proto::tessera::identity::v1 as id_pb;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{PASSWORD, authed};
use tonic::Code;

fn mask(path: &str) -> Option<FieldMask> {
    Some(FieldMask {
        paths: vec![path.into()],
    })
}

#[tokio::test]
async fn every_rpc_on_another_users_project_is_not_found_and_changes_nothing() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let eve = h.user("eve").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let conversation = h
        .conversations()
        .await
        .create_conversation(authed(
            &ada.token,
            pb::CreateConversationRequest {
                workspace_id: ws.id.clone(),
                title: "t".into(),
            },
        ))
        .await
        .expect("conversation")
        .into_inner()
        .conversation
        .expect("conversation");
    h.env_vars()
        .await
        .set_env_var(authed(
            &ada.token,
            pb::SetEnvVarRequest {
                project_id: project.id.clone(),
                env_var: Some(pb::EnvVar {
                    key: "K".into(),
                    value: "v".into(),
                    is_secret: true,
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("env var");
    let before = h.fingerprint().await;
    let (p, w, c, t) = (
        project.id.clone(),
        ws.id.clone(),
        conversation.id.clone(),
        eve.token.clone(),
    );
    let (mut projects, mut vars, mut spaces, mut activity, mut chats) = (
        h.projects().await,
        h.env_vars().await,
        h.workspaces().await,
        h.activity().await,
        h.conversations().await,
    );
    let results: Vec<(&str, Result<(), tonic::Status>)> = vec![
        (
            "GetProject",
            projects
                .get_project(authed(
                    &t,
                    pb::GetProjectRequest {
                        project_id: p.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "UpdateProject",
            projects
                .update_project(authed(
                    &t,
                    pb::UpdateProjectRequest {
                        project: Some(pb::Project {
                            id: p.clone(),
                            name: "mine".into(),
                            ..Default::default()
                        }),
                        update_mask: mask("name"),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "DeleteProject",
            projects
                .delete_project(authed(
                    &t,
                    pb::DeleteProjectRequest {
                        project_id: p.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "SetEnvVar",
            vars.set_env_var(authed(
                &t,
                pb::SetEnvVarRequest {
                    project_id: p.clone(),
                    env_var: Some(pb::EnvVar {
                        key: "K".into(),
                        value: "x".into(),
                        ..Default::default()
                    }),
                },
            ))
            .await
            .map(drop),
        ),
        (
            "ListEnvVars",
            vars.list_env_vars(authed(
                &t,
                pb::ListEnvVarsRequest {
                    project_id: p.clone(),
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
        ),
        (
            "RevealEnvVar",
            vars.reveal_env_var(authed(
                &t,
                pb::RevealEnvVarRequest {
                    project_id: p.clone(),
                    key: "K".into(),
                },
            ))
            .await
            .map(drop),
        ),
        (
            "DeleteEnvVar",
            vars.delete_env_var(authed(
                &t,
                pb::DeleteEnvVarRequest {
                    project_id: p.clone(),
                    key: "K".into(),
                },
            ))
            .await
            .map(drop),
        ),
        (
            "CreateWorkspace",
            spaces
                .create_workspace(authed(
                    &t,
                    pb::CreateWorkspaceRequest {
                        project_id: p.clone(),
                        workspace: Some(pb::Workspace {
                            name: "w".into(),
                            ..Default::default()
                        }),
                        actor: 0,
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "GetWorkspace",
            spaces
                .get_workspace(authed(
                    &t,
                    pb::GetWorkspaceRequest {
                        workspace_id: w.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ListWorkspaces",
            spaces
                .list_workspaces(authed(
                    &t,
                    pb::ListWorkspacesRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "UpdateWorkspace",
            spaces
                .update_workspace(authed(
                    &t,
                    pb::UpdateWorkspaceRequest {
                        workspace: Some(pb::Workspace {
                            id: w.clone(),
                            version: 1,
                            name: "mine".into(),
                            ..Default::default()
                        }),
                        update_mask: mask("name"),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "Heartbeat",
            spaces
                .heartbeat(authed(
                    &t,
                    pb::HeartbeatRequest {
                        workspace_id: w.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "DeleteWorkspace",
            spaces
                .delete_workspace(authed(
                    &t,
                    pb::DeleteWorkspaceRequest {
                        workspace_id: w.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ListActivity",
            activity
                .list_activity(authed(
                    &t,
                    pb::ListActivityRequest {
                        project_id: p.clone(),
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "CreateConversation",
            chats
                .create_conversation(authed(
                    &t,
                    pb::CreateConversationRequest {
                        workspace_id: w.clone(),
                        title: String::new(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "GetConversation",
            chats
                .get_conversation(authed(
                    &t,
                    pb::GetConversationRequest {
                        conversation_id: c.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "ListConversations",
            chats
                .list_conversations(authed(
                    &t,
                    pb::ListConversationsRequest {
                        workspace_id: w.clone(),
                        ..Default::default()
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "UpdateConversation",
            chats
                .update_conversation(authed(
                    &t,
                    pb::UpdateConversationRequest {
                        conversation: Some(pb::Conversation {
                            id: c.clone(),
                            title: "mine".into(),
                            ..Default::default()
                        }),
                        update_mask: mask("title"),
                    },
                ))
                .await
                .map(drop),
        ),
        (
            "DeleteConversation",
            chats
                .delete_conversation(authed(
                    &t,
                    pb::DeleteConversationRequest {
                        conversation_id: c.clone(),
                    },
                ))
                .await
                .map(drop),
        ),
    ];
    for (rpc, result) in results {
        let status = result.expect_err(rpc);
        assert_eq!(status.code(), Code::NotFound, "{rpc}: {status:?}");
    }
    assert_eq!(h.fingerprint().await, before);
    // eve's own list shows nothing of ada's.
    let listed = projects
        .list_projects(authed(&t, pb::ListProjectsRequest::default()))
        .await
        .expect("list")
        .into_inner()
        .projects;
    assert!(listed.is_empty());
}

#[tokio::test]
async fn a_deleted_account_loses_its_projects_and_a_replay_changes_nothing() {
    let mut h = Harness::start().await;
    let ada = h.user("ada").await;
    let bob = h.user("bob").await;
    for user in [&ada, &bob] {
        let project = h.project(user, "p").await;
        let ws = h.workspace(user, &project.id, "main").await;
        h.conversations()
            .await
            .create_conversation(authed(
                &user.token,
                pb::CreateConversationRequest {
                    workspace_id: ws.id.clone(),
                    title: "t".into(),
                },
            ))
            .await
            .expect("conversation");
    }
    h.suite
        .identity
        .accounts()
        .delete_account(authed(
            &ada.token,
            id_pb::DeleteAccountRequest {
                password: PASSWORD.into(),
            },
        ))
        .await
        .expect("delete ada");
    eventually(
        &h,
        &format!(
            "SELECT count(*) FROM intelligence.projects WHERE owner_user_id = '{}'",
            ada.id
        ),
        0,
    )
    .await;
    assert_eq!(
        h.rows().await,
        [
            1, 0, 1, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        ]
    );
    // A replay of the same event (the stored cursor rewound, the service restarted) finds
    // nothing to do.
    h.suite.stop_member(harness::NAME).await;
    h.suite
        .db()
        .client()
        .await
        .batch_execute(
            "UPDATE intelligence.consumer_cursors SET cursor = 0 WHERE consumer = 'account-purge'",
        )
        .await
        .expect("rewind");
    h.restart_stopped().await;
    eventually(
        &h,
        "SELECT (cursor > 0)::int::bigint FROM intelligence.consumer_cursors WHERE consumer = 'account-purge'",
        1,
    )
    .await;
    assert_eq!(
        h.rows().await,
        [
            1, 0, 1, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        ]
    );
}
