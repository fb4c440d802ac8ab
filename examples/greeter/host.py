"""A host that starts the greeter plugin and greets NAME: ``python examples/greeter/host.py NAME``.

It prints the plugin's greeting, then the five greetings of its stream. Everything it knows
about the plugin comes from the generated package: ``HANDSHAKE``, ``PLUGINS`` and the
``Greeter`` interface that ``dispense`` returns.
"""

from __future__ import annotations

import os
import sys

import goplugin

# isort: split
from greeter import greeter_pb2
from greeter.interface import Greeter
from greeter.plugin import HANDSHAKE, PLUGINS

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "main.py")


def main() -> None:
    name = sys.argv[1] if len(sys.argv) > 1 else "world"
    with goplugin.Client(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[sys.executable, PLUGIN]
    ) as client:
        greeter = client.dispense("greeter", Greeter)
        request = greeter_pb2.GreetRequest(name=name)
        print(greeter.greet(request).greeting)
        for reply in greeter.greet_stream(request):
            print(reply.greeting)


if __name__ == "__main__":
    main()
