"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from greeter.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

import goplugin

# isort: split
from greeter import greeter_pb2, interface, plugin


class GreeterImpl(interface.Greeter):
    """This plugin's implementation of ``greeter.Greeter``."""

    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        # TODO: implement Greet.
        raise NotImplementedError("Greet is not implemented yet")

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        # TODO: implement GreetStream.
        raise NotImplementedError("GreetStream is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "greeter": plugin.GreeterGRPCPlugin(GreeterImpl()),
        },
    )


if __name__ == "__main__":
    main()
