"""A :class:`goplugin.Channel` over a grpcio channel: a host's, and the grpcio core's broker's.

It is also a ``grpc.Channel`` (hand-written clients that call ``channel.unary_unary(path, ...)``
or hand it to grpcio-tools stubs keep working); a host's channel already applies
:func:`goplugin.call_options` and turns failures into typed errors (``client_channel``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import grpc

from goplugin.channel import Channel
from goplugin.services import Kind, ServiceSpec


class GrpcioChannel(Channel, grpc.Channel):
    """A connection to the other side's services over grpcio."""

    def __init__(self, channel: grpc.Channel) -> None:
        self._channel = channel

    @property
    def grpc_channel(self) -> grpc.Channel:
        """The grpcio channel underneath, for grpcio-tools stubs in hand-written clients."""
        return self._channel

    def method(self, service: ServiceSpec, name: str) -> Any:
        spec = service.method(name)
        make: Callable[..., Any] = {
            Kind.UNARY_UNARY: self._channel.unary_unary,
            Kind.UNARY_STREAM: self._channel.unary_stream,
            Kind.STREAM_UNARY: self._channel.stream_unary,
            Kind.STREAM_STREAM: self._channel.stream_stream,
        }[spec.kind]
        return make(
            service.path(name),
            request_serializer=spec.request.SerializeToString,
            response_deserializer=spec.response.FromString,
        )

    # -- grpc.Channel, delegated ----------------------------------------------------------------

    def subscribe(self, callback: Any, try_to_connect: bool = False) -> None:
        self._channel.subscribe(callback, try_to_connect=try_to_connect)

    def unsubscribe(self, callback: Any) -> None:
        self._channel.unsubscribe(callback)

    def unary_unary(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.unary_unary(*args, **kwargs)

    def unary_stream(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.unary_stream(*args, **kwargs)

    def stream_unary(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.stream_unary(*args, **kwargs)

    def stream_stream(self, *args: Any, **kwargs: Any) -> Any:
        return self._channel.stream_stream(*args, **kwargs)

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> GrpcioChannel:
        return self
