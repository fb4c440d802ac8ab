"""The channel a plugin client calls through, as generated client adapters see it.

``channel.method(spec, "Greet")`` gives the callable for one method of a
:class:`~goplugin.ServiceSpec`, with the request and response classes the spec names, so
generated code never spells a gRPC library's API. Which library carries the calls depends on
the side: a host's channels are grpcio's (``goplugin.grpcio_core.channel``), a plugin on the
grpclib core dials its host's brokered services with grpclib
(``goplugin.grpclib_core.loop_channel``). This module names neither, so a plugin loads only the
one it uses.
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
