"""The real suite for the SDK tests (sdks/testing/suite.py) and helpers shared by them."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tessera import Tessera
from tessera.identity.v1 import users_pb2

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "testing"))
from suite import Suite  # noqa: E402

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def suite() -> Iterator[Suite]:
    running = Suite()
    yield running
    running.close()


def addresses(suite: Suite) -> dict[str, Any]:
    """Tessera's keyword arguments for the suite's four services."""
    return {
        "identity": suite.address("identity"),
        "vault_storage": suite.address("vault-storage"),
        "messaging": suite.address("messaging"),
        "project_intelligence": suite.address("project-intelligence"),
    }


@pytest.fixture
def anonymous(suite: Suite) -> Iterator[Tessera]:
    with Tessera(**addresses(suite)) as client:
        yield client


def unique_email(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:12]}@example.com"


def sign_up(client: Tessera, name: str) -> tuple[users_pb2.User, str]:
    """A new account and its session token."""
    created = client.identity.account.CreateAccount(
        users_pb2.CreateAccountRequest(email=unique_email(name), password=PASSWORD)
    )
    return created.user, created.session.token
