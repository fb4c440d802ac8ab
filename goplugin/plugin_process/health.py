"""The standard gRPC health service, as a go-plugin host pings it (service ``"plugin"``).

Written against goplugin's own registration API (``ServiceSpec``) rather than taken from
``grpc_health.v1.health``, which imports grpcio (and its asyncio server): the same service then
runs on either serving core, and a plugin on the grpclib core never loads grpcio. Only the
message definitions (``health_pb2``, plain protobuf) are reused.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from grpc_health.v1 import health_pb2

from goplugin.calls import current_call
from goplugin.errors import NotFoundError
from goplugin.services import ServiceSpec, unary_stream, unary_unary

if TYPE_CHECKING:
    from goplugin.services import ServiceRegistry

SERVICE_NAME = "grpc.health.v1.Health"
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
_UNKNOWN = health_pb2.HealthCheckResponse.SERVICE_UNKNOWN

SPEC = ServiceSpec(
    SERVICE_NAME,
    unary_unary("Check", health_pb2.HealthCheckRequest, health_pb2.HealthCheckResponse),
    unary_stream("Watch", health_pb2.HealthCheckRequest, health_pb2.HealthCheckResponse),
)


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

    def register(self, server: ServiceRegistry) -> None:
        """Serve the health service on ``server`` (either serving core's registry)."""
        server.register(SPEC, {"Check": self.check, "Watch": self.watch})

    def check(self, request: health_pb2.HealthCheckRequest) -> health_pb2.HealthCheckResponse:
        with self._changed:
            status = self._statuses.get(request.service)
        if status is None:
            raise NotFoundError(f"unknown service {request.service!r}")
        return health_pb2.HealthCheckResponse(status=status)

    def watch(
        self, request: health_pb2.HealthCheckRequest
    ) -> Iterator[health_pb2.HealthCheckResponse]:
        call = current_call()
        call.add_callback(self._wake_watchers)
        last = None
        while (status := self._next_status(request.service, last, call)) is not None:
            last = status
            yield health_pb2.HealthCheckResponse(status=status)

    def _next_status(
        self,
        service: str,
        last: health_pb2.HealthCheckResponse.ServingStatus | None,
        call: Any,
    ) -> health_pb2.HealthCheckResponse.ServingStatus | None:
        """Block until ``service``'s status differs from ``last``; None once the watch is over."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._closed
                or not call.is_active()
                or self._statuses.get(service, _UNKNOWN) != last
            )
            if self._closed or not call.is_active():
                return None
            return self._statuses.get(service, _UNKNOWN)

    def _wake_watchers(self) -> None:
        with self._changed:
            self._changed.notify_all()

    def generic_handler(self) -> Any:
        """The service as a grpcio generic handler (for code that builds a grpcio server)."""
        from goplugin.grpcio_core.registry import generic_handler

        return generic_handler(SPEC, {"Check": self.check, "Watch": self.watch})
