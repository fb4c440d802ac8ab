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
from typing import TYPE_CHECKING, Any, NoReturn

from goplugin.constants import (
    ENV_CLIENT_CERT,
    ENV_PROTOCOL_VERSIONS,
    HEALTH_SERVICE,
    NOT_A_HOST_MESSAGE,
)
from goplugin.handshake import (
    HandshakeConfig,
    negotiate_version,
    parse_protocol_versions,
    versioned_sets,
)
from goplugin.interceptors import AnyServerInterceptor, grpcio_chain, split_interceptors
from goplugin.plugin import PluginSet
from goplugin.plugin_process.hclog import install_runtime_logging
from goplugin.plugin_process.health import NOT_SERVING, HealthService
from goplugin.plugin_process.health import SERVICE_NAME as HEALTH_SERVICE_NAME
from goplugin.plugin_process.launch import release_collections
from goplugin.plugin_process.listener import ListenError, default_network
from goplugin.plugin_process.watchdog import watch_host
from goplugin.security.transport import PLAINTEXT, Transport

if TYPE_CHECKING:
    import grpc

    from goplugin.broker import GRPCBroker
    from goplugin.plugin_process.stdio import StdoutCapture
    from goplugin.security.tls import TLSConfig

_log = logging.getLogger("goplugin.server")

#: Picks the serving core when ``serve(core=...)`` does not.
ENV_CORE = "GOPLUGIN_CORE"
#: Set to 1 to serve in debug mode (as ``serve(debug=True)``; see
#: ``goplugin.plugin_process.debug_server``).
ENV_DEBUG = "GOPLUGIN_DEBUG"
#: The serving core when neither ``serve(core=...)`` nor ``GOPLUGIN_CORE`` picks one.
DEFAULT_CORE = "grpclib"


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
    grpc_server_options: Sequence[tuple[str, Any]] = (),
    interceptors: Sequence[AnyServerInterceptor | grpc.ServerInterceptor[Any, Any]] = (),
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

    ``core`` picks the serving core: ``"grpclib"`` (one asyncio event loop, every call a task,
    sync implementations through a pool of up to ``max_workers`` threads; ``grpc_options`` do
    not apply; the process never imports grpcio) or ``"grpcio"`` (a grpcio server with a thread
    pool of ``max_workers``); by default the ``GOPLUGIN_CORE`` environment variable's, else
    grpclib.

    ``debug`` (default: the ``GOPLUGIN_DEBUG`` environment variable) serves a plugin started by
    hand, without the cookie check, and prints a :class:`goplugin.ReattachConfig` for hosts to
    reattach with (either core; see docs/debugging.md).

    ``interceptors`` run around every call on the plugin's main connection, as the options a Go
    plugin's ``ServeConfig.GRPCServer`` gives its ``grpc.Server`` (docs/interceptors.md):
    goplugin interceptors (:class:`goplugin.ServerCallDetails` in, a context manager out) on
    either core, grpcio's own ``grpc.ServerInterceptor`` objects on the grpcio core, outside
    goplugin's. ``grpc_server_options`` are grpcio server options (channel arguments), grpcio
    core only; a core that cannot take what is given refuses to start, naming it.
    """
    plugin_sets = versioned_sets(handshake_config, plugins, versioned_plugins, "serve()")
    chosen = _serving_core(core)
    own_interceptors, grpcio_interceptors = _interceptors(chosen, interceptors, grpc_server_options)
    if debug_requested(debug):
        from goplugin.plugin_process.debug_server import (
            serve_debug,  # with reattach and json: debug mode only
        )

        release_collections()
        serve_debug(
            plugin_sets,
            handshake_config.protocol_version,
            RESERVED_SERVICES,
            network=network or default_network(),
            max_workers=max_workers,
            grpc_options=(*grpc_options, *grpc_server_options),
            core=chosen,
            interceptors=own_interceptors,
            grpcio_interceptors=grpcio_interceptors,
        )
    _refuse_without_cookie(handshake_config)
    watch_host()  # an orphaned plugin exits by itself: a dead host cannot stop it
    install_runtime_logging()
    host_versions = parse_protocol_versions(os.environ.get(ENV_PROTOCOL_VERSIONS, ""))
    version = negotiate_version(host_versions, plugin_sets, handshake_config.protocol_version)
    # Like a Go plugin, ignore Ctrl-C: the host shares our terminal and owns our shutdown.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    transport, cert_field = _transport(tls_provider)
    if chosen == "grpclib":
        from goplugin.grpclib_core.server import AioPluginServer

        aio_server = AioPluginServer(
            plugin_sets[version],
            max_workers,
            transport,
            RESERVED_SERVICES,
            interceptors=own_interceptors,
        )
        release_collections()  # everything start-up needs is loaded
        aio_server.run(network or default_network(), version, cert_field)
    from goplugin.grpcio_core.server import GrpcioPluginServer

    server = GrpcioPluginServer(
        plugin_sets[version],
        max_workers,
        (*grpc_options, *grpc_server_options),
        transport,
        RESERVED_SERVICES,
        interceptors=grpcio_chain(own_interceptors, grpcio_interceptors),
    )
    release_collections()
    try:
        server.start(network or default_network(), version, cert_field)
    except ListenError as error:
        sys.stderr.write(f"plugin failed to start: {error}\n")
        sys.exit(1)
    server.wait_and_exit()


def debug_requested(debug: bool | None) -> bool:
    """``serve(debug=...)`` if given, else whether ``GOPLUGIN_DEBUG`` is set to 1/true."""
    if debug is not None:
        return debug
    return os.environ.get(ENV_DEBUG, "").lower() in ("1", "true", "yes")


def _serving_core(core: str | None) -> str:
    chosen = core or os.environ.get(ENV_CORE) or DEFAULT_CORE
    if chosen not in ("grpcio", "grpclib"):
        sys.stderr.write(f"plugin failed to start: unknown serving core {chosen!r}\n")
        sys.exit(1)
    return chosen


def _interceptors(
    core: str, interceptors: Sequence[object], grpc_server_options: Sequence[tuple[str, Any]]
) -> tuple[tuple[AnyServerInterceptor, ...], tuple[Any, ...]]:
    """``serve(interceptors=...)`` split by what runs them; exits naming what ``core`` cannot
    take (before the handshake, so a host sees the reason in the plugin's stderr)."""
    try:
        if grpc_server_options and core != "grpcio":
            raise ValueError(
                "serve(grpc_server_options=...) configures a grpcio server, and this plugin "
                f'serves on the {core} core: serve with core="grpcio", or leave them out'
            )
        return split_interceptors(interceptors, core)
    except ValueError as error:
        sys.stderr.write(f"plugin failed to start: {error}\n")
        sys.exit(1)


def _transport(tls_provider: Callable[[], TLSConfig] | None) -> tuple[Transport, str]:
    """Plaintext, or TLS with the handshake's certificate field; TLS code loads only if used."""
    client_cert = os.environ.get(ENV_CLIENT_CERT, "")
    if tls_provider is None and not client_cert:
        return PLAINTEXT, ""
    from goplugin.security.automtls import plugin_transport

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
