"""A plugin for test_stream_batches.py (``STREAM_ASYNC=1``: its generators are async).

``Repeat("N")`` sends N messages and then fails with NOT_FOUND; ``Repeat("flood")`` sends
64 KiB messages until the host goes away, then leaves a "freed" file in ``KINDS_MARK_DIR``
once its generator has been closed."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Iterator

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from tests.runtime.plugins.kinds import HANDSHAKE, MARK_DIR_ENV, KindsPlugin

BIG = "x" * 65536


def _mark_freed() -> None:
    with open(os.path.join(os.environ[MARK_DIR_ENV], f"freed-{os.getpid()}"), "w") as file:
        file.write("freed")


class SyncFailing:
    def upper(self, request: StringValue) -> StringValue:
        return StringValue(value=request.value.upper())

    def repeat(self, request: StringValue) -> Iterator[StringValue]:
        if request.value == "flood":
            try:
                while True:
                    yield StringValue(value=BIG)
            finally:
                _mark_freed()
        count = request.value.partition(":")[0]
        for i in range(int(count)):
            yield StringValue(value=f"message {i}")
        raise goplugin.NotFoundError(f"no message {count}")

    def join(self, requests: Iterator[StringValue]) -> StringValue:
        return StringValue(value="")

    def shout(self, requests: Iterator[StringValue]) -> Iterator[StringValue]:
        yield from ()


class AsyncFailing:
    async def upper(self, request: StringValue) -> StringValue:
        return StringValue(value=request.value.upper())

    async def repeat(self, request: StringValue) -> AsyncIterator[StringValue]:
        """``N``: N messages made without waiting, then the error; ``N:wait``: a wait (a loop
        turn) before the error, so the messages leave before it is raised."""
        if request.value == "flood":  # each message then a wait: the host stops reading
            try:
                while True:
                    yield StringValue(value=BIG)
                    await asyncio.sleep(0)
            finally:
                _mark_freed()
        count, _, how = request.value.partition(":")
        for i in range(int(count)):
            yield StringValue(value=f"message {i}")
        if how == "wait":
            await asyncio.sleep(0.01)
        raise goplugin.NotFoundError(f"no message {count}")

    async def join(self, requests: AsyncIterator[StringValue]) -> StringValue:
        return StringValue(value="")

    async def shout(self, requests: AsyncIterator[StringValue]) -> AsyncIterator[StringValue]:
        for _ in ():
            yield StringValue()


if __name__ == "__main__":
    impl = AsyncFailing() if os.environ.get("STREAM_ASYNC") else SyncFailing()
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"kinds": KindsPlugin(impl)})
