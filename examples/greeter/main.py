"""The greeter plugin: the lesson's Greeter, implemented on the generated ``greeter`` package.

Scaffolded by ``gen-plugin example_protos/greeter.proto -o examples/greeter --magic-cookie-value
hello`` and filled in by hand; regenerating refreshes ``greeter/`` and leaves this file alone. A
host starts it (``python examples/greeter/host.py NAME``, or a Go go-plugin host); started by
hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

import goplugin

# isort: split
from greeter import greeter_pb2, interface, plugin


class GreeterImpl(interface.Greeter):
    """Greets by name, once or five times over a stream."""

    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        for number in range(5):
            yield greeter_pb2.GreetResponse(greeting=f"Hello {request.name}, message {number}")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "greeter": plugin.GreeterGRPCPlugin(GreeterImpl()),
        },
    )


if __name__ == "__main__":
    main()
