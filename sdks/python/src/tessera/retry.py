"""When and how long to retry: UNAVAILABLE only, and only for calls that are safe to repeat.

A call is safe to repeat when its RPC is declared free of side effects or idempotent in the
contract (`option idempotency_level`), or when the request carries a client-chosen
`request_id` (the server returns the original result for a repeated id). Everything else may
have taken effect before the connection failed, so it is never repeated behind the caller's
back.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message

from .errors import TesseraError

_SAFE_LEVELS = (
    descriptor_pb2.MethodOptions.NO_SIDE_EFFECTS,
    descriptor_pb2.MethodOptions.IDEMPOTENT,
)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with full jitter: attempt n waits a random time up to
    `min(max_backoff, initial_backoff * multiplier ** (n - 1))` seconds, or exactly what the
    server's RetryInfo asks for. `max_attempts` counts the first call; 1 disables retries.
    Calls never outlive their own deadline (`timeout`)."""

    max_attempts: int = 5
    initial_backoff: float = 0.1
    max_backoff: float = 5.0
    multiplier: float = 2.0

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.initial_backoff < 0 or self.max_backoff < 0 or self.multiplier < 1:
            raise ValueError("backoffs must be non-negative and the multiplier at least 1")

    def delay(self, attempt: int, error: TesseraError | None = None) -> float:
        """Seconds to wait after failed attempt number `attempt` (from 1)."""
        hinted = error.retry_delay if error is not None else None
        if hinted is not None:
            return hinted
        cap = min(self.max_backoff, self.initial_backoff * self.multiplier ** (attempt - 1))
        return random.uniform(0, cap)


NO_RETRIES = RetryPolicy(max_attempts=1)


@functools.lru_cache(maxsize=1024)
def is_safe_method(method: str) -> bool:
    """Whether `/package.Service/Method` is declared NO_SIDE_EFFECTS or IDEMPOTENT."""
    service, _, name = method.lstrip("/").partition("/")
    try:
        descriptor = descriptor_pool.Default().FindServiceByName(service)
    except KeyError:
        return False
    found = descriptor.methods_by_name.get(name)
    return found is not None and found.GetOptions().idempotency_level in _SAFE_LEVELS


def has_request_id(request: object) -> bool:
    """Whether `request` carries a non-empty client-chosen `request_id`."""
    if not isinstance(request, message.Message):
        return False
    if "request_id" not in request.DESCRIPTOR.fields_by_name:
        return False
    return bool(getattr(request, "request_id"))


def is_retryable(method: str | bytes, request: object, error: TesseraError) -> bool:
    """Whether a failed unary call may be sent again."""
    if error.code() != grpc.StatusCode.UNAVAILABLE:
        return False
    path = method.decode() if isinstance(method, bytes) else method
    return is_safe_method(path) or has_request_id(request)
