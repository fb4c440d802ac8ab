"""What a call on the grpclib core sees of itself, and what its failures become on the wire.

Both ways of serving a call on that core use it: the registry's (``registry``, through
grpclib's ``request_handler``) and the lean unary path (``unary``), so a method's
exception reaches the host as the same status and message whichever way served it.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from grpclib.const import Status
from grpclib.exceptions import GRPCError

from goplugin.errors import RPCError

if TYPE_CHECKING:
    from grpclib.server import Stream

_log = logging.getLogger("goplugin.server")


class AioCall:
    """What ``goplugin.current_call()`` returns for a call served on grpclib.

    The part of grpcio's ``ServicerContext`` that plugins use: ``time_remaining()`` (seconds
    to the host's deadline, None without one), ``invocation_metadata()`` (``(key, value)``
    pairs), ``is_active()`` (False once the call ended, was cancelled or timed out),
    ``add_callback(fn)`` (fn runs once the call ends, whatever way; False if it already has),
    ``peer()`` and ``abort(code, details)``. Safe to use from the bridge's threads.
    """

    def __init__(self, stream: Stream[Any, Any]) -> None:
        self._stream = stream
        self._lock = threading.Lock()
        self._active = True
        self._callbacks: list[Callable[[], object]] = []

    def time_remaining(self) -> float | None:
        deadline = self._stream.deadline
        return None if deadline is None else max(deadline.time_remaining(), 0.0)

    def invocation_metadata(self) -> tuple[tuple[str, Any], ...]:
        metadata = self._stream.metadata
        return tuple(metadata.items()) if metadata is not None else ()

    def is_active(self) -> bool:
        return self._active

    def add_callback(self, callback: Callable[[], object]) -> bool:
        with self._lock:
            if not self._active:
                return False
            self._callbacks.append(callback)
            return True

    def peer(self) -> str:
        return str(self._stream.peer.addr())

    def abort(self, code: Any, details: str = "") -> NoReturn:
        raise GRPCError(status_of(code), details)

    def finish(self) -> None:
        """End the call: mark it inactive and run its callbacks (once)."""
        with self._lock:
            if not self._active:
                return
            self._active = False
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:
                _log.exception("a call's callback raised")


def status_of(code: Any) -> Status:
    """grpclib's status for grpcio's ``StatusCode``, a grpclib ``Status`` or a number."""
    if isinstance(code, Status):
        return code
    value = getattr(code, "value", code)
    if isinstance(value, tuple):  # grpc.StatusCode: (number, name)
        value = value[0]
    try:
        return Status(int(value))
    except (TypeError, ValueError):
        return Status.UNKNOWN


def grpc_error_for(error: Exception) -> GRPCError:
    """The status an implementation's exception answers the host with; logs what is the
    plugin's own failure. A call being cancelled raises ``CancelledError`` instead: whatever it
    raised on the way out is not an error of the plugin."""
    if isinstance(error, GRPCError):
        return error
    if isinstance(error, RPCError):
        return GRPCError(status_of(error.code), error.details)
    if isinstance(error, NotImplementedError):
        return GRPCError(Status.UNIMPLEMENTED, str(error) or "not implemented")
    if being_cancelled():
        _log.debug("plugin method ended by its cancelled call: %r", error)
        raise asyncio.CancelledError from None
    _log.exception("plugin method raised")
    return GRPCError(Status.UNKNOWN, f"{type(error).__name__}: {error}")


def being_cancelled() -> bool:
    """Whether this call's task has been told to stop (the host cancelled, its deadline passed
    or it went away): whatever the implementation raised on the way out is no error of it."""
    task = asyncio.current_task()
    cancelling = getattr(task, "cancelling", None)  # Python 3.11+; 3.10 logs it as before
    return cancelling is not None and bool(cancelling() > 0)
