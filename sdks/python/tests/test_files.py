"""Chunked transfers cut off by a crash of vault-storage (SIGKILL mid-stream, started again a
moment later): the helpers resume the same upload from what the service kept, and a download
from the bytes already written, and what arrives is checked against its SHA-256."""

from __future__ import annotations

import hashlib
import io
import os
import threading
import uuid
from collections.abc import Callable
from typing import Any

from conftest import Suite, addresses, sign_up
from test_services import local_volume

from tessera import AsyncTessera, Tessera
from tessera.files import adownload_file, aupload_file, download_file, upload_file
from tessera.vault.v1 import files_pb2

# Far more than gRPC's flow-control windows: when the download's first chunk arrives, most of
# the file is still on the service's side.
SIZE = 48 * 1024 * 1024 + 321
CHUNK = 256 * 1024


class Crash:
    """Kills vault-storage once, when `at` bytes have gone by, and starts it again half a second
    later (from a timer thread, as a supervisor would)."""

    def __init__(self, suite: Suite, at: int) -> None:
        self.suite, self.at = suite, at
        self.restart: threading.Timer | None = None

    def passed(self, position: int) -> None:
        if self.restart is None and position >= self.at:
            self.suite.kill("vault-storage")
            self.restart = threading.Timer(0.5, self.suite.start, args=("vault-storage",))
            self.restart.start()

    def recovered(self) -> None:
        assert self.restart is not None, "the transfer ended before the crash"
        self.restart.join()


class CrashingSource(io.BytesIO):
    """A file whose reads pass through `crash` (the service dies while it is being uploaded)."""

    def __init__(self, content: bytes, crash: Crash) -> None:
        super().__init__(content)
        self.crash = crash

    def read(self, size: int | None = -1, /) -> bytes:
        self.crash.passed(self.tell())
        return super().read(size)


class CrashingSink(io.BytesIO):
    """A file whose writes pass through `crash` (the service dies while it is downloaded)."""

    def __init__(self, crash: Crash) -> None:
        super().__init__()
        self.crash = crash

    def write(self, data: Any, /) -> int:
        written = super().write(data)
        self.crash.passed(self.tell())
        return written


class Calls:
    """The requests a FileService stub's StartUpload, QueryUploadStatus and Download are
    called with, recorded from here on."""

    def __init__(self, files: Any) -> None:
        self.starts: list[Any] = []
        self.queries: list[files_pb2.QueryUploadStatusRequest] = []
        self.downloads: list[files_pb2.DownloadRequest] = []
        for method, seen in [
            ("StartUpload", self.starts),
            ("QueryUploadStatus", self.queries),
            ("Download", self.downloads),
        ]:
            self._record(files, method, seen)

    @staticmethod
    def _record(files: Any, method: str, seen: list[Any]) -> None:
        call: Callable[..., Any] = getattr(files, method)

        def recorded(request: Any, *args: Any, **kwargs: Any) -> Any:
            seen.append(request)
            return call(request, *args, **kwargs)

        setattr(files, method, recorded)


def test_an_upload_and_a_download_resume_after_the_service_crashed(
    anonymous: Tessera, suite: Suite
) -> None:
    volume = local_volume(suite, f"sdk-{uuid.uuid4().hex[:8]}")
    _, token = sign_up(anonymous, "crash")
    content = os.urandom(SIZE)
    with Tessera(**addresses(suite), token=token) as user:
        vault_storage = user.vault_storage  # one set of stubs, recorded below
        calls = Calls(vault_storage.file)
        starts, queries, downloads = calls.starts, calls.queries, calls.downloads

        crash = Crash(suite, at=SIZE // 2)
        stored = upload_file(
            vault_storage,
            CrashingSource(content, crash),
            files_pb2.UploadSpec(volume_id=volume, path="crash/up.bin"),
            chunk_bytes=CHUNK,
        )
        crash.recovered()
        assert (stored.size, stored.sha256) == (SIZE, hashlib.sha256(content).digest())
        # One upload, resumed: never started again from nothing.
        assert len(starts) == 1 and queries, (len(starts), len(queries))
        assert len({q.upload_id for q in queries}) == 1

        crash = Crash(suite, at=1)  # at the first chunk: most of the file is still unsent
        sink = CrashingSink(crash)
        record = download_file(vault_storage, stored.id, sink)
        crash.recovered()
        assert sink.getvalue() == content and record.id == stored.id
        # The download went on from the bytes it had, not from the start.
        assert downloads[0].offset == 0
        assert any(d.offset > 0 for d in downloads[1:]), [d.offset for d in downloads]


async def test_the_async_helpers_resume_after_the_service_crashed(
    anonymous: Tessera, suite: Suite
) -> None:
    volume = local_volume(suite, f"sdk-{uuid.uuid4().hex[:8]}")
    _, token = sign_up(anonymous, "acrash")
    content = os.urandom(SIZE)
    async with AsyncTessera(**addresses(suite), token=token) as user:
        vault_storage = user.vault_storage  # one set of stubs, recorded below
        calls = Calls(vault_storage.file)
        starts, queries, downloads = calls.starts, calls.queries, calls.downloads

        crash = Crash(suite, at=SIZE // 2)
        stored = await aupload_file(
            vault_storage,
            CrashingSource(content, crash),
            files_pb2.UploadSpec(volume_id=volume, path="crash/up.bin"),
            chunk_bytes=CHUNK,
        )
        crash.recovered()
        assert (stored.size, stored.sha256) == (SIZE, hashlib.sha256(content).digest())
        assert len(starts) == 1 and queries, (len(starts), len(queries))

        crash = Crash(suite, at=1)  # at the first chunk: most of the file is still unsent
        sink = CrashingSink(crash)
        record = await adownload_file(vault_storage, stored.id, sink)
        crash.recovered()
        assert sink.getvalue() == content and record.id == stored.id
        assert downloads[0].offset == 0
        assert any(d.offset > 0 for d in downloads[1:]), [d.offset for d in downloads]
