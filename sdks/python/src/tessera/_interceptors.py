"""The client interceptors behind `Tessera` and `AsyncTessera`: the bearer token on every
call, errors as `TesseraError`s, and retries of safe unary calls (see `retry`)."""

from __future__ import annotations

import asyncio
import collections
import time
from collections.abc import AsyncIterator, Callable, Generator, Sequence
from typing import Any

import grpc
import grpc.aio

from .errors import TesseraError, from_rpc_error
from .retry import RetryPolicy, is_retryable

TokenSource = str | Callable[[], str | None] | None
Metadata = Sequence[tuple[str, str | bytes]]


def bearer(metadata: Metadata | None, token: TokenSource) -> list[tuple[str, str | bytes]]:
    """`metadata` with `authorization: Bearer <token>` added, unless the caller set its own."""
    items = list(metadata or ())
    if any(key == "authorization" for key, _ in items):
        return items
    value = token() if callable(token) else token
    if value:
        items.append(("authorization", f"Bearer {value}"))
    return items


class _Details(
    collections.namedtuple(
        "_Details",
        ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression"),
    ),
    grpc.ClientCallDetails,
):
    pass


class _Deadline:
    """What remains of a call's `timeout` across its attempts."""

    def __init__(self, timeout: float | None) -> None:
        self._end = None if timeout is None else time.monotonic() + timeout

    def remaining(self) -> float | None:
        return None if self._end is None else max(0.0, self._end - time.monotonic())

    def allows(self, wait: float) -> bool:
        return self._end is None or time.monotonic() + wait < self._end


class _MappedStream:
    """A response stream whose errors arrive as `TesseraError`s; otherwise the call itself."""

    def __init__(self, call: Any) -> None:
        self._call = call

    def __iter__(self) -> _MappedStream:
        return self

    def __next__(self) -> Any:
        try:
            return next(self._call)
        except grpc.RpcError as error:
            raise from_rpc_error(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class Interceptor(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """For synchronous channels."""

    def __init__(self, token: TokenSource, retry: RetryPolicy) -> None:
        self._token = token
        self._retry = retry

    def _details(self, details: Any, timeout: float | None) -> _Details:
        return _Details(
            details.method,
            timeout,
            bearer(details.metadata, self._token),
            details.credentials,
            details.wait_for_ready,
            details.compression,
        )

    def _outcome(self, outcome: Any) -> Any:
        error = outcome.exception()
        if error is None:
            return outcome
        if isinstance(error, grpc.RpcError):
            raise from_rpc_error(error) from None
        raise error

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        deadline = _Deadline(details.timeout)
        attempt = 1
        while True:
            outcome = continuation(self._details(details, deadline.remaining()), request)
            try:
                return self._outcome(outcome)
            except TesseraError as error:
                wait = self._retry.delay(attempt, error)
                if (
                    attempt >= self._retry.max_attempts
                    or not is_retryable(details.method, request, error)
                    or not deadline.allows(wait)
                ):
                    raise
            time.sleep(wait)
            attempt += 1

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return _MappedStream(continuation(self._details(details, details.timeout), request))

    def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        return self._outcome(continuation(self._details(details, details.timeout), requests))

    def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
        return _MappedStream(continuation(self._details(details, details.timeout), requests))


async def _mapped(call: Any) -> AsyncIterator[Any]:
    try:
        async for item in call:
            yield item
    except grpc.aio.AioRpcError as error:
        raise from_rpc_error(error) from None


class _MappedUnaryCall:
    """A client-streaming call whose error arrives as a `TesseraError` when awaited."""

    def __init__(self, call: Any) -> None:
        self._call = call

    def __await__(self) -> Generator[Any, None, Any]:
        try:
            return (yield from self._call.__await__())
        except grpc.aio.AioRpcError as error:
            raise from_rpc_error(error) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._call, name)


class _AsyncBase:
    """What the asyncio interceptors share: the token, the retry policy."""

    def __init__(self, token: TokenSource, retry: RetryPolicy) -> None:
        self._token = token
        self._retry = retry

    def _details(self, details: Any, timeout: float | None) -> grpc.aio.ClientCallDetails:
        return grpc.aio.ClientCallDetails(
            details.method,
            timeout,
            grpc.aio.Metadata(*bearer(details.metadata, self._token)),
            details.credentials,
            details.wait_for_ready,
        )


class _AsyncUnaryUnary(_AsyncBase, grpc.aio.UnaryUnaryClientInterceptor):
    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        deadline = _Deadline(details.timeout)
        attempt = 1
        while True:
            call = await continuation(self._details(details, deadline.remaining()), request)
            try:
                return await call
            except grpc.aio.AioRpcError as raw:
                error = from_rpc_error(raw)
            wait = self._retry.delay(attempt, error)
            if (
                attempt >= self._retry.max_attempts
                or not is_retryable(details.method, request, error)
                or not deadline.allows(wait)
            ):
                raise error
            await asyncio.sleep(wait)
            attempt += 1


class _AsyncUnaryStream(_AsyncBase, grpc.aio.UnaryStreamClientInterceptor):
    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return _mapped(await continuation(self._details(details, details.timeout), request))


class _AsyncStreamUnary(_AsyncBase, grpc.aio.StreamUnaryClientInterceptor):
    async def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        return _MappedUnaryCall(
            await continuation(self._details(details, details.timeout), requests)
        )


class _AsyncStreamStream(_AsyncBase, grpc.aio.StreamStreamClientInterceptor):
    async def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
        return _mapped(await continuation(self._details(details, details.timeout), requests))


def async_interceptors(token: TokenSource, retry: RetryPolicy) -> list[grpc.aio.ClientInterceptor]:
    """For asyncio channels: one per kind of call (grpc.aio files each under one kind)."""
    kinds = (_AsyncUnaryUnary, _AsyncUnaryStream, _AsyncStreamUnary, _AsyncStreamStream)
    return [kind(token, retry) for kind in kinds]


__all__ = ["Interceptor", "TokenSource", "async_interceptors", "bearer"]
