"""A greeter plugin that reports on itself, so a Go host's output shows what the plugin saw.

- ``PROBE_PRINT_LINES=N``: each Greet first prints ``out I`` to stdout and ``err I`` to stderr
  for I in 0..N-1 (what a go-plugin host reads through GRPCStdio), then greets.
- ``PROBE_REPORT_SOCKET=1``: the greeting describes the unix sockets in the plugin's
  ``PLUGIN_UNIX_SOCKET_DIR`` (``plugin123 mode=0660 gid=4``).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "greeter"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from greeter import greeter_pb2, plugin  # noqa: E402
from main import GreeterImpl  # noqa: E402  (examples/greeter/main.py)


def _sockets() -> str:
    directory = Path(os.environ.get("PLUGIN_UNIX_SOCKET_DIR", "/nonexistent"))
    found = []
    for path in sorted(directory.iterdir()):
        info = path.stat()
        if stat.S_ISSOCK(info.st_mode):
            found.append(f"{path.name} mode={stat.S_IMODE(info.st_mode):04o} gid={info.st_gid}")
    return ", ".join(found) or "no socket"


class ProbeGreeter(GreeterImpl):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        for number in range(int(os.environ.get("PROBE_PRINT_LINES", "0"))):
            print(f"out {number}")
            print(f"err {number}", file=sys.stderr)
        if os.environ.get("PROBE_REPORT_SOCKET"):
            return greeter_pb2.GreetResponse(greeting=_sockets())
        return super().greet(request)


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"greeter": plugin.GreeterGRPCPlugin(ProbeGreeter())},
    )
