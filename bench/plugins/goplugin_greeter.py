"""The greeter on the goplugin runtime, wired exactly as ``examples/greeter`` does, for the bench.

It differs from the example in one way only: GreetStream honours ``locale="count=N"`` so the
bench can measure streaming throughput without changing the example's 5-message contract.
Implementation, server adapter (``goplugin.serving`` around every call) and ``GRPCPlugin``
subclass are the example's, so what is timed is what a real goplugin plugin pays.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import grpc
from bench_greeter import load_stub, stream_count

import goplugin

greeter_pb2 = load_stub("greeter_pb2")
greeter_pb2_grpc = load_stub("greeter_pb2_grpc")
GreeterServicer: Any = greeter_pb2_grpc.GreeterServicer  # generated at bench time: untyped here

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="GREETER_PLUGIN", magic_cookie_value="hello"
)


class BenchGreeter:
    """The implementation: request message in, response message(s) out, like the example's."""

    def greet(self, request: Any) -> Any:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(self, request: Any) -> Iterator[Any]:
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


class GreeterGRPCServer(GreeterServicer):  # type: ignore[misc]
    """The server adapter, as the example's: every call runs inside ``goplugin.serving``."""

    def __init__(self, impl: BenchGreeter) -> None:
        self._impl = impl

    def Greet(self, request: Any, context: grpc.ServicerContext) -> Any:  # noqa: N802
        with goplugin.serving(context):
            return self._impl.greet(request)

    def GreetStream(  # noqa: N802
        self, request: Any, context: grpc.ServicerContext
    ) -> Iterator[Any]:
        with goplugin.serving(context):
            yield from self._impl.greet_stream(request)


class GreeterGRPCPlugin(goplugin.GRPCPlugin):
    def __init__(self, impl: BenchGreeter) -> None:
        self.impl = impl

    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:
        greeter_pb2_grpc.add_GreeterServicer_to_server(GreeterGRPCServer(self.impl), server)

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: grpc.Channel) -> Any:
        return greeter_pb2_grpc.GreeterStub(channel)


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=HANDSHAKE, plugins={"greeter": GreeterGRPCPlugin(BenchGreeter())}
    )
