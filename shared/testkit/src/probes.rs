//! Kubernetes' probes, exercised: the overlays are rendered with `kubectl kustomize`, each
//! container's startup, readiness and liveness probes are read (port and gRPC service name),
//! checked against the port the container listens on (`TESSERA_GRPC_PORT`, the `grpc`
//! containerPort), and the real binary is asked exactly what kubelet would ask, before and
//! during a database outage. The binary runs on a free port standing in for the pod's own
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

/// One gRPC probe: the port and the health service name kubelet asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// The container port.
    pub port: u16,
    /// The `grpc.health.v1` service name (`""` is the overall status).
    pub service: String,
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
    let grpc = &container[name]["grpc"];
    Probe {
        port: grpc["port"]
            .as_u64()
            .and_then(|p| u16::try_from(p).ok())
            .unwrap_or_else(|| panic!("{name} has no gRPC port: {container}")),
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

/// What kubelet's gRPC probe sees at `port` (the probe's port, mapped to where the binary
/// runs): the status, or `None` when the call fails.
async fn ask(probe: &Probe, port: u16) -> Option<ServingStatus> {
    let channel = tonic::transport::Channel::from_shared(format!("http://127.0.0.1:{port}"))
        .ok()?
        .connect_timeout(Duration::from_secs(1))
        .timeout(Duration::from_secs(1))
        .connect()
        .await
        .ok()?;
    let response = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: probe.service.clone(),
        })
        .await
        .ok()?;
    Some(response.into_inner().status())
}

async fn until(probe: &Probe, port: u16, status: ServingStatus, within: Duration, what: &str) {
    let deadline = Instant::now() + within;
    loop {
        let seen = ask(probe, port).await;
        if seen == Some(status) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{what}: {probe:?} answered {seen:?}, not {status:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs the binary at `path` as `deployment`'s manifests do and probes it exactly as kubelet
/// would: started and ready once migrated; during a database outage not ready but alive; ready
/// again afterwards.
pub async fn check_probes(path: &str, deployment: &str) {
    let dev = probes(&render("dev"), deployment);
    let prod = probes(&render("prod"), deployment);
    assert_eq!(dev, prod, "both overlays probe {deployment} the same way");
    for probe in [&dev.startup, &dev.readiness, &dev.liveness] {
        assert_eq!(
            (probe.port, dev.container_port),
            (dev.listen, dev.listen),
            "{deployment}: probes and the grpc containerPort must name TESSERA_GRPC_PORT"
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
    until(
        &dev.startup,
        port,
        ServingStatus::Serving,
        Duration::from_secs(30),
        "started",
    )
    .await;
    until(
        &dev.readiness,
        port,
        ServingStatus::Serving,
        Duration::from_secs(5),
        "ready",
    )
    .await;
    until(
        &dev.liveness,
        port,
        ServingStatus::Serving,
        Duration::from_secs(5),
        "alive",
    )
    .await;

    proxy.cut();
    until(
        &dev.readiness,
        port,
        ServingStatus::NotServing,
        Duration::from_secs(15),
        "not ready during the outage",
    )
    .await;
    assert_eq!(
        ask(&dev.liveness, port).await,
        Some(ServingStatus::Serving),
        "alive during the outage: kubelet must not restart the pod"
    );
    proxy.restore().await;
    until(
        &dev.readiness,
        port,
        ServingStatus::Serving,
        Duration::from_secs(15),
        "ready after the outage",
    )
    .await;
    binary.signal("TERM");
    let (code, stderr) = binary.wait(Duration::from_secs(10)).await;
    assert_eq!(code, Some(0), "{stderr}");
}
