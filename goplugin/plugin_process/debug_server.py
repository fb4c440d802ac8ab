"""Serving in debug mode: a plugin started by hand, for hosts to reattach to.

go-plugin's test mode (``ServeConfig.Test``), which Terraform's provider debugging builds on:
no magic cookie is needed (no host launched us), stdout and stderr stay on the terminal (so a
debugger such as pdb or debugpy can talk to the human), and instead of the handshake line the
plugin prints a :class:`goplugin.ReattachConfig` to hand to hosts. It serves any number of host
sessions, one after another, until Ctrl-C, SIGTERM or a host's Shutdown (which a host sends only
for a reattach config without ``Test``). Both serving cores have it; this module picks one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from goplugin.constants import ENV_PROTOCOL_VERSIONS, PROTOCOL_GRPC
from goplugin.handshake import negotiate_version, parse_protocol_versions
from goplugin.host.reattach import ENV_REATTACH, ReattachConfig
from goplugin.interceptors import AnyServerInterceptor, grpcio_chain
from goplugin.plugin import PluginSet


def serve_debug(
    plugin_sets: Mapping[int, PluginSet],
    default_version: int,
    reserved: frozenset[str],
    *,
    network: str = "unix",
    max_workers: int | None = None,
    grpc_options: Sequence[tuple[str, Any]] = (),
    core: str = "grpclib",
    interceptors: tuple[AnyServerInterceptor, ...] = (),
    grpcio_interceptors: tuple[Any, ...] = (),
) -> NoReturn:
    """Serve ``plugin_sets``' negotiated version in debug mode until stopped, then exit
    (``serve()``'s interceptors too: a plugin debugged behaves as it does under a host)."""
    host_versions = parse_protocol_versions(os.environ.get(ENV_PROTOCOL_VERSIONS, ""))
    version = negotiate_version(host_versions, plugin_sets, default_version)

    def announce(bound_network: str, address: str) -> None:
        announce_reattach(version, bound_network, address)

    if core == "grpclib":
        from goplugin.grpclib_core.server import AioPluginServer

        server = AioPluginServer(
            plugin_sets[version], max_workers, None, reserved, debug=True, interceptors=interceptors
        )
        server.run_debug(network, version, announce)
    from goplugin.grpcio_core.server import serve_debug_grpcio

    serve_debug_grpcio(
        plugin_sets[version],
        version,
        reserved,
        network,
        max_workers,
        grpc_options,
        announce,
        interceptors=grpcio_chain(interceptors, grpcio_interceptors),
    )


def announce_reattach(version: int, network: str, address: str) -> None:
    """Print the reattach config for the human to hand to hosts (stdout is not captured)."""
    config = ReattachConfig(
        protocol=PROTOCOL_GRPC,
        protocol_version=version,
        network=network,
        address=address,
        pid=os.getpid(),
        test=True,
    )
    sys.stdout.write(
        f"plugin serving in debug mode (pid {config.pid}); to attach a host, set\n"
        f"{ENV_REATTACH}='{config.to_json()}'\n"
    )
    sys.stdout.flush()


__all__ = ["serve_debug"]
