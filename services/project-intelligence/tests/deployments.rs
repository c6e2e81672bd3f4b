//! Deployments over gRPC: settings per workspace, one deployment in progress per workspace
//! (concurrent starts), outcomes, history newest first, and another user seeing none of it.

use crate::harness;

use harness::Harness;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_testkit::{authed, bad_fields};
use tonic::Code;

const SNAP: &str = "snap-01JF0000000000000000000001";

async fn with_snapshot(h: &Harness, project: &str, workspace: &str) {
    h.suite
        .db()
        .client()
        .await
        .batch_execute(&format!(
            "INSERT INTO intelligence.manifests (project_id, sha256, entry_count, total_size, byte_size, entries)
               VALUES ('{project}', decode(repeat('00', 32), 'hex'), 0, 0, 26, '\\x');
             INSERT INTO intelligence.snapshots (id, project_id, manifest_hash) VALUES ('{SNAP}', '{project}', decode(repeat('00', 32), 'hex'));
             UPDATE intelligence.workspaces SET current_snapshot_id = '{SNAP}' WHERE id = '{workspace}';"
        ))
        .await
        .expect("a snapshot");
}

#[tokio::test]
async fn a_workspace_deploys_one_snapshot_at_a_time_and_keeps_its_history() {
    let h = Harness::start().await;
    let ada = h.user("ada").await;
    let project = h.project(&ada, "p").await;
    let ws = h.workspace(&ada, &project.id, "main").await;
    let mut deploys = h.deployments().await;
    let defaults = deploys
        .get_deployment_settings(authed(
            &ada.token,
            pb::GetDeploymentSettingsRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("defaults")
        .into_inner()
        .settings
        .expect("settings");
    assert!(!defaults.auto_deploy && defaults.update_time.is_none());
    let put = deploys
        .put_deployment_settings(authed(
            &ada.token,
            pb::PutDeploymentSettingsRequest {
                settings: Some(pb::DeploymentSettings {
                    workspace_id: ws.id.clone(),
                    auto_deploy: true,
                    build_command: "cargo build --release".into(),
                    ..Default::default()
                }),
            },
        ))
        .await
        .expect("put")
        .into_inner()
        .settings
        .expect("settings");
    assert!(put.auto_deploy && put.update_time.is_some());
    let start = |trigger: pb::DeploymentTrigger| pb::StartDeploymentRequest {
        workspace_id: ws.id.clone(),
        snapshot_id: String::new(),
        trigger: trigger as i32,
    };
    let nothing = deploys
        .start_deployment(authed(&ada.token, start(pb::DeploymentTrigger::Manual)))
        .await
        .expect_err("no snapshot yet");
    assert_eq!(nothing.code(), Code::FailedPrecondition);
    with_snapshot(&h, &project.id, &ws.id).await;

    // Eight concurrent starts: one deploys.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let (client, token, request) = (
            h.deployments().await,
            ada.token.clone(),
            start(pb::DeploymentTrigger::Chat),
        );
        tasks.push(tokio::spawn(async move {
            let mut client = client;
            client
                .start_deployment(authed(&token, request))
                .await
                .map(|r| r.into_inner().deployment.expect("deployment"))
                .map_err(|s| s.code())
        }));
    }
    let mut started = Vec::new();
    for task in tasks {
        match task.await.expect("task") {
            Ok(d) => started.push(d),
            Err(code) => assert_eq!(code, Code::FailedPrecondition),
        }
    }
    assert_eq!(started.len(), 1);
    let first = started.remove(0);
    assert_eq!(
        (first.status, first.snapshot_id.as_str(), first.trigger),
        (
            pb::DeploymentStatus::Deploying as i32,
            SNAP,
            pb::DeploymentTrigger::Chat as i32
        )
    );
    let finish = |id: &str, status: pb::DeploymentStatus, url: &str, error: &str| {
        pb::FinishDeploymentRequest {
            deployment_id: id.into(),
            status: status as i32,
            url: url.into(),
            error: error.into(),
        }
    };
    let bad = deploys
        .finish_deployment(authed(
            &ada.token,
            finish(&first.id, pb::DeploymentStatus::Success, "ftp://x", ""),
        ))
        .await
        .expect_err("bad url");
    assert_eq!(bad_fields(&bad), ["url"]);
    let done = deploys
        .finish_deployment(authed(
            &ada.token,
            finish(
                &first.id,
                pb::DeploymentStatus::Success,
                "https://app.example.com",
                "",
            ),
        ))
        .await
        .expect("success")
        .into_inner()
        .deployment
        .expect("deployment");
    assert_eq!(
        (done.status, done.url.as_str()),
        (
            pb::DeploymentStatus::Success as i32,
            "https://app.example.com"
        )
    );
    assert!(done.complete_time.is_some());
    let again = deploys
        .finish_deployment(authed(
            &ada.token,
            finish(&first.id, pb::DeploymentStatus::Failed, "", "late"),
        ))
        .await
        .expect_err("ended");
    assert_eq!(again.code(), Code::FailedPrecondition);
    h.clock.advance(chrono::Duration::seconds(5));
    let second = deploys
        .start_deployment(authed(&ada.token, start(pb::DeploymentTrigger::Manual)))
        .await
        .expect("after the first ended")
        .into_inner()
        .deployment
        .expect("deployment");
    deploys
        .finish_deployment(authed(
            &ada.token,
            finish(&second.id, pb::DeploymentStatus::Failed, "", "build failed"),
        ))
        .await
        .expect("failed");
    let history = deploys
        .list_deployments(authed(
            &ada.token,
            pb::ListDeploymentsRequest {
                workspace_id: ws.id.clone(),
                page_size: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("history")
        .into_inner();
    assert_eq!(history.deployments[0].id, second.id, "most recent first");
    let rest = deploys
        .list_deployments(authed(
            &ada.token,
            pb::ListDeploymentsRequest {
                workspace_id: ws.id.clone(),
                page_size: 1,
                page_token: history.next_page_token,
                ..Default::default()
            },
        ))
        .await
        .expect("page 2")
        .into_inner();
    assert_eq!(rest.deployments[0].id, first.id);

    // Another user sees none of it; a snapshot of another project is not this one's.
    let eve = h.user("eve").await;
    let before = h.fingerprint().await;
    for result in [
        deploys
            .get_deployment(authed(
                &eve.token,
                pb::GetDeploymentRequest {
                    deployment_id: first.id.clone(),
                },
            ))
            .await
            .map(drop),
        deploys
            .get_deployment_settings(authed(
                &eve.token,
                pb::GetDeploymentSettingsRequest {
                    workspace_id: ws.id.clone(),
                },
            ))
            .await
            .map(drop),
        deploys
            .start_deployment(authed(&eve.token, start(pb::DeploymentTrigger::Manual)))
            .await
            .map(drop),
        deploys
            .finish_deployment(authed(
                &eve.token,
                finish(
                    &second.id,
                    pb::DeploymentStatus::Success,
                    "https://x.example",
                    "",
                ),
            ))
            .await
            .map(drop),
        deploys
            .list_deployments(authed(
                &eve.token,
                pb::ListDeploymentsRequest {
                    project_id: project.id.clone(),
                    ..Default::default()
                },
            ))
            .await
            .map(drop),
        deploys
            .put_deployment_settings(authed(
                &eve.token,
                pb::PutDeploymentSettingsRequest {
                    settings: Some(pb::DeploymentSettings {
                        workspace_id: ws.id.clone(),
                        ..Default::default()
                    }),
                },
            ))
            .await
            .map(drop),
    ] {
        assert_eq!(result.expect_err("eve").code(), Code::NotFound);
    }
    assert_eq!(h.fingerprint().await, before, "eve's calls changed nothing");
    let other = h.project(&ada, "other").await;
    let other_ws = h.workspace(&ada, &other.id, "main").await;
    let foreign = deploys
        .start_deployment(authed(
            &ada.token,
            pb::StartDeploymentRequest {
                workspace_id: other_ws.id.clone(),
                snapshot_id: SNAP.into(),
                trigger: 0,
            },
        ))
        .await
        .expect_err("another project's snapshot");
    assert_eq!(foreign.code(), Code::NotFound);
    // Deleting the workspace keeps the history, unattributed.
    h.workspaces()
        .await
        .delete_workspace(authed(
            &ada.token,
            pb::DeleteWorkspaceRequest {
                workspace_id: ws.id.clone(),
            },
        ))
        .await
        .expect("delete workspace");
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.deployments WHERE workspace_id IS NULL")
            .await,
        2
    );
    assert_eq!(
        h.count("SELECT count(*) FROM intelligence.deployment_settings")
            .await,
        0
    );
}
