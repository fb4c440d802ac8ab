"""The greeter plugin: run by a host (Python or Go), never by hand."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from proto.greeter_pb2 import GreetRequest, GreetResponse
from shared import HANDSHAKE, Greeter, GreeterGRPCPlugin

import goplugin


class HelloGreeter(Greeter):
    def greet(self, request: GreetRequest) -> GreetResponse:
        _misbehave("greet")
        return GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(self, request: GreetRequest) -> Iterator[GreetResponse]:
        for i in range(5):
            if i == 2:
                _misbehave("stream")
            yield GreetResponse(greeting=f"Hello {request.name}, message {i}")


def _misbehave(where: str) -> None:
    # Test hook: GREETER_CRASH_ON=greet|stream makes the plugin die mid-call.
    if os.environ.get("GREETER_CRASH_ON") == where:
        print(f"greeter plugin crashing in {where}", file=sys.stderr, flush=True)
        os._exit(3)


if __name__ == "__main__":
    plugins = {"greeter": GreeterGRPCPlugin(HelloGreeter())}
    goplugin.serve(handshake_config=HANDSHAKE, plugins=plugins)
