"""The generated ``examples/greeter`` package served by goplugin, for bench/issue9_bench.py.

``--core grpcio|grpclib`` picks goplugin's serving core, ``--async`` serves ``async def``
methods (grpclib core only). GreetStream honours ``locale="count=N"`` (the benches' convention).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples" / "greeter"))

from greeter import greeter_pb2
from greeter.interface import AsyncGreeter, Greeter
from greeter.plugin import HANDSHAKE, GreeterGRPCPlugin

import goplugin


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
    parser = argparse.ArgumentParser()
    parser.add_argument("--core", default="grpcio", choices=("grpcio", "grpclib"))
    parser.add_argument("--async", dest="use_async", action="store_true")
    args = parser.parse_args()
    impl: Greeter | AsyncGreeter = AsyncImpl() if args.use_async else SyncImpl()
    goplugin.serve(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterGRPCPlugin(impl)},
        core=args.core,
    )
