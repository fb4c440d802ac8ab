"""A Python KV host, the twin of go-plugin's ``examples/grpc`` host: same commands, same env.

    python examples/kv/host.py put KEY VALUE
    python examples/kv/host.py get KEY          # prints the value

``KV_PLUGIN`` is the command that starts the plugin, as for the Go host (default: the Python
plugin beside this file), so it drives the example's Go plugin unchanged::

    KV_PLUGIN=./kv-go-grpc python examples/kv/host.py get hello

Only gRPC plugins are spoken: ``KV_PROTO``, if set, must be ``grpc``.
"""

from __future__ import annotations

import os
import shlex
import sys

import goplugin

# isort: split
from proto import kv_pb2
from proto.interface import KV
from proto.plugin import HANDSHAKE, PLUGINS

PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "main.py")


def run(args: list[str]) -> None:
    if os.environ.get("KV_PROTO", "grpc") != "grpc":
        raise SystemExit("must set KV_PROTO to grpc (a Python host speaks gRPC only)")
    command = shlex.split(os.environ.get("KV_PLUGIN", "")) or [sys.executable, PLUGIN]
    with goplugin.Client(handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=command) as client:
        kv = client.dispense("kv", KV)
        if args[:1] == ["get"] and len(args) == 2:
            print(kv.get(kv_pb2.GetRequest(key=args[1])).value.decode())
        elif args[:1] == ["put"] and len(args) == 3:
            kv.put(kv_pb2.PutRequest(key=args[1], value=args[2].encode()))
        else:
            raise SystemExit(f"please only use 'get KEY' or 'put KEY VALUE', given: {args}")


def main() -> None:
    try:
        run(sys.argv[1:])
    except goplugin.PluginError as error:
        print(f"error: {error}")
        sys.exit(1)


if __name__ == "__main__":
    main()
