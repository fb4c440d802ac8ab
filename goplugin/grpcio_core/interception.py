"""goplugin's server interceptors on the grpcio core: one ``grpc.ServerInterceptor`` for them all.

grpcio gives interceptors each method's handler; this one wraps the handler's behaviour so that
the call is handled inside :func:`goplugin.serving` (exceptions become statuses) and inside the
goplugin interceptors' context managers, for all four kinds and for every service on the
server, go-plugin's own and hand-written grpcio handlers included. Handlers registered through
``register`` (``registry``) then leave their exceptions to this outer ``serving``, so an
interceptor sees the implementation's exception as raised, as it does on the grpclib core.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import grpc

from goplugin.calls import serving
from goplugin.interceptors import AnyServerInterceptor, ServerCallDetails, intercepting
from goplugin.services import Kind

_outer_serving: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "goplugin_outer_serving", default=False
)


def outer_serving() -> bool:
    """Whether this thread is inside an intercepted call, whose wrapper maps exceptions."""
    return _outer_serving.get()


@contextlib.contextmanager
def _marked() -> Iterator[None]:
    token = _outer_serving.set(True)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):  # a generator finished in another context
            _outer_serving.reset(token)


if TYPE_CHECKING:  # grpc-stubs makes it generic; grpc's runtime class is not
    _ServerInterceptor = grpc.ServerInterceptor[Any, Any]
else:
    _ServerInterceptor = grpc.ServerInterceptor


class GrpcioInterception(_ServerInterceptor):
    """Runs goplugin interceptors around every call a grpcio server handles."""

    def __init__(self, interceptors: Sequence[AnyServerInterceptor]) -> None:
        self._interceptors = tuple(interceptors)

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler[Any, Any] | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        kind = _kind_of(handler)
        metadata = tuple(
            (str(key), value) for key, value in handler_call_details.invocation_metadata or ()
        )
        details = ServerCallDetails(str(handler_call_details.method), kind, metadata)
        return _wrapped(handler, kind, details, self._interceptors)


def _kind_of(handler: grpc.RpcMethodHandler[Any, Any]) -> Kind:
    if handler.request_streaming:
        return Kind.STREAM_STREAM if handler.response_streaming else Kind.STREAM_UNARY
    return Kind.UNARY_STREAM if handler.response_streaming else Kind.UNARY_UNARY


def _wrapped(
    handler: grpc.RpcMethodHandler[Any, Any],
    kind: Kind,
    details: ServerCallDetails,
    interceptors: tuple[AnyServerInterceptor, ...],
) -> grpc.RpcMethodHandler[Any, Any]:
    inner: Callable[[Any, grpc.ServicerContext], Any] = getattr(handler, kind.value)
    behaviour: Callable[[Any, grpc.ServicerContext], Any]
    if kind.server_streaming:

        def stream(request: Any, context: grpc.ServicerContext) -> Iterator[Any]:
            with serving(context), _marked(), intercepting(interceptors, details):
                yield from inner(request, context)

        behaviour = stream
    else:

        def single(request: Any, context: grpc.ServicerContext) -> Any:
            with serving(context), _marked(), intercepting(interceptors, details):
                return inner(request, context)

        behaviour = single
    factory: Callable[..., grpc.RpcMethodHandler[Any, Any]] = {
        Kind.UNARY_UNARY: grpc.unary_unary_rpc_method_handler,
        Kind.UNARY_STREAM: grpc.unary_stream_rpc_method_handler,
        Kind.STREAM_UNARY: grpc.stream_unary_rpc_method_handler,
        Kind.STREAM_STREAM: grpc.stream_stream_rpc_method_handler,
    }[kind]
    return factory(
        behaviour,
        request_deserializer=handler.request_deserializer,
        response_serializer=handler.response_serializer,
    )
