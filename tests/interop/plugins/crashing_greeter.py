"""The greeter example plugin with a crash switch: how a host sees a plugin die mid-call.

``GREETER_CRASH_ON=greet`` (or ``stream``) makes the plugin exit with status 3 inside that call,
after saying so on stderr. The switch lives here, in a test-owned plugin, not in the example
users copy.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "greeter"
sys.path.insert(0, str(EXAMPLE))

import goplugin  # noqa: E402

# isort: split
from greeter import greeter_pb2, plugin  # noqa: E402
from main import GreeterImpl  # noqa: E402  (examples/greeter/main.py)


def crash_if(where: str) -> None:
    if os.environ.get("GREETER_CRASH_ON") == where:
        print(f"greeter plugin crashing in {where}", file=sys.stderr, flush=True)
        os._exit(3)


class CrashingGreeter(GreeterImpl):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        crash_if("greet")
        return super().greet(request)

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        for number, reply in enumerate(super().greet_stream(request)):
            if number == 2:
                crash_if("stream")
            yield reply


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"greeter": plugin.GreeterGRPCPlugin(CrashingGreeter())},
    )
