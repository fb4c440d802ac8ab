"""Keeping stdout clean for the handshake, and streaming the plugin's output to the host.

go-plugin reads the plugin's first stdout line as the handshake, so after ``serve()`` starts no
other byte may reach the real stdout. Like a Go plugin, which swaps ``os.Stdout`` for a pipe, the
runtime points file descriptor 1 at a pipe and forwards what arrives there over
``plugin.GRPCStdio/StreamStdio``. Writes to ``sys.stderr`` go to the real stderr (which every host
reads, logs, and quotes when the plugin crashes) *and* to the stream.

A go-plugin host opens the stream only once it has read the handshake and connected, so what
the plugin prints in that moment is held (up to ``HOLD_BYTES``) and handed to the stream when it
opens: a host's first lines arrive complete and in order. Hosts that never open the stream
(go-plugin before 1.1) would lose the plugin's stdout; when none has opened it ``HOLD_SECONDS``
after the handshake, held and later output goes to stderr instead, so it lands in their log.
A plugin that prints nothing holds nothing and starts no timer.

What waits for the stream is bounded by ``STREAM_BUDGET_BYTES``: past it, stdout waits (the
plugin's ``print`` blocks, as a Go plugin's write blocks under gRPC flow control) and the
stream's copy of stderr is dropped (the real stderr still carries it), so a plugin flooding
its output costs bounded memory and its other threads keep serving calls.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import select
import sys
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from google.protobuf import empty_pb2

from goplugin._proto.grpc_stdio_pb2 import StdioData

if TYPE_CHECKING:
    from goplugin.services import ServiceRegistry, ServiceSpec

_CHUNK = 32 * 1024
_STREAM_END = None

#: How long after the handshake stdout waits for the host's stream, and how much of it.
HOLD_SECONDS = 5.0
HOLD_BYTES = 64 * 1024
#: Bytes queued for the host's stream and not yet sent, at most (see the module docstring).
STREAM_BUDGET_BYTES = 1024 * 1024


class StdioHub:
    """Fans the plugin's stdout/stderr out to at most one StreamStdio subscriber.

    The proto says the stream must be opened once and data is not sent twice, so a second
    subscriber replaces the first rather than sharing it.
    """

    def __init__(self, raw_stderr_fd: int) -> None:
        self._raw_stderr_fd = raw_stderr_fd
        self._lock = threading.Lock()
        self._space = threading.Condition(self._lock)  # notified as queued bytes are sent
        self._pending_bytes = 0
        self._subscriber: queue.SimpleQueue[StdioData | None] | None = None
        self._hold_until: float | None = None
        self._held: list[bytes] = []
        self._held_bytes = 0
        # Data items put on the stream's queue, and of those, sent: wait_sent compares them.
        self._queued = 0
        self._sent = 0

    def publish(self, channel: StdioData.Channel, data: bytes) -> bool:
        """Queue ``data`` for the open stream; False when no host is listening."""
        with self._lock:
            if self._subscriber is None:
                return False
            if self._pending_bytes + len(data) <= STREAM_BUDGET_BYTES:
                self._put(self._subscriber, channel, data)
        return True

    def _put(
        self, stream: queue.SimpleQueue[StdioData | None], channel: StdioData.Channel, data: bytes
    ) -> None:
        """Queue data for the stream (caller holds the lock)."""
        stream.put(StdioData(channel=channel, data=data))
        self._queued += 1
        self._pending_bytes += len(data)

    def hold_for_host(self, seconds: float = HOLD_SECONDS) -> None:
        """From now on keep stdout for the stream the host is about to open (see module doc)."""
        with self._lock:
            self._hold_until = time.monotonic() + seconds

    def forward_stdout(self, data: bytes) -> None:
        # Under the lock throughout: the stream, the held bytes and stderr see one order.
        with self._lock:
            while self._subscriber is not None and self._pending_bytes >= STREAM_BUDGET_BYTES:
                self._space.wait(0.5)  # the stream is behind: wait for it, as a pipe would
            if self._subscriber is not None:
                self._put(self._subscriber, StdioData.STDOUT, data)
                return
            if self._holding() and self._held_bytes + len(data) <= HOLD_BYTES:
                if not self._held:
                    self._start_hold_timer()
                self._held.append(data)
                self._held_bytes += len(data)
                return
            self._release_held()
            _write_all(self._raw_stderr_fd, data)

    def _holding(self) -> bool:
        return self._hold_until is not None and time.monotonic() < self._hold_until

    def _start_hold_timer(self) -> None:
        assert self._hold_until is not None
        timer = threading.Timer(max(self._hold_until - time.monotonic(), 0.0), self._give_up_hold)
        timer.daemon = True
        timer.start()

    def _give_up_hold(self) -> None:
        """No stream came: the host is too old to open one, so its log gets the output."""
        with self._lock:
            if self._subscriber is None:
                self._hold_until = None
                self._release_held()

    def _release_held(self) -> None:
        """Write held stdout to stderr (caller holds the lock)."""
        held, self._held, self._held_bytes = self._held, [], 0
        for data in held:
            _write_all(self._raw_stderr_fd, data)

    def subscribe(self) -> queue.SimpleQueue[StdioData | None]:
        stream: queue.SimpleQueue[StdioData | None] = queue.SimpleQueue()
        with self._lock:
            self._pending_bytes = 0
            self._space.notify_all()
            for data in self._held:
                self._put(stream, StdioData.STDOUT, data)
            self._held, self._held_bytes, self._hold_until = [], 0, None
            previous, self._subscriber = self._subscriber, stream
        if previous is not None:
            previous.put(_STREAM_END)
        return stream

    def unsubscribe(self, stream: queue.SimpleQueue[StdioData | None]) -> None:
        with self._lock:
            if self._subscriber is stream:
                self._subscriber = None
                self._pending_bytes = 0
                self._space.notify_all()

    def close(self) -> None:
        """End the open stream, so the server can stop without waiting on it."""
        with self._lock:
            previous, self._subscriber = self._subscriber, None
            self._pending_bytes = 0
            self._space.notify_all()
            self._hold_until = None
            self._release_held()
        if previous is not None:
            previous.put(_STREAM_END)

    def stream_stdio(self, request: empty_pb2.Empty) -> Iterator[StdioData]:
        """The ``plugin.GRPCStdio/StreamStdio`` handler.

        Writes that queued up while the last message was on its way go out as one message per
        channel: a plugin printing line by line costs the host a message per burst, not per line.
        """
        from goplugin.calls import current_call

        stream = self.subscribe()
        current_call().add_callback(lambda: stream.put(_STREAM_END))
        try:
            carry = stream.get()
            while carry is not _STREAM_END:
                batch = _coalesce(carry, stream)
                yield batch.message
                # grpcio asks for the next message only once this one is sent.
                with self._lock:
                    self._sent += batch.merged
                    if self._subscriber is stream:
                        self._pending_bytes -= len(batch.message.data)
                        self._space.notify_all()
                if batch.ended:
                    return
                carry = batch.next_item if batch.next_item is not None else stream.get()
        finally:
            self.unsubscribe(stream)

    def wait_sent(self, timeout: float) -> bool:
        """Wait until the open stream has sent the host everything queued for it so far."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if self._subscriber is None or self._sent >= self._queued:
                    return True
            time.sleep(0.002)
        return False

    def register(self, server: ServiceRegistry) -> None:
        """Serve ``plugin.GRPCStdio`` on ``server`` (either serving core's registry)."""
        server.register(_spec(), {"StreamStdio": self.stream_stdio})

    def generic_handler(self) -> Any:
        """The service as a grpcio generic handler (for code that builds a grpcio server)."""
        from goplugin.grpcio_core.registry import generic_handler

        return generic_handler(_spec(), {"StreamStdio": self.stream_stdio})


def _spec() -> ServiceSpec:
    # Made on use: ``import goplugin`` loads this module first thing, before the rest.
    from goplugin.services import ServiceSpec, unary_stream

    return ServiceSpec("plugin.GRPCStdio", unary_stream("StreamStdio", empty_pb2.Empty, StdioData))


class _TeeStderr(io.TextIOBase):
    """``sys.stderr`` for a serving plugin: the real stderr, plus the host's stdio stream."""

    def __init__(self, original: TextIO, hub: StdioHub) -> None:
        self._original = original
        self._hub = hub

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        written = self._original.write(text)
        self._original.flush()
        self._hub.publish(StdioData.STDERR, text.encode("utf-8", "replace"))
        return written

    def flush(self) -> None:
        self._original.flush()

    def fileno(self) -> int:
        return self._original.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._original.encoding


class StdoutCapture:
    """Owns file descriptor 1 while the plugin serves; see the module docstring."""

    def __init__(self, hub: StdioHub) -> None:
        self.hub = hub
        self._handshake_fd = -1
        self._reader: threading.Thread | None = None
        self._read_fd = -1
        self._pump_lock = threading.Lock()
        self._original_stderr: TextIO | None = None

    def start(self) -> int:
        """Redirect fd 1 and ``sys.stderr``; return a private fd on the real stdout.

        Anything ``print``ed before ``serve()`` and still sitting in ``sys.stdout``'s buffer is
        flushed into the pipe, not onto the handshake channel.
        """
        self._handshake_fd = os.dup(1)
        read_fd, write_fd = os.pipe()
        self._read_fd = read_fd
        os.dup2(write_fd, 1)
        os.close(write_fd)
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(line_buffering=True)
        self._reader = threading.Thread(
            target=self._pump, args=(read_fd,), name="goplugin-stdout", daemon=True
        )
        self._reader.start()
        self._original_stderr = sys.stderr
        sys.stderr = _TeeStderr(sys.stderr, self.hub)
        return self._handshake_fd

    @property
    def handshake_fd(self) -> int:
        return self._handshake_fd

    def _pump(self, read_fd: int) -> None:
        # Non-blocking reads under a lock, so drain() can empty the pipe from another thread.
        os.set_blocking(read_fd, False)
        poller = select.poll()
        poller.register(read_fd, select.POLLIN)
        with contextlib.suppress(OSError):
            while True:
                poller.poll()
                with self._pump_lock:
                    if not self._forward_available(read_fd):
                        break
        with self._pump_lock:
            self._read_fd = -1
            os.close(read_fd)

    def _forward_available(self, read_fd: int) -> bool:
        """Forward what the pipe holds now (caller holds the pump lock); False at its end."""
        while True:
            try:
                data = os.read(read_fd, _CHUNK)
            except BlockingIOError:
                return True
            if not data:
                return False
            self.hub.forward_stdout(data)

    def drain(self) -> None:
        """Forward everything printed so far, before the host is told we are shutting down."""
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        with self._pump_lock, contextlib.suppress(OSError):
            if self._read_fd >= 0:
                self._forward_available(self._read_fd)

    def stop(self) -> None:
        """Flush what the plugin printed, restore stderr, close the pipe; give the pump a moment."""
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        if self._original_stderr is not None:
            sys.stderr = self._original_stderr
        # Closing fd 1 ends the pump's read loop once the pipe is drained.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
        if self._reader is not None:
            self._reader.join(timeout=0.5)


_process_capture: StdoutCapture | None = None


def capture_process_stdout() -> StdoutCapture:
    """The process's one stdout capture, started on first use.

    ``import goplugin`` calls this in a process a host launched, so that even an unbuffered
    ``print`` between the imports and ``serve()`` cannot reach the handshake channel.
    """
    global _process_capture
    if _process_capture is None:
        _process_capture = StdoutCapture(StdioHub(raw_stderr_fd=2))
        _process_capture.start()
    return _process_capture


class _Batch(NamedTuple):
    message: StdioData  # what to send
    merged: int  # how many queued items it holds
    next_item: StdioData | None  # a queued item that could not join it, if one was taken
    ended: bool  # the end-of-stream marker was taken from the queue


def _coalesce(first: StdioData, stream: queue.SimpleQueue[StdioData | None]) -> _Batch:
    """``first`` joined with the queued items of its channel right behind it, up to _CHUNK."""
    parts = [first.data]
    size = len(first.data)
    while size < _CHUNK:
        try:
            following = stream.get_nowait()
        except queue.Empty:
            break
        if following is _STREAM_END:
            return _Batch(_joined(first, parts), len(parts), None, ended=True)
        if following.channel != first.channel:
            return _Batch(_joined(first, parts), len(parts), following, ended=False)
        parts.append(following.data)
        size += len(following.data)
    return _Batch(_joined(first, parts), len(parts), None, ended=False)


def _joined(first: StdioData, parts: list[bytes]) -> StdioData:
    return first if len(parts) == 1 else StdioData(channel=first.channel, data=b"".join(parts))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    with contextlib.suppress(OSError):
        while view:
            view = view[os.write(fd, view) :]
