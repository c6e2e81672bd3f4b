"""Resumable server streams: read from a cursor, reconnect on UNAVAILABLE, resume after the
last item seen, so no item is lost or repeated (the services send what was missed first).

    for event in identity_events(t.identity, after_cursor=saved):
        handle(event)
        saved = event.cursor
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Iterable, Iterator
from typing import TypeVar

import grpc

from . import _services
from .errors import TesseraError, from_rpc_error
from .identity.v1 import events_pb2
from .retry import RetryPolicy

R = TypeVar("R")
# Reconnect for about a minute of unbroken failures before giving up.
STREAM_RETRY = RetryPolicy(max_attempts=20, initial_backoff=0.2, max_backoff=5.0)


def _unavailable(error: BaseException) -> TesseraError | None:
    if isinstance(error, grpc.RpcError):
        mapped = from_rpc_error(error)
        if mapped.code() == grpc.StatusCode.UNAVAILABLE:
            return mapped
    return None


def resume(
    open_stream: Callable[[int], Iterable[R]],
    cursor_of: Callable[[R], int | None],
    *,
    after_cursor: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> Iterator[R]:
    """Yields the items of `open_stream(cursor)`, reopening it after the last cursor seen
    whenever it fails with UNAVAILABLE or ends. `cursor_of(item)` is an item's cursor (None
    for items without one). Gives up after `retry.max_attempts` failures in a row."""
    cursor = after_cursor
    failures = 0
    while True:
        try:
            for item in open_stream(cursor):
                failures = 0
                seen = cursor_of(item)
                if seen is not None:
                    cursor = seen
                yield item
        except Exception as error:
            mapped = _unavailable(error)
            if mapped is None:
                raise
            failures += 1
            if failures >= retry.max_attempts:
                raise mapped from None
            time.sleep(retry.delay(failures, mapped))
            continue
        # The server ended the stream (it is shutting down, say): reconnect after a pause.
        failures += 1
        time.sleep(retry.delay(failures))


async def aresume(
    open_stream: Callable[[int], AsyncIterable[R]],
    cursor_of: Callable[[R], int | None],
    *,
    after_cursor: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> AsyncIterator[R]:
    """The asyncio twin of `resume`."""
    cursor = after_cursor
    failures = 0
    while True:
        try:
            async for item in open_stream(cursor):
                failures = 0
                seen = cursor_of(item)
                if seen is not None:
                    cursor = seen
                yield item
        except Exception as error:
            mapped = _unavailable(error)
            if mapped is None:
                raise
            failures += 1
            if failures >= retry.max_attempts:
                raise mapped from None
            await asyncio.sleep(retry.delay(failures, mapped))
            continue
        # The server ended the stream (it is shutting down, say): reconnect after a pause.
        failures += 1
        await asyncio.sleep(retry.delay(failures))


def _event_cursor(item: events_pb2.StreamEventsResponse) -> int | None:
    if item.HasField("event"):
        return item.event.cursor
    return None


def identity_events(
    identity: _services.IdentityServices,
    *,
    after_cursor: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> Iterator[events_pb2.Event]:
    """identity's account and session events after `after_cursor`, live, across reconnects
    (heartbeats are left out). Needs a service credential as the client's token."""

    def open_stream(cursor: int) -> Iterable[events_pb2.StreamEventsResponse]:
        return identity.event.StreamEvents(events_pb2.StreamEventsRequest(after_cursor=cursor))

    for item in resume(open_stream, _event_cursor, after_cursor=after_cursor, retry=retry):
        if item.HasField("event"):
            yield item.event


async def aidentity_events(
    identity: _services.AsyncIdentityServices,
    *,
    after_cursor: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> AsyncIterator[events_pb2.Event]:
    """The asyncio twin of `identity_events`."""

    def open_stream(cursor: int) -> AsyncIterable[events_pb2.StreamEventsResponse]:
        return identity.event.StreamEvents(events_pb2.StreamEventsRequest(after_cursor=cursor))

    async for item in aresume(open_stream, _event_cursor, after_cursor=after_cursor, retry=retry):
        if item.HasField("event"):
            yield item.event
