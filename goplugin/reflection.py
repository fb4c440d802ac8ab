"""gRPC server reflection, loaded on the first reflection call rather than at start-up.

Reflection lets ``grpcurl`` and friends explore a running plugin, which is handy when debugging
and never needed otherwise; importing ``grpc_reflection`` (and with it ``descriptor_pb2``) up
front would slow every plugin's start. This handler answers for the reflection services and
builds the real servicer the first time one of their methods is called.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import grpc

_PREFIXES = ("/grpc.reflection.v1alpha.ServerReflection/", "/grpc.reflection.v1.ServerReflection/")


class LazyReflection(grpc.GenericRpcHandler):  # type: ignore[type-arg]
    """Serves reflection for ``service_names`` (read at the first call, so it can still grow)."""

    def __init__(self, service_names: Sequence[str]) -> None:
        self._service_names = service_names
        self._lock = threading.Lock()
        self._handlers: list[grpc.GenericRpcHandler[Any, Any]] | None = None

    def service(
        self, handler_call_details: grpc.HandlerCallDetails
    ) -> grpc.RpcMethodHandler[Any, Any] | None:
        method = handler_call_details.method
        if not method.startswith(_PREFIXES):
            return None
        for handler in self._load():
            found = handler.service(handler_call_details)
            if found is not None:
                return found
        return None

    def _load(self) -> list[grpc.GenericRpcHandler[Any, Any]]:
        with self._lock:
            if self._handlers is None:
                self._handlers = _reflection_handlers(self._service_names)
            return self._handlers


def _reflection_handlers(service_names: Sequence[str]) -> list[grpc.GenericRpcHandler[Any, Any]]:
    try:
        from grpc_reflection.v1alpha import reflection
    except ImportError:  # a convenience for grpcurl users, never required
        return []
    names = (*service_names, reflection.SERVICE_NAME)
    collector = _HandlerCollector()
    reflection.enable_server_reflection(names, collector)  # type: ignore[arg-type]
    return collector.handlers


class _HandlerCollector:
    """Stands in for a server so grpc_reflection's own registration code can be reused."""

    def __init__(self) -> None:
        self.handlers: list[grpc.GenericRpcHandler[Any, Any]] = []

    def add_generic_rpc_handlers(
        self, handlers: Sequence[grpc.GenericRpcHandler[Any, Any]]
    ) -> None:
        self.handlers.extend(handlers)

    def add_registered_method_handlers(
        self, service_name: str, method_handlers: dict[str, grpc.RpcMethodHandler[Any, Any]]
    ) -> None:
        self.handlers.append(grpc.method_handlers_generic_handler(service_name, method_handlers))
