"""The main flow of vault-storage, messaging and project-intelligence through the SDK."""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from pathlib import Path

import pytest
from conftest import Suite, addresses, sign_up
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tessera import Tessera
from tessera.errors import DataLoss, NotFound
from tessera.files import download_file, upload_file
from tessera.intelligence.v1 import env_vars_pb2, projects_pb2
from tessera.messaging.v1 import chats_pb2, devices_pb2, messages_pb2
from tessera.vault.v1 import files_pb2, storage_admin_pb2


def local_volume(suite: Suite, name: str) -> str:
    """An active local volume, created by the suite's operator."""
    folder = Path(suite.volume_root).resolve() / name
    folder.mkdir()
    with Tessera(**addresses(suite), token=suite.operator_token) as operator:
        admin = operator.vault_storage.storage_admin
        backend = admin.CreateBackend(
            storage_admin_pb2.CreateBackendRequest(
                backend=storage_admin_pb2.Backend(
                    local_path=storage_admin_pb2.LocalPath(path=str(folder))
                )
            )
        ).backend
        return admin.CreateVolume(
            storage_admin_pb2.CreateVolumeRequest(
                volume=storage_admin_pb2.Volume(name=name, backend_id=backend.id, is_active=True)
            )
        ).volume.id


def test_a_file_goes_up_and_comes_back_checked(anonymous: Tessera, suite: Suite) -> None:
    volume = local_volume(suite, f"sdk-{uuid.uuid4().hex[:8]}")
    _, token = sign_up(anonymous, "files")
    content = os.urandom(3 * 1024 * 1024 + 123)
    with Tessera(**addresses(suite), token=token) as user:
        stored = upload_file(
            user.vault_storage,
            io.BytesIO(content),
            files_pb2.UploadSpec(volume_id=volume, path="docs/report.bin"),
            chunk_bytes=512 * 1024,
        )
        assert (stored.size, stored.sha256) == (len(content), hashlib.sha256(content).digest())
        sink = io.BytesIO()
        record = download_file(user.vault_storage, stored.id, sink)
        assert sink.getvalue() == content
        assert record.id == stored.id
    # Another user sees no such file; an operator token is no user.
    _, other = sign_up(anonymous, "other")
    with Tessera(**addresses(suite), token=other) as eve:
        with pytest.raises(NotFound):
            download_file(eve.vault_storage, stored.id, io.BytesIO())


def test_a_download_whose_bytes_do_not_match_is_data_loss(anonymous: Tessera, suite: Suite) -> None:
    volume_name = f"sdk-{uuid.uuid4().hex[:8]}"
    volume = local_volume(suite, volume_name)
    _, token = sign_up(anonymous, "rot")
    with Tessera(**addresses(suite), token=token) as user:
        stored = upload_file(
            user.vault_storage,
            io.BytesIO(b"x" * 1000),
            files_pb2.UploadSpec(volume_id=volume, path="rot.bin"),
        )
        # Flip the stored bytes on the volume behind the service's back.
        (path,) = [p for p in (Path(suite.volume_root) / volume_name).rglob("*") if p.is_file()]
        path.write_bytes(b"y" * 1000)
        with pytest.raises(DataLoss):
            download_file(user.vault_storage, stored.id, io.BytesIO())


def device_keys() -> devices_pb2.DeviceKeys:
    identity = Ed25519PrivateKey.generate()
    signed_prekey = os.urandom(32)
    return devices_pb2.DeviceKeys(
        identity_key_type=devices_pb2.IDENTITY_KEY_TYPE_ED25519,
        identity_key=identity.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
        last_resort_prekey=os.urandom(32),
        signed_prekey=signed_prekey,
        signed_prekey_signature=identity.sign(signed_prekey),
    )


def test_a_message_reaches_the_other_users_device(anonymous: Tessera, suite: Suite) -> None:
    alice, alice_token = sign_up(anonymous, "alice")
    bob, bob_token = sign_up(anonymous, "bob")
    with (
        Tessera(**addresses(suite), token=alice_token) as a,
        Tessera(**addresses(suite), token=bob_token) as b,
    ):
        phone = a.messaging.device.EnrollDevice(
            devices_pb2.EnrollDeviceRequest(keys=device_keys())
        ).device
        laptop = b.messaging.device.EnrollDevice(
            devices_pb2.EnrollDeviceRequest(keys=device_keys())
        ).device
        chat = a.messaging.chat.GetOrCreateDirectChat(
            chats_pb2.GetOrCreateDirectChatRequest(user_id=bob.id)
        ).chat
        envelope = messages_pb2.Envelope(
            to_device_id=laptop.id,
            header=messages_pb2.RatchetHeader(dh_pubkey=bytes(32), pn=0, n=1),
            ciphertext=b"sealed hello",
            identity_key=laptop.keys.identity_key,
        )
        send = messages_pb2.SendMessageRequest(
            chat_id=chat.id, device_id=phone.id, logical_msg_id="m-1", envelopes=[envelope]
        )
        first = a.messaging.message.SendMessage(send)
        again = a.messaging.message.SendMessage(send)
        assert [d.message_id for d in again.deliveries] == [d.message_id for d in first.deliveries]
        pulled = b.messaging.message.PullMessages(
            messages_pb2.PullMessagesRequest(device_id=laptop.id)
        )
    assert [(m.from_user_id, m.ciphertext) for m in pulled.messages] == [
        (alice.id, b"sealed hello")
    ]


def test_a_secret_env_var_is_masked_and_revealed_to_its_owner(
    anonymous: Tessera, suite: Suite
) -> None:
    _, token = sign_up(anonymous, "builder")
    _, other = sign_up(anonymous, "snoop")
    with (
        Tessera(**addresses(suite), token=token) as owner,
        Tessera(**addresses(suite), token=other) as snoop,
    ):
        projects = owner.project_intelligence
        project = projects.project.CreateProject(
            projects_pb2.CreateProjectRequest(
                project=projects_pb2.Project(name="shop", intent=projects_pb2.INTENT_STARTUP)
            )
        ).project
        projects.env_var.SetEnvVar(
            env_vars_pb2.SetEnvVarRequest(
                project_id=project.id,
                env_var=env_vars_pb2.EnvVar(key="STRIPE_KEY", value="sk_live_123", is_secret=True),
            )
        )
        listed = projects.env_var.ListEnvVars(env_vars_pb2.ListEnvVarsRequest(project_id=project.id))
        assert "sk_live_123" not in str(listed)
        revealed = projects.env_var.RevealEnvVar(
            env_vars_pb2.RevealEnvVarRequest(project_id=project.id, key="STRIPE_KEY")
        )
        assert revealed.env_var.value == "sk_live_123"
        with pytest.raises(NotFound):
            snoop.project_intelligence.env_var.RevealEnvVar(
                env_vars_pb2.RevealEnvVarRequest(project_id=project.id, key="STRIPE_KEY")
            )
