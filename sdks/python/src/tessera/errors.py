"""Errors of Tessera calls: one exception class per gRPC status code, carrying the decoded
`google.rpc.Status` details the services send (API-CONVENTIONS.md, "Errors").

    try:
        client.identity.account.CreateAccount(request)
    except InvalidArgument as e:
        for violation in e.field_violations:
            print(violation.field, violation.description)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import grpc
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2

M = TypeVar("M", bound=Message)
DETAILS_KEY = "grpc-status-details-bin"
_DETAIL_TYPES: tuple[type[Message], ...] = (
    error_details_pb2.BadRequest,
    error_details_pb2.ErrorInfo,
    error_details_pb2.RetryInfo,
    error_details_pb2.QuotaFailure,
    error_details_pb2.PreconditionFailure,
    error_details_pb2.ResourceInfo,
    error_details_pb2.RequestInfo,
    error_details_pb2.DebugInfo,
    error_details_pb2.Help,
    error_details_pb2.LocalizedMessage,
)


class TesseraError(grpc.RpcError):
    """A failed call: its status code, the server's message and the decoded error details.

    It is a `grpc.RpcError` with grpc's `code()` and `details()`, so code written for grpc's
    errors keeps working.
    """

    def __init__(self, code: grpc.StatusCode, message: str, details: Sequence[Message] = ()) -> None:
        super().__init__(f"{code.name}: {message}")
        self._code = code
        self.message = message
        """The server's message, for developers (grpc's `details()`)."""
        self.status_details: tuple[Message, ...] = tuple(details)
        """The decoded `google.rpc.Status` details (BadRequest, ErrorInfo, ...)."""

    def code(self) -> grpc.StatusCode:
        """The status code."""
        return self._code

    def details(self) -> str:
        """The server's message (grpc's name for it)."""
        return self.message

    def _first(self, kind: type[M]) -> M | None:
        for detail in self.status_details:
            if isinstance(detail, kind):
                return detail
        return None

    @property
    def field_violations(self) -> list[error_details_pb2.BadRequest.FieldViolation]:
        """The bad fields of an INVALID_ARGUMENT (BadRequest), in the server's order."""
        bad = self._first(error_details_pb2.BadRequest)
        return list(bad.field_violations) if bad else []

    @property
    def error_info(self) -> error_details_pb2.ErrorInfo | None:
        """The machine-readable reason (for example `TOKEN_REVOKED`) and its metadata."""
        return self._first(error_details_pb2.ErrorInfo)

    @property
    def reason(self) -> str | None:
        """`error_info.reason`, if the server sent one."""
        info = self.error_info
        return info.reason if info else None

    @property
    def retry_delay(self) -> float | None:
        """Seconds the server asks the caller to wait before retrying (RetryInfo)."""
        info = self._first(error_details_pb2.RetryInfo)
        if info is None or not info.HasField("retry_delay"):
            return None
        return float(info.retry_delay.ToTimedelta().total_seconds())

    @property
    def quota_violations(self) -> list[error_details_pb2.QuotaFailure.Violation]:
        """Which quota is exhausted (RESOURCE_EXHAUSTED)."""
        failure = self._first(error_details_pb2.QuotaFailure)
        return list(failure.violations) if failure else []

    @property
    def precondition_violations(self) -> list[error_details_pb2.PreconditionFailure.Violation]:
        """Which preconditions failed (FAILED_PRECONDITION)."""
        failure = self._first(error_details_pb2.PreconditionFailure)
        return list(failure.violations) if failure else []

    @property
    def resource_info(self) -> error_details_pb2.ResourceInfo | None:
        """The resource a NOT_FOUND or ALREADY_EXISTS is about."""
        return self._first(error_details_pb2.ResourceInfo)


class Cancelled(TesseraError):
    """CANCELLED: the caller cancelled the call."""


class Unknown(TesseraError):
    """UNKNOWN."""


class InvalidArgument(TesseraError):
    """INVALID_ARGUMENT: see `field_violations`."""


class DeadlineExceeded(TesseraError):
    """DEADLINE_EXCEEDED: the call's deadline passed."""


class NotFound(TesseraError):
    """NOT_FOUND: no such resource, or not the caller's."""


class AlreadyExists(TesseraError):
    """ALREADY_EXISTS: a unique key is taken."""


class PermissionDenied(TesseraError):
    """PERMISSION_DENIED: authenticated, but not allowed."""


class ResourceExhausted(TesseraError):
    """RESOURCE_EXHAUSTED: a quota or rate limit; see `quota_violations`, `retry_delay`."""


class FailedPrecondition(TesseraError):
    """FAILED_PRECONDITION: the resource's state forbids it; see `precondition_violations`."""


class Aborted(TesseraError):
    """ABORTED: a concurrent change won (for example a stale version); re-read and retry."""


class OutOfRange(TesseraError):
    """OUT_OF_RANGE."""


class Unimplemented(TesseraError):
    """UNIMPLEMENTED: the server does not serve this RPC."""


class Internal(TesseraError):
    """INTERNAL: a server bug."""


class Unavailable(TesseraError):
    """UNAVAILABLE: the service or one it depends on is down; retried for safe calls."""


class DataLoss(TesseraError):
    """DATA_LOSS: content did not match its checksum."""


class Unauthenticated(TesseraError):
    """UNAUTHENTICATED: no, bad, expired or revoked credentials; see `reason`."""


_BY_CODE: dict[grpc.StatusCode, type[TesseraError]] = {
    grpc.StatusCode.CANCELLED: Cancelled,
    grpc.StatusCode.UNKNOWN: Unknown,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExists,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDenied,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    grpc.StatusCode.ABORTED: Aborted,
    grpc.StatusCode.OUT_OF_RANGE: OutOfRange,
    grpc.StatusCode.UNIMPLEMENTED: Unimplemented,
    grpc.StatusCode.INTERNAL: Internal,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DATA_LOSS: DataLoss,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
}


def decode_details(raw: bytes) -> list[Message]:
    """The known error details of an encoded `google.rpc.Status`; unknown ones are skipped."""
    status = status_pb2.Status.FromString(raw)
    decoded: list[Message] = []
    for detail in status.details:
        for kind in _DETAIL_TYPES:
            if detail.TypeName() == kind.DESCRIPTOR.full_name:
                value = kind()
                detail.Unpack(value)
                decoded.append(value)
                break
    return decoded


def _details_of(metadata: Sequence[tuple[str, str | bytes]] | None) -> list[Message]:
    for key, value in metadata or ():
        if key == DETAILS_KEY and isinstance(value, bytes):
            return decode_details(value)
    return []


def from_status(
    code: grpc.StatusCode,
    message_text: str,
    trailing_metadata: Sequence[tuple[str, str | bytes]] | None,
) -> TesseraError:
    """The exception for a status: its class by `code`, its details from the trailers."""
    kind = _BY_CODE.get(code, TesseraError)
    return kind(code, message_text, _details_of(trailing_metadata))


def from_rpc_error(error: grpc.RpcError) -> TesseraError:
    """Converts a grpc (sync or asyncio) error into a `TesseraError`; one already is returned."""
    if isinstance(error, TesseraError):
        return error
    call = error if isinstance(error, (grpc.Call, grpc.aio.AioRpcError)) else None
    if call is None:
        return Unknown(grpc.StatusCode.UNKNOWN, str(error))
    trailers: Sequence[tuple[str, str | bytes]] = tuple(call.trailing_metadata() or ())
    return from_status(call.code(), call.details() or "", trailers)


__all__ = [
    "TesseraError",
    "Cancelled",
    "Unknown",
    "InvalidArgument",
    "DeadlineExceeded",
    "NotFound",
    "AlreadyExists",
    "PermissionDenied",
    "ResourceExhausted",
    "FailedPrecondition",
    "Aborted",
    "OutOfRange",
    "Unimplemented",
    "Internal",
    "Unavailable",
    "DataLoss",
    "Unauthenticated",
    "decode_details",
    "from_rpc_error",
    "from_status",
]
