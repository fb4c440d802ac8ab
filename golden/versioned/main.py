"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from greeter/v1/greeter.proto, greeter/v2/greeter.proto. It
is yours: gen-plugin never overwrites it unless you pass --force-main. A host (``goplugin.Client``
or a Go go-plugin host) starts it with the magic cookie set; started by hand, it says it is a plugin
and exits.

It serves protocol versions 1 and 2: the handshake picks the newest one the host also offers. Remove
a version from ``versioned_plugins`` to stop serving it.
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


class GreeterV1Impl(greeter_v1_interface.Greeter):
    """This plugin's implementation of ``greeter.v1.Greeter``."""

    def greet(
        self, request: greeter_v1_greeter_pb2.GreetRequest
    ) -> greeter_v1_greeter_pb2.GreetResponse:
        # TODO: implement Greet.
        raise NotImplementedError("Greet is not implemented yet")

    def greet_stream(
        self, request: greeter_v1_greeter_pb2.GreetRequest
    ) -> Iterator[greeter_v1_greeter_pb2.GreetResponse]:
        # TODO: implement GreetStream.
        raise NotImplementedError("GreetStream is not implemented yet")


class GreeterV2Impl(greeter_v2_interface.Greeter):
    """This plugin's implementation of ``greeter.v2.Greeter``."""

    def greet(
        self, request: greeter_v2_greeter_pb2.GreetRequest
    ) -> greeter_v2_greeter_pb2.GreetResponse:
        # TODO: implement Greet.
        raise NotImplementedError("Greet is not implemented yet")

    def greet_stream(
        self, request: greeter_v2_greeter_pb2.GreetRequest
    ) -> Iterator[greeter_v2_greeter_pb2.GreetResponse]:
        # TODO: implement GreetStream.
        raise NotImplementedError("GreetStream is not implemented yet")

    def farewell(
        self, request: greeter_v2_greeter_pb2.FarewellRequest
    ) -> greeter_v2_greeter_pb2.FarewellResponse:
        # TODO: implement Farewell.
        raise NotImplementedError("Farewell is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=versions.HANDSHAKE,
        versioned_plugins={
            1: {
                "greeter": greeter_v1_plugin.GreeterGRPCPlugin(GreeterV1Impl()),
            },
            2: {
                "greeter": greeter_v2_plugin.GreeterGRPCPlugin(GreeterV2Impl()),
            },
        },
    )


if __name__ == "__main__":
    main()
