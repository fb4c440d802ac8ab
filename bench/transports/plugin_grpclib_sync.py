"""grpclib serving *sync* handlers: how existing sync plugin code would run on a grpclib core.

The Greeter here is plain sync code (a function and a generator, like today's generated
interfaces). The serving core stays grpclib on asyncio; the bridge is the runtime's job:

* unary: ``loop.run_in_executor`` on a pool of ``--workers`` threads;
* server stream: one pool thread iterates the generator and hands the messages to the loop
  (``_Handoff``), at most ``_WINDOW`` ahead of what the loop has sent; the loop sends them,
  giving other calls a turn every ``--yield-every`` messages.

Everything else (health, controller, stdio, broker) is ``plugin_grpclib.py``'s.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent import futures
from typing import Any

from grpclib.server import Server, Stream
from plugin_common import check_cookie, handshake_line, new_socket_path, remove, stream_count
from plugin_grpclib import GoPluginServices, greeter_grpc, greeter_pb2

#: How many messages the producing thread may run ahead of the loop's sends.
_WINDOW = 256
_END = object()


class SyncGreeter:
    """The implementation, as a sync plugin author writes it."""

    def greet(self, request: Any) -> Any:
        return greeter_pb2.GreetResponse(greeting=f"Hello, {request.name}!")

    def greet_stream(self, request: Any) -> Iterator[Any]:
        response = greeter_pb2.GreetResponse
        for i in range(stream_count(request.locale)):
            yield response(greeting=f"Hello {request.name}, message {i}")


class Bridge:
    """Runs sync handlers off the event loop: what a runtime on grpclib would do for them."""

    def __init__(self, pool: futures.ThreadPoolExecutor, yield_every: int) -> None:
        self._pool = pool
        self._yield_every = yield_every

    async def unary(self, handler: Callable[[Any], Any], stream: Stream[Any, Any]) -> None:
        request = await stream.recv_message()
        loop = asyncio.get_running_loop()
        await stream.send_message(await loop.run_in_executor(self._pool, handler, request))

    async def server_stream(
        self, handler: Callable[[Any], Iterator[Any]], stream: Stream[Any, Any]
    ) -> None:
        request = await stream.recv_message()
        loop = asyncio.get_running_loop()
        handoff = _Handoff(loop)
        producer = loop.run_in_executor(self._pool, handoff.produce, handler, request)
        sent = 0
        try:
            while (item := await handoff.take()) is not _END:
                await stream.send_message(item)
                sent += 1
                if self._yield_every and sent % self._yield_every == 0:
                    await asyncio.sleep(0)
        finally:
            handoff.close()
            await producer


class _Handoff:
    """Messages from the generator's thread to the loop, waking the loop only when it waits.

    The thread runs at most ``_WINDOW`` messages ahead; the loop is woken (one
    ``call_soon_threadsafe``) only when it found the buffer empty, so a fast generator costs a
    lock per message, not a cross-thread wake-up.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._buffer: collections.deque[Any] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None
        self._room = threading.Semaphore(_WINDOW)
        self._closed = False

    def _put(self, item: Any) -> None:
        with self._lock:
            self._buffer.append(item)
            waiter, self._waiter = self._waiter, None
        if waiter is not None:
            self._loop.call_soon_threadsafe(_wake, waiter)

    def produce(self, handler: Callable[[Any], Iterator[Any]], request: Any) -> None:
        try:
            for item in handler(request):
                self._room.acquire()
                if self._closed:
                    return
                self._put(item)
        except BaseException as error:
            self._put(error)
            return
        self._put(_END)

    async def take(self) -> Any:
        while True:
            with self._lock:
                if self._buffer:
                    item = self._buffer.popleft()
                    waiter = None
                else:
                    waiter = self._waiter = self._loop.create_future()
            if waiter is None:
                break
            await waiter
        if isinstance(item, BaseException):
            raise item
        self._room.release()
        return item

    def close(self) -> None:
        self._closed = True
        self._room.release()


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class Greeter(greeter_grpc.GreeterBase):  # type: ignore[misc]
    def __init__(self, impl: SyncGreeter, bridge: Bridge) -> None:
        self._impl = impl
        self._bridge = bridge

    async def Greet(self, stream: Stream[Any, Any]) -> None:  # noqa: N802
        await self._bridge.unary(self._impl.greet, stream)

    async def GreetStream(self, stream: Stream[Any, Any]) -> None:  # noqa: N802
        await self._bridge.server_stream(self._impl.greet_stream, stream)


async def serve(workers: int, yield_every: int) -> None:
    stop = asyncio.Event()
    closing = asyncio.Event()
    pool = futures.ThreadPoolExecutor(max_workers=workers)
    bridge = Bridge(pool, yield_every)
    server = Server([Greeter(SyncGreeter(), bridge), GoPluginServices(stop, closing)])
    path = new_socket_path()
    await server.start(path=path)
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.stdout.write(handshake_line(path))
    sys.stdout.flush()
    await stop.wait()
    remove(path)
    closing.set()
    await asyncio.sleep(0.01)
    server.close()
    await asyncio.wait_for(server.wait_closed(), 0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=128)
    parser.add_argument("--yield-every", type=int, default=16, metavar="MESSAGES")
    args = parser.parse_args()
    check_cookie()
    with contextlib.suppress(asyncio.TimeoutError):
        asyncio.run(serve(args.workers, args.yield_every))
    os._exit(0)


if __name__ == "__main__":
    main()
