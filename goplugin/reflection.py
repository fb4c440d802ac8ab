"""gRPC server reflection, loaded on the first reflection call rather than at start-up.

Reflection lets ``grpcurl`` and friends explore a running plugin, which is handy when debugging
and never needed otherwise; importing ``grpc_reflection`` (and with it ``descriptor_pb2``) up
front would slow every plugin's start. This handler answers for the reflection services and
builds the real servicer the first time one of their methods is called.

Like a Go plugin (grpc-go registers both), it answers ``grpc.reflection.v1`` as well as
``v1alpha``: grpcurl asks v1 first. The two protos differ only in their package, so their
messages are the same bytes on the wire and one servicer serves both paths. It lists every
service the process serves, go-plugin's own included, and describes them from whichever
descriptor pool holds them (go-plugin's internal protos live in a pool of their own).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import grpc
from google.protobuf import descriptor_pool

from goplugin._proto._pool import POOL as GOPLUGIN_POOL

V1ALPHA_SERVICE = "grpc.reflection.v1alpha.ServerReflection"
V1_SERVICE = "grpc.reflection.v1.ServerReflection"
_METHODS = tuple(f"/{name}/ServerReflectionInfo" for name in (V1ALPHA_SERVICE, V1_SERVICE))

#: go-plugin's services, served by every plugin process beside the plugin's own.
GO_PLUGIN_SERVICES = ("plugin.GRPCBroker", "plugin.GRPCController", "plugin.GRPCStdio")


class LazyReflection(grpc.GenericRpcHandler):  # type: ignore[type-arg]
    """Serves reflection for ``service_names`` (read at the first call, so it can still grow)."""

    def __init__(self, service_names: Sequence[str]) -> None:
        self._service_names = service_names
        self._lock = threading.Lock()
        self._handler: grpc.RpcMethodHandler[Any, Any] | None = None

    def service(
        self, handler_call_details: grpc.HandlerCallDetails
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        if handler_call_details.method not in _METHODS:
            return None
        with self._lock:
            if self._handler is None:
                self._handler = _reflection_handler(self._service_names)
            return self._handler


def _reflection_handler(service_names: Sequence[str]) -> grpc.RpcMethodHandler[Any, Any] | None:
    try:
        from grpc_health.v1 import health_pb2  # noqa: F401  (puts Health's descriptor in the pool)
        from grpc_reflection.v1alpha import reflection, reflection_pb2
    except ImportError:  # a convenience for grpcurl users, never required
        return None
    names = (*service_names, *GO_PLUGIN_SERVICES, V1ALPHA_SERVICE, V1_SERVICE)
    servicer = reflection.ReflectionServicer(names, pool=_Pools(descriptor_pool.Default()))
    return grpc.stream_stream_rpc_method_handler(
        servicer.ServerReflectionInfo,
        request_deserializer=reflection_pb2.ServerReflectionRequest.FromString,
        response_serializer=reflection_pb2.ServerReflectionResponse.SerializeToString,
    )


class _Pools:
    """The default pool, then goplugin's own: the lookups grpc_reflection's servicer makes."""

    def __init__(self, default: descriptor_pool.DescriptorPool) -> None:
        self._pools = (default, GOPLUGIN_POOL)

    def _first(self, method: str, *args: Any) -> Any:
        error: KeyError | None = None
        for pool in self._pools:
            try:
                return getattr(pool, method)(*args)
            except KeyError as missing:
                error = missing
        assert error is not None
        raise error

    def FindFileByName(self, name: str) -> Any:  # noqa: N802  (protobuf's names)
        return self._first("FindFileByName", name)

    def FindFileContainingSymbol(self, symbol: str) -> Any:  # noqa: N802
        return self._first("FindFileContainingSymbol", symbol)

    def FindMessageTypeByName(self, name: str) -> Any:  # noqa: N802
        return self._first("FindMessageTypeByName", name)

    def FindExtensionByNumber(self, message: Any, number: int) -> Any:  # noqa: N802
        return self._first("FindExtensionByNumber", message, number)

    def FindAllExtensions(self, message: Any) -> Any:  # noqa: N802
        return self._first("FindAllExtensions", message)
