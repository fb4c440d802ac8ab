"""The smallest grpcio greeter a go-plugin 1.0.1 host can launch, call and kill cleanly.

The baseline the runtime's overhead is measured against: the handshake line, the Greeter
servicer, and ``plugin.GRPCController/Shutdown`` (without it every Kill costs go-plugin's 2 s
grace and a SIGKILL). Nothing else: no cookie check, no health service (go-plugin only calls it
from ``Ping()``, which the bench host does not), no stdio, broker, reflection or stdout capture.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import grpc
from bench_greeter import load_stub, stream_count
from minimal_grpcio import serve

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
    serve(lambda server: greeter_pb2_grpc.add_GreeterServicer_to_server(Greeter(), server))


if __name__ == "__main__":
    main()
