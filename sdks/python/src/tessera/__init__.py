"""The Python SDK of the Tessera services.

`Tessera` (synchronous) and `AsyncTessera` (asyncio) open one channel per service binary and
expose every service's generated stub: `t.identity.account.CreateAccount(...)`. Messages are
in `tessera.<package>.v1.<file>_pb2` (for example `tessera.identity.v1.users_pb2`). Errors are
`tessera.errors` exceptions with their decoded details; `tessera.streams` resumes event
streams; `tessera.files` uploads and downloads files.
"""

from ._version import __version__
from .client import AsyncTessera, Tessera
from .errors import TesseraError
from .retry import NO_RETRIES, RetryPolicy

__all__ = ["AsyncTessera", "NO_RETRIES", "RetryPolicy", "Tessera", "TesseraError", "__version__"]
