"""Backups restore: data made through the real services is backed up by `make backup`'s
script as the read-only backup role, restored by `make restore`'s script into a fresh
database, and the services started on it serve it; backups past the retention are deleted.

Run by `make test` (scripts/live-tests.sh) with DATABASE_URL naming a PostgreSQL server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
import uuid
from pathlib import Path

from tessera import Tessera
from tessera.identity.v1 import sign_in_pb2, users_pb2
from tessera.intelligence.v1 import env_vars_pb2, projects_pb2

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "sdks/testing"))
from suite import SERVICES, Suite  # noqa: E402

PASSWORD = "correct horse battery staple"
SCHEMAS = ["identity", "vault", "messaging", "intelligence"]


def addresses(suite: Suite) -> dict[str, str]:
    return {
        "identity": suite.address("identity"),
        "vault_storage": suite.address("vault-storage"),
        "messaging": suite.address("messaging"),
        "project_intelligence": suite.address("project-intelligence"),
    }


def run(script: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def psql(url: str, sql: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql], capture_output=True, text=True)


def test_a_backup_restores_into_a_database_the_services_serve(tmp_path: Path) -> None:
    server = os.environ["DATABASE_URL"]
    original = Suite()
    email = f"backup-{uuid.uuid4().hex[:10]}@example.com"
    restored_db = f"restored_{uuid.uuid4().hex[:10]}"
    try:
        with Tessera(**addresses(original)) as anonymous:
            token = anonymous.identity.account.CreateAccount(
                users_pb2.CreateAccountRequest(email=email, password=PASSWORD)
            ).session.token
        with Tessera(**addresses(original), token=token) as owner:
            project = owner.project_intelligence.project.CreateProject(
                projects_pb2.CreateProjectRequest(project=projects_pb2.Project(name="kept"))
            ).project
            owner.project_intelligence.env_var.SetEnvVar(
                env_vars_pb2.SetEnvVarRequest(
                    project_id=project.id,
                    env_var=env_vars_pb2.EnvVar(key="API_KEY", value="sealed-value", is_secret=True),
                )
            )
        # roles.sql gives the database its backup role (the private cluster's scripts apply it
        # themselves; this database is the suite's own).
        subprocess.run(
            ["psql", original.database_url, "-q", "-v", "ON_ERROR_STOP=1", "-f",
             str(ROOT / "deploy/k8s/base/roles.sql")],
            check=True, capture_output=True,
        )
        backups = tmp_path / "backups"
        # Eight older backups of identity: with the new one, the two oldest pass the retention.
        (backups / "identity").mkdir(parents=True)
        old = [backups / "identity" / f"identity-2026010{day}T000000Z.dump" for day in range(1, 9)]
        for path in old:
            path.write_bytes(b"an older backup")
        run("backup.sh", {"TESSERA_BACKUP_DB": original.database, "TESSERA_BACKUP_DIR": str(backups)})
        for schema in SCHEMAS:
            taken = sorted((backups / schema).glob(f"{schema}-*.dump"))
            assert taken, f"no backup of {schema}"
        kept = sorted(p.name for p in (backups / "identity").iterdir())
        assert len(kept) == 7, kept
        assert not old[0].exists() and not old[1].exists(), "backups past the retention are deleted"
        assert old[2].exists()

        # The backup role reads and never writes.
        parts = urllib.parse.urlsplit(original.database_url)
        backup_role = urllib.parse.urlunsplit(
            parts._replace(netloc=f"tessera_backup@{parts.hostname}:{parts.port}")
        )
        assert psql(backup_role, "SELECT count(*) FROM identity.users").returncode == 0
        refused = psql(backup_role, "DELETE FROM identity.users")
        assert refused.returncode != 0 and "read-only" in refused.stderr, refused.stderr

        # Restore the newest backups (not the fakes) into a fresh database.
        newest = sorted((backups / "vault").glob("vault-*.dump"))[-1].name
        stamp = newest.removeprefix("vault-").removesuffix(".dump")
        run("restore.sh", {"TESSERA_RESTORE_DB": restored_db, "TESSERA_BACKUP_DIR": str(backups)}, stamp)
    finally:
        original.close()

    # The services, started on the restored database with the same key ring, serve the data.
    restored = Suite(database=restored_db, key_ring=original.key_ring)
    try:
        with Tessera(**addresses(restored)) as anonymous:
            session = anonymous.identity.sign_in.SignInWithPassword(
                sign_in_pb2.SignInWithPasswordRequest(identifier=email, password=PASSWORD)
            ).session
        with Tessera(**addresses(restored), token=session.token) as owner:
            projects = owner.project_intelligence.project.ListProjects(projects_pb2.ListProjectsRequest())
            assert [p.name for p in projects.projects] == ["kept"]
            revealed = owner.project_intelligence.env_var.RevealEnvVar(
                env_vars_pb2.RevealEnvVarRequest(project_id=projects.projects[0].id, key="API_KEY")
            )
            assert revealed.env_var.value == "sealed-value"
        assert all(restored.running(service) for service in SERVICES)
    finally:
        restored.close()
        subprocess.run(["psql", server, "-qc", f"DROP DATABASE IF EXISTS {restored_db} WITH (FORCE)"])


def test_restore_never_overwrites_an_existing_database(tmp_path: Path) -> None:
    server = os.environ["DATABASE_URL"]
    existing = server.rsplit("/", 1)[0] + "/postgres"
    assert psql(existing, "SELECT 1").returncode == 0
    for schema in SCHEMAS:
        (tmp_path / schema).mkdir()
        (tmp_path / schema / f"{schema}-20260101T000000Z.dump").write_bytes(b"x")
    done = subprocess.run(
        [str(ROOT / "scripts/restore.sh")],
        env={**os.environ, "TESSERA_RESTORE_DB": "postgres", "TESSERA_BACKUP_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0 and "exists" in done.stderr, done.stderr

