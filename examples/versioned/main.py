"""The versioned greeter plugin: versions 1 and 2 of the greeter protocol, served together.

Scaffolded by ``gen-plugin example_protos/greeter/v1/greeter.proto
example_protos/greeter/v2/greeter.proto -I example_protos -o examples/versioned`` and filled in
by hand; regenerating refreshes ``greeter/`` and leaves this file alone. A host started from any
version of the protocol can run it (``python examples/versioned/host.py NAME``, a v1-only host,
or a Go go-plugin host): the handshake picks the newest version both sides have.

Version 2 holds the implementation; version 1 answers through it, because every v1 message is
v2's with fewer fields. That keeps one behaviour, however many versions are served.
"""

from __future__ import annotations

from collections.abc import Iterator

import goplugin

# isort: split
from greeter import versions
from greeter.v1 import greeter_pb2 as greeter_v1_greeter_pb2
from greeter.v1 import interface as greeter_v1_interface
from greeter.v1 import plugin as greeter_v1_plugin
from greeter.v2 import greeter_pb2 as greeter_v2_greeter_pb2
from greeter.v2 import interface as greeter_v2_interface
from greeter.v2 import plugin as greeter_v2_plugin


class GreeterV2Impl(greeter_v2_interface.Greeter):
    """Greets by name and title, once or five times over a stream, and says goodbye."""

    def greet(
        self, request: greeter_v2_greeter_pb2.GreetRequest
    ) -> greeter_v2_greeter_pb2.GreetResponse:
        return greeter_v2_greeter_pb2.GreetResponse(greeting=f"Hello, {_addressed(request)}!")

    def greet_stream(
        self, request: greeter_v2_greeter_pb2.GreetRequest
    ) -> Iterator[greeter_v2_greeter_pb2.GreetResponse]:
        for number in range(5):
            greeting = f"Hello {_addressed(request)}, message {number}"
            yield greeter_v2_greeter_pb2.GreetResponse(greeting=greeting)

    def farewell(
        self, request: greeter_v2_greeter_pb2.FarewellRequest
    ) -> greeter_v2_greeter_pb2.FarewellResponse:
        return greeter_v2_greeter_pb2.FarewellResponse(farewell=f"Goodbye, {request.name}!")


def _addressed(request: greeter_v2_greeter_pb2.GreetRequest) -> str:
    return f"{request.title} {request.name}" if request.title else request.name


class GreeterV1Impl(greeter_v1_interface.Greeter):
    """Version 1 for hosts that only know it: the v2 implementation, without a title."""

    def __init__(self, v2: GreeterV2Impl) -> None:
        self._v2 = v2

    def greet(
        self, request: greeter_v1_greeter_pb2.GreetRequest
    ) -> greeter_v1_greeter_pb2.GreetResponse:
        reply = self._v2.greet(_to_v2(request))
        return greeter_v1_greeter_pb2.GreetResponse(greeting=reply.greeting)

    def greet_stream(
        self, request: greeter_v1_greeter_pb2.GreetRequest
    ) -> Iterator[greeter_v1_greeter_pb2.GreetResponse]:
        for reply in self._v2.greet_stream(_to_v2(request)):
            yield greeter_v1_greeter_pb2.GreetResponse(greeting=reply.greeting)


def _to_v2(request: greeter_v1_greeter_pb2.GreetRequest) -> greeter_v2_greeter_pb2.GreetRequest:
    return greeter_v2_greeter_pb2.GreetRequest(name=request.name, locale=request.locale)


def main() -> None:
    v2 = GreeterV2Impl()
    goplugin.serve(
        handshake_config=versions.HANDSHAKE,
        versioned_plugins={
            1: {
                "greeter": greeter_v1_plugin.GreeterGRPCPlugin(GreeterV1Impl(v2)),
            },
            2: {
                "greeter": greeter_v2_plugin.GreeterGRPCPlugin(v2),
            },
        },
    )


if __name__ == "__main__":
    main()
