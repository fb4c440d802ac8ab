"""The greeter example plugin, whose Greet never answers: it writes its pid to the file
``SLOW_GREETER_PIDFILE`` and sleeps, so a Go host waits in the call until the test kills it."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "greeter"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from greeter import greeter_pb2, plugin  # noqa: E402
from main import GreeterImpl  # noqa: E402  (examples/greeter/main.py)


class SlowGreeter(GreeterImpl):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        # Written whole under another name, then renamed: the test reads the file the moment it
        # exists, and must never see it empty.
        pidfile = Path(os.environ["SLOW_GREETER_PIDFILE"])
        partial = pidfile.with_name(pidfile.name + ".partial")
        partial.write_text(str(os.getpid()))
        partial.replace(pidfile)
        time.sleep(600)
        return super().greet(request)


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"greeter": plugin.GreeterGRPCPlugin(SlowGreeter())},
    )
