"""Deployment checks: the rendered Kubernetes objects are valid, and manifests, Dockerfile and
binaries agree with each other.

Run by `make test` (after the Rust binaries are built): `pytest deploy/tests`.
"""

import os
import re
import subprocess
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {
    "identity": 50051,
    "vault-storage": 50052,
    "messaging": 50053,
    "project-intelligence": 50054,
}
KUBERNETES_VERSION = "1.31.0"


def render(overlay):
    out = subprocess.run(
        ["kubectl", "kustomize", str(ROOT / "deploy/k8s/overlays" / overlay)],
        check=True, capture_output=True, text=True,
    ).stdout
    return [doc for doc in yaml.safe_load_all(out) if doc]


def binary_env(service):
    """The environment variables a service binary reads, from its own --help."""
    binary = ROOT / "target/debug" / f"tessera-{service}"
    if not binary.exists():
        pytest.fail(f"{binary} is not built; run `cargo build --bins` first")
    help_text = subprocess.run([str(binary), "--help"], check=True, capture_output=True, text=True).stdout
    return set(re.findall(r"\[env: ([A-Z0-9_]+)", help_text)), help_text


@pytest.fixture(scope="module", params=["dev", "prod"])
def objects(request):
    return request.param, render(request.param)


# Custom resources kubernetes-validate has no schema for; checked by their own tests below.
CUSTOM_GROUPS = ("cert-manager.io/",)


def test_every_object_validates_against_the_kubernetes_schema(objects):
    overlay, docs = objects
    assert docs, f"{overlay} rendered nothing"
    for doc in docs:
        if doc["apiVersion"].startswith(CUSTOM_GROUPS):
            continue
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def deployments(docs):
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}


def test_every_service_has_deployment_service_pdb_and_policy(objects):
    overlay, docs = objects
    kinds = {(d["kind"], d["metadata"]["name"]) for d in docs}
    for service in SERVICES:
        for kind in ["Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy"]:
            assert (kind, service) in kinds, f"{overlay}: {kind} {service} missing"
        if overlay == "prod":
            assert ("HorizontalPodAutoscaler", service) in kinds


def test_env_matches_what_the_binaries_read(objects):
    overlay, docs = objects
    configmaps = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
    for name, deployment in deployments(docs).items():
        if name not in SERVICES:
            continue
        reads, help_text = binary_env(name)
        pod = deployment["spec"]["template"]["spec"]
        for container in pod["containers"] + pod.get("initContainers", []):
            names = {e["name"] for e in container.get("env", [])}
            for source in container.get("envFrom", []):
                names |= set(configmaps[source["configMapRef"]["name"]]["data"])
            unknown = names - reads
            assert not unknown, f"{overlay}/{name}/{container['name']} sets variables the binary ignores: {unknown}"
            assert "DATABASE_URL" in names, f"{overlay}/{name}/{container['name']} lacks the required DATABASE_URL"
        assert "--database-url <DATABASE_URL>" in help_text


def test_probes_ports_and_services_agree(objects):
    overlay, docs = objects
    services = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Service"}
    for name, port in SERVICES.items():
        pod = deployments(docs)[name]["spec"]["template"]["spec"]
        assert pod["terminationGracePeriodSeconds"] > 20, "longer than TESSERA_SHUTDOWN_GRACE"
        container = pod["containers"][0]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["TESSERA_GRPC_PORT"] == str(port)
        assert container["ports"][0]["containerPort"] == port
        if overlay == "prod":
            # TLS: exec probes run the binary's own TLS health check.
            for probe in ["startupProbe", "readinessProbe"]:
                assert container[probe]["exec"]["command"] == ["/usr/local/bin/tessera-service", "probe"]
            assert container["livenessProbe"]["exec"]["command"][-2:] == ["--health", "liveness"]
            assert all("grpc" not in container[p] for p in ["startupProbe", "readinessProbe", "livenessProbe"])
        else:
            for probe in ["startupProbe", "readinessProbe", "livenessProbe"]:
                assert container[probe]["grpc"]["port"] == port, f"{name} {probe} port"
            assert container["readinessProbe"]["grpc"]["service"] == ""
            assert container["livenessProbe"]["grpc"]["service"] == "liveness"
        assert pod["initContainers"][0]["args"] == ["migrate"]
        security = container["securityContext"]
        assert security["readOnlyRootFilesystem"] and not security["allowPrivilegeEscalation"]
        assert security["capabilities"]["drop"] == ["ALL"]
        assert pod["securityContext"]["runAsNonRoot"] and pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        svc_port = services[name]["spec"]["ports"][0]
        assert svc_port["name"] == "grpc" and svc_port["appProtocol"] == "grpc" and svc_port["port"] == port


def test_metrics_port_is_exposed_annotated_and_reachable(objects):
    _, docs = objects
    configmap = next(d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"].startswith("tessera-config"))
    port = int(configmap["data"]["TESSERA_METRICS_PORT"])
    services = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Service"}
    policies = {d["metadata"]["name"]: d for d in docs if d["kind"] == "NetworkPolicy"}
    for name in SERVICES:
        template = deployments(docs)[name]["spec"]["template"]
        annotations = template["metadata"]["annotations"]
        assert annotations["prometheus.io/scrape"] == "true" and annotations["prometheus.io/port"] == str(port)
        ports = {p["name"]: p["containerPort"] for p in template["spec"]["containers"][0]["ports"]}
        assert ports["metrics"] == port, name
        assert any(p["name"] == "metrics" and p["port"] == port for p in services[name]["spec"]["ports"])
        allowed = [p["port"] for rule in policies[name]["spec"]["ingress"] for p in rule["ports"]]
        assert port in allowed, f"{name}: the network policy lets no scraper in"


def test_network_policies_follow_the_call_graph(objects):
    _, docs = objects
    policies = {d["metadata"]["name"]: d for d in docs if d["kind"] == "NetworkPolicy"}
    callers = {}
    for name in SERVICES:
        for rule in policies[name]["spec"]["ingress"]:
            for peer in rule["from"]:
                caller = peer.get("podSelector", {}).get("matchLabels", {}).get("app.kubernetes.io/name")
                if caller:
                    callers.setdefault(name, set()).add(caller)
    assert callers == {
        "identity": {"vault-storage", "messaging", "project-intelligence"},
        "vault-storage": {"messaging", "project-intelligence"},
    }


def test_dockerfile_builds_the_named_service():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^ARG SERVICE$", dockerfile, re.M)
    assert 'cargo build --release --locked --bin "tessera-${SERVICE}"' in dockerfile
    assert 'cp "target/release/tessera-${SERVICE}" /tessera-service' in dockerfile
    assert re.search(r"^FROM gcr\.io/distroless/cc-debian12:nonroot", dockerfile, re.M)
    assert re.search(r"^USER 65532:65532$", dockerfile, re.M)
    assert 'ENTRYPOINT ["/usr/local/bin/tessera-service"]' in dockerfile
    for service in SERVICES:
        # The binary the build argument names exists in the workspace.
        manifest = (ROOT / "services" / service / "Cargo.toml").read_text()
        assert f'name = "tessera-{service}"' in manifest
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert "target/" in ignored and ".tessera/" in ignored


def test_compose_runs_every_service_as_its_role():
    compose = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())
    roles = {"identity": "tessera_identity", "vault-storage": "tessera_vault",
             "messaging": "tessera_messaging", "project-intelligence": "tessera_intelligence"}
    for service, port in SERVICES.items():
        spec = compose["services"][service]
        assert spec["build"]["args"]["SERVICE"] == service
        assert spec["environment"]["TESSERA_DB_ROLE"] == roles[service]
        assert spec["environment"]["TESSERA_GRPC_PORT"] == str(port)
        reads, _ = binary_env(service)
        assert set(spec["environment"]) <= reads


def test_prod_serves_and_calls_over_tls_with_renewed_certificates(objects):
    overlay, docs = objects
    if overlay != "prod":
        return
    certificates = {d["spec"]["secretName"]: d for d in docs if d["kind"] == "Certificate"}
    issuers = {d["metadata"]["name"] for d in docs if d["kind"] == "Issuer"}
    for name in SERVICES:
        pod = deployments(docs)[name]["spec"]["template"]["spec"]
        container = pod["containers"][0]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert env["TESSERA_TLS_CERT_FILE"] == "/tls/tls.crt" and env["TESSERA_TLS_KEY_FILE"] == "/tls/tls.key"
        assert env["TESSERA_TLS_CA_FILE"] == env["TESSERA_TLS_CLIENT_CA_FILE"] == "/tls/ca.crt"
        for key in ["TESSERA_IDENTITY_URL", "TESSERA_VAULT_STORAGE_URL"]:
            if key in env:
                assert env[key].startswith("https://"), f"{name}: {key} is plaintext"
        assert {"name": "tls", "mountPath": "/tls", "readOnly": True} in container["volumeMounts"]
        # The Secret volume, not a subPath mount: Kubernetes updates it in place on renewal.
        volume = next(v for v in pod["volumes"] if v["name"] == "tls")
        secret = volume["secret"]["secretName"]
        certificate = certificates[secret]["spec"]
        assert name in certificate["dnsNames"] and f"{name}.tessera.svc" in certificate["dnsNames"]
        assert set(certificate["usages"]) == {"server auth", "client auth"}
        assert certificate["issuerRef"]["name"] in issuers
        assert certificate["renewBefore"] and certificate["privateKey"]["rotationPolicy"] == "Always"


def test_every_schema_is_backed_up_daily_as_the_read_only_role(objects):
    _, docs = objects
    jobs = {d["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]["tessera.dev/schema"]: d
            for d in docs if d["kind"] == "CronJob"}
    assert set(jobs) == {"identity", "vault", "messaging", "intelligence"}
    configmaps = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
    claims = {d["metadata"]["name"] for d in docs if d["kind"] == "PersistentVolumeClaim"}
    schedules = set()
    for schema, job in jobs.items():
        spec = job["spec"]
        minute, hour, *rest = spec["schedule"].split()
        assert rest == ["*", "*", "*"], f"{schema}: daily"
        schedules.add((hour, minute))
        assert spec["concurrencyPolicy"] == "Forbid"
        pod = spec["jobTemplate"]["spec"]["template"]["spec"]
        container = pod["containers"][0]
        assert container["command"] == ["sh", "/scripts/backup.sh", schema]
        env = {e["name"]: e for e in container["env"]}
        assert env["DATABASE_URL"]["valueFrom"]["secretKeyRef"]["name"] == "tessera-db-backup"
        assert env["TESSERA_BACKUP_KEEP"]["value"] == "7"
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["backups"]["persistentVolumeClaim"]["claimName"] in claims
        script = configmaps[volumes["scripts"]["configMap"]["name"]]["data"]["backup.sh"]
        # The CronJobs run exactly the script `make backup` runs.
        assert script == (ROOT / "deploy/k8s/base/backup.sh").read_text()
    assert len(schedules) == 4, "staggered: one schema at a time on the one volume"
    roles = (ROOT / "deploy/k8s/base/roles.sql").read_text()
    assert "GRANT pg_read_all_data TO tessera_backup" in roles
    assert "ALTER ROLE tessera_backup SET default_transaction_read_only = on" in roles
