"""The grpc.aio :class:`goplugin.AsyncChannel`: an async host's, and a host's async broker dials.

``method(spec, "Greet")`` gives a callable that generated ``Async<Service>GRPCClient`` adapters
await (unary responses) or iterate with ``async for`` (streamed responses), and that does what
the sync host's interceptor does (``client_channel``): it applies :func:`goplugin.call_options`
(a timeout becomes the call's gRPC deadline, which the plugin sees as
``current_call().time_remaining()``) and turns a failed call into a :class:`goplugin.PluginError`.

Cancellation runs through asyncio's own: a task cancelled while it awaits a call, or an
``async for`` left early (the response iterator closed), cancels the gRPC call, so the plugin's
implementation is cancelled too instead of serving a host that no longer listens.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import grpc
import grpc.aio

from goplugin.calls import active_call_options
from goplugin.channel import AsyncChannel
from goplugin.channels.client_channel import Diagnose
from goplugin.channels.stream_reader import read_in_thread
from goplugin.errors import PluginError, rpc_error_for
from goplugin.services import Kind, ServiceSpec

#: What ``read()`` returns after the last message (grpc-stubs 1.53 does not declare it).
_EOF: object = grpc.aio.EOF  # type: ignore[attr-defined]


def _by_status(error: grpc.RpcError, method: str) -> PluginError:
    return rpc_error_for(error.code(), error.details() or "")


class GrpcioAsyncChannel(AsyncChannel):
    """A grpc.aio connection to the other side's services, as async client adapters use it."""

    def __init__(
        self,
        channel: grpc.aio.Channel,
        diagnose: Diagnose = _by_status,
        stream_reader: grpc.Channel | None = None,
    ) -> None:
        """``stream_reader``, a sync channel to the same server reading server streams on the
        calling thread, carries server-streaming calls instead
        (``goplugin.channels.stream_reader``): grpc.aio reads about 11k messages/s, the reader
        thread ten times as many."""
        self._channel = channel
        self._diagnose = diagnose
        self._stream_reader = stream_reader

    @property
    def grpc_channel(self) -> grpc.aio.Channel:
        """The grpc.aio channel underneath, for hand-written clients using grpcio-tools stubs
        (their calls get neither :func:`goplugin.call_options` nor typed errors)."""
        return self._channel

    def method(self, service: ServiceSpec, name: str) -> Any:
        spec = service.method(name)
        path = service.path(name)
        serialize, deserialize = spec.request.SerializeToString, spec.response.FromString
        channel = self._channel
        if spec.kind is Kind.UNARY_UNARY:
            return _Single(channel.unary_unary(path, serialize, deserialize), path, self._diagnose)
        if spec.kind is Kind.STREAM_UNARY:
            return _Single(channel.stream_unary(path, serialize, deserialize), path, self._diagnose)
        if spec.kind is Kind.UNARY_STREAM and self._stream_reader is not None:
            multicallable = self._stream_reader.unary_stream(path, serialize, deserialize)
            return _ReadInThread(multicallable, path, self._diagnose)
        if spec.kind is Kind.UNARY_STREAM:
            return _Streamed(
                channel.unary_stream(path, serialize, deserialize), path, self._diagnose
            )
        return _Streamed(channel.stream_stream(path, serialize, deserialize), path, self._diagnose)

    async def close(self) -> None:
        await self._channel.close(None)


class _Method:
    def __init__(self, multicallable: Any, path: str, diagnose: Diagnose) -> None:
        self._multicallable = multicallable
        self._path = path
        self._diagnose = diagnose

    def _start(self, argument: Any, timeout: float | None) -> Any:
        """Start the call now, under the :func:`call_options` of the code calling."""
        options = active_call_options()
        return self._multicallable(
            argument,
            timeout=timeout if timeout is not None else options.timeout,
            metadata=options.metadata or None,
        )

    async def _failure(self, error: grpc.aio.AioRpcError) -> PluginError:
        return await asyncio.to_thread(self._diagnose, error, self._path)


class _Single(_Method):
    """A call answered with one message: unary or client-streaming."""

    async def __call__(self, argument: Any, /, *, timeout: float | None = None) -> Any:
        try:
            return await self._start(argument, timeout)
        except grpc.aio.AioRpcError as error:
            raise await self._failure(error) from None


class _Streamed(_Method):
    """A call answered with a stream: server-streaming or bidirectional."""

    def __call__(self, argument: Any, /, *, timeout: float | None = None) -> AsyncIterator[Any]:
        # Started here rather than at the first ``__anext__``, so the call takes the options in
        # force where it was made, like every other call.
        return self._responses(self._start(argument, timeout))

    async def _responses(self, call: Any) -> AsyncIterator[Any]:
        try:
            while (response := await call.read()) is not _EOF:
                yield response
        except grpc.aio.AioRpcError as error:
            raise await self._failure(error) from None
        finally:
            # A host that stops reading (leaves the loop, is cancelled) frees the plugin now,
            # not when the garbage collector gets to the call. A no-op once the call ended.
            call.cancel()


class _ReadInThread(_Method):
    """A server-streaming call on the sync channel, its messages read by a worker thread."""

    def __call__(self, argument: Any, /, *, timeout: float | None = None) -> AsyncIterator[Any]:
        return read_in_thread(self._start(argument, timeout), self._diagnose, self._path)


__all__ = ["GrpcioAsyncChannel"]
