"""`Tessera` and `AsyncTessera`: one channel per service binary, every service's stub on it.

    with Tessera(identity="localhost:50051", token=lambda: session.token) as t:
        me = t.identity.account.GetAccount(users_pb2.GetAccountRequest()).user

Addresses are `host:port` (plaintext), `http://host:port`, or `https://host:port` (TLS with
the system's roots, or the `credentials` given).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import TracebackType
from typing import Any

import grpc
import grpc.aio

from . import _services
from ._interceptors import Interceptor, TokenSource, async_interceptors
from .retry import RetryPolicy

DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024


def _target(address: str) -> tuple[str, bool]:
    """(host:port, whether TLS) of an address."""
    for scheme, tls in (("https://", True), ("http://", False)):
        if address.startswith(scheme):
            return address.removeprefix(scheme).rstrip("/"), tls
    return address, False


def _options(max_message_bytes: int) -> Sequence[tuple[str, Any]]:
    return (
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.max_send_message_length", max_message_bytes),
    )


def _address(addresses: dict[str, str | None], name: str) -> str:
    address = addresses.get(name)
    if not address:
        raise ValueError(f"no address configured for {name.replace('_', '-')}")
    return address


class Tessera:
    """A synchronous client of the Tessera services.

    `token` is a bearer token or a callable returning the current one (called for every
    call, so a refreshed token is picked up); calls that pass their own `authorization`
    metadata keep it. Safe unary calls are retried on UNAVAILABLE per `retry`. Errors are
    `tessera.errors.TesseraError` subclasses. Services without an address raise ValueError
    when used.
    """

    def __init__(
        self,
        *,
        identity: str | None = None,
        vault_storage: str | None = None,
        messaging: str | None = None,
        project_intelligence: str | None = None,
        token: TokenSource = None,
        retry: RetryPolicy | None = None,
        credentials: grpc.ChannelCredentials | None = None,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    ) -> None:
        self._addresses = {
            "identity": identity,
            "vault_storage": vault_storage,
            "messaging": messaging,
            "project_intelligence": project_intelligence,
        }
        self._channels: dict[str, tuple[grpc.Channel, grpc.Channel]] = {}
        self._interceptor = Interceptor(token, retry or RetryPolicy())
        self._credentials = credentials
        self._options = _options(max_message_bytes)

    def channel(self, name: str) -> grpc.Channel:
        """The channel to binary `name` (`identity`, `vault_storage`, ...), opened on first use."""
        if name not in self._channels:
            target, tls = _target(_address(self._addresses, name))
            if tls or self._credentials is not None:
                credentials = self._credentials or grpc.ssl_channel_credentials()
                raw = grpc.secure_channel(target, credentials, self._options)
            else:
                raw = grpc.insecure_channel(target, self._options)
            self._channels[name] = (raw, grpc.intercept_channel(raw, self._interceptor))
        return self._channels[name][1]

    @property
    def identity(self) -> _services.IdentityServices:
        """Accounts, sign-in, sessions, API keys, events."""
        return _services.IdentityServices(self.channel("identity"))

    @property
    def vault_storage(self) -> _services.VaultStorageServices:
        """Files, blobs and manifests, the zero-knowledge vault, storage administration."""
        return _services.VaultStorageServices(self.channel("vault_storage"))

    @property
    def messaging(self) -> _services.MessagingServices:
        """End-to-end encrypted chat and the group forum."""
        return _services.MessagingServices(self.channel("messaging"))

    @property
    def project_intelligence(self) -> _services.ProjectIntelligenceServices:
        """Projects, workspaces, snapshots, drift, Atlas, action items, deployments."""
        return _services.ProjectIntelligenceServices(self.channel("project_intelligence"))

    def close(self) -> None:
        """Closes every open channel."""
        for raw, _ in self._channels.values():
            raw.close()
        self._channels.clear()

    def __enter__(self) -> Tessera:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncTessera:
    """The asyncio (grpc.aio) twin of `Tessera`, with the same arguments; use it inside a
    running event loop and close it with `await close()` or `async with`."""

    def __init__(
        self,
        *,
        identity: str | None = None,
        vault_storage: str | None = None,
        messaging: str | None = None,
        project_intelligence: str | None = None,
        token: TokenSource = None,
        retry: RetryPolicy | None = None,
        credentials: grpc.ChannelCredentials | None = None,
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    ) -> None:
        self._addresses = {
            "identity": identity,
            "vault_storage": vault_storage,
            "messaging": messaging,
            "project_intelligence": project_intelligence,
        }
        self._channels: dict[str, grpc.aio.Channel] = {}
        self._interceptors = async_interceptors(token, retry or RetryPolicy())
        self._credentials = credentials
        self._options = _options(max_message_bytes)

    def channel(self, name: str) -> grpc.aio.Channel:
        """The channel to binary `name`, opened on first use."""
        if name not in self._channels:
            target, tls = _target(_address(self._addresses, name))
            if tls or self._credentials is not None:
                credentials = self._credentials or grpc.ssl_channel_credentials()
                channel = grpc.aio.secure_channel(
                    target, credentials, self._options, interceptors=self._interceptors
                )
            else:
                channel = grpc.aio.insecure_channel(
                    target, self._options, interceptors=self._interceptors
                )
            self._channels[name] = channel
        return self._channels[name]

    @property
    def identity(self) -> _services.AsyncIdentityServices:
        """Accounts, sign-in, sessions, API keys, events."""
        return _services.AsyncIdentityServices(self.channel("identity"))

    @property
    def vault_storage(self) -> _services.AsyncVaultStorageServices:
        """Files, blobs and manifests, the zero-knowledge vault, storage administration."""
        return _services.AsyncVaultStorageServices(self.channel("vault_storage"))

    @property
    def messaging(self) -> _services.AsyncMessagingServices:
        """End-to-end encrypted chat and the group forum."""
        return _services.AsyncMessagingServices(self.channel("messaging"))

    @property
    def project_intelligence(self) -> _services.AsyncProjectIntelligenceServices:
        """Projects, workspaces, snapshots, drift, Atlas, action items, deployments."""
        return _services.AsyncProjectIntelligenceServices(self.channel("project_intelligence"))

    async def close(self) -> None:
        """Closes every open channel."""
        for channel in self._channels.values():
            await channel.close()
        self._channels.clear()

    async def __aenter__(self) -> AsyncTessera:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
