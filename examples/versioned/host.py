"""A host that offers versions 1 and 2 of the greeter protocol and uses the one negotiated.

    python examples/versioned/host.py NAME [TITLE]

It starts ``main.py`` beside it (or the plugin command given after ``--``, such as a plugin
built from version 1 only), prints the version the handshake picked, and greets NAME through
that version's interface: with TITLE and a farewell on version 2, as version 1 allows on 1.
Everything it knows about the plugin comes from the generated ``greeter`` package:
``versions.HANDSHAKE``, ``versions.VERSIONED_PLUGINS`` and each version's ``Greeter``.
"""

from __future__ import annotations

import os
import sys

import goplugin

# isort: split
from greeter import versions
from greeter.v1 import greeter_pb2 as v1_pb2
from greeter.v1.interface import Greeter as GreeterV1
from greeter.v2 import greeter_pb2 as v2_pb2
from greeter.v2.interface import Greeter as GreeterV2

PLUGIN = [sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "main.py")]


def main(argv: list[str]) -> None:
    if "--" in argv:
        at = argv.index("--")
        words, command = argv[:at], argv[at + 1 :]
    else:
        words, command = argv, PLUGIN
    name = words[0] if words else "world"
    title = words[1] if len(words) > 1 else ""
    with goplugin.Client(
        handshake_config=versions.HANDSHAKE,
        versioned_plugins=versions.VERSIONED_PLUGINS,
        cmd=command,
    ) as client:
        print(f"negotiated: version {client.negotiated_version}")
        if client.negotiated_version == 2:
            greeter = client.dispense("greeter", GreeterV2)
            request = v2_pb2.GreetRequest(name=name, title=title)
            print(greeter.greet(request).greeting)
            print(greeter.farewell(v2_pb2.FarewellRequest(name=name)).farewell)
        else:
            greeter_v1 = client.dispense("greeter", GreeterV1)
            print(greeter_v1.greet(v1_pb2.GreetRequest(name=name)).greeting)


if __name__ == "__main__":
    main(sys.argv[1:])
