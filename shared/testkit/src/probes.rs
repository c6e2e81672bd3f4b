//! Kubernetes' probes, exercised: the overlays are rendered with `kubectl kustomize`, each
//! container's startup, readiness and liveness probes are read (gRPC: port and service name;
//! exec: the binary's `probe` command, as the TLS overlay has them), checked against the port
//! the container listens on (`TESSERA_GRPC_PORT`, the `grpc` containerPort), and the real
//! binary is asked exactly what kubelet would ask, before and during a database outage. The binary runs on a free port standing in for the pod's own
//! network namespace: a fixed port shared with the rest of a parallel test run would race.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

use crate::TestDb;
use crate::binary::RunningBinary;
use crate::proxy::TcpProxy;

/// One probe: kubelet's gRPC probe (the port and the health service name it asks for), or an
/// exec probe (the command, the binary's own `probe` over TLS where the server serves TLS).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// `grpc: {port, service}`.
    Grpc {
        /// The container port.
        port: u16,
        /// The `grpc.health.v1` service name (`""` is the overall status).
        service: String,
    },
    /// `exec: {command}`.
    Exec {
        /// The command, image path first.
        command: Vec<String>,
    },
}

impl Probe {
    /// The health name the probe asks about (`""`: the server as a whole).
    pub fn service(&self) -> String {
        match self {
            Self::Grpc { service, .. } => service.clone(),
            Self::Exec { command } => command
                .iter()
                .position(|a| a == "--health")
                .and_then(|i| command.get(i + 1))
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// A container's probes and the port it listens on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probes {
    /// `TESSERA_GRPC_PORT` in the container's env, which the binary listens on.
    pub listen: u16,
    /// The containerPort named `grpc`.
    pub container_port: u16,
    /// `startupProbe`.
    pub startup: Probe,
    /// `readinessProbe`.
    pub readiness: Probe,
    /// `livenessProbe`.
    pub liveness: Probe,
}

/// Every document `kubectl kustomize` renders for `overlay`.
pub fn render(overlay: &str) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../deploy/k8s/overlays")
        .join(overlay);
    let output = Command::new("kubectl")
        .arg("kustomize")
        .arg(&dir)
        .output()
        .expect("kubectl is on the PATH");
    assert!(
        output.status.success(),
        "kubectl kustomize {}: {}",
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("utf-8");
    serde_yaml_ng::Deserializer::from_str(&text)
        .map(|doc| serde::Deserialize::deserialize(doc).expect("a YAML document"))
        .filter(|doc: &Value| !doc.is_null())
        .collect()
}

fn probe(container: &Value, name: &str) -> Probe {
    let spec = &container[name];
    if let Some(command) = spec["exec"]["command"].as_array() {
        return Probe::Exec {
            command: command
                .iter()
                .map(|a| a.as_str().expect("a string argument").to_owned())
                .collect(),
        };
    }
    let grpc = &spec["grpc"];
    Probe::Grpc {
        port: grpc["port"]
            .as_u64()
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or_else(|| panic!("{name} is neither a gRPC nor an exec probe: {container}")),
        service: grpc["service"].as_str().unwrap_or_default().to_owned(),
    }
}

/// The probes of the Deployment `deployment`'s first container in `docs`.
pub fn probes(docs: &[Value], deployment: &str) -> Probes {
    let found = docs
        .iter()
        .find(|d| d["kind"] == "Deployment" && d["metadata"]["name"] == deployment)
        .unwrap_or_else(|| panic!("no Deployment {deployment}"));
    let container = &found["spec"]["template"]["spec"]["containers"][0];
    let env_port = container["env"]
        .as_array()
        .and_then(|env| env.iter().find(|e| e["name"] == "TESSERA_GRPC_PORT"))
        .and_then(|e| e["value"].as_str())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{deployment} sets no TESSERA_GRPC_PORT: {container}"));
    let container_port = container["ports"]
        .as_array()
        .and_then(|ports| ports.iter().find(|p| p["name"] == "grpc"))
        .and_then(|p| p["containerPort"].as_u64())
        .and_then(|p| u16::try_from(p).ok())
        .unwrap_or_else(|| panic!("{deployment} has no containerPort named grpc: {container}"));
    Probes {
        listen: env_port,
        container_port,
        startup: probe(container, "startupProbe"),
        readiness: probe(container, "readinessProbe"),
        liveness: probe(container, "livenessProbe"),
    }
}

/// Where a probe runs: the binary (for exec probes) and the port it serves on here.
struct Target<'a> {
    path: &'a str,
    database_url: &'a str,
    port: u16,
}

/// What kubelet sees: a gRPC probe's status (`None` when the call fails), or an exec probe's
/// exit (0: SERVING, else NOT_SERVING), running the binary as the command does.
async fn ask(probe: &Probe, target: &Target<'_>) -> Option<ServingStatus> {
    match probe {
        Probe::Grpc { service, .. } => {
            let channel =
                tonic::transport::Channel::from_shared(format!("http://127.0.0.1:{}", target.port))
                    .ok()?
                    .connect_timeout(Duration::from_secs(1))
                    .timeout(Duration::from_secs(1))
                    .connect()
                    .await
                    .ok()?;
            let response = HealthClient::new(channel)
                .check(HealthCheckRequest {
                    service: service.clone(),
                })
                .await
                .ok()?;
            Some(response.into_inner().status())
        }
        Probe::Exec { command } => {
            let status = tokio::process::Command::new(target.path)
                .args(&command[1..])
                .env_clear()
                .env("DATABASE_URL", target.database_url)
                .env("TESSERA_GRPC_PORT", target.port.to_string())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .await
                .ok()?;
            Some(if status.success() {
                ServingStatus::Serving
            } else {
                ServingStatus::NotServing
            })
        }
    }
}

async fn until(
    probes: &[&Probe],
    target: &Target<'_>,
    status: ServingStatus,
    within: Duration,
    what: &str,
) {
    let deadline = Instant::now() + within;
    for probe in probes {
        loop {
            let seen = ask(probe, target).await;
            if seen == Some(status) {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: {probe:?} answered {seen:?}, not {status:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// Runs the binary at `path` as `deployment`'s manifests do and probes it exactly as kubelet
/// would: started and ready once migrated; during a database outage not ready but alive; ready
/// again afterwards.
pub async fn check_probes(path: &str, deployment: &str) {
    let dev = probes(&render("dev"), deployment);
    let prod = probes(&render("prod"), deployment);
    for overlay in [&dev, &prod] {
        assert_eq!(
            (overlay.container_port, overlay.listen),
            (dev.listen, dev.listen),
            "{deployment}: the grpc containerPort must be TESSERA_GRPC_PORT"
        );
        for probe in [&overlay.startup, &overlay.readiness, &overlay.liveness] {
            match probe {
                Probe::Grpc { port, .. } => assert_eq!(
                    *port, dev.listen,
                    "{deployment}: gRPC probes must name TESSERA_GRPC_PORT"
                ),
                Probe::Exec { command } => assert_eq!(
                    command[..2],
                    ["/usr/local/bin/tessera-service", "probe"],
                    "{deployment}: exec probes run the service binary's probe"
                ),
            }
        }
        // Both overlays ask the same questions: readiness the whole server, liveness the
        // process.
        assert_eq!(
            [&overlay.startup, &overlay.readiness, &overlay.liveness].map(Probe::service),
            ["", "", "liveness"].map(String::from),
            "{deployment}"
        );
    }
    let db = TestDb::new().await;
    let proxy = TcpProxy::for_database_url(db.url()).await;
    let url = proxy.rewrite_url(db.url());
    // In the pod the binary listens on `listen`, which the probes name (checked above).
    let port = crate::binary::free_port();
    let binary = RunningBinary::spawn_on(
        path,
        &url,
        &port.to_string(),
        &[
            ("TESSERA_DB_CONNECT_TIMEOUT", "1s"),
            ("TESSERA_DB_ROLE", &crate::db::service_role_of(deployment)),
        ],
    );
    let target = Target {
        path,
        database_url: &url,
        port,
    };
    let [startup, readiness, liveness] = [
        [&dev.startup, &prod.startup],
        [&dev.readiness, &prod.readiness],
        [&dev.liveness, &prod.liveness],
    ];
    let serving = ServingStatus::Serving;
    until(
        &startup,
        &target,
        serving,
        Duration::from_secs(30),
        "started",
    )
    .await;
    until(
        &readiness,
        &target,
        serving,
        Duration::from_secs(5),
        "ready",
    )
    .await;
    until(&liveness, &target, serving, Duration::from_secs(5), "alive").await;

    proxy.cut();
    let not_ready = "not ready during the outage";
    let down = ServingStatus::NotServing;
    until(
        &readiness,
        &target,
        down,
        Duration::from_secs(15),
        not_ready,
    )
    .await;
    for probe in liveness {
        assert_eq!(
            ask(probe, &target).await,
            Some(serving),
            "alive during the outage: kubelet must not restart the pod"
        );
    }
    proxy.restore().await;
    let again = "ready after the outage";
    until(&readiness, &target, serving, Duration::from_secs(15), again).await;
    binary.signal("TERM");
    let (code, stderr) = binary.wait(Duration::from_secs(10)).await;
    assert_eq!(code, Some(0), "{stderr}");
}
