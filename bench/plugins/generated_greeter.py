"""The generated ``examples/greeter`` package served by goplugin, for bench/issue9_bench.py.

``--core grpcio|grpclib`` picks goplugin's serving core (grpclib, the default, when absent),
``--async`` serves ``async def`` methods (grpclib core only). GreetStream honours
``locale="count=N"`` (the benches' convention).
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# goplugin first, as a generated main.py imports it: its start-up settings (the held-back
# cyclic collections) then cover the protobuf imports too.
import goplugin

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "greeter"))

from greeter import greeter_pb2
from greeter.interface import AsyncGreeter, Greeter
from greeter.plugin import HANDSHAKE, GreeterGRPCPlugin


def _count(request: greeter_pb2.GreetRequest) -> int:
    return int(request.locale.removeprefix("count=")) if request.locale else 5


class SyncImpl(Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        response = greeter_pb2.GreetResponse
        for i in range(_count(request)):
            yield response(greeting=f"Hello {request.name}, message {i}")


class AsyncImpl(AsyncGreeter):
    async def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    async def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> AsyncIterator[greeter_pb2.GreetResponse]:
        response = greeter_pb2.GreetResponse
        for i in range(_count(request)):
            yield response(greeting=f"Hello {request.name}, message {i}")


if __name__ == "__main__":
    # Plain argv, not argparse: the minimal plugins it is timed against import no parser.
    argv = sys.argv[1:]
    core = argv[argv.index("--core") + 1] if "--core" in argv else "grpclib"
    impl: Greeter | AsyncGreeter = AsyncImpl() if "--async" in argv else SyncImpl()
    goplugin.serve(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterGRPCPlugin(impl)},
        core=core,
    )
