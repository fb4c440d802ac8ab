"""Serving in debug mode: a plugin started by hand, for hosts to reattach to.

go-plugin's test mode (``ServeConfig.Test``), which Terraform's provider debugging builds on:
no magic cookie is needed (no host launched us), stdout and stderr stay on the terminal (so a
debugger such as pdb or debugpy can talk to the human), and instead of the handshake line the
plugin prints a :class:`goplugin.ReattachConfig` to hand to hosts. It serves any number of host
sessions, one after another, until Ctrl-C, SIGTERM or a host's Shutdown (which a host sends only
for a reattach config without ``Test``).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Mapping, Sequence
from concurrent import futures
from typing import Any, NoReturn

import grpc

from goplugin._proto.grpc_controller_pb2 import Empty as ControllerEmpty
from goplugin.broker import GRPCBroker
from goplugin.constants import (
    ENV_PROTOCOL_VERSIONS,
    GRPC_MESSAGE_OPTIONS,
    HEALTH_SERVICE,
    PROTOCOL_GRPC,
)
from goplugin.grpcio_registry import GrpcioRegistry
from goplugin.handshake import negotiate_version, parse_protocol_versions
from goplugin.health import SERVICE_NAME as HEALTH_SERVICE_NAME
from goplugin.health import SERVING, HealthService
from goplugin.listener import ListenError, bind
from goplugin.plugin import PluginSet
from goplugin.reattach import ENV_DEBUG, ENV_REATTACH, ReattachConfig
from goplugin.reflection import LazyReflection
from goplugin.stdio import StdioHub

_POLL_SECONDS = 0.5


def debug_requested(debug: bool | None) -> bool:
    """``serve(debug=...)`` if given, else whether ``GOPLUGIN_DEBUG`` is set to 1/true."""
    if debug is not None:
        return debug
    return os.environ.get(ENV_DEBUG, "").lower() in ("1", "true", "yes")


def serve_debug(
    plugin_sets: Mapping[int, PluginSet],
    default_version: int,
    reserved: frozenset[str],
    *,
    network: str = "unix",
    max_workers: int | None = None,
    grpc_options: Sequence[tuple[str, Any]] = (),
) -> NoReturn:
    """Serve ``plugin_sets``' negotiated version in debug mode until stopped, then exit."""
    host_versions = parse_protocol_versions(os.environ.get(ENV_PROTOCOL_VERSIONS, ""))
    version = negotiate_version(host_versions, plugin_sets, default_version)
    stop = threading.Event()
    executor = futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="goplugin")
    server = grpc.server(executor, options=(*GRPC_MESSAGE_OPTIONS, *grpc_options))
    broker = GRPCBroker()
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
    server.add_generic_rpc_handlers(
        (health.generic_handler(), controller, stdio.generic_handler(), broker.generic_handler())
    )
    registry = GrpcioRegistry(server, broker, reserved)
    for plugin in plugin_sets[version].values():
        plugin.grpc_server(broker, registry)
    server.add_generic_rpc_handlers((LazyReflection([*registry.names, HEALTH_SERVICE_NAME]),))
    try:
        listener = bind(server, network, os.environ)
    except ListenError as error:
        sys.stderr.write(f"plugin failed to start: {error}\n")
        sys.exit(1)
    server.start()
    config = ReattachConfig(
        protocol=PROTOCOL_GRPC,
        protocol_version=version,
        network=listener.network,
        address=listener.address,
        pid=os.getpid(),
        test=True,
    )
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    signal.signal(signal.SIGINT, lambda _signum, _frame: stop.set())
    sys.stdout.write(
        f"plugin serving in debug mode (pid {config.pid}); to attach a host, set\n"
        f"{ENV_REATTACH}='{config.to_json()}'\n"
    )
    sys.stdout.flush()
    try:
        while not stop.wait(_POLL_SECONDS):
            pass
    finally:
        listener.remove()
        health.close()
        stdio.close()
        broker.close()
        server.stop(grace=0.5).wait()
        executor.shutdown(wait=False, cancel_futures=True)
    sys.exit(0)


__all__ = ["debug_requested", "serve_debug"]
