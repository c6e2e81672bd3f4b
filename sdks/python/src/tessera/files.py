"""Chunked uploads and downloads through vault-storage's FileService: a file object in, a
file object out, SHA-256 computed on the way, resumed after UNAVAILABLE.

    with open("report.pdf", "rb") as f:
        stored = upload_file(t.vault_storage, f, files_pb2.UploadSpec(volume_id=v, path="r.pdf"))
    with open("copy.pdf", "wb") as out:
        download_file(t.vault_storage, stored.id, out)
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import BinaryIO

import grpc

from . import _services
from .errors import DataLoss, TesseraError
from .retry import RetryPolicy
from .streams import STREAM_RETRY
from .vault.v1 import files_pb2

CHUNK_BYTES = 1024 * 1024
Request = files_pb2.UploadRequest


class _Source:
    """What remains of a seekable file, read at explicit offsets under a lock: the request
    stream of a cut-off attempt, which gRPC may still be draining in another thread, cannot
    move the position the next attempt reads from."""

    def __init__(self, file: BinaryIO, declared: int) -> None:
        if not file.seekable():
            raise ValueError("uploads read a seekable file object (they rewind to resume)")
        self._file, self._lock = file, threading.Lock()
        self._start = file.tell()
        self.size = file.seek(0, 2) - self._start
        file.seek(self._start)
        if declared and declared != self.size:
            raise ValueError(f"spec.declared_size is {declared}, the file has {self.size} bytes")

    def read(self, offset: int, size: int) -> bytes:
        with self._lock:
            self._file.seek(self._start + offset)
            return self._file.read(size)


def _requests(source: _Source, upload_id: str, offset: int, chunk_bytes: int) -> Iterator[Request]:
    """Resumes upload `upload_id` at `offset`: the SHA-256 of what the service kept is computed
    again from the file, then the rest is sent and the whole file's SHA-256 closes it."""
    digest, position = hashlib.sha256(), 0
    while position < offset:
        block = source.read(position, min(CHUNK_BYTES, offset - position))
        if not block:
            raise ValueError("the file shrank during the upload")
        digest.update(block)
        position += len(block)
    yield Request(resume=Request.Resume(upload_id=upload_id, write_offset=offset))
    while block := source.read(position, chunk_bytes):
        digest.update(block)
        position += len(block)
        yield Request(chunk=block)
    yield Request(finish=Request.Finish(sha256=digest.digest()))


def _unavailable(error: TesseraError, failures: int, retry: RetryPolicy) -> bool:
    return error.code() == grpc.StatusCode.UNAVAILABLE and failures < retry.max_attempts


def _resumable(error: TesseraError, failures: int, retry: RetryPolicy) -> bool:
    """Whether an upload that failed `failures` times goes on. Once it was cut off, ABORTED
    means the service still holds it for the lost stream (after a crash, until that stream's
    lease lapses), and grpc.aio may report that early refusal as its own INTERNAL "Internal
    error from Core" when it lands while requests are still being written."""
    code = error.code()
    if code == grpc.StatusCode.UNAVAILABLE:
        return failures < retry.max_attempts
    refused = code == grpc.StatusCode.ABORTED or (
        code == grpc.StatusCode.INTERNAL and error.details() == "Internal error from Core"
    )
    return refused and 1 < failures < retry.max_attempts


def upload_file(
    vault_storage: _services.VaultStorageServices,
    source: BinaryIO,
    spec: files_pb2.UploadSpec,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """Uploads the rest of `source` as `spec` describes (its size filled in) and returns the
    stored file. After UNAVAILABLE it asks how much is persisted and resumes from there (with
    backoff while the server still holds the upload for the stream that was cut off)."""
    remaining = _Source(source, spec.declared_size)
    declared = files_pb2.UploadSpec()
    declared.CopyFrom(spec)
    declared.declared_size = remaining.size
    files = vault_storage.file
    upload = files.StartUpload(files_pb2.StartUploadRequest(spec=declared)).upload
    offset, failures = upload.persisted_size, 0
    while True:
        try:
            if failures:
                # How much the service kept (it may be on its way back: retried like the rest).
                status = files.QueryUploadStatus(
                    files_pb2.QueryUploadStatusRequest(upload_id=upload.upload_id)
                )
                offset = status.upload.persisted_size
            done = files.Upload(_requests(remaining, upload.upload_id, offset, chunk_bytes))
            return done.file
        except TesseraError as error:
            failures += 1
            if not _resumable(error, failures, retry):
                raise
            time.sleep(retry.delay(failures, error))


def _verified(record: files_pb2.File | None, written: int, digest: bytes) -> files_pb2.File:
    """`record`, if the bytes received match its size and SHA-256."""
    if record is None:
        raise DataLoss(grpc.StatusCode.DATA_LOSS, "the download sent no file record")
    if written != record.size or digest != record.sha256:
        raise DataLoss(
            grpc.StatusCode.DATA_LOSS,
            f"file {record.id}: received {written} bytes with SHA-256 {digest.hex()}, "
            f"expected {record.size} with {record.sha256.hex()}",
        )
    return record


def download_file(
    vault_storage: _services.VaultStorageServices,
    file_id: str,
    sink: BinaryIO,
    *,
    version: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """Writes file `file_id` to `sink`, checks its size and SHA-256 against the file's record
    (DataLoss if they differ) and returns the record. Resumes after UNAVAILABLE where it was."""
    record: files_pb2.File | None = None
    digest = hashlib.sha256()
    written, failures = 0, 0
    while True:
        request = files_pb2.DownloadRequest(file_id=file_id, offset=written, version=version)
        try:
            for message in vault_storage.file.Download(request):
                if message.HasField("file"):
                    record = message.file
                else:
                    sink.write(message.chunk)
                    digest.update(message.chunk)
                    written += len(message.chunk)
                    failures = 0
            return _verified(record, written, digest.digest())
        except TesseraError as error:
            failures += 1
            if not _unavailable(error, failures, retry):
                raise
            time.sleep(retry.delay(failures, error))


async def _arequests(
    source: _Source, upload_id: str, offset: int, chunk_bytes: int
) -> AsyncIterator[Request]:
    """`_requests` with the file read and hashed in a worker thread, off the event loop."""
    requests = _requests(source, upload_id, offset, chunk_bytes)
    while (request := await asyncio.to_thread(next, requests, None)) is not None:
        yield request


def _take(sink: BinaryIO, digest: hashlib._Hash, chunk: bytes) -> None:
    sink.write(chunk)
    digest.update(chunk)


async def aupload_file(
    vault_storage: _services.AsyncVaultStorageServices,
    source: BinaryIO,
    spec: files_pb2.UploadSpec,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """The asyncio twin of `upload_file` (the file is read in a worker thread)."""
    remaining = _Source(source, spec.declared_size)
    declared = files_pb2.UploadSpec()
    declared.CopyFrom(spec)
    declared.declared_size = remaining.size
    files = vault_storage.file
    upload = (await files.StartUpload(files_pb2.StartUploadRequest(spec=declared))).upload
    offset, failures = upload.persisted_size, 0
    while True:
        try:
            if failures:
                status = await files.QueryUploadStatus(
                    files_pb2.QueryUploadStatusRequest(upload_id=upload.upload_id)
                )
                offset = status.upload.persisted_size
            requests = _arequests(remaining, upload.upload_id, offset, chunk_bytes)
            return (await files.Upload(requests)).file
        except TesseraError as error:
            failures += 1
            if not _resumable(error, failures, retry):
                raise
            await asyncio.sleep(retry.delay(failures, error))


async def adownload_file(
    vault_storage: _services.AsyncVaultStorageServices,
    file_id: str,
    sink: BinaryIO,
    *,
    version: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """The asyncio twin of `download_file` (the sink is written in a worker thread)."""
    record: files_pb2.File | None = None
    digest = hashlib.sha256()
    written, failures = 0, 0
    while True:
        request = files_pb2.DownloadRequest(file_id=file_id, offset=written, version=version)
        try:
            async for message in vault_storage.file.Download(request):
                if message.HasField("file"):
                    record = message.file
                else:
                    await asyncio.to_thread(_take, sink, digest, message.chunk)
                    written += len(message.chunk)
                    failures = 0
            return _verified(record, written, digest.digest())
        except TesseraError as error:
            failures += 1
            if not _unavailable(error, failures, retry):
                raise
            await asyncio.sleep(retry.delay(failures, error))
