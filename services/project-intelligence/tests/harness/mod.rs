//! project-intelligence in a test suite (identity beside it, real gRPC, a manual clock):
//! users, projects and workspaces made through the RPCs, and counts read from the database.

use std::path::PathBuf;
use std::time::Duration;

use tessera_kit::clock::Clock;
use tessera_project_intelligence::Config;
use tessera_proto::tessera::intelligence::v1 as pb;
use tessera_proto::tessera::intelligence::v1::action_item_service_client::ActionItemServiceClient;
use tessera_proto::tessera::intelligence::v1::action_run_service_client::ActionRunServiceClient;
use tessera_proto::tessera::intelligence::v1::activity_service_client::ActivityServiceClient;
use tessera_proto::tessera::intelligence::v1::atlas_search_service_client::AtlasSearchServiceClient;
use tessera_proto::tessera::intelligence::v1::atlas_service_client::AtlasServiceClient;
use tessera_proto::tessera::intelligence::v1::conversation_service_client::ConversationServiceClient;
use tessera_proto::tessera::intelligence::v1::decision_service_client::DecisionServiceClient;
use tessera_proto::tessera::intelligence::v1::deployment_service_client::DeploymentServiceClient;
use tessera_proto::tessera::intelligence::v1::drift_service_client::DriftServiceClient;
use tessera_proto::tessera::intelligence::v1::env_var_export_service_client::EnvVarExportServiceClient;
use tessera_proto::tessera::intelligence::v1::env_var_service_client::EnvVarServiceClient;
use tessera_proto::tessera::intelligence::v1::infrastructure_service_client::InfrastructureServiceClient;
use tessera_proto::tessera::intelligence::v1::next_step_service_client::NextStepServiceClient;
use tessera_proto::tessera::intelligence::v1::project_service_client::ProjectServiceClient;
use tessera_proto::tessera::intelligence::v1::snapshot_service_client::SnapshotServiceClient;
use tessera_proto::tessera::intelligence::v1::workspace_service_client::WorkspaceServiceClient;
use tessera_proto::tessera::vault::v1 as vpb;
use tessera_proto::tessera::vault::v1::blob_service_client::BlobServiceClient;
use tessera_testkit::proxy::TcpProxy;
use tessera_testkit::suite::RunningSuite;
use tessera_testkit::{TestSuite, authed};
use tonic::Status;
use tonic::transport::Channel;

pub const NAME: &str = "project-intelligence";

pub struct Harness {
    pub suite: RunningSuite,
    pub clock: Clock,
    pub config: Config,
    /// With vault-storage: project-intelligence reaches it through this (cut it to make
    /// vault-storage unreachable), and its local volume's directory.
    pub vault: Option<(TcpProxy, PathBuf)>,
}

impl Drop for Harness {
    fn drop(&mut self) {
        if let Some((_, root)) = &self.vault {
            let _ = std::fs::remove_dir_all(root);
        }
    }
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
        lease_sweep_interval: Duration::from_millis(100),
        embedder: "hashing".into(),
        ..Config::default()
    }
}

impl Harness {
    pub async fn start() -> Self {
        Self::start_with(config(), Clock::manual()).await
    }

    /// project-intelligence with `config` on `clock` (the system clock for real-time queues).
    pub async fn start_with(config: Config, clock: Clock) -> Self {
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
            vault: None,
        }
    }

    /// With the real vault-storage beside it (a local blob volume under a fresh directory).
    pub async fn with_vault() -> Self {
        let root = std::env::temp_dir().join(format!("intel-test-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&root).expect("root");
        let root = root.canonicalize().expect("root");
        let vault_config = tessera_vault_storage::config::Config {
            local_roots: tessera_vault_storage::config::Roots(vec![root.clone()]),
            blob_volume: "blobs".into(),
            ..tessera_vault_storage::config::Config::default()
        };
        let mut suite = TestSuite::new()
            .with(tessera_vault_storage::SPEC, move |ctx| {
                tessera_vault_storage::services(ctx, vault_config)
            })
            .later(NAME)
            .start()
            .await;
        blob_volume(&suite, &root).await;
        let vault_addr = suite
            .service("vault-storage")
            .uri()
            .trim_start_matches("http://")
            .parse()
            .expect("vault-storage's address");
        let link = TcpProxy::start(vault_addr).await;
        let mut config = config();
        config.vault_storage_url = Some(format!("http://{}", link.addr()));
        let clock = Clock::manual();
        let (for_service, on) = (config.clone(), clock.clone());
        suite
            .start_member(tessera_project_intelligence::SPEC, move |ctx| {
                tessera_project_intelligence::services_on(ctx, for_service, on)
            })
            .await;
        Self {
            suite,
            clock,
            config,
            vault: Some((link, root)),
        }
    }

    /// vault-storage's BlobService, as users call it.
    pub async fn blob_service(&self) -> BlobServiceClient<Channel> {
        BlobServiceClient::new(self.suite.channel("vault-storage").await)
    }

    pub async fn drift(&self) -> DriftServiceClient<Channel> {
        DriftServiceClient::new(self.channel().await)
    }

    pub async fn snapshots(&self) -> SnapshotServiceClient<Channel> {
        SnapshotServiceClient::new(self.channel().await)
    }

    /// Uploads `contents` as `user`'s blobs in vault-storage.
    pub async fn upload(&self, user: &User, contents: &[&[u8]]) {
        let items = contents
            .iter()
            .map(|c| vpb::batch_update_blobs_request::Item {
                digest: Some(vault_digest(c)),
                data: c.to_vec().into(),
            })
            .collect();
        let results = self
            .blob_service()
            .await
            .batch_update_blobs(authed(
                &user.token,
                vpb::BatchUpdateBlobsRequest {
                    user_id: String::new(),
                    items,
                },
            ))
            .await
            .expect("upload")
            .into_inner()
            .results;
        assert!(
            results
                .iter()
                .all(|r| r.status.as_ref().is_some_and(|s| s.code == 0))
        );
    }

    /// Pushes `manifest` from `workspace` at `version` under `request_id`.
    pub async fn push(
        &self,
        user: &User,
        workspace: &str,
        version: i64,
        manifest: &[u8],
        request_id: &str,
        parents: &[&str],
    ) -> Result<pb::CreateSnapshotResponse, Status> {
        let spec = pb::SnapshotSpec {
            request_id: request_id.into(),
            workspace_id: workspace.into(),
            workspace_version: version,
            parent_snapshot_ids: parents.iter().map(|p| p.to_string()).collect(),
            source: pb::Actor::Cli as i32,
            manifest_sha256: tessera_manifest::sha256(manifest).to_vec(),
            manifest_size: manifest.len() as i64,
        };
        let mut messages = vec![pb::CreateSnapshotRequest {
            message: Some(pb::create_snapshot_request::Message::Spec(spec)),
        }];
        for chunk in manifest.chunks(1 << 20) {
            messages.push(pb::CreateSnapshotRequest {
                message: Some(pb::create_snapshot_request::Message::Chunk(chunk.to_vec())),
            });
        }
        self.snapshots()
            .await
            .create_snapshot(authed(&user.token, futures::stream::iter(messages)))
            .await
            .map(|r| r.into_inner())
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

    pub async fn next_steps(&self) -> NextStepServiceClient<Channel> {
        NextStepServiceClient::new(self.channel().await)
    }

    pub async fn decisions(&self) -> DecisionServiceClient<Channel> {
        DecisionServiceClient::new(self.channel().await)
    }

    pub async fn action_items(&self) -> ActionItemServiceClient<Channel> {
        ActionItemServiceClient::new(self.channel().await)
    }

    pub async fn atlas(&self) -> AtlasServiceClient<Channel> {
        AtlasServiceClient::new(self.channel().await)
    }

    pub async fn atlas_search(&self) -> AtlasSearchServiceClient<Channel> {
        AtlasSearchServiceClient::new(self.channel().await)
    }

    pub async fn infrastructure(&self) -> InfrastructureServiceClient<Channel> {
        InfrastructureServiceClient::new(self.channel().await)
    }

    pub async fn deployments(&self) -> DeploymentServiceClient<Channel> {
        DeploymentServiceClient::new(self.channel().await)
    }

    /// The worker side (call it with `tessera_testkit::SERVICE_TOKEN`).
    pub async fn runs(&self) -> ActionRunServiceClient<Channel> {
        ActionRunServiceClient::new(self.channel().await)
    }

    /// A user ("ada") with a project, its workspace and an action item in it.
    pub async fn owner_with_item(&self) -> (User, pb::Workspace, pb::ActionItem) {
        let ada = self.user("ada").await;
        let project = self.project(&ada, "Atlas").await;
        let space = self.workspace(&ada, &project.id, "main").await;
        let item = self
            .action_item(&ada, &space.id, "SQL injection in login")
            .await;
        (ada, space, item)
    }

    /// A new action item in `workspace`.
    pub async fn action_item(&self, user: &User, workspace: &str, title: &str) -> pb::ActionItem {
        self.action_items()
            .await
            .create_action_item(authed(
                &user.token,
                pb::CreateActionItemRequest {
                    workspace_id: workspace.into(),
                    action_item: Some(pb::ActionItem {
                        r#type: pb::ActionItemType::Security as i32,
                        title: title.into(),
                        affected_files: vec!["src/auth.rs".into()],
                        ..Default::default()
                    }),
                },
            ))
            .await
            .expect("create action item")
            .into_inner()
            .action_item
            .expect("action item")
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
            "next_steps",
            "project_decisions",
            "action_items",
            "action_item_runs",
            "refactoring_suggestions",
            "atlas_concepts",
            "atlas_edges",
            "atlas_decision_links",
            "atlas_diagrams",
            "atlas_chunks",
            "atlas_embeddings",
            "provider_credentials",
            "infrastructure_resources",
            "deployment_settings",
            "deployments",
        ] {
            counts.push(
                self.count(&format!("SELECT count(*) FROM intelligence.{table}"))
                    .await,
            );
        }
        counts
    }

    /// A digest of every project table's content, to show that nothing changed at all.
    pub async fn fingerprint(&self) -> std::collections::BTreeMap<String, String> {
        // Every table's rows but the event consumer's cursor, which moves by itself.
        self.suite
            .db()
            .fingerprint("intelligence", &["consumer_cursors"])
            .await
    }
}

/// Polls `sql` until it counts `expected` (about 10 s at most).
pub async fn eventually(h: &Harness, sql: &str, expected: i64) {
    eventually_within(h, sql, expected, Duration::from_secs(10)).await;
}

/// Polls `sql` until it counts `expected`, for at most `limit`.
pub async fn eventually_within(h: &Harness, sql: &str, expected: i64, limit: Duration) {
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if h.count(sql).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(h.count(sql).await, expected, "{sql}");
}

/// A blob's digest as vault-storage names it.
pub fn vault_digest(content: &[u8]) -> vpb::Digest {
    vpb::Digest {
        sha256: tessera_manifest::hex(&tessera_manifest::sha256(content)),
        size_bytes: content.len() as i64,
    }
}

/// A file entry of `content` at `path`.
pub fn file(path: &str, content: &[u8]) -> tessera_manifest::Entry {
    tessera_manifest::Entry {
        path: path.into(),
        kind: tessera_manifest::Kind::File,
        sha256: tessera_manifest::sha256(content),
        size: content.len() as i64,
    }
}

/// The canonical bytes of a manifest of `entries` (sorted here).
pub fn manifest(mut entries: Vec<tessera_manifest::Entry>) -> Vec<u8> {
    entries.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    tessera_manifest::Manifest::from_entries(entries)
        .expect("a valid manifest")
        .to_canonical()
}

/// The operator makes the blob volume, named as vault-storage's TESSERA_BLOB_VOLUME says.
async fn blob_volume(suite: &RunningSuite, root: &std::path::Path) {
    tessera_testkit::vault::local_volume(suite, "blobs", &root.join("blobs")).await;
}
