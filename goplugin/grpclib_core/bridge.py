"""Sync implementation code under an asyncio serving core: the thread bridge.

The serving core runs every call as a task on one event loop; a sync implementation method
must not run there (it would stop every other call while it works or blocks). The bridge runs
it in a pool thread instead, in a copy of the call's ``contextvars`` context, so
``goplugin.current_call()`` and ``current_broker()`` work inside it:

* a unary method is one pool job (:func:`call_in_thread`), which the loop waits for blocked for
  a moment when it has nothing else to run;
* a response generator is iterated by a pool thread that hands each message to the loop
  (:class:`Handoff`), at most ``WINDOW`` messages ahead of what the loop has sent, waking the
  loop only when it is waiting for one;
* a request stream reaches a sync method as an iterator whose ``next`` waits, in its pool
  thread, for the loop to receive the next message (:class:`SyncRequests`).

A thread is held only while user code runs or a producer waits for the host to read: the
runtime's own waiting (an idle stream, a slow reader) is a suspended task, not a thread.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent import futures
from typing import Any

from goplugin.constants import YIELD_EVERY_MESSAGES

#: How many messages a response generator's thread may run ahead of the loop's sends.
WINDOW = 128

#: How many messages wake a loop waiting blocked for them (``Handoff.take``) before the end of
#: the stream does: a thread making messages quickly hands them over in batches, one wake-up
#: each, not one per message (the loop's wait ends by itself after ``QUICK_RETURN``).
NOTIFY_AT = 32

_END = object()
_SENT = object()


class _Raised:
    """An exception the generator raised, carried to the loop in place of a message."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class Handoff:
    """Messages from a thread to the loop: a sync generator's in a plugin, a server stream's
    read off grpcio's sync channel in an async host (``goplugin.channels.stream_reader``)."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        window: int = WINDOW,
        send_now: Callable[[list[Any]], bool] | None = None,
    ) -> None:
        """``send_now(messages)``, if given, may send a stream's every message and its end from
        the producer's thread; see :meth:`_end`."""
        self._loop = loop
        self._send_now = send_now
        self._lock = threading.Lock()
        self._buffer: collections.deque[Any] = collections.deque()
        self._waiter: asyncio.Future[None] | None = None
        self._window = window
        self._closed = False
        #: The loop waiting, blocked, for the next message (see :meth:`take`).
        self._arrived = threading.Condition(self._lock)
        self._quick_waiting = False
        #: The producer waiting for the loop to take messages from a full buffer. A condition
        #: on the one lock, not a semaphore per message: a semaphore's acquire and release
        #: cost about 2 µs per message between them, a sixth of an async host's reading.
        self._drained = threading.Condition(self._lock)
        self._producer_waiting = False

    def produce(self, context: contextvars.Context, messages: Iterator[Any]) -> None:
        """Iterate ``messages`` (in a pool thread, inside ``context``) until done or closed.

        The generator is closed here when the loop gave up on the stream, so its ``finally``
        blocks run and what it holds is freed.
        """
        try:
            made = 0
            while True:
                item = context.run(next, messages, _END)
                if item is _END:
                    break
                if not self._put(item, wait_for_room=True):
                    return  # closed
                made += 1
                if made % YIELD_EVERY_MESSAGES == 0:
                    time.sleep(0)  # the GIL to the loop and the other threads
        except BaseException as error:  # carried to the loop, raised there
            self._put(_Raised(error))
            return
        finally:
            close = getattr(messages, "close", None)
            if close is not None:
                context.run(close)
        self._end()

    def _end(self) -> None:
        """The stream's end. When the loop is blocked waiting for messages (a short stream
        made at once), ``send_now`` sends them all and the end from this thread, before the
        loop's thread is awake again, and the loop gets :attr:`SENT`."""
        if self._send_now is not None:
            with self._lock:
                if self._quick_waiting and not any(
                    isinstance(item, _Raised) for item in self._buffer
                ):
                    try:
                        sent = self._send_now(list(self._buffer))
                    except Exception:  # the loop sends them, and meets the error itself
                        sent = False
                    if sent:
                        self._buffer.clear()
                        self._buffer.append(_SENT)
        self._put(_END)

    def _put(self, item: Any, wait_for_room: bool = False) -> bool:
        """Put ``item`` (a message: once the buffer has room for it; False if closed meanwhile)."""
        with self._lock:
            if wait_for_room:
                while len(self._buffer) >= self._window and not self._closed:
                    self._producer_waiting = True
                    self._drained.wait()
                    self._producer_waiting = False
                if self._closed:
                    return False
            self._buffer.append(item)
            waiter, self._waiter = self._waiter, None
            if self._quick_waiting and (
                len(self._buffer) >= NOTIFY_AT or item is _END or isinstance(item, _Raised)
            ):
                self._arrived.notify()
        if waiter is not None:
            try:
                self._loop.call_soon_threadsafe(_wake, waiter)
            except RuntimeError:  # the loop is closed: nobody takes messages any more
                self._closed = True
        return True

    async def take(self, limit: int) -> list[Any]:
        """The messages ready now (at least one, at most ``limit``), ending with ``Handoff.END``
        after the last; raises what the generator raised once the messages before it are out.

        With none ready and nothing else for the loop to run, the loop waits for the next one
        blocked, up to ``QUICK_RETURN`` (as :func:`call_in_thread` does), before it waits as a
        task that the producer wakes through the loop's self-pipe."""
        quick = True
        while True:
            with self._lock:
                if not self._buffer and quick and _idle(self._loop):
                    quick = False
                    self._quick_waiting = True
                    self._arrived.wait(QUICK_RETURN)
                    self._quick_waiting = False
                if self._buffer:
                    batch: list[Any] = []
                    while self._buffer and len(batch) < limit:
                        item = self._buffer[0]
                        if isinstance(item, _Raised) and batch:
                            break  # send what came before it first
                        batch.append(self._buffer.popleft())
                        if item is _END or isinstance(item, _Raised):
                            break
                    if self._producer_waiting:
                        self._drained.notify()
                    break
                waiter = self._waiter = self._loop.create_future()
            await waiter
        last = batch[-1]
        if isinstance(last, _Raised):
            raise last.error
        return batch

    def close(self) -> None:
        """Stop the producer at its next message (it closes the generator)."""
        with self._lock:
            self._closed = True
            self._drained.notify()

    END = _END
    #: What :meth:`take` gives when the producer's thread sent the whole stream itself.
    SENT = _SENT


#: How long the loop may wait, blocked, for a sync unary method to return when it has nothing
#: else to run (seconds): most methods return within it, and the call then continues with no
#: wake-up of the loop through its self-pipe and no extra turns of the loop. Bounds the delay
#: that I/O arriving meanwhile sees.
QUICK_RETURN = 0.0005


class ThreadJob:
    """One sync unary method call in a pool thread, and how its result reaches the loop."""

    __slots__ = (
        "_arg",
        "_context",
        "_function",
        "_guard",
        "_loop",
        "_reply",
        "future",
        "loop_blocked",
        "ok",
        "ready",
        "replied",
        "returned",
        "value",
    )

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        context: contextvars.Context,
        function: Callable[[Any], Any],
        arg: Any,
        reply: Callable[[Any], bool] | None,
    ) -> None:
        self._loop = loop
        self._context = context
        self._function = function
        self._arg = arg
        self._reply = reply
        self._guard = threading.Lock()
        #: Released once the method returned or raised (the loop may be blocked on it).
        self.ready = threading.Lock()
        self.ready.acquire()
        #: Set by the loop once it stopped waiting: the thread then settles it.
        self.future: asyncio.Future[None] | None = None
        #: The loop is blocked on :attr:`ready` (changed under the guard): until it clears this,
        #: the loop's thread runs nothing, so the pool thread may write the reply itself.
        self.loop_blocked = False
        self.replied = False
        #: The loop saw the method return while it waited blocked (:func:`start_in_thread`).
        self.returned = False
        self.ok = False
        self.value: Any = None

    def run(self) -> None:
        try:
            self.value = self._context.run(self._function, self._arg)
            self.ok = True
        except BaseException as error:  # raised on the loop, by the awaiting call
            self.value = error
        with self._guard:
            if self.loop_blocked and self.ok and self._reply is not None:
                self.replied = self._replied_here()
            future = self.future
            self.future = _DONE
        self.ready.release()
        if future is not None:
            self._loop.call_soon_threadsafe(_wake, future)

    def _replied_here(self) -> bool:
        """Send the reply from this thread: it leaves before the loop's thread is awake again
        (a wake-up, 100-200 µs on a VM, off every sync unary call's latency). Anything the
        reply cannot do at once (no window, a closed stream, an error) is left to the loop."""
        assert self._reply is not None
        try:
            return self._reply(self.value)
        except Exception:
            return False

    def waited_for(self) -> asyncio.Future[None] | None:
        """A future the thread settles, or None if the method has returned meanwhile."""
        with self._guard:
            if self.future is _DONE:
                return None
            self.future = self._loop.create_future()
            return self.future

    @property
    def answered(self) -> bool:
        """Returned while the loop waited, and its thread sent the reply: nothing left to do."""
        return self.returned and self.replied

    def result(self) -> Any:
        if self.ok:
            return self.value
        raise self.value


_DONE: Any = object()


def _idle(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether nothing else waits to run on ``loop`` now (cancelled callbacks aside).

    Reads asyncio's ready queue; a loop without one (another implementation) never counts as
    idle, so the bridge then always waits as a task.
    """
    ready = getattr(loop, "_ready", None)
    if ready is None:
        return False
    # Copied in one step first: a pool thread's call_soon_threadsafe may append meanwhile, and
    # iterating the deque itself then fails ("deque mutated during iteration").
    return not ready or all(handle.cancelled() for handle in tuple(ready))


async def call_in_thread(
    pool: futures.Executor,
    context: contextvars.Context,
    function: Callable[[Any], Any],
    arg: Any,
    flush: Callable[[], None] | None = None,
) -> Any:
    """``function(arg)`` in a pool thread, inside ``context``: a sync unary method's hop.

    When the loop has nothing else ready to run it waits for the method, blocked, up to
    ``QUICK_RETURN``; otherwise (or when the method takes longer) the call waits as a task and
    the thread wakes the loop. A call cancelled meanwhile leaves the method to finish in its
    thread; its result is dropped. ``flush`` sends what the call wrote so far (the flow-control
    update for its request) before the loop blocks.
    """
    job = start_in_thread(asyncio.get_running_loop(), pool, context, function, arg, flush, None)
    value, _ = await job_outcome(job)
    return value


def start_in_thread(
    loop: asyncio.AbstractEventLoop,
    pool: futures.Executor,
    context: contextvars.Context,
    function: Callable[[Any], Any],
    arg: Any,
    flush: Callable[[], None] | None,
    reply: Callable[[Any], bool] | None,
    may_wait: bool = True,
) -> ThreadJob:
    """The first half of :func:`call_in_thread`, callable outside a task (a call started as
    its request arrives): the job submitted and, when the loop is idle and ``may_wait``,
    waited for blocked up to ``QUICK_RETURN``. :attr:`ThreadJob.answered` says whether it is
    all done.

    ``reply(value)``, if given, runs in the pool thread right after the method returned, and
    only while the loop is blocked waiting for it, so it may use the connection as the loop
    would; it returns False when the loop should reply instead (:attr:`ThreadJob.replied`).
    """
    job = ThreadJob(loop, context, function, arg, reply)
    if flush is not None:
        flush()
    if not (may_wait and _idle(loop)):
        pool.submit(job.run)
        return job
    job.loop_blocked = True  # before the thread starts: nothing to guard against yet
    pool.submit(job.run)
    returned = job.ready.acquire(timeout=QUICK_RETURN)
    with job._guard:  # waits for a reply the pool thread is writing
        job.loop_blocked = False
    job.returned = returned
    return job


async def job_outcome(job: ThreadJob) -> tuple[Any, bool]:
    """The second half: the method's value (or its exception, raised), once it returned, and
    whether its thread sent the reply."""
    if not job.returned:
        future = job.waited_for()
        if future is not None:
            await future
    return job.result(), job.replied


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)


class SyncRequests:
    """A request stream as a sync iterator, for a sync method running in a pool thread."""

    def __init__(
        self, receive: Callable[[], Awaitable[Any]], loop: asyncio.AbstractEventLoop
    ) -> None:
        self._receive = receive
        self._loop = loop
        self._done = False

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        if self._done:
            raise StopIteration
        try:
            future = asyncio.run_coroutine_threadsafe(_call(self._receive), self._loop)
            message = future.result()
        except (futures.CancelledError, RuntimeError):  # the call ended, or the whole server
            message = None
        if message is None:
            self._done = True
            raise StopIteration
        return message


async def _call(receive: Callable[[], Awaitable[Any]]) -> Any:
    return await receive()
