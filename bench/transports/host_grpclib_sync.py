"""Bench host with a *sync* API over grpclib: what today's sync ``goplugin.Client`` would cost
if grpclib carried it.

grpclib runs on one event loop in a background thread; the host's threads call through it (a
unary call is one ``run_coroutine_threadsafe`` round trip; a stream's messages come back through
a thread-safe queue, the reader yielding to the loop every 16 messages). The phases are
``host_grpcio.py``'s, thread for thread. Usage ``host_grpclib_sync.py CONFIG.json > RESULTS.json``.
"""

from __future__ import annotations

import asyncio
import queue
import sys
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

import host_grpcio
from grpclib.client import Stream
from host_common import launch, load_config, load_stub
from host_grpclib import Session as AsyncSession

greeter_pb2 = load_stub("greeter_pb2")
T = TypeVar("T")
_END = object()
_YIELD_EVERY = 16


class LoopThread:
    """One event loop in a daemon thread, shared by every session of the host."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()


LOOP = LoopThread()


class Session:
    """``host_grpcio.Session``'s interface, on a grpclib session living in the loop thread."""

    def __init__(self, name: str, cmd: list[str], timeout: float) -> None:
        self.plugin = launch(name, cmd)
        self.timeout = timeout
        self._async: AsyncSession = LOOP.call(self._open())

    async def _open(self) -> AsyncSession:
        return AsyncSession(self.plugin, self.timeout)

    def greet(self) -> None:
        LOOP.call(self._async.greet())

    def stream(self, count: int) -> int:
        messages: queue.SimpleQueue[Any] = queue.SimpleQueue()
        request = greeter_pb2.GreetRequest(name="bench", locale=f"count={count}")
        asyncio.run_coroutine_threadsafe(self._read(request, messages), LOOP.loop)
        n = 0
        while (item := messages.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            if not item.greeting:
                raise RuntimeError("empty greeting")
            n += 1
        if n != count:
            raise RuntimeError(f"{self.plugin.name}: {n} messages, asked for {count}")
        return n

    async def _read(self, request: Any, messages: queue.SimpleQueue[Any]) -> None:
        try:
            stream: Stream[Any, Any]
            async with self._async.stub.GreetStream.open(timeout=self.timeout) as stream:
                await stream.send_message(request, end=True)
                n = 0
                async for reply in stream:
                    messages.put(reply)
                    n += 1
                    if n % _YIELD_EVERY == 0:
                        await asyncio.sleep(0)
        except BaseException as error:
            messages.put(error)
            raise
        messages.put(_END)

    def kill(self) -> None:
        LOOP.call(self._async.kill())


if __name__ == "__main__":
    host_grpcio.run(load_config(sys.argv), Session).dump()
