//! project-intelligence in a test suite (identity beside it, real gRPC, a manual clock):
//! users, projects and workspaces made through the RPCs, and counts read from the database.

#![allow(dead_code)] // each test binary uses some of these

use std::time::Duration;

use tessera_kit::clock::Clock;
use tessera_project_intelligence::Config;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::activity_service_client::ActivityServiceClient;
use tessera_proto::tessera::intelligence::v1::conversation_service_client::ConversationServiceClient;
use tessera_proto::tessera::intelligence::v1::env_var_export_service_client::EnvVarExportServiceClient;
use tessera_proto::tessera::intelligence::v1::env_var_service_client::EnvVarServiceClient;
use tessera_proto::tessera::intelligence::v1::project_service_client::ProjectServiceClient;
use tessera_proto::tessera::intelligence::v1::workspace_service_client::WorkspaceServiceClient;
use tessera_testkit::suite::RunningSuite;
use tessera_testkit::{TestSuite, authed};
use tonic::transport::Channel;

pub const NAME: &str = "project-intelligence";

pub struct Harness {
    pub suite: RunningSuite,
    pub clock: Clock,
    pub config: Config,
}

/// A signed-up user.
#[derive(Debug, Clone)]
pub struct User {
    pub id: String,
    pub token: String,
}

/// Fast sweeps, so expiry and rotation show within a test.
pub fn config() -> Config {
    Config {
        sweep_interval: Duration::from_millis(200),
        ..Config::default()
    }
}

impl Harness {
    pub async fn start() -> Self {
        let clock = Clock::manual();
        let config = config();
        let (for_service, on) = (config.clone(), clock.clone());
        let suite = TestSuite::new()
            .with(tessera_project_intelligence::SPEC, move |ctx| {
                tessera_project_intelligence::services_on(ctx, for_service, on)
            })
            .start()
            .await;
        Self {
            suite,
            clock,
            config,
        }
    }

    /// Starts project-intelligence again after `suite.stop_member(NAME)`.
    pub async fn restart_stopped(&mut self) {
        let (config, clock) = (self.config.clone(), self.clock.clone());
        self.suite
            .start_member(tessera_project_intelligence::SPEC, move |ctx| {
                tessera_project_intelligence::services_on(ctx, config, clock)
            })
            .await;
    }

    async fn channel(&self) -> Channel {
        self.suite.channel(NAME).await
    }

    pub async fn projects(&self) -> ProjectServiceClient<Channel> {
        ProjectServiceClient::new(self.channel().await)
    }

    pub async fn env_vars(&self) -> EnvVarServiceClient<Channel> {
        EnvVarServiceClient::new(self.channel().await)
    }

    pub async fn export(&self) -> EnvVarExportServiceClient<Channel> {
        EnvVarExportServiceClient::new(self.channel().await)
    }

    pub async fn workspaces(&self) -> WorkspaceServiceClient<Channel> {
        WorkspaceServiceClient::new(self.channel().await)
    }

    pub async fn activity(&self) -> ActivityServiceClient<Channel> {
        ActivityServiceClient::new(self.channel().await)
    }

    pub async fn conversations(&self) -> ConversationServiceClient<Channel> {
        ConversationServiceClient::new(self.channel().await)
    }

    pub async fn user(&self, name: &str) -> User {
        let (user, token) = self.suite.identity.sign_up(name).await;
        User { id: user.id, token }
    }

    pub async fn project(&self, user: &User, name: &str) -> pb::Project {
        self.projects()
            .await
            .create_project(authed(
                &user.token,
                pb::CreateProjectRequest {
                    project: Some(pb::Project {
                        name: name.into(),
                        ..Default::default()
                    }),
                    actor: pb::Actor::Cli as i32,
                },
            ))
            .await
            .expect("create project")
            .into_inner()
            .project
            .expect("project")
    }

    pub async fn workspace(&self, user: &User, project: &str, name: &str) -> pb::Workspace {
        self.workspaces()
            .await
            .create_workspace(authed(
                &user.token,
                pb::CreateWorkspaceRequest {
                    project_id: project.into(),
                    workspace: Some(pb::Workspace {
                        name: name.into(),
                        machine_id: "laptop".into(),
                        local_path: "/home/ada/code".into(),
                        ..Default::default()
                    }),
                    actor: pb::Actor::Cli as i32,
                },
            ))
            .await
            .expect("create workspace")
            .into_inner()
            .workspace
            .expect("workspace")
    }

    pub async fn count(&self, sql: &str) -> i64 {
        self.suite.identity.count(sql).await
    }

    /// Rows of every project table, to show that a refusal changed nothing.
    pub async fn rows(&self) -> Vec<i64> {
        let mut counts = Vec::new();
        for table in [
            "projects",
            "project_env_vars",
            "workspaces",
            "snapshots",
            "manifests",
            "drift_reports",
            "sync_previews",
            "activity_events",
            "conversations",
        ] {
            counts.push(
                self.count(&format!("SELECT count(*) FROM intelligence.{table}"))
                    .await,
            );
        }
        counts
    }

    /// A digest of every project table's content, to show that nothing changed at all.
    pub async fn fingerprint(&self) -> String {
        let client = self.suite.db().client().await;
        let mut out = String::new();
        for table in [
            "projects",
            "project_env_vars",
            "workspaces",
            "conversations",
            "activity_events",
        ] {
            let row = client
                .query_one(
                    &format!(
                        "SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM intelligence.{table} t"
                    ),
                    &[],
                )
                .await
                .expect("fingerprint");
            out.push_str(&row.get::<_, String>(0));
            out.push('#');
        }
        out
    }
}

/// Polls `sql` until it counts `expected` (about 10 s at most).
pub async fn eventually(h: &Harness, sql: &str, expected: i64) {
    for _ in 0..100 {
        if h.count(sql).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(h.count(sql).await, expected, "{sql}");
}
