"""A host that loads the greeter plugin and greets NAME: python host.py NAME."""

from __future__ import annotations

import os
import sys

from proto.greeter_pb2 import GreetRequest
from shared import HANDSHAKE, GreeterGRPCPlugin

import goplugin


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "world"
    plugin = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugin.py")
    with goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterGRPCPlugin()},
        cmd=[sys.executable, plugin],
    ) as client:
        greeter = client.dispense("greeter")
        print(greeter.greet(GreetRequest(name=name)).greeting)
        for reply in greeter.greet_stream(GreetRequest(name=name)):
            print(reply.greeting)


if __name__ == "__main__":
    main()
