//! The fuzz walk: every method of the four services, called over real gRPC with hostile
//! requests built from the descriptor set (see `tessera_testkit::fuzz`), as a signed-in user,
//! a service or the operator, whichever the method takes. No answer may be a server fault
//! (INTERNAL, UNKNOWN, DATA_LOSS the client did not cause), carry SQL, a path, a decoder's or a
//! stack's text, or trailers over 8 KiB; no service may panic, log an error or such text at
//! warning level, or stop serving.
//!
//! Deterministic: `TESSERA_FUZZ_SEED` picks the random mixes (printed), `TESSERA_FUZZ_MIXES`
//! how many per method (default 4). To repeat it with more:
//! `TESSERA_FUZZ_MIXES=50 cargo nextest run -p tessera-testkit -E 'test(fuzz::)'`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::StreamExt;
use rand::SeedableRng;
use tessera_kit::auth::Access;
use tessera_kit::auth::layer::Requirement;
use tessera_proto::tessera::intelligence::v1 as ipb;
use tessera_proto::tessera::intelligence::v1::project_service_client::ProjectServiceClient;
use tessera_testkit::fuzz::{self, Known};
use tessera_testkit::grpc::{call_messages, list_services};
use tessera_testkit::suite::{OPERATOR_TOKEN, RunningSuite, service_token};
use tessera_testkit::{TestSuite, authed};
use tonic::transport::Channel;

/// Requests in flight at once per method.
const CONCURRENCY: usize = 16;

pub(crate) struct Walk {
    pub suite: RunningSuite,
    pub root: std::path::PathBuf,
}

impl Walk {
    /// Each service's name, channel and access policy.
    pub async fn servers(&self) -> Vec<(&'static str, Channel, Access)> {
        vec![
            (
                "identity",
                self.suite.identity.channel.clone(),
                tessera_identity::ACCESS,
            ),
            (
                "vault-storage",
                self.suite.channel("vault-storage").await,
                tessera_vault_storage::ACCESS,
            ),
            (
                "messaging",
                self.suite.channel("messaging").await,
                tessera_messaging::ACCESS,
            ),
            (
                "project-intelligence",
                self.suite.channel("project-intelligence").await,
                tessera_project_intelligence::ACCESS,
            ),
        ]
    }
}

impl Drop for Walk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// The four services on one database, wired as in production: vault-storage with its vault,
/// blob and media volumes, messaging and project-intelligence calling it.
pub(crate) async fn start() -> Walk {
    let root = std::env::temp_dir().join(format!("fuzz-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&root).expect("root");
    let root = root.canonicalize().expect("root");
    let vault_config = tessera_vault_storage::config::Config {
        local_roots: tessera_vault_storage::config::Roots(vec![root.clone()]),
        vault_volume: "vault".into(),
        blob_volume: "blobs".into(),
        ..Default::default()
    };
    let mut suite = TestSuite::new()
        .with(tessera_vault_storage::SPEC, move |ctx| {
            tessera_vault_storage::services(ctx, vault_config)
        })
        .later(tessera_messaging::SPEC.name)
        .later(tessera_project_intelligence::SPEC.name)
        .start()
        .await;
    for name in ["vault", "blobs"] {
        tessera_testkit::vault::local_volume(&suite, name, &root.join(name)).await;
    }
    let media = tessera_testkit::vault::local_volume(&suite, "media", &root.join("media")).await;
    let vault_url = suite.service("vault-storage").uri();
    let messaging = tessera_messaging::Config {
        vault_storage_url: Some(vault_url.clone()),
        media_volume: Some(media),
        ..Default::default()
    };
    suite
        .start_member(tessera_messaging::SPEC, move |ctx| {
            tessera_messaging::services(ctx, messaging)
        })
        .await;
    let intelligence = tessera_project_intelligence::Config {
        vault_storage_url: Some(vault_url),
        embedder: "hashing".into(),
        ..Default::default()
    };
    suite
        .start_member(tessera_project_intelligence::SPEC, move |ctx| {
            tessera_project_intelligence::services(ctx, intelligence)
        })
        .await;
    Walk { suite, root }
}

/// Real resources the plausible requests name: a volume without a byte limit, a project and
/// workspace, a pending vault file of one 4-byte chunk, a forum group and thread.
pub(crate) async fn known(walk: &Walk, user_id: &str, token: &str) -> Known {
    use tessera_proto::tessera::intelligence::v1::workspace_service_client::WorkspaceServiceClient;
    use tessera_proto::tessera::messaging::v1 as mpb;
    use tessera_proto::tessera::messaging::v1::group_service_client::GroupServiceClient;
    use tessera_proto::tessera::messaging::v1::thread_service_client::ThreadServiceClient;
    use tessera_proto::tessera::vault::v1 as vpb;
    use tessera_proto::tessera::vault::v1::vault_service_client::VaultServiceClient;
    let mut known = Known::default();
    known.set("user_id", user_id);
    let open =
        tessera_testkit::vault::local_volume(&walk.suite, "open", &walk.root.join("open")).await;
    known.set("volume_id", open);
    known.set(
        "local_path",
        walk.root.join("elsewhere").display().to_string(),
    );
    let project = ProjectServiceClient::new(walk.suite.channel("project-intelligence").await)
        .create_project(authed(
            token,
            ipb::CreateProjectRequest {
                project: Some(ipb::Project {
                    name: "fuzzed".into(),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ))
        .await
        .expect("a project")
        .into_inner()
        .project
        .expect("the project");
    let workspace = WorkspaceServiceClient::new(walk.suite.channel("project-intelligence").await)
        .create_workspace(authed(
            token,
            ipb::CreateWorkspaceRequest {
                project_id: project.id.clone(),
                workspace: Some(ipb::Workspace {
                    name: "fuzzed".into(),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ))
        .await
        .expect("a workspace")
        .into_inner()
        .workspace
        .expect("the workspace");
    known.set("project_id", project.id);
    known.set("workspace_id", workspace.id);
    let mut vault = VaultServiceClient::new(walk.suite.channel("vault-storage").await);
    vault
        .init_vault(authed(
            token,
            vpb::InitVaultRequest {
                salt: vec![9; 16].into(),
                encrypted_master_key: vec![9; 32].into(),
                metadata_blob: Default::default(),
            },
        ))
        .await
        .expect("a vault");
    let file = vault
        .create_file(authed(
            token,
            vpb::CreateFileRequest {
                encrypted_key: vec![9; 32].into(),
                size: 4,
                chunk_count: 1,
                ..Default::default()
            },
        ))
        .await
        .expect("a vault file")
        .into_inner()
        .file
        .expect("the file");
    known.set("file_id", file.id);
    let group = GroupServiceClient::new(walk.suite.channel("messaging").await)
        .create_group(authed(
            token,
            mpb::CreateGroupRequest {
                encrypted_name: b"name".to_vec(),
                encrypted_group_key: vec![9; 32],
            },
        ))
        .await
        .expect("a group")
        .into_inner()
        .group
        .expect("the group");
    let thread = ThreadServiceClient::new(walk.suite.channel("messaging").await)
        .create_thread(authed(
            token,
            mpb::CreateThreadRequest {
                group_id: group.id.clone(),
                encrypted_title: b"title".to_vec(),
                encrypted_body: b"body".to_vec(),
                key_epoch: group.key_epoch,
            },
        ))
        .await
        .expect("a thread")
        .into_inner()
        .thread
        .expect("the thread");
    known.set("group_id", group.id);
    known.set("thread_id", thread.id);
    known
}

/// Whether every service still answers health checks with SERVING.
async fn all_serving(channels: &[(&str, Channel)]) -> Result<(), String> {
    use tonic_health::pb::HealthCheckRequest;
    use tonic_health::pb::health_client::HealthClient;
    for (name, channel) in channels {
        let mut request = tonic::Request::new(HealthCheckRequest {
            service: String::new(),
        });
        request.set_timeout(Duration::from_secs(10));
        let status = HealthClient::new(channel.clone())
            .check(request)
            .await
            .map(|r| r.into_inner().status);
        if !matches!(status, Ok(1)) {
            return Err(format!("{name} stopped serving: {status:?}"));
        }
    }
    Ok(())
}

#[tokio::test]
async fn hostile_requests_to_every_method_get_clean_answers() {
    let logs = tessera_testkit::logs::LogCapture::install("warn");
    let panics = Arc::new(AtomicUsize::new(0));
    let counted = panics.clone();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        counted.fetch_add(1, Ordering::SeqCst);
        previous(info);
    }));
    let seed: u64 = std::env::var("TESSERA_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    let mixes: usize = std::env::var("TESSERA_FUZZ_MIXES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    eprintln!("fuzz walk: seed {seed} (TESSERA_FUZZ_SEED), {mixes} mixes per method");
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);

    let walk = start().await;
    let (user, token) = walk.suite.identity.sign_up("fuzzer").await;
    let known = known(&walk, &user.id, &token).await;
    let user = format!("Bearer {token}");
    let service = format!("Bearer {}", service_token("messaging"));
    let operator = format!("Bearer {OPERATOR_TOKEN}");
    let servers = walk.servers().await;
    let channels: Vec<(&str, Channel)> = servers.iter().map(|(n, c, _)| (*n, c.clone())).collect();
    let pool = fuzz::pool();
    let methods = fuzz::methods(&pool);
    let (mut sent, mut codes, mut failures) = (0usize, BTreeMap::new(), Vec::new());
    let mut walked = 0;
    for (server, channel, access) in &servers {
        let listed = list_services(channel.clone()).await;
        for method in methods.iter().filter(|m| listed.contains(&m.service)) {
            walked += 1;
            // identity's methods may end the session they run in (sign-out, revocation,
            // account deletion): each runs as a user of its own.
            let (own, known) = match *server {
                "identity" => {
                    let (fresh, token) =
                        walk.suite.identity.sign_up(&format!("fuzz{walked}")).await;
                    let mut known = known.clone();
                    known.set("user_id", fresh.id);
                    (format!("Bearer {token}"), known)
                }
                _ => (user.clone(), known.clone()),
            };
            let credential = match access.requirement(&method.service, &method.name) {
                Requirement::Public => None,
                Requirement::Service => Some(service.as_str()),
                Requirement::Operator => Some(operator.as_str()),
                Requirement::User | Requirement::Open | Requirement::Nothing => Some(own.as_str()),
            };
            let cases = fuzz::cases(method, &known, &mut rng, mixes);
            sent += cases.len();
            let path = method.path();
            let answers: Vec<(String, tonic::Status)> = futures::stream::iter(cases)
                .map(|case| {
                    let (channel, path) = (channel.clone(), path.clone());
                    async move {
                        let status = call_messages(
                            channel,
                            &path,
                            method.shape,
                            case.messages,
                            credential,
                            Duration::from_secs(20),
                        )
                        .await;
                        (case.label, status)
                    }
                })
                .buffer_unordered(CONCURRENCY)
                .collect()
                .await;
            for (label, status) in answers {
                *codes
                    .entry(format!("{:?}", status.code()))
                    .or_insert(0usize) += 1;
                if std::env::var("TESSERA_FUZZ_SHOW")
                    .is_ok_and(|c| c == format!("{:?}", status.code()))
                {
                    eprintln!("{path} [{label}]: {}", status.message());
                }
                if let Some(problem) = fuzz::problem(&status) {
                    failures.push(format!("{server} {path} [{label}]: {problem}"));
                }
            }
            if let Err(stopped) = all_serving(&channels).await {
                failures.push(format!("after {path}: {stopped}"));
                break;
            }
        }
    }
    eprintln!("fuzz walk: {walked} methods, {sent} distinct requests; answers by code: {codes:?}");
    // What the services logged (warnings and errors) may carry no more than their answers.
    for line in logs.text().lines() {
        if let Some(leak) = fuzz::leak(line).or(line.contains(" ERROR ").then_some("an error")) {
            failures.push(format!("a log line carries {leak:?}: {line}"));
        }
    }
    assert!(walked > 150, "the walk reached {walked} methods");
    let panicked = panics.load(Ordering::SeqCst);
    for failure in failures.iter().take(60) {
        eprintln!("FAIL {failure}");
    }
    assert!(
        failures.is_empty() && panicked == 0,
        "{} bad answers and {panicked} panics (seed {seed}); the first are printed above",
        failures.len()
    );
}
