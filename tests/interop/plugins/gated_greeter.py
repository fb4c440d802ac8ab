"""A greeter plugin (the generated ``examples/greeter`` package) whose streams wait for each other.

``GreetStream`` with locale ``count=N`` sends N messages; when N is ``GATED_COUNT`` it sends its
first message, then waits until ``GATED_STREAMS`` such streams have sent theirs, then the rest:
under a serving core that cannot keep that many streams open at once it never finishes.
``GATED_ASYNC=1`` serves ``async def`` methods instead of sync ones; ``GOPLUGIN_CORE`` picks the
serving core.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "examples" / "greeter"))
sys.path.insert(0, str(REPO))

from greeter import greeter_pb2  # noqa: E402
from greeter.interface import AsyncGreeter, Greeter  # noqa: E402
from greeter.plugin import HANDSHAKE, GreeterGRPCPlugin  # noqa: E402

import goplugin  # noqa: E402

GATE = int(os.environ.get("GATED_STREAMS", "0"))
GATED_COUNT = int(os.environ.get("GATED_COUNT", "-1"))
_WAIT_SECONDS = 60


def _count(request: greeter_pb2.GreetRequest) -> int:
    return int(request.locale.removeprefix("count=")) if request.locale else 5


class SyncImpl(Greeter):
    def __init__(self) -> None:
        self._arrived = 0
        self._all_here = threading.Condition()

    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        yield greeter_pb2.GreetResponse(greeting="message 0")
        if _count(request) != GATED_COUNT:
            for i in range(1, _count(request)):
                yield greeter_pb2.GreetResponse(greeting=f"message {i}")
            return
        with self._all_here:
            self._arrived += 1
            self._all_here.notify_all()
            if not self._all_here.wait_for(lambda: self._arrived >= GATE, _WAIT_SECONDS):
                raise goplugin.DeadlineExceededError(f"only {self._arrived} streams were open")
        for i in range(1, _count(request)):
            yield greeter_pb2.GreetResponse(greeting=f"message {i}")


class AsyncImpl(AsyncGreeter):
    def __init__(self) -> None:
        self._arrived = 0
        self._all_here = asyncio.Event()

    async def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    async def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> AsyncIterator[greeter_pb2.GreetResponse]:
        yield greeter_pb2.GreetResponse(greeting="message 0")
        if _count(request) != GATED_COUNT:
            for i in range(1, _count(request)):
                yield greeter_pb2.GreetResponse(greeting=f"message {i}")
            return
        self._arrived += 1
        if self._arrived >= GATE:
            self._all_here.set()
        await asyncio.wait_for(self._all_here.wait(), _WAIT_SECONDS)
        for i in range(1, _count(request)):
            yield greeter_pb2.GreetResponse(greeting=f"message {i}")


if __name__ == "__main__":
    impl: Greeter | AsyncGreeter = AsyncImpl() if os.environ.get("GATED_ASYNC") else SyncImpl()
    goplugin.serve(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterGRPCPlugin(impl)},
    )
