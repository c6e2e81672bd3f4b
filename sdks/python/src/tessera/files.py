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


def _size(source: BinaryIO, declared: int) -> tuple[int, int]:
    """(start offset, size) of what remains of a seekable `source`."""
    if not source.seekable():
        raise ValueError("uploads read a seekable file object (they rewind to resume)")
    start = source.tell()
    size = source.seek(0, 2) - start
    source.seek(start)
    if declared and declared != size:
        raise ValueError(f"spec.declared_size is {declared} but the file has {size} bytes")
    return start, size


def _rehash(source: BinaryIO, start: int, offset: int) -> hashlib._Hash:
    """SHA-256 of the `offset` bytes from `start`, leaving `source` just after them."""
    digest = hashlib.sha256()
    source.seek(start)
    left = offset
    while left:
        block = source.read(min(CHUNK_BYTES, left))
        if not block:
            raise ValueError("the file shrank during the upload")
        digest.update(block)
        left -= len(block)
    return digest


def _requests(
    source: BinaryIO, upload_id: str, start: int, offset: int, chunk_bytes: int
) -> Iterator[Request]:
    digest = _rehash(source, start, offset)
    yield Request(resume=Request.Resume(upload_id=upload_id, write_offset=offset))
    while block := source.read(chunk_bytes):
        digest.update(block)
        yield Request(chunk=block)
    yield Request(finish=Request.Finish(sha256=digest.digest()))


def _unavailable(error: TesseraError, failures: int, retry: RetryPolicy) -> bool:
    return error.code() == grpc.StatusCode.UNAVAILABLE and failures < retry.max_attempts


def upload_file(
    vault_storage: _services.VaultStorageServices,
    source: BinaryIO,
    spec: files_pb2.UploadSpec,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """Uploads the rest of `source` as `spec` describes (its size filled in) and returns the
    stored file. After UNAVAILABLE it asks how much is persisted and resumes from there."""
    start, size = _size(source, spec.declared_size)
    declared = files_pb2.UploadSpec()
    declared.CopyFrom(spec)
    declared.declared_size = size
    files = vault_storage.file
    upload = files.StartUpload(files_pb2.StartUploadRequest(spec=declared)).upload
    offset, failures = upload.persisted_size, 0
    while True:
        try:
            done = files.Upload(_requests(source, upload.upload_id, start, offset, chunk_bytes))
            return done.file
        except TesseraError as error:
            failures += 1
            if not _unavailable(error, failures, retry):
                raise
            time.sleep(retry.delay(failures, error))
            status = files.QueryUploadStatus(
                files_pb2.QueryUploadStatusRequest(upload_id=upload.upload_id)
            )
            offset = status.upload.persisted_size


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
    source: BinaryIO, upload_id: str, start: int, offset: int, chunk_bytes: int
) -> AsyncIterator[Request]:
    for request in _requests(source, upload_id, start, offset, chunk_bytes):
        yield request


async def aupload_file(
    vault_storage: _services.AsyncVaultStorageServices,
    source: BinaryIO,
    spec: files_pb2.UploadSpec,
    *,
    chunk_bytes: int = CHUNK_BYTES,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """The asyncio twin of `upload_file` (the file is read in the event loop's thread)."""
    start, size = _size(source, spec.declared_size)
    declared = files_pb2.UploadSpec()
    declared.CopyFrom(spec)
    declared.declared_size = size
    files = vault_storage.file
    upload = (await files.StartUpload(files_pb2.StartUploadRequest(spec=declared))).upload
    offset, failures = upload.persisted_size, 0
    while True:
        try:
            requests = _arequests(source, upload.upload_id, start, offset, chunk_bytes)
            return (await files.Upload(requests)).file
        except TesseraError as error:
            failures += 1
            if not _unavailable(error, failures, retry):
                raise
            await asyncio.sleep(retry.delay(failures, error))
            status = await files.QueryUploadStatus(
                files_pb2.QueryUploadStatusRequest(upload_id=upload.upload_id)
            )
            offset = status.upload.persisted_size


async def adownload_file(
    vault_storage: _services.AsyncVaultStorageServices,
    file_id: str,
    sink: BinaryIO,
    *,
    version: int = 0,
    retry: RetryPolicy = STREAM_RETRY,
) -> files_pb2.File:
    """The asyncio twin of `download_file`."""
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
                    sink.write(message.chunk)
                    digest.update(message.chunk)
                    written += len(message.chunk)
                    failures = 0
            return _verified(record, written, digest.digest())
        except TesseraError as error:
            failures += 1
            if not _unavailable(error, failures, retry):
                raise
            await asyncio.sleep(retry.delay(failures, error))
