"""The registry plugins register on, served by a grpcio server.

``register(spec, handlers)`` wraps each implementation callable in a grpcio handler that runs
it inside :func:`goplugin.serving` (so ``current_call()`` and ``current_broker()`` work and its
exceptions become statuses). The registry is also a ``grpc.Server`` that accepts grpcio's own
generic handlers, so hand-written plugins that call ``server.add_generic_rpc_handlers`` keep
working; everything that would start or stop the server is refused (the runtime owns it).
"""

from __future__ import annotations

import contextlib
import inspect
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import grpc

from goplugin.calls import _current_broker, _current_call, serving
from goplugin.grpcio_core.interception import outer_serving
from goplugin.services import Handler, Kind, MethodSpec, ServiceSpec, check_handlers

if TYPE_CHECKING:
    from goplugin.broker import GRPCBroker


class GrpcioRegistry(grpc.Server):
    """A grpcio server as plugins see it: registration only, service names noted.

    ``broker`` is what ``current_broker()`` returns in calls registered through
    :meth:`register`; ``reserved`` names services nobody may register (go-plugin's own, on a
    plugin's main server, where the runtime's handlers would silently answer in their place).
    """

    def __init__(
        self,
        server: grpc.Server,
        broker: GRPCBroker | None,
        reserved: frozenset[str] = frozenset(),
    ) -> None:
        self._server = server
        self._broker = broker
        self._reserved = reserved
        #: Service names registered, in order (reflection lists them).
        self.names: list[str] = []

    def register(self, spec: ServiceSpec, handlers: Mapping[str, Handler]) -> None:
        """Serve ``spec`` with one implementation callable per method."""
        check_handlers(spec, handlers)
        for name, handler in handlers.items():
            if inspect.iscoroutinefunction(handler) or inspect.isasyncgenfunction(handler):
                raise TypeError(
                    f"register({spec.name}): {name}'s implementation is async, which the grpcio "
                    'serving core cannot run: serve it with goplugin.serve(core="grpclib")'
                )
        self._note(spec.name)
        self._server.add_generic_rpc_handlers((generic_handler(spec, handlers, self._broker),))

    def _note(self, service_name: str) -> None:
        if service_name in self._reserved:
            raise ValueError(
                f"a plugin cannot serve {service_name}: every go-plugin plugin process already "
                "serves it for the host; give the plugin's proto a package of its own"
            )
        if service_name not in self.names:
            self.names.append(service_name)

    # -- grpcio's own registration, for hand-written plugins ------------------------------------

    def add_generic_rpc_handlers(
        self, generic_rpc_handlers: Iterable[grpc.GenericRpcHandler[Any, Any]]
    ) -> None:
        generic_rpc_handlers = tuple(generic_rpc_handlers)
        for handler in generic_rpc_handlers:
            name = getattr(handler, "service_name", None)
            if callable(name):
                self._note(str(name()))
        self._server.add_generic_rpc_handlers(generic_rpc_handlers)

    def add_registered_method_handlers(
        self, service_name: str, method_handlers: Mapping[str, grpc.RpcMethodHandler[Any, Any]]
    ) -> None:
        self._note(service_name)
        self._server.add_registered_method_handlers(  # type: ignore[attr-defined]
            service_name, method_handlers
        )

    def add_insecure_port(self, address: str) -> int:
        return self._server.add_insecure_port(address)

    def add_secure_port(self, address: str, server_credentials: grpc.ServerCredentials) -> int:
        return self._server.add_secure_port(address, server_credentials)

    def start(self) -> None:
        raise RuntimeError("goplugin starts the server itself; grpc_server() only registers")

    def stop(self, grace: float | None = None) -> threading.Event:
        raise RuntimeError("goplugin stops the server itself, when the host asks it to")

    def wait_for_termination(self, timeout: float | None = None) -> bool:
        raise RuntimeError("goplugin owns the server's lifetime")


def generic_handler(
    spec: ServiceSpec, handlers: Mapping[str, Handler], broker: GRPCBroker | None = None
) -> grpc.GenericRpcHandler[Any, Any]:
    """``spec`` served by ``handlers`` as one grpcio generic handler (each inside ``serving``)."""
    method_handlers = {
        method.name: _grpcio_handler(method, handlers[method.name], broker)
        for method in spec.methods
    }
    return grpc.method_handlers_generic_handler(spec.name, method_handlers)


def _serving(
    context: grpc.ServicerContext, broker: GRPCBroker | None
) -> contextlib.AbstractContextManager[None]:
    """:func:`serving`, unless goplugin's interceptors wrap the call (``interception``):
    then the wrapper maps exceptions, after its interceptors have seen them as raised."""
    if outer_serving():
        return _bound(context, broker)
    return serving(context, broker)


@contextlib.contextmanager
def _bound(context: grpc.ServicerContext, broker: GRPCBroker | None) -> Iterator[None]:
    """What :func:`serving` binds (``current_call()``, ``current_broker()``), and only that."""
    token = _current_call.set(context)
    broker_token = _current_broker.set(broker)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # a generator finished in another context
            _current_broker.reset(broker_token)
        with contextlib.suppress(ValueError):
            _current_call.reset(token)


def _grpcio_handler(
    method: MethodSpec, handler: Handler, broker: GRPCBroker | None
) -> grpc.RpcMethodHandler[Any, Any]:
    """A grpcio handler running ``handler`` inside :func:`serving`, by the method's kind."""
    factory: Callable[..., grpc.RpcMethodHandler[Any, Any]]
    if method.kind.server_streaming:

        def stream(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
            with _serving(context, broker):
                yield from handler(request)

        behaviour: Callable[[Any, grpc.ServicerContext], Any] = stream
    else:

        def single(request: Any, context: grpc.ServicerContext) -> Any:
            with _serving(context, broker):
                return handler(request)

        behaviour = single
    factory = {
        Kind.UNARY_UNARY: grpc.unary_unary_rpc_method_handler,
        Kind.UNARY_STREAM: grpc.unary_stream_rpc_method_handler,
        Kind.STREAM_UNARY: grpc.stream_unary_rpc_method_handler,
        Kind.STREAM_STREAM: grpc.stream_stream_rpc_method_handler,
    }[method.kind]
    return factory(
        behaviour,
        request_deserializer=method.request.FromString,
        response_serializer=method.response.SerializeToString,
    )
