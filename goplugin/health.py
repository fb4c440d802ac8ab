"""The standard gRPC health service, as a go-plugin host pings it (service ``"plugin"``).

Written here on grpc's generic handlers rather than taken from ``grpc_health.v1.health``: that
module also imports grpc's asyncio server, which would add to every plugin's start-up for
nothing. Only the message definitions (``health_pb2``) are reused.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import grpc
from grpc_health.v1 import health_pb2

SERVICE_NAME = "grpc.health.v1.Health"
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
_UNKNOWN = health_pb2.HealthCheckResponse.SERVICE_UNKNOWN


class HealthService:
    """Per-service serving status with ``Check`` and ``Watch``."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._statuses: dict[str, health_pb2.HealthCheckResponse.ServingStatus] = {}
        self._closed = False

    def set(self, service: str, status: health_pb2.HealthCheckResponse.ServingStatus) -> None:
        with self._changed:
            self._statuses[service] = status
            self._changed.notify_all()

    def close(self) -> None:
        """End every ``Watch`` stream, so the server can stop without waiting on them."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def check(
        self, request: health_pb2.HealthCheckRequest, context: grpc.ServicerContext
    ) -> health_pb2.HealthCheckResponse:
        with self._changed:
            status = self._statuses.get(request.service)
        if status is None:
            context.abort(grpc.StatusCode.NOT_FOUND, f"unknown service {request.service!r}")
        return health_pb2.HealthCheckResponse(status=status)

    def watch(
        self, request: health_pb2.HealthCheckRequest, context: grpc.ServicerContext
    ) -> Iterator[health_pb2.HealthCheckResponse]:
        context.add_callback(self._wake_watchers)
        last = None
        while (status := self._next_status(request.service, last, context)) is not None:
            last = status
            yield health_pb2.HealthCheckResponse(status=status)

    def _next_status(
        self,
        service: str,
        last: health_pb2.HealthCheckResponse.ServingStatus | None,
        context: grpc.ServicerContext,
    ) -> health_pb2.HealthCheckResponse.ServingStatus | None:
        """Block until ``service``'s status differs from ``last``; None once the watch is over."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed
                or not context.is_active()
                or self._statuses.get(service, _UNKNOWN) != last
            )
            if self._closed or not context.is_active():
                return None
            return self._statuses.get(service, _UNKNOWN)

    def _wake_watchers(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def generic_handler(self) -> grpc.GenericRpcHandler[Any, Any]:
        request = health_pb2.HealthCheckRequest
        response = health_pb2.HealthCheckResponse
        return grpc.method_handlers_generic_handler(
            SERVICE_NAME,
            {
                "Check": grpc.unary_unary_rpc_method_handler(
                    self.check,
                    request_deserializer=request.FromString,
                    response_serializer=response.SerializeToString,
                ),
                "Watch": grpc.unary_stream_rpc_method_handler(
                    self.watch,
                    request_deserializer=request.FromString,
                    response_serializer=response.SerializeToString,
                ),
            },
        )
