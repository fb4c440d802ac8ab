"""The channels a plugin client calls through, sync and async, as generated adapters see them.

``channel.method(spec, "Greet")`` gives the callable for one method of a
:class:`~goplugin.ServiceSpec`, with the request and response classes the spec names, so
generated code never spells a gRPC library's API. Which library carries the calls depends on
the side: a host's channels are grpcio's (``goplugin.grpcio_core.channel``, and grpc.aio's in
``goplugin.channels.async_channel``), a plugin on the grpclib core dials its host's brokered
services with grpclib (``goplugin.grpclib_core.loop_channel``, ``.async_loop_channel``). This
module names none, so a plugin loads only the one it uses.
"""

from __future__ import annotations

import abc
from typing import Any

from goplugin.services import ServiceSpec


class Channel(abc.ABC):
    """A connection to the other side's services (the plugin, or a brokered service).

    Both kinds also answer grpcio's ``unary_unary(path, request_serializer=...,
    response_deserializer=...)`` (and the other three kinds), so hand-written clients built on
    grpcio-tools stubs keep working.
    """

    @abc.abstractmethod
    def method(self, service: ServiceSpec, name: str) -> Any:
        """The callable for ``service``'s method ``name``.

        A unary response is returned; a streamed response is an iterator that can be
        ``cancel()``-ed; a client stream is passed as an iterator of requests. Failed calls
        raise :class:`goplugin.RPCError` subclasses (grpcio's errors on a grpcio channel made
        without the host's error translation).
        """

    # grpcio's multi-callables, by path: ``unary_unary(path, request_serializer=...,
    # response_deserializer=...)`` returns the callable.

    @abc.abstractmethod
    def unary_unary(self, method: str, *args: Any, **kwargs: Any) -> Any: ...

    @abc.abstractmethod
    def unary_stream(self, method: str, *args: Any, **kwargs: Any) -> Any: ...

    @abc.abstractmethod
    def stream_unary(self, method: str, *args: Any, **kwargs: Any) -> Any: ...

    @abc.abstractmethod
    def stream_stream(self, method: str, *args: Any, **kwargs: Any) -> Any: ...

    @abc.abstractmethod
    def close(self) -> None:
        """Close the connection; calls in flight fail."""

    def __enter__(self) -> Channel:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncChannel(abc.ABC):
    """:class:`Channel` for code on an event loop: what ``Async<Service>GRPCClient`` adapters
    call through (a host's ``AsyncClient``, and ``broker.adial`` on either side)."""

    @abc.abstractmethod
    def method(self, service: ServiceSpec, name: str) -> Any:
        """The callable for ``service``'s method ``name``.

        Unary responses are awaited; streamed responses are async iterators. Request streams are
        async (or plain) iterables. Each callable also takes ``timeout=`` (seconds), which wins
        over :func:`goplugin.call_options`' for that call. Failed calls raise
        :class:`goplugin.RPCError` subclasses; cancelling the task awaiting a call, or leaving an
        ``async for`` over its responses early, cancels it on the other side.
        """

    @abc.abstractmethod
    async def close(self) -> None:
        """Close the connection; calls still running end with an error."""
