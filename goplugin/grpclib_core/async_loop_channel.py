"""An async :class:`goplugin.AsyncChannel` over grpclib, for ``async def`` code on the serving loop.

What ``await broker.adial(id)`` gives a plugin on the grpclib core: an ``async def``
implementation calls its host's brokered services (go-plugin's callbacks) by awaiting grpclib
on the loop it already runs on, with no thread and no second gRPC library. The sync
``loop_channel`` cannot serve it: it waits for the loop, which would be waiting for it.

Calls apply :func:`goplugin.call_options` in force where they are made and fail with
:class:`goplugin.RPCError` subclasses (UNAVAILABLE when the other side is gone). Cancelling the
task awaiting a call, or leaving an ``async for`` over its responses, resets the HTTP/2 stream,
so the other side's implementation is cancelled too.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterable, AsyncIterator, Iterable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from grpclib.client import Channel as GrpclibChannel

from goplugin.channel import AsyncChannel
from goplugin.grpclib_core.dialing import (
    CallSettings,
    Target,
    Types,
    call_settings,
    fail_call,
    request,
    spec_types,
    typed_error,
)
from goplugin.services import Kind, ServiceSpec

if TYPE_CHECKING:
    from grpclib.client import Stream

#: Requests as the async interfaces take them: an async iterator, or any plain iterable.
Requests = AsyncIterable[Any] | Iterable[Any]


class AsyncLoopChannel(AsyncChannel):
    """Async calls over a grpclib connection made on the loop of the code calling."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self._channel: GrpclibChannel | None = None
        self._open_streams: set[Stream[Any, Any]] = set()

    def method(self, service: ServiceSpec, name: str) -> Any:
        kind = service.method(name).kind
        call = _Call(self, kind, service.path(name), spec_types(service, name))
        return call.single if kind in (Kind.UNARY_UNARY, Kind.STREAM_UNARY) else call.streamed

    async def close(self) -> None:
        channel, self._channel = self._channel, None
        streams, self._open_streams = list(self._open_streams), set()
        # Calls still running are reset first, so the other side's implementations end now:
        # closing a TLS connection can leave its socket open for up to 30 s (close_notify).
        for stream in streams:
            with contextlib.suppress(Exception):
                await stream.cancel()
        if channel is not None:
            channel.close()

    @contextlib.asynccontextmanager
    async def open(
        self, kind: Kind, path: str, types: Types, settings: CallSettings
    ) -> AsyncIterator[Stream[Any, Any]]:
        """A call's HTTP/2 stream, its request headers sent, tracked while it is open."""
        if self._channel is None:  # made at the first call, on that call's loop
            self._channel = self.target.connect()
        async with request(self._channel, kind, path, types, settings) as stream:
            self._open_streams.add(stream)
            try:
                await stream.send_request()
                yield stream
            finally:
                self._open_streams.discard(stream)

    def failure(self, error: BaseException) -> BaseException:
        """What ``error`` becomes for the caller: typed when grpclib's, else itself."""
        return typed_error(error, self.target) or error


class _Call:
    """One method's calls: each opens its own HTTP/2 stream."""

    def __init__(self, channel: AsyncLoopChannel, kind: Kind, path: str, types: Types) -> None:
        self._channel = channel
        self._kind = kind
        self._path = path
        self._types = types

    async def single(self, argument: Any, /, *, timeout: float | None = None) -> Any:
        """A unary or client-streaming call: its one response."""
        settings = call_settings(timeout)
        try:
            async with self._open(settings) as stream:
                await _send(stream, self._requests(argument))
                response = await stream.recv_message()
            return response
        except Exception as error:
            raise self._channel.failure(error) from None

    def streamed(self, argument: Any, /, *, timeout: float | None = None) -> AsyncIterator[Any]:
        """A server-streaming or bidirectional call: its responses as they arrive."""
        # The settings are taken here, where the call is made, not at the first ``__anext__``.
        return self._responses(argument, call_settings(timeout))

    async def _responses(self, argument: Any, settings: CallSettings) -> AsyncIterator[Any]:
        sending: asyncio.Task[None] | None = None
        #: What a failing request iterator raised: the caller's error, not the call's.
        refused: list[Exception] = []
        try:
            async with self._open(settings) as stream:
                requests = self._requests(argument)
                if self._kind is Kind.UNARY_STREAM:
                    await _send(stream, requests)
                else:  # requests go while responses arrive, as on grpc.aio
                    sending = asyncio.ensure_future(self._send_beside(stream, requests, refused))
                while (response := await stream.recv_message()) is not None:
                    yield response
        except Exception as error:
            raise (refused[0] if refused else self._channel.failure(error)) from None
        finally:
            if sending is not None and not sending.done():
                sending.cancel()
                with contextlib.suppress(BaseException):
                    await sending
        if refused:
            raise refused[0]

    async def _send_beside(
        self, stream: Stream[Any, Any], requests: Requests, refused: list[Exception]
    ) -> None:
        """A bidirectional call's requests. A request iterator that fails cancels the call, its
        error noted for the caller; the call ending first is the receiving side's to report."""
        try:
            await _send(stream, requests)
        except Exception as error:
            if typed_error(error, self._channel.target) is None:
                refused.append(error)
                await fail_call(stream, error)

    def _open(self, settings: CallSettings) -> AbstractAsyncContextManager[Stream[Any, Any]]:
        return self._channel.open(self._kind, self._path, self._types, settings)

    def _requests(self, argument: Any) -> Requests:
        if self._kind in (Kind.UNARY_UNARY, Kind.UNARY_STREAM):
            return (argument,)
        if not isinstance(argument, (AsyncIterable, Iterable)):
            raise TypeError(
                f"{self._path}: a client stream takes an iterable of requests, not "
                f"{type(argument).__name__}"
            )
        return argument


async def _send(stream: Stream[Any, Any], requests: Requests) -> None:
    """Send every request, then end the request stream."""
    if isinstance(requests, AsyncIterable):
        async for message in requests:
            await stream.send_message(message)
    else:
        for message in requests:
            await stream.send_message(message)
    await stream.end()
