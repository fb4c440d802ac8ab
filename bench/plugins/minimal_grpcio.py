"""What both minimal grpcio plugins (the baselines ``grpcio_greeter.py`` and
``provider_grpcio.py``) do around their servicer: a grpcio server on a unix socket, go-plugin's
handshake line, and ``plugin.GRPCController/Shutdown`` (without it every Kill costs go-plugin's
2 s grace and a SIGKILL). Nothing else, so the baselines stay the floor the runtime is
measured against.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Callable
from concurrent import futures

import grpc


def serve(register: Callable[[grpc.Server], None], protocol_version: int = 1) -> None:
    """Serve what ``register`` adds to the server until the host calls Shutdown."""
    stop = threading.Event()

    def shutdown(request: bytes, context: grpc.ServicerContext) -> bytes:
        context.add_callback(stop.set)  # reply first, then stop
        return b""  # plugin.Empty serializes to no bytes

    server = grpc.server(futures.ThreadPoolExecutor())
    register(server)
    controller = grpc.method_handlers_generic_handler(
        "plugin.GRPCController", {"Shutdown": grpc.unary_unary_rpc_method_handler(shutdown)}
    )
    server.add_generic_rpc_handlers((controller,))
    path = os.path.join(tempfile.gettempdir(), f"plugin{os.getpid()}-{os.urandom(4).hex()}")
    server.add_insecure_port(f"unix:{path}")
    server.start()
    print(f"1|{protocol_version}|unix|{path}|grpc|", flush=True)
    stop.wait()
    server.stop(0)
    with contextlib.suppress(FileNotFoundError):  # grpcio removes it itself on stop
        os.unlink(path)
