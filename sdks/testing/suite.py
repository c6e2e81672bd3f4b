"""The real Tessera suite for the SDK tests: the four service binaries on free ports of
127.0.0.1, against a fresh database on $DATABASE_URL's server (which `make test` provides).

Python tests use `Suite` directly. Other languages run this file and drive it over stdin:
it prints one JSON line describing the suite (addresses and credentials), then answers each
command line (`stop <service>`, `kill <service>`, `start <service>`) with `ok` once done, and
tears everything down at end of input.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import grpc

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("identity", "vault-storage", "messaging", "project-intelligence")
# The health request for the whole server (`service` empty) and the SERVING answer, encoded by
# hand so the harness needs no generated code of its own.
_HEALTH_REQUEST = b""
_SERVING = b"\x08\x01"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _psql(url: str, sql: str) -> None:
    subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def _serving(address: str) -> bool:
    with grpc.insecure_channel(address) as channel:
        check = channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=lambda b: b,
            response_deserializer=lambda b: b,
        )
        try:
            return bool(check(_HEALTH_REQUEST, timeout=1) == _SERVING)
        except grpc.RpcError:
            return False


class Suite:
    """The four services, each a real process; `stop` (or `kill`) and `start` one to test
    reconnects."""

    def __init__(self, database: str | None = None, key_ring: str | None = None) -> None:
        """A fresh database, or the existing `database` on the same server (kept at close);
        `key_ring` (TESSERA_KEY_RING) must be given again to read secrets sealed earlier."""
        server = os.environ.get("DATABASE_URL")
        if not server:
            raise RuntimeError("DATABASE_URL must name a PostgreSQL server (make test sets it)")
        self._binaries = Path(os.environ.get("TESSERA_BINARIES", ROOT / "target/debug"))
        self._server = server
        self._owns_database = database is None
        self.database = database or f"sdk_{secrets.token_hex(6)}"
        if self._owns_database:
            _psql(server, f"CREATE DATABASE {self.database}")
        self.database_url = _with_database(server, self.database)
        self.key_ring = key_ring or "sdk1:" + base64.b64encode(secrets.token_bytes(32)).decode()
        self._dir = Path(tempfile.mkdtemp(prefix="tessera-sdk-"))
        (self._dir / "volumes").mkdir()
        self.service_token = "tsvc_sdk_" + secrets.token_hex(16)
        self.operator_token = "topr_sdk_" + secrets.token_hex(16)
        self.volume_root = str(self._dir / "volumes")
        self.ports = {name: _free_port() for name in SERVICES}
        self._processes: dict[str, subprocess.Popen[bytes]] = {}
        self._logs: dict[str, Any] = {}
        try:
            for name in SERVICES:
                self.start(name)
        except BaseException:
            self.close()
            raise

    def address(self, service: str) -> str:
        return f"127.0.0.1:{self.ports[service]}"

    def describe(self) -> dict[str, Any]:
        return {
            "addresses": {name: self.address(name) for name in SERVICES},
            "service_token": self.service_token,
            "operator_token": self.operator_token,
            "volume_root": self.volume_root,
        }

    def _env(self, service: str) -> dict[str, str]:
        token_hash = hashlib.sha256(self.service_token.encode()).hexdigest()
        operator_hash = hashlib.sha256(self.operator_token.encode()).hexdigest()
        env = {
            "PATH": os.environ.get("PATH", ""),
            "DATABASE_URL": self.database_url,
            "TESSERA_GRPC_HOST": "127.0.0.1",
            "TESSERA_GRPC_PORT": str(self.ports[service]),
            "TESSERA_SHUTDOWN_GRACE": "2s",
            "RUST_LOG": "warn",
            "TESSERA_KEY_RING": self.key_ring,
        }
        if service == "identity":
            env["TESSERA_INTERNAL_CREDENTIALS"] = ",".join(
                f"{name}:{token_hash}" for name in ("sdk", *SERVICES[1:])
            )
        else:
            env["TESSERA_IDENTITY_URL"] = f"http://{self.address('identity')}"
            env["TESSERA_SERVICE_TOKEN"] = self.service_token
        if service == "vault-storage":
            env["TESSERA_OPERATOR_CREDENTIALS"] = f"sdk:{operator_hash}"
            env["TESSERA_INTERNAL_CREDENTIALS"] = (
                f"messaging:{token_hash},project-intelligence:{token_hash}"
            )
            env["TESSERA_STORAGE_LOCAL_ROOTS"] = self.volume_root
        if service in ("messaging", "project-intelligence"):
            env["TESSERA_VAULT_STORAGE_URL"] = f"http://{self.address('vault-storage')}"
        if service == "project-intelligence":
            env["TESSERA_EMBEDDER"] = "hashing"
        return env

    def start(self, service: str, timeout: float = 60.0) -> None:
        """Starts `service` on its port and waits until it is SERVING."""
        if service in self._processes:
            raise RuntimeError(f"{service} is already running")
        log = open(self._dir / f"{service}.log", "ab")
        self._logs[service] = log
        self._processes[service] = subprocess.Popen(
            [str(self._binaries / f"tessera-{service}")],
            env=self._env(service),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + timeout
        while not _serving(self.address(service)):
            if self._processes[service].poll() is not None:
                raise RuntimeError(f"{service} exited: {self.log(service)}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"{service} not SERVING after {timeout}s: {self.log(service)}")
            time.sleep(0.1)

    def running(self, service: str) -> bool:
        return service in self._processes

    def stop(self, service: str) -> None:
        """Stops `service` (SIGTERM, then SIGKILL after 10 s) and waits for it to exit."""
        process = self._processes.pop(service)
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        self._logs.pop(service).close()

    def kill(self, service: str) -> None:
        """Kills `service` (SIGKILL: a crash, nothing drained) and waits for it to exit."""
        process = self._processes.pop(service)
        process.kill()
        process.wait()
        self._logs.pop(service).close()

    def log(self, service: str) -> str:
        return (self._dir / f"{service}.log").read_text(errors="replace")[-4000:]

    def close(self) -> None:
        for service in list(self._processes):
            self.stop(service)
        shutil.rmtree(self._dir, ignore_errors=True)
        if self._owns_database:
            _psql(self._server, f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")


def main() -> int:
    suite = Suite()
    try:
        print(json.dumps(suite.describe()), flush=True)
        for line in sys.stdin:
            command, _, service = line.strip().partition(" ")
            try:
                if command == "stop":
                    suite.stop(service)
                elif command == "kill":
                    suite.kill(service)
                elif command == "start":
                    suite.start(service)
                else:
                    raise ValueError(f"unknown command {line.strip()!r}")
                print("ok", flush=True)
            except Exception as err:  # the driving test reads the reason
                print(f"error {err}", flush=True)
    finally:
        suite.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
