"""A correct use of the generated greeter package, both sides: it must type-check cleanly."""

from __future__ import annotations

from collections.abc import Iterator

from greeter import greeter_pb2
from greeter.interface import Greeter
from greeter.plugin import HANDSHAKE, PLUGINS, GreeterGRPCPlugin

import goplugin


class HelloGreeter(Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        # grpc types time_remaining() as float, though it is None without a deadline.
        remaining = goplugin.current_call().time_remaining() or 0.0
        suffix = f" ({remaining:.0f}s left)" if remaining else ""
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!{suffix}")

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        for number in range(5):
            yield greeter_pb2.GreetResponse(greeting=f"Hello {request.name}, message {number}")


def serve() -> None:
    goplugin.serve(
        handshake_config=HANDSHAKE, plugins={"greeter": GreeterGRPCPlugin(HelloGreeter())}
    )


def greetings(cmd: list[str], name: str) -> list[str]:
    with goplugin.Client(handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=cmd) as client:
        greeter = client.dispense("greeter", Greeter)
        request = greeter_pb2.GreetRequest(name=name, locale="en")
        with goplugin.call_options(timeout=5.0):
            first = greeter.greet(request).greeting
            rest = [reply.greeting for reply in greeter.greet_stream(request)]
        return [first, *rest]
