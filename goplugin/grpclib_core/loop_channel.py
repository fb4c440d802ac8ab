"""A sync :class:`goplugin.Channel` over grpclib, for a plugin on the grpclib core.

A plugin that calls back into its host (a service the host serves through the broker) does so
from a sync implementation method, which runs in one of the bridge's threads while the
serving core's event loop carries every connection. Each step of a call (open, send, receive,
finish) runs on that loop as a coroutine, and the calling thread waits for it: the plugin needs
no second gRPC library and no second loop. TLS is the stdlib ``ssl`` module's, so a Go host's
P-521 certificate needs no shim.

Calls apply :func:`goplugin.call_options` (deadline, metadata) and fail with
:class:`goplugin.RPCError` subclasses: UNAVAILABLE when the other side is gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import threading
import weakref
from collections.abc import Callable, Coroutine, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from grpclib.client import Channel as GrpclibChannel

from goplugin.broker import SYNC_ON_SERVING_LOOP
from goplugin.channel import Channel
from goplugin.errors import CancelledError, RPCError, UnavailableError
from goplugin.grpclib_core.dialing import (
    Target,
    Types,
    call_settings,
    fail_call,
    grpcio_style_types,
    request,
    spec_types,
    typed_error,
)
from goplugin.services import Kind, ServiceSpec

if TYPE_CHECKING:
    import ssl

    from grpclib.client import Stream

_T = TypeVar("_T")


class LoopChannel(Channel):
    """Sync calls over a grpclib connection that lives on ``loop`` (the serving core's)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        network: str,
        address: str,
        tls: ssl.SSLContext | None = None,
        server_name: str | None = None,
    ) -> None:
        self._loop = loop
        self._target = Target(network, address, tls, server_name)
        self._channel: GrpclibChannel | None = None
        self._lock = threading.Lock()
        #: Calls made on this channel, so that closing it ends those still open.
        self._calls: weakref.WeakSet[_Call] = weakref.WeakSet()

    def method(self, service: ServiceSpec, name: str) -> Any:
        kind = service.method(name).kind
        return self._callable(kind, service.path(name), spec_types(service, name))

    # -- grpcio's channel API, for hand-written clients and grpcio-tools stubs ------------------

    def unary_unary(
        self,
        method: str,
        request_serializer: Any = None,
        response_deserializer: Any = None,
        **_: Any,
    ) -> Any:
        return self._grpcio_style(
            Kind.UNARY_UNARY, method, request_serializer, response_deserializer
        )

    def unary_stream(
        self,
        method: str,
        request_serializer: Any = None,
        response_deserializer: Any = None,
        **_: Any,
    ) -> Any:
        return self._grpcio_style(
            Kind.UNARY_STREAM, method, request_serializer, response_deserializer
        )

    def stream_unary(
        self,
        method: str,
        request_serializer: Any = None,
        response_deserializer: Any = None,
        **_: Any,
    ) -> Any:
        return self._grpcio_style(
            Kind.STREAM_UNARY, method, request_serializer, response_deserializer
        )

    def stream_stream(
        self,
        method: str,
        request_serializer: Any = None,
        response_deserializer: Any = None,
        **_: Any,
    ) -> Any:
        return self._grpcio_style(
            Kind.STREAM_STREAM, method, request_serializer, response_deserializer
        )

    def _grpcio_style(
        self,
        kind: Kind,
        path: str,
        serialize: Callable[[Any], bytes] | None,
        deserialize: Callable[[bytes], Any] | None,
    ) -> Any:
        return self._callable(kind, path, grpcio_style_types(serialize, deserialize))

    def close(self) -> None:
        with self._lock:
            channel, self._channel = self._channel, None
            open_calls = [call for call in self._calls if call.claim()]
        if channel is None or self._loop.is_closed():
            return

        async def close() -> None:
            # Calls still open are reset first, so the other side's implementations end now:
            # closing a TLS connection can leave its socket open for up to 30 s (close_notify).
            for call in open_calls:
                await call.reset()
            channel.close()

        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
            asyncio.run_coroutine_threadsafe(close(), self._loop)

    # -- calls ----------------------------------------------------------------------------------

    def _callable(self, kind: Kind, path: str, types: Types) -> Any:
        if kind is Kind.UNARY_UNARY:
            return lambda request, timeout=None, metadata=None: self._single(
                kind, path, types, [request], timeout, metadata
            )
        if kind is Kind.STREAM_UNARY:
            return lambda requests, timeout=None, metadata=None: self._single(
                kind, path, types, requests, timeout, metadata
            )
        if kind is Kind.UNARY_STREAM:
            return lambda request, timeout=None, metadata=None: self._stream(
                kind, path, types, [request], timeout, metadata
            )
        return lambda requests, timeout=None, metadata=None: self._stream(
            kind, path, types, requests, timeout, metadata
        )

    def _run(self, make: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
        """Run one step of a call on the loop and wait for it, with errors made typed."""
        if _on_loop(self._loop):
            raise RuntimeError(SYNC_ON_SERVING_LOOP)
        try:
            return asyncio.run_coroutine_threadsafe(make(), self._loop).result()
        except RPCError:
            raise
        except RuntimeError:  # the loop has stopped: the plugin is shutting down
            if self._loop.is_closed() or not self._loop.is_running():
                raise UnavailableError(
                    f"{self._target.describe()}: the plugin is shutting down"
                ) from None
            raise
        except Exception as error:
            typed = typed_error(error, self._target)
            if typed is None:
                raise
            raise typed from None

    def _open(
        self,
        kind: Kind,
        path: str,
        types: Types,
        timeout: float | None,
        metadata: Iterable[tuple[str, str]] | None,
    ) -> Stream[Any, Any]:
        settings = call_settings(timeout, metadata)

        async def open_() -> Stream[Any, Any]:
            stream = request(self._grpclib_channel(), kind, path, types, settings)
            await stream.__aenter__()
            try:
                await stream.send_request()
            except BaseException as error:
                await stream.__aexit__(type(error), error, error.__traceback__)
                raise
            return stream

        return self._run(open_)

    def _grpclib_channel(self) -> GrpclibChannel:
        """The connection, made on the loop at the first call (grpclib binds it to the loop)."""
        with self._lock:
            if self._channel is None:
                self._channel = self._target.connect()
            return self._channel

    def _single(
        self,
        kind: Kind,
        path: str,
        types: Types,
        requests: Iterable[Any],
        timeout: float | None,
        metadata: Iterable[tuple[str, str]] | None,
    ) -> Any:
        stream = self._open(kind, path, types, timeout, metadata)
        call = self._track(_Call(self, stream))
        try:
            for request in requests:
                call.step(functools.partial(stream.send_message, request))
            call.step(stream.end)
            response = call.step(stream.recv_message)
            call.finish()
            return response
        except BaseException:
            call.abandon()
            raise

    def _stream(
        self,
        kind: Kind,
        path: str,
        types: Types,
        requests: Iterable[Any],
        timeout: float | None,
        metadata: Iterable[tuple[str, str]] | None,
    ) -> _Responses:
        stream = self._open(kind, path, types, timeout, metadata)
        call = self._track(_Call(self, stream))
        if kind is Kind.UNARY_STREAM:
            for request in requests:
                call.step(functools.partial(stream.send_message, request))
            call.step(stream.end)
        else:  # requests are sent while responses arrive, as grpcio does it
            threading.Thread(
                target=call.send_all, args=(requests,), name="goplugin-send", daemon=True
            ).start()
        return _Responses(call)

    def run_step(self, make: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
        return self._run(make)

    def run_soon(self, make: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Start a step on the loop without waiting for it (from any thread, the loop's too)."""
        if not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                asyncio.run_coroutine_threadsafe(make(), self._loop)

    def _track(self, call: _Call) -> _Call:
        with self._lock:
            self._calls.add(call)
        return call


class _Call:
    """One open call's stream, stepped from the calling thread."""

    def __init__(self, channel: LoopChannel, stream: Stream[Any, Any]) -> None:
        self._channel = channel
        self._stream = stream
        self._done = False
        self._lock = threading.Lock()

    def step(self, make: Callable[[], Coroutine[Any, Any, _T]]) -> _T:
        return self._channel.run_step(make)

    def send_all(self, requests: Iterable[Any]) -> None:
        """A bidirectional call's requests, from a thread of their own. A request iterator that
        raises fails the call with its error; the call ending first is the receiver's to report."""
        iterator = iter(requests)
        while True:
            if self._done:
                return  # the call ended (finished or cancelled): nothing more to send
            try:
                request = next(iterator)
            except StopIteration:
                break
            except Exception as error:
                with contextlib.suppress(Exception):
                    self.step(functools.partial(fail_call, self._stream, error))
                return
            try:
                self.step(functools.partial(self._stream.send_message, request))
            except Exception:
                return
        with contextlib.suppress(Exception):
            self.step(self._stream.end)

    def finish(self) -> None:
        """The call ended normally: read its status (raising a failed one)."""
        if self.claim():
            self.step(lambda: self._stream.__aexit__(None, None, None))

    def cancel(self) -> bool:
        if not self.claim():
            return False
        self.step(self.reset)
        return True

    def cancel_soon(self) -> None:
        """:meth:`cancel`, without waiting: for a response iterator dropped unread."""
        if self.claim():
            self._channel.run_soon(self.reset)

    async def reset(self) -> None:
        """Reset the stream (the other side's implementation is cancelled), on the loop."""
        try:
            await self._stream.cancel()
        finally:
            error = asyncio.CancelledError()
            # the cancelled call's status is of no interest
            with contextlib.suppress(Exception):
                await self._stream.__aexit__(type(error), error, None)

    def abandon(self) -> None:
        """The call failed on our side: release its stream without waiting for a status."""
        if not self.claim():
            return

        async def release() -> None:
            error = CancelledError("abandoned")
            with contextlib.suppress(Exception):  # already failing with the caller's error
                await self._stream.__aexit__(type(error), error, None)

        with contextlib.suppress(Exception):  # the caller's own error is the one to see
            self.step(release)

    def claim(self) -> bool:
        """Take the call's ending for the caller (finish, cancel, release): once only."""
        with self._lock:
            if self._done:
                return False
            self._done = True
            return True


class _Responses:
    """A response stream as a sync iterator, ``cancel()``-able as grpcio's."""

    def __init__(self, call: _Call) -> None:
        self._call = call
        self._ended = False

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if self._ended:
            raise StopIteration
        try:
            message = self._call.step(self._call._stream.recv_message)
        except BaseException:
            self._ended = True
            self._call.abandon()
            raise
        if message is None:
            self._ended = True
            self._call.finish()
            raise StopIteration
        return message

    def cancel(self) -> bool:
        self._ended = True
        return self._call.cancel()

    def __del__(self) -> None:
        # Dropped unread, as grpcio's response iterators: the call is cancelled, not left open.
        if not self._ended:
            with contextlib.suppress(Exception):  # late in the interpreter's shutdown
                self._call.cancel_soon()


def _on_loop(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False
