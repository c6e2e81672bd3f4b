//! Runs a real service binary as a child process, as Kubernetes or `make run` would.

use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::process::{Child, Command};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// A running service process. Killed if dropped while still running.
#[derive(Debug)]
pub struct RunningBinary {
    child: Child,
    port: u16,
}

/// A port that was free a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("finding a free port")
}

impl RunningBinary {
    /// Starts `path` on a free port against `database_url`, with `extra` environment.
    pub fn spawn(path: &str, database_url: &str, extra: &[(&str, &str)]) -> Self {
        Self::spawn_on(path, database_url, &free_port().to_string(), extra)
    }

    /// Starts `path` on `port` of 127.0.0.1 against `database_url`, with `extra` environment.
    pub fn spawn_on(path: &str, database_url: &str, port: &str, extra: &[(&str, &str)]) -> Self {
        let port: u16 = port.parse().expect("a port number");
        let mut command = Command::new(path);
        command
            .env_clear()
            .env("DATABASE_URL", database_url)
            .env("TESSERA_GRPC_HOST", "127.0.0.1")
            .env("TESSERA_GRPC_PORT", port.to_string())
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for (key, value) in extra {
            command.env(key, value);
        }
        let child = command.spawn().expect("starting the service binary");
        Self { child, port }
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Polls health until SERVING; panics after `timeout`.
    pub async fn wait_serving(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(channel) = tonic::transport::Channel::from_shared(self.uri())
                .expect("uri")
                .connect()
                .await
            {
                let status = HealthClient::new(channel)
                    .check(HealthCheckRequest {
                        service: String::new(),
                    })
                    .await
                    .map(|r| r.into_inner().status());
                if let Ok(ServingStatus::Serving) = status {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "the binary did not become SERVING within {timeout:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Sends a signal (`TERM`, `INT`, ...) with `kill`.
    pub fn signal(&self, name: &str) {
        let pid = self.child.id().expect("the child is running");
        let status = std::process::Command::new("kill")
            .args([format!("-{name}"), pid.to_string()])
            .status()
            .expect("running kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Waits for the process to exit; returns its exit code and what it wrote to stderr.
    pub async fn wait(mut self, timeout: Duration) -> (Option<i32>, String) {
        let status = tokio::time::timeout(timeout, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("the binary did not exit within {timeout:?}"))
            .expect("waiting for the binary");
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            use tokio::io::AsyncReadExt;
            let _ = pipe.read_to_string(&mut stderr).await;
        }
        (status.code(), stderr)
    }
}

/// The lifecycle every service binary must honour, checked on the real process: it migrates an
/// empty database and becomes SERVING, lists its APIs through reflection, and on SIGTERM during
/// a stream of calls lets them finish and exits 0 within the grace period.
pub async fn check_lifecycle(path: &str, package: &str) {
    // Every service of the binary's package in the descriptor set must be served.
    let mut expected_services: Vec<String> = crate::grpc::tessera_methods()
        .into_iter()
        .map(|(service, ..)| service)
        .filter(|service| {
            service
                .strip_prefix(package)
                .is_some_and(|s| s.starts_with('.'))
        })
        .collect();
    expected_services.dedup();
    assert!(
        expected_services.len() >= 2,
        "{package} names the binary's services: {expected_services:?}"
    );
    let db = crate::TestDb::empty().await;
    let binary = RunningBinary::spawn(path, db.url(), &[("TESSERA_SHUTDOWN_GRACE", "5s")]);
    binary.wait_serving(Duration::from_secs(30)).await;

    let channel = tonic::transport::Channel::from_shared(binary.uri())
        .expect("uri")
        .connect()
        .await
        .expect("connect");
    let listed = crate::grpc::list_services(channel.clone()).await;
    let standard = [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
    ];
    for name in expected_services.iter().map(String::as_str).chain(standard) {
        assert!(
            listed.iter().any(|l| l == name),
            "{name} missing from reflection: {listed:?}"
        );
    }

    // Calls keep flowing until the server refuses them (none may hang or fail otherwise);
    // SIGTERM comes once every caller has been served, in the middle of the stream of calls.
    use std::sync::atomic::{AtomicU32, Ordering};
    let served: std::sync::Arc<[AtomicU32; 4]> = std::sync::Arc::new(Default::default());
    let callers: Vec<_> = (0..4)
        .map(|caller| {
            let (channel, served) = (channel.clone(), served.clone());
            tokio::spawn(async move {
                let mut client = HealthClient::new(channel);
                let mut ok = 0u32;
                loop {
                    let mut request = tonic::Request::new(HealthCheckRequest {
                        service: String::new(),
                    });
                    request.set_timeout(Duration::from_secs(5));
                    match client.check(request).await {
                        Ok(_) => {
                            ok += 1;
                            served[caller].fetch_add(1, Ordering::SeqCst);
                        }
                        Err(status) => {
                            assert!(
                                matches!(
                                    status.code(),
                                    tonic::Code::Unavailable
                                        | tonic::Code::Cancelled
                                        | tonic::Code::Unknown
                                ),
                                "unexpected failure during shutdown: {status:?}"
                            );
                            return ok;
                        }
                    }
                    tokio::time::sleep(Duration::from_millis(5)).await;
                }
            })
        })
        .collect();
    crate::observe::eventually("every caller served", Duration::from_secs(10), || async {
        served.iter().all(|n| n.load(Ordering::SeqCst) > 0)
    })
    .await;
    binary.signal("TERM");
    let (code, stderr) = binary.wait(Duration::from_secs(10)).await;
    assert_eq!(code, Some(0), "exit status after SIGTERM; stderr: {stderr}");
    for caller in callers {
        // Each caller ended on the refusal of a server that stopped, none hung.
        let ok = tokio::time::timeout(Duration::from_secs(10), caller)
            .await
            .expect("the caller ended with the server")
            .expect("caller task");
        assert!(ok > 0, "each caller was served before shutdown");
    }

    let ledger: i64 = db
        .client()
        .await
        .query_one("SELECT count(*) FROM pg_namespace WHERE nspname <> 'public' AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'", &[])
        .await
        .expect("schemas")
        .get(0);
    assert_eq!(ledger, 1, "the binary created exactly its own schema");
}

/// Bad configuration stops the binary at once with one line naming the setting.
pub async fn check_bad_configuration(path: &str) {
    let db = crate::TestDb::new().await;
    let binary = RunningBinary::spawn(path, db.url(), &[("TESSERA_GRPC_PORT", "not-a-port")]);
    let (code, stderr) = binary.wait(Duration::from_secs(10)).await;
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains("TESSERA_GRPC_PORT"), "{stderr}");

    let unreachable = format!("postgres://tessera:hunter2@127.0.0.1:{}/none", free_port());
    let binary = RunningBinary::spawn(path, &unreachable, &[("TESSERA_DB_STARTUP_TIMEOUT", "1s")]);
    let (code, stderr) = binary.wait(Duration::from_secs(15)).await;
    assert_eq!(code, Some(1), "{stderr}");
    let last = stderr.trim().lines().last().unwrap_or_default();
    assert!(last.contains("DATABASE_URL"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "the password leaked: {stderr}");
}

/// `migrate` applies the schema's migrations to an empty database and exits 0; a second run
/// finds nothing to do.
pub async fn check_migrate_subcommand(path: &str, schema: &str) {
    let db = crate::TestDb::empty().await;
    for _ in 0..2 {
        let status = Command::new(path)
            .arg("migrate")
            .env_clear()
            .env("DATABASE_URL", db.url())
            .env("RUST_LOG", "warn")
            .status()
            .await
            .expect("running migrate");
        assert!(status.success(), "migrate failed: {status}");
    }
    let applied: i64 = db
        .client()
        .await
        .query_one(
            &format!("SELECT count(*) FROM \"{schema}\".__diesel_schema_migrations"),
            &[],
        )
        .await
        .expect("ledger")
        .get(0);
    assert!(applied >= 1);
}

/// The tests every service binary must pass: lifecycle (its package's services listed by
/// reflection), configuration errors, and the `migrate` subcommand of its schema.
/// `binary_tests!(env!("CARGO_BIN_EXE_tessera-x"), "schema", "tessera.x.v1");`: every
/// service of the package in the descriptor set must be listed by the binary's reflection.
#[macro_export]
macro_rules! binary_tests {
    ($binary:expr, $schema:literal, $package:literal) => {
        #[tokio::test]
        async fn starts_serves_and_drains_on_sigterm() {
            $crate::binary::check_lifecycle($binary, $package).await;
        }

        #[tokio::test]
        async fn bad_configuration_fails_fast_naming_the_setting() {
            $crate::binary::check_bad_configuration($binary).await;
        }

        #[tokio::test]
        async fn migrate_subcommand_applies_the_schema() {
            $crate::binary::check_migrate_subcommand($binary, $schema).await;
        }

        #[tokio::test]
        async fn kubernetes_probes_answer_as_the_manifests_expect() {
            let deployment = $binary
                .rsplit('/')
                .next()
                .and_then(|name| name.strip_prefix("tessera-"))
                .expect("a tessera-<service> binary");
            $crate::probes::check_probes($binary, deployment).await;
        }
    };
}

/// Another service's binary from this build (`tessera-identity`, ...), beside the test
/// binaries' folder: a test of one service that needs another's real process.
pub fn sibling(name: &str) -> String {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/<test> -> target/<profile>/<name>
    let path = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|profile| profile.join(name))
        .expect("the build folder");
    assert!(
        path.is_file(),
        "{} is not built: build every binary first (cargo build --bins)",
        path.display()
    );
    path.display().to_string()
}
