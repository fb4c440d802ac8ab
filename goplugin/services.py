"""Services as data: what generated code declares instead of naming a gRPC library.

A :class:`ServiceSpec` lists a service's methods with their kind and message classes. A plugin
registers implementation callables against it on the :class:`ServiceRegistry` it is handed
(``server.register(spec, {"Greet": impl.greet})``), and a host's client adapter asks its
:class:`goplugin.Channel` for one callable per method (``channel.method(spec, "Greet")``).
Which gRPC library carries the calls is the runtime's business: generated code and plugins
written against these types do not change when it does.

This module imports no gRPC library, so a plugin process pays only for the one it serves with.
"""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from google.protobuf.message import Message


class Kind(enum.Enum):
    """Whether each side of an RPC sends one message or a stream of them."""

    UNARY_UNARY = "unary_unary"
    UNARY_STREAM = "unary_stream"
    STREAM_UNARY = "stream_unary"
    STREAM_STREAM = "stream_stream"

    @property
    def client_streaming(self) -> bool:
        return self in (Kind.STREAM_UNARY, Kind.STREAM_STREAM)

    @property
    def server_streaming(self) -> bool:
        return self in (Kind.UNARY_STREAM, Kind.STREAM_STREAM)


@dataclass(frozen=True)
class MethodSpec:
    """One RPC of a service: its name as the proto spells it, its kind and message classes."""

    name: str
    kind: Kind
    request: type[Message]
    response: type[Message]


def unary_unary(name: str, request: type[Message], response: type[Message]) -> MethodSpec:
    """A method taking one message and answering one."""
    return MethodSpec(name, Kind.UNARY_UNARY, request, response)


def unary_stream(name: str, request: type[Message], response: type[Message]) -> MethodSpec:
    """A method taking one message and answering a stream."""
    return MethodSpec(name, Kind.UNARY_STREAM, request, response)


def stream_unary(name: str, request: type[Message], response: type[Message]) -> MethodSpec:
    """A method taking a stream and answering one message."""
    return MethodSpec(name, Kind.STREAM_UNARY, request, response)


def stream_stream(name: str, request: type[Message], response: type[Message]) -> MethodSpec:
    """A method taking a stream and answering a stream."""
    return MethodSpec(name, Kind.STREAM_STREAM, request, response)


class ServiceSpec:
    """A gRPC service by its full proto name (``package.Service``) and its methods."""

    def __init__(self, name: str, *methods: MethodSpec) -> None:
        if not name or name.startswith(".") or "/" in name:
            raise ValueError(f"ServiceSpec: {name!r} is not a full service name (package.Service)")
        self.name = name
        self.methods: tuple[MethodSpec, ...] = methods
        self._by_name = {method.name: method for method in methods}
        if len(self._by_name) != len(methods):
            raise ValueError(f"ServiceSpec {name}: a method name appears twice")

    def method(self, name: str) -> MethodSpec:
        """The method called ``name`` (raises ``KeyError`` naming the service's methods)."""
        try:
            return self._by_name[name]
        except KeyError:
            known = ", ".join(self._by_name) or "none"
            raise KeyError(
                f"service {self.name} has no method {name!r} (it has: {known})"
            ) from None

    def path(self, method: str) -> str:
        """The method's HTTP/2 path, ``/package.Service/Method``."""
        return f"/{self.name}/{self.method(method).name}"

    def __repr__(self) -> str:
        return f"ServiceSpec({self.name!r}, {', '.join(m.name for m in self.methods)})"


#: An implementation callable: takes the request (or an iterator of them) and returns the
#: response (or an iterator of them).
Handler = Callable[[Any], Any]


def check_handlers(spec: ServiceSpec, handlers: Mapping[str, Handler]) -> None:
    """Refuse a handler map that does not cover exactly the service's methods."""
    missing = [m.name for m in spec.methods if m.name not in handlers]
    unknown = [name for name in handlers if name not in {m.name for m in spec.methods}]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(f"no handler for {', '.join(missing)}")
        if unknown:
            parts.append(f"handlers for methods it does not have: {', '.join(unknown)}")
        raise ValueError(f"register({spec.name}): {'; '.join(parts)}")
    for name, handler in handlers.items():
        if not callable(handler):
            raise TypeError(f"register({spec.name}): the handler for {name} is not callable")


class ServiceRegistry(Protocol):
    """What ``GRPCPlugin.grpc_server`` (and a broker's ``accept_and_serve``) registers on."""

    def register(self, spec: ServiceSpec, handlers: Mapping[str, Handler]) -> None:
        """Serve ``spec`` with one handler per method, keyed by the proto method name."""


_Req = TypeVar("_Req", contravariant=True)
_Resp = TypeVar("_Resp", covariant=True)


class UnaryUnaryCall(Protocol[_Req, _Resp]):
    """A host-side callable for a unary RPC."""

    def __call__(self, request: _Req, /) -> _Resp: ...


class UnaryStreamCall(Protocol[_Req, _Resp]):
    """A host-side callable for a server-streaming RPC."""

    def __call__(self, request: _Req, /) -> Iterable[_Resp]: ...


class StreamUnaryCall(Protocol[_Req, _Resp]):
    """A host-side callable for a client-streaming RPC."""

    def __call__(self, requests: Iterator[_Req], /) -> _Resp: ...


class StreamStreamCall(Protocol[_Req, _Resp]):
    """A host-side callable for a bidirectional-streaming RPC."""

    def __call__(self, requests: Iterator[_Req], /) -> Iterable[_Resp]: ...


class AsyncUnaryUnaryCall(Protocol[_Req, _Resp]):
    """An async host's callable for a unary RPC (``goplugin.AsyncChannel.method``)."""

    async def __call__(self, request: _Req, /) -> _Resp: ...


class AsyncUnaryStreamCall(Protocol[_Req, _Resp]):
    """An async host's callable for a server-streaming RPC: the responses as they arrive.

    Leaving the ``async for`` early, or ``aclose()``, cancels the call on the plugin.
    """

    def __call__(self, request: _Req, /) -> AsyncIterator[_Resp]: ...


class AsyncStreamUnaryCall(Protocol[_Req, _Resp]):
    """An async host's callable for a client-streaming RPC."""

    async def __call__(self, requests: AsyncIterator[_Req], /) -> _Resp: ...


class AsyncStreamStreamCall(Protocol[_Req, _Resp]):
    """An async host's callable for a bidirectional-streaming RPC."""

    def __call__(self, requests: AsyncIterator[_Req], /) -> AsyncIterator[_Resp]: ...
