"""Server streams for an async host, read off grpcio's sync channel by a worker thread.

grpc.aio hands every received message to the event loop through its completion-queue poller
thread: two thread wake-ups per message, which held :class:`goplugin.AsyncClient` to about
11k messages/s from any plugin, the Go plugin's included. A thread reading the same call on
grpcio's sync channel with ``SingleThreadedUnaryStream`` takes a message buffered in the C
core without sleeping (about 8 µs each) and hands them over through the plugin side's
``grpclib_core.bridge.Handoff``: the loop takes whatever has piled up since it last looked,
and a loop with nothing else to run waits for the next batch blocked (up to 0.5 ms), woken once
per 32 messages or at the end, so a burst costs the loop a few wake-ups, not one per message.

The thread reads at most :data:`READ_AHEAD` messages ahead of the host; past that it waits,
and HTTP/2 flow control holds the plugin back as it would for a host reading slowly.
Threads are daemons from a small reuse pool (:class:`_ReaderThreads`): a stream still open when
the host's interpreter exits must not hold the exit up, and a stream should not pay for a
thread start when an idle reader is waiting.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import functools
import queue
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any

import grpc

from goplugin.channels.client_channel import Diagnose
from goplugin.grpclib_core.bridge import Handoff

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


async def read_in_thread(call: Any, diagnose: Diagnose, path: str) -> AsyncIterator[Any]:
    """The messages of ``call`` (a started sync server-streaming call), read by a thread.

    Leaving the iteration early or being cancelled cancels the call, so the plugin stops too.
    """
    handoff = Handoff(asyncio.get_running_loop(), READ_AHEAD)
    _THREADS.run(functools.partial(handoff.produce, contextvars.Context(), call))
    try:
        while True:
            try:
                batch = await handoff.take(READ_AHEAD)
            except grpc.RpcError as error:
                # Diagnosing may wait a moment for a dying plugin to exit: not on the loop.
                raise await asyncio.to_thread(diagnose, error, path) from None
            for message in batch:
                if message is Handoff.END:
                    return
                yield message
    finally:
        handoff.close()
        call.cancel()  # a no-op once the call ended; otherwise the thread's read ends now
