"""The smallest grpcio greeter a go-plugin 1.0.1 host can launch, call and kill cleanly.

The baseline the runtime's overhead is measured against: the handshake line, the Greeter
servicer, and ``plugin.GRPCController/Shutdown`` (without it every Kill costs go-plugin's 2 s
grace and a SIGKILL). Nothing else: no cookie check, no health service (go-plugin only calls it
from ``Ping()``, which the bench host does not), no stdio, broker, reflection or stdout capture.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
from bench_greeter import load_stub, stream_count

greeter_pb2 = load_stub("greeter_pb2")
greeter_pb2_grpc = load_stub("greeter_pb2_grpc")
GreeterServicer: Any = greeter_pb2_grpc.GreeterServicer  # generated at bench time: untyped here


class Greeter(GreeterServicer):  # type: ignore[misc]
    def Greet(self, request: Any, context: grpc.ServicerContext) -> Any:  # noqa: N802
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def GreetStream(  # noqa: N802
        self, request: Any, context: grpc.ServicerContext
    ) -> Iterator[Any]:
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


def main() -> None:
    stop = threading.Event()

    def shutdown(request: bytes, context: grpc.ServicerContext) -> bytes:
        context.add_callback(stop.set)  # reply first, then stop
        return b""  # plugin.Empty serializes to no bytes

    server = grpc.server(futures.ThreadPoolExecutor())
    greeter_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server)
    controller = grpc.method_handlers_generic_handler(
        "plugin.GRPCController", {"Shutdown": grpc.unary_unary_rpc_method_handler(shutdown)}
    )
    server.add_generic_rpc_handlers((controller,))
    path = os.path.join(tempfile.gettempdir(), f"plugin{os.getpid()}-{os.urandom(4).hex()}")
    server.add_insecure_port(f"unix:{path}")
    server.start()
    print(f"1|1|unix|{path}|grpc|", flush=True)
    stop.wait()
    server.stop(0)
    with contextlib.suppress(FileNotFoundError):  # grpcio removes it itself on stop
        os.unlink(path)


if __name__ == "__main__":
    main()
