"""serve(): run this process as a go-plugin plugin, as go-plugin's ``plugin.Serve``.

The order matters and follows go-plugin: check the magic cookie before anything else, negotiate
the app version, take stdout away from the rest of the program, listen, register go-plugin's own
services (health, controller, stdio, broker, reflection) beside the plugins', print the one
handshake line, then serve until the host says Shutdown (or sends SIGTERM).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent import futures
from typing import TYPE_CHECKING, Any, NoReturn

import grpc

from goplugin._proto.grpc_controller_pb2 import Empty as ControllerEmpty
from goplugin.broker import GRPCBroker
from goplugin.constants import (
    ENV_CLIENT_CERT,
    ENV_MULTIPLEX_GRPC,
    ENV_PROTOCOL_VERSIONS,
    GRPC_MESSAGE_OPTIONS,
    HEALTH_SERVICE,
    NOT_A_HOST_MESSAGE,
    PROTOCOL_GRPC,
)
from goplugin.grpcio_registry import GrpcioRegistry
from goplugin.handshake import (
    HandshakeConfig,
    HandshakeLine,
    negotiate_version,
    parse_protocol_versions,
    versioned_sets,
)
from goplugin.hclog import install_runtime_logging
from goplugin.health import NOT_SERVING, SERVING, HealthService
from goplugin.health import SERVICE_NAME as HEALTH_SERVICE_NAME
from goplugin.listener import ListenError, default_network
from goplugin.plugin import PluginSet
from goplugin.reflection import LazyReflection
from goplugin.stdio import StdoutCapture, capture_process_stdout
from goplugin.transport import PLAINTEXT, Transport
from goplugin.watchdog import watch_host

if TYPE_CHECKING:
    from goplugin.tls import TLSConfig

_log = logging.getLogger("goplugin.server")

#: After Shutdown, in-flight calls get this long before the server stops (go-plugin's host
#: SIGKILLs after 2 s, so the whole exit must fit well inside that).
_STOP_GRACE_SECONDS = 0.5
#: How often the main thread wakes to run a SIGTERM handler that another thread received.
_SIGNAL_POLL_SECONDS = 0.5
#: How long Shutdown waits for the plugin's output to reach the host's stdio stream.
_STDIO_FLUSH_SECONDS = 0.5
#: Picks the serving core when ``serve(core=...)`` does not.
ENV_CORE = "GOPLUGIN_CORE"


def serve(
    *,
    handshake_config: HandshakeConfig,
    plugins: PluginSet | None = None,
    versioned_plugins: Mapping[int, PluginSet] | None = None,
    network: str | None = None,
    max_workers: int | None = None,
    grpc_options: Sequence[tuple[str, Any]] = (),
    tls_provider: Callable[[], TLSConfig] | None = None,
    core: str | None = None,
    debug: bool | None = None,
) -> NoReturn:
    """Serve ``plugins`` to the host that launched this process, then exit.

    ``plugins`` is served as ``handshake_config.protocol_version``; ``versioned_plugins`` maps
    further app protocol versions to their plugin sets, and the version the host negotiates
    decides which set is served. ``network`` is ``"unix"`` (default) or ``"tcp"``.

    When the host asks for AutoMTLS (``PLUGIN_CLIENT_CERT``), the plugin serves TLS that
    requires the host's certificate and announces its own in the handshake line.
    ``tls_provider``, like go-plugin's ``ServeConfig.TLSProvider``, returns the plugin's own
    :class:`goplugin.TLSConfig` instead (AutoMTLS is then not used).
    Exits with status 1 when run without the host's magic cookie.

    ``core`` picks the serving core: ``"grpcio"`` (a grpcio server with a thread pool of
    ``max_workers``) or ``"grpclib"`` (one asyncio event loop, every call a task, sync
    implementations through a pool of up to ``max_workers`` threads; ``grpc_options`` do not
    apply); by default the ``GOPLUGIN_CORE`` environment variable's, else grpcio.

    ``debug`` (default: the ``GOPLUGIN_DEBUG`` environment variable) serves a plugin started by
    hand, without the cookie check, and prints a :class:`goplugin.ReattachConfig` for hosts to
    reattach with (grpcio core only; see docs/debugging.md).
    """
    plugin_sets = versioned_sets(handshake_config, plugins, versioned_plugins, "serve()")
    from goplugin.debug_server import debug_requested

    if debug_requested(debug):
        from goplugin.debug_server import serve_debug

        serve_debug(
            plugin_sets,
            handshake_config.protocol_version,
            RESERVED_SERVICES,
            network=network or default_network(),
            max_workers=max_workers,
            grpc_options=grpc_options,
        )
    _refuse_without_cookie(handshake_config)
    watch_host()  # an orphaned plugin exits by itself: a dead host cannot stop it
    install_runtime_logging()
    host_versions = parse_protocol_versions(os.environ.get(ENV_PROTOCOL_VERSIONS, ""))
    version = negotiate_version(host_versions, plugin_sets, handshake_config.protocol_version)
    # Like a Go plugin, ignore Ctrl-C: the host shares our terminal and owns our shutdown.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    transport, cert_field = _transport(tls_provider)
    if _serving_core(core) == "grpclib":
        from goplugin.aio_server import AioPluginServer

        AioPluginServer(plugin_sets[version], max_workers, transport, RESERVED_SERVICES).run(
            network or default_network(), version, cert_field
        )
    server = _PluginServer(plugin_sets[version], max_workers, grpc_options, transport)
    try:
        server.start(network or default_network(), version, cert_field)
    except ListenError as error:
        sys.stderr.write(f"plugin failed to start: {error}\n")
        sys.exit(1)
    server.wait_and_exit()


def _serving_core(core: str | None) -> str:
    chosen = core or os.environ.get(ENV_CORE) or "grpcio"
    if chosen not in ("grpcio", "grpclib"):
        sys.stderr.write(f"plugin failed to start: unknown serving core {chosen!r}\n")
        sys.exit(1)
    return chosen


def _transport(tls_provider: Callable[[], TLSConfig] | None) -> tuple[Transport, str]:
    """Plaintext, or TLS with the handshake's certificate field; TLS code loads only if used."""
    client_cert = os.environ.get(ENV_CLIENT_CERT, "")
    if tls_provider is None and not client_cert:
        return PLAINTEXT, ""
    from goplugin.automtls import plugin_transport

    try:
        return plugin_transport(client_cert, tls_provider)
    except ValueError as error:
        sys.stderr.write(f"plugin failed to start: TLS: {error}\n")
        sys.exit(1)


def _refuse_without_cookie(config: HandshakeConfig) -> None:
    if os.environ.get(config.magic_cookie_key) != config.magic_cookie_value:
        sys.stderr.write(NOT_A_HOST_MESSAGE)
        sys.stderr.flush()
        sys.exit(1)


class _PluginServer:
    """One serving plugin process: its gRPC server, listener, stdio and shutdown signal."""

    def __init__(
        self,
        plugins: PluginSet,
        max_workers: int | None,
        grpc_options: Sequence[tuple[str, Any]],
        transport: Transport,
    ) -> None:
        self._plugins = plugins
        self._transport = transport
        self._executor = futures.ThreadPoolExecutor(
            max_workers=max_workers, thread_name_prefix="goplugin-rpc"
        )
        self._server = grpc.server(self._executor, options=(*GRPC_MESSAGE_OPTIONS, *grpc_options))
        self._capture = capture_process_stdout()
        self._stdio = self._capture.hub
        self._broker = GRPCBroker(transport=transport)
        self._health = HealthService()
        self._stop = threading.Event()
        self._service_names: list[str] = []

    def start(self, network: str, version: int, cert_field: str = "") -> None:
        handshake_fd = self._capture.handshake_fd
        self._register_builtin_services()
        registry = GrpcioRegistry(self._server, self._broker, RESERVED_SERVICES)
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
        self._server.add_generic_rpc_handlers(
            (
                self._health.generic_handler(),
                controller,
                self._stdio.generic_handler(),
                self._broker.generic_handler(),
            )
        )

    def _enable_reflection(self) -> None:
        names = [*self._service_names, HEALTH_SERVICE_NAME]
        self._server.add_generic_rpc_handlers((LazyReflection(names),))

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


#: Services every plugin process already serves for go-plugin; a plugin cannot serve them too.
RESERVED_SERVICES = frozenset(
    {
        "plugin.GRPCBroker",
        "plugin.GRPCController",
        "plugin.GRPCStdio",
        HEALTH_SERVICE_NAME,
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection",
    }
)


def close_side_services(
    transport: Transport, health: HealthService, capture: StdoutCapture, broker: GRPCBroker
) -> None:
    """End what every plugin process serves beside its plugins, once Shutdown has come (both
    serving cores; the caller has removed its own socket file first).

    A stuck implementation must not outlive the host's 2 s grace, so from here on the process
    exits after 1.5 s whatever happens.
    """
    transport.remove_sockets()
    watchdog = threading.Timer(1.5, os._exit, args=(0,))
    watchdog.daemon = True
    watchdog.start()
    for name in ("", HEALTH_SERVICE):
        health.set(name, NOT_SERVING)
    health.close()
    capture.stop()
    capture.hub.close()
    broker.close()
