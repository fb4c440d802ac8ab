"""A Python Counter host, the twin of go-plugin's ``examples/bidirectional`` host.

    python examples/bidirectional/host.py put KEY N
    python examples/bidirectional/host.py get KEY        # prints the count

The plugin adds nothing itself: every ``put`` serves this host's ``Adder`` to the plugin through
go-plugin's GRPCBroker (``plugin.serve_add_helper``) and sends the id in the request; the plugin
dials it back to sum. ``COUNTER_PLUGIN`` is the command that starts the plugin, as for the Go
host (default: the Python plugin beside this file), so the example's Go plugin runs unchanged::

    COUNTER_PLUGIN=./counter-go-grpc python examples/bidirectional/host.py put hello 1
"""

from __future__ import annotations

import os
import shlex
import sys

import goplugin

# isort: split
from proto import kv_pb2, plugin
from proto.interface import AddHelper, Counter

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "main.py")


class Adder(AddHelper):
    """What the plugin calls back: the host does the sums."""

    def sum(self, request: kv_pb2.SumRequest) -> kv_pb2.SumResponse:
        return kv_pb2.SumResponse(r=request.a + request.b)


def run(args: list[str]) -> None:
    command = shlex.split(os.environ.get("COUNTER_PLUGIN", "")) or [sys.executable, PLUGIN]
    with goplugin.Client(
        handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=command
    ) as client:
        counter = client.dispense("counter", Counter)
        if args[:1] == ["get"] and len(args) == 2:
            print(counter.get(kv_pb2.GetRequest(key=args[1])).value)
        elif args[:1] == ["put"] and len(args) == 3 and args[2].lstrip("-").isdigit():
            add_server = plugin.serve_add_helper(client.broker, Adder())
            counter.put(kv_pb2.PutRequest(key=args[1], value=int(args[2]), add_server=add_server))
            client.broker.stop_serving(add_server)
        else:
            raise SystemExit(f"please only use 'get KEY' or 'put KEY N', given: {args}")


def main() -> None:
    try:
        run(sys.argv[1:])
    except goplugin.PluginError as error:
        print(f"Error: {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
