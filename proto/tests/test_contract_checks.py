"""`make lint`'s contract checks catch what they are there for: `buf breaking` against the
released contracts (released.binpb) refuses a renumbered field and a removed RPC, and
`buf lint` (COMMENTS) refuses an undocumented field. Each runs on a copy of proto/."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

PROTO = Path(__file__).resolve().parents[1]
BUF = PROTO.parent / ".tools/node_modules/.bin/buf"
USERS = "tessera/identity/v1/users.proto"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "proto"
    shutil.copytree(PROTO, target, ignore=shutil.ignore_patterns("tests", "__pycache__"))
    return target


def buf(proto: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BUF), *args], cwd=proto, capture_output=True, text=True)


def edit(proto: Path, old: str, new: str) -> None:
    path = proto / USERS
    text = path.read_text()
    assert old in text, f"{old!r} is not in {USERS}"
    path.write_text(text.replace(old, new, 1))


def test_the_unchanged_contracts_pass(copy: Path) -> None:
    assert buf(copy, "breaking", "--against", "released.binpb").returncode == 0
    assert buf(copy, "lint").returncode == 0


def test_a_renumbered_field_is_breaking(copy: Path) -> None:
    edit(copy, "  string display_name = 4;\n  // An https URL", "  string display_name = 40;\n  // An https URL")
    result = buf(copy, "breaking", "--against", "released.binpb")
    assert result.returncode != 0
    assert 'field "4" with name "display_name" on message "User"' in result.stdout


def test_a_removed_rpc_is_breaking(copy: Path) -> None:
    edit(
        copy,
        "  rpc LookupUser(LookupUserRequest) returns (LookupUserResponse) {\n"
        "    option idempotency_level = NO_SIDE_EFFECTS;\n  }\n",
        "",
    )
    result = buf(copy, "breaking", "--against", "released.binpb")
    assert result.returncode != 0
    assert "LookupUser" in result.stdout + result.stderr


def test_an_undocumented_field_fails_lint(copy: Path) -> None:
    edit(copy, "  // Free text, at most 100 characters.\n", "")
    result = buf(copy, "lint")
    assert result.returncode != 0
    assert "display_name" in result.stdout and "comment" in result.stdout
