"""The grpcio serving core: a grpcio server with a thread pool (``serve(core="grpcio")``).

Each call runs in one of the pool's ``max_workers`` threads, and an open stream holds its
thread for its whole life (docs/serving.md compares the two cores). Everything grpcio-specific
about serving a plugin process lives here, loaded only when this core is chosen: the grpclib
core (the default) never imports grpcio.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent import futures
from typing import Any, NoReturn, cast

import grpc

from goplugin._proto.grpc_controller_pb2 import Empty as ControllerEmpty
from goplugin.broker import GRPCBroker
from goplugin.channels.grpc_options import channel_options
from goplugin.constants import (
    ENV_MULTIPLEX_GRPC,
    GRPC_MESSAGE_OPTIONS,
    HEALTH_SERVICE,
    PROTOCOL_GRPC,
)
from goplugin.grpcio_core.broker import GrpcioBrokerCore
from goplugin.grpcio_core.registry import GrpcioRegistry
from goplugin.handshake import HandshakeLine
from goplugin.plugin import PluginSet
from goplugin.plugin_process.health import SERVICE_NAME as HEALTH_SERVICE_NAME
from goplugin.plugin_process.health import SERVING, HealthService
from goplugin.plugin_process.listener import ListenError, bind
from goplugin.plugin_process.reflection import LazyReflection
from goplugin.plugin_process.server import close_side_services
from goplugin.plugin_process.stdio import StdioHub, capture_process_stdout
from goplugin.security.transport import Transport

#: After Shutdown, in-flight calls get this long before the server stops (go-plugin's host
#: SIGKILLs after 2 s, so the whole exit must fit well inside that).
_STOP_GRACE_SECONDS = 0.5
#: How often the main thread wakes to run a SIGTERM handler that another thread received.
_SIGNAL_POLL_SECONDS = 0.5
#: How long Shutdown waits for the plugin's output to reach the host's stdio stream.
_STDIO_FLUSH_SECONDS = 0.5


class GrpcioPluginServer:
    """One serving plugin process: its gRPC server, listener, stdio and shutdown signal."""

    def __init__(
        self,
        plugins: PluginSet,
        max_workers: int | None,
        grpc_options: Sequence[tuple[str, Any]],
        transport: Transport,
        reserved: frozenset[str],
        interceptors: Sequence[grpc.ServerInterceptor[Any, Any]] = (),
    ) -> None:
        self._plugins = plugins
        self._reserved = reserved
        self._transport = transport
        self._executor = futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="goplugin-rpc"
        )
        self._server = grpc.server(
            self._executor,
            options=channel_options(GRPC_MESSAGE_OPTIONS, grpc_options),
            interceptors=list(interceptors),  # serve(interceptors=...): see goplugin.interceptors
        )
        self._capture = capture_process_stdout()
        self._stdio = self._capture.hub
        self._broker = GRPCBroker(transport=transport, core=GrpcioBrokerCore())
        self._health = HealthService()
        self._stop = threading.Event()
        self._service_names: list[str] = []

    def start(self, network: str, version: int, cert_field: str = "") -> None:
        handshake_fd = self._capture.handshake_fd
        self._register_builtin_services()
        registry = GrpcioRegistry(self._server, self._broker, self._reserved)
        for plugin in self._plugins.values():
            plugin.grpc_server(self._broker, registry)
        self._service_names = registry.names
        self._enable_reflection()
        self._listener = self._transport.listen(self._server, network, os.environ)
        self._server.start()
        signal.signal(signal.SIGTERM, lambda _signum, _frame: self._stop.set())
        line = HandshakeLine(
            version,
            self._listener.network,
            self._listener.address,
            PROTOCOL_GRPC,
            cert_field,
            # Asked whether we multiplex the broker (go-plugin >= 1.6), answer no: a host that
            # requires it then refuses us with go-plugin's own "not supported" error.
            multiplex=False if os.environ.get(ENV_MULTIPLEX_GRPC) else None,
        )
        self._stdio.hold_for_host()
        os.write(handshake_fd, line.format().encode())

    def _register_builtin_services(self) -> None:
        for name in ("", HEALTH_SERVICE):
            self._health.set(name, SERVING)
        controller = grpc.method_handlers_generic_handler(
            "plugin.GRPCController",
            {
                "Shutdown": grpc.unary_unary_rpc_method_handler(
                    self._shutdown,
                    request_deserializer=ControllerEmpty.FromString,
                    response_serializer=ControllerEmpty.SerializeToString,
                )
            },
        )
        self._server.add_generic_rpc_handlers((controller,))
        builtins = GrpcioRegistry(self._server, None)
        for service in (self._health, self._stdio, self._broker):
            service.register(builtins)

    def _enable_reflection(self) -> None:
        names = [*self._service_names, HEALTH_SERVICE_NAME]
        self._server.add_generic_rpc_handlers((cast(Any, LazyReflection(names)),))

    def _shutdown(self, request: ControllerEmpty, context: grpc.ServicerContext) -> ControllerEmpty:
        """``plugin.GRPCController/Shutdown``: reply first, then stop (the host waits 2 s).

        A host closes the connection as soon as we reply, so whatever the plugin printed goes
        out on the stdio stream first (briefly bounded: a stalled host must not hold us).
        """
        self._capture.drain()
        self._stdio.wait_sent(timeout=_STDIO_FLUSH_SECONDS)
        context.add_callback(self._stop.set)
        return ControllerEmpty()

    def wait_and_exit(self) -> NoReturn:
        # A timeout, not one long wait: when the kernel hands SIGTERM to another thread, the
        # Python handler runs only once the main thread wakes, and a plain wait never would.
        while not self._stop.wait(_SIGNAL_POLL_SECONDS):
            pass
        # The socket file goes first: the bound listener does not need its path, and a plugin
        # that the watchdog below has to cut short must not leave the file behind.
        self._listener.remove()
        close_side_services(self._transport, self._health, self._capture, self._broker)
        self._server.stop(grace=_STOP_GRACE_SECONDS).wait()
        self._transport.close()
        self._executor.shutdown(wait=False, cancel_futures=True)
        sys.exit(0)


def serve_debug_grpcio(
    plugins: PluginSet,
    version: int,
    reserved: frozenset[str],
    network: str,
    max_workers: int | None,
    grpc_options: Sequence[tuple[str, Any]],
    announce: Any,
    interceptors: Sequence[grpc.ServerInterceptor[Any, Any]] = (),
) -> NoReturn:
    """Debug mode on the grpcio core (``goplugin.plugin_process.debug_server``): no cookie, no
    capture, the reattach config printed by ``announce(network, address)``; serves until
    stopped."""
    stop = threading.Event()
    executor = futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="goplugin")
    server = grpc.server(
        executor,
        options=channel_options(GRPC_MESSAGE_OPTIONS, grpc_options),
        interceptors=list(interceptors),
    )
    broker = GRPCBroker(core=GrpcioBrokerCore())
    health = HealthService()
    stdio = StdioHub(raw_stderr_fd=2)  # nothing is captured: the stream stays empty

    def shutdown(request: ControllerEmpty, context: grpc.ServicerContext) -> ControllerEmpty:
        context.add_callback(stop.set)
        return ControllerEmpty()

    controller = grpc.method_handlers_generic_handler(
        "plugin.GRPCController",
        {
            "Shutdown": grpc.unary_unary_rpc_method_handler(
                shutdown,
                request_deserializer=ControllerEmpty.FromString,
                response_serializer=ControllerEmpty.SerializeToString,
            )
        },
    )
    for name in ("", HEALTH_SERVICE):
        health.set(name, SERVING)
    server.add_generic_rpc_handlers((controller,))
    builtins = GrpcioRegistry(server, None)
    for service in (health, stdio, broker):
        service.register(builtins)
    registry = GrpcioRegistry(server, broker, reserved)
    for plugin in plugins.values():
        plugin.grpc_server(broker, registry)
    server.add_generic_rpc_handlers(
        (cast(Any, LazyReflection([*registry.names, HEALTH_SERVICE_NAME])),)
    )
    try:
        listener = bind(server, network, os.environ)
    except ListenError as error:
        sys.stderr.write(f"plugin failed to start: {error}\n")
        sys.exit(1)
    server.start()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    announce(listener.network, listener.address)
    try:
        while not stop.wait(_SIGNAL_POLL_SECONDS):
            pass
    finally:
        listener.remove()
        health.close()
        stdio.close()
        broker.close()
        server.stop(grace=0.5).wait()
        executor.shutdown(wait=False, cancel_futures=True)
    sys.exit(0)
