"""Server streams for an async host, read off grpcio's sync channel by a worker thread.

grpc.aio hands every received message to the event loop through its completion-queue poller
thread: two thread wake-ups per message, which held :class:`goplugin.AsyncClient` to about
11k messages/s from any plugin, the Go plugin's included. A thread reading the same call on
grpcio's sync channel with ``SingleThreadedUnaryStream`` takes a message buffered in the C
core without sleeping (about 8 µs each), and hands the loop whatever has piled up since the
loop last looked, so a burst of messages costs the loop one wake-up, not one per message.

The thread reads at most :data:`READ_AHEAD` messages ahead of the host; past that it waits,
and HTTP/2 flow control holds the plugin back as it would for a host reading slowly.
Threads are daemons from a small reuse pool (:class:`_ReaderThreads`): a stream still open when
the host's interpreter exits must not hold the exit up, and a stream should not pay for a
thread start when an idle reader is waiting.
"""

from __future__ import annotations

import asyncio
import collections
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import grpc

from goplugin.client_channel import YIELD_EVERY_MESSAGES, Diagnose
from goplugin.errors import PluginError

#: Messages a reader thread takes off the call before the host has read them.
READ_AHEAD = 256

#: How long an idle reader thread waits for another stream before it ends.
IDLE_SECONDS = 30.0


class _ReaderThreads:
    """Daemon threads, reused: a job goes to an idle thread, else to a new one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: collections.deque[queue.SimpleQueue[Callable[[], None]]] = collections.deque()

    def run(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._idle:
                self._idle.pop().put(job)
                return
        inbox: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        inbox.put(job)
        threading.Thread(
            target=self._work, args=(inbox,), name="goplugin-stream-reader", daemon=True
        ).start()

    def _work(self, inbox: queue.SimpleQueue[Callable[[], None]]) -> None:
        while True:
            try:
                job = inbox.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if inbox in self._idle:  # nobody picked this thread meanwhile: retire
                        self._idle.remove(inbox)
                        return
                continue  # a job was handed over under the lock just now
            job()
            del job
            with self._lock:
                self._idle.append(inbox)


_THREADS = _ReaderThreads()


class _Relay:
    """Messages from one reader thread to one coroutine, in batches, with bounded read-ahead."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._lock = threading.Lock()
        self._room = threading.Condition(self._lock)
        self._items: collections.deque[Any] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None
        self._ended = False
        self._error: BaseException | None = None
        self._closed = False

    # -- the reader thread's side ------------------------------------------------------------

    def put(self, item: Any) -> bool:
        """Queue ``item``; False once the host stopped reading (the thread should stop)."""
        with self._lock:
            while len(self._items) >= READ_AHEAD and not self._closed:
                self._room.wait()
            if self._closed:
                return False
            self._items.append(item)
            waiter, self._waiter = self._waiter, None
        return waiter is None or self._wake(waiter)

    def end(self, error: BaseException | None) -> None:
        with self._lock:
            self._ended, self._error = True, error
            waiter, self._waiter = self._waiter, None
        if waiter is not None:
            self._wake(waiter)

    def _wake(self, waiter: asyncio.Future[None]) -> bool:
        """Wake the coroutine; False if its event loop is closed (nobody reads any more)."""
        try:
            self._loop.call_soon_threadsafe(_wake, waiter)
        except RuntimeError:
            self.close()
            return False
        return True

    # -- the event loop's side ---------------------------------------------------------------

    async def take(self) -> list[Any]:
        """Every message queued so far (waiting for one); ``[]`` at the end of the stream."""
        while True:
            with self._lock:
                if self._items:
                    items = list(self._items)
                    self._items.clear()
                    self._room.notify()
                    return items
                if self._ended:
                    if self._error is not None:
                        raise self._error
                    return []
                waiter = self._waiter = self._loop.create_future()
            await waiter

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._items.clear()
            self._room.notify()


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


def _pump(call: Any, relay: _Relay, diagnose: Diagnose, path: str) -> None:
    """The reader thread: every message of ``call`` into ``relay``, then how it ended."""
    try:
        for read, message in enumerate(call, 1):
            if not relay.put(message):
                return
            if read % YIELD_EVERY_MESSAGES == 0:
                time.sleep(0)  # the GIL to the event loop and the host's other threads
    except grpc.RpcError as error:
        # Diagnosing may wait a moment for a dying plugin to exit: this thread can afford it.
        relay.end(diagnose(error, path))
    except BaseException as error:  # a response that would not parse, say
        relay.end(error)
    else:
        relay.end(None)


async def read_in_thread(call: Any, diagnose: Diagnose, path: str) -> AsyncIterator[Any]:
    """The messages of ``call`` (a started sync server-streaming call), read by a thread.

    Leaving the iteration early or being cancelled cancels the call, so the plugin stops too.
    """
    relay = _Relay(asyncio.get_running_loop())
    _THREADS.run(lambda: _pump(call, relay, diagnose, path))
    try:
        while batch := await relay.take():
            for message in batch:
                yield message
    except PluginError as error:
        raise error from None
    finally:
        relay.close()
        call.cancel()  # a no-op once the call ended; otherwise the thread's read ends now
