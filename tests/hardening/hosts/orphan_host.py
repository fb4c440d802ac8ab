"""A Python host that starts one plugin, says where it is, and then waits to be killed.

Usage: orphan_host.py COOKIE_KEY COOKIE_VALUE PLUGIN-COMMAND...

Prints one JSON line (the plugin's pid, socket folder and address). Then a line on stdin
``exit`` makes it leave with ``os._exit`` (no atexit, no cleanup); otherwise it waits for a
signal, whose default action kills it.
"""

from __future__ import annotations

import json
import os
import signal
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin


def main() -> None:
    key, value, *cmd = sys.argv[1:]
    client = goplugin.Client(
        handshake_config=goplugin.HandshakeConfig(
            protocol_version=1, magic_cookie_key=key, magic_cookie_value=value
        ),
        plugins={"any": goplugin.GRPCPlugin},
        cmd=cmd,
        start_timeout=60.0,
    )
    client.start()
    address = client.address
    print(
        json.dumps({"pid": client.pid, "address": address, "socket_dir": os.path.dirname(address)}),
        flush=True,
    )
    if sys.stdin.readline().strip() == "exit":
        os._exit(0)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
