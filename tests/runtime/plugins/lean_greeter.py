"""The greeter example's plugin, answering Greet with what start-up left loaded.

Served as a user serves it (``goplugin.serve``, default core). Its greeting names which of
``WATCHED`` are in ``sys.modules`` when the host's first call arrives (after the handshake,
the host's connection, its stdio and broker streams), and the garbage collector's thresholds
then and before ``import goplugin``, so a test sees what a plugin pays for at start-up.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator

THRESHOLDS_BEFORE = gc.get_threshold()
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "examples", "greeter"))

import goplugin  # noqa: E402

# isort: split
from greeter import greeter_pb2, interface, plugin  # noqa: E402

#: Modules a plugin needs only on some paths: AutoMTLS, debug mode, the host side, dialing the
#: host's broker, a temp dir it made itself (tempfile), or a removal at exit (shutil).
WATCHED = (
    "cryptography",
    "goplugin.security.automtls",
    "goplugin.security.certs",
    "goplugin.security.tls",
    "goplugin.security.tls_transport",
    "goplugin.plugin_process.debug_server",
    "goplugin.host.reattach",
    "goplugin.host.client",
    "goplugin.host.async_client",
    "goplugin.grpclib_core.loop_channel",
    "grpclib.client",
    "grpc",
    "tempfile",
    "shutil",
)


class Reporter(interface.Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        loaded = ",".join(name for name in WATCHED if name in sys.modules)
        report = f"loaded:{loaded};gc:{gc.get_threshold()};before:{THRESHOLDS_BEFORE}"
        return greeter_pb2.GreetResponse(greeting=report)

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        yield self.greet(request)


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"greeter": plugin.GreeterGRPCPlugin(Reporter())},
    )
