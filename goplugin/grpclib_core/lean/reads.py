"""Reads that only open calls with their whole request, read here rather than by h2's parser
and grpclib's events.

A grpcio host's unary call arrives as one read of four frames: HEADERS, a WINDOW_UPDATE for
the new stream, DATA ending it, a WINDOW_UPDATE for the connection. h2 makes each a frame
object (with a debug ``repr`` nobody reads), runs it through its dispatch, state machines and
events; grpclib makes a stream with an asyncio queue and three events, and dispatches the
events to it. That was about 95 µs of the plugin's ~550 µs per unary call through a Python
host (``bench/``), more than the method and the reply together.

When a read holds only such frames (HEADERS opening a stream with a header block h2 decoded
before, ``header_blocks.RepeatingBlocksDecoder.known``; its DATA, ending it; WINDOW_UPDATEs),
it is read here. All its frames are checked before anything is changed: a read is taken whole,
or left whole to h2 exactly as it came (the first calls of a method, a PING, SETTINGS, a reset,
a frame for a stream already open, a request that has not ended, a frame cut by the read's
end).

What h2 keeps is kept the same: each stream is made by h2 and given the state machine inputs
its own ``receive_headers``/``receive_data`` give it, both flow-control windows of the
connection and of the stream move as h2 moves them, and the highest stream id (GOAWAY's last
stream) is h2's. A call to a lean method (``unary``) is handed its request and has no grpclib
stream until it needs one (``unary.UnaryCall.wire``): its request is acknowledged at once, as
grpclib acknowledges a read. Any other call gets a grpclib stream holding its whole request, as
grpclib's events would have left it, and grpclib serves it (acknowledging as it reads).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, NamedTuple

from goplugin.grpclib_core.lean.header_blocks import RepeatingBlocksDecoder
from goplugin.grpclib_core.lean.unary import UnaryCall, one_message
from goplugin.grpclib_core.lean.whole_response import (
    DATA,
    END_HEADERS,
    END_STREAM,
    FRAME_HEADER,
    HEADERS,
    WINDOW_UPDATE,
)

try:
    from h2.connection import AllowedStreamIDs, ConnectionState
    from h2.stream import StreamInputs
except ImportError:  # pragma: no cover - another h2 layout: h2 reads everything
    READ_BY_HAND = False
else:
    READ_BY_HAND = True

if TYPE_CHECKING:
    from grpclib.protocol import EventsProcessor

    from goplugin.grpclib_core.lean.unary import LeanHandler, UnaryMethod

#: The largest flow-control window HTTP/2 allows (RFC 9113 section 6.9.1).
MAX_WINDOW = 2**31 - 1
#: Distinct header blocks whose answer (lean method or not) is kept per connection.
MAX_KNOWN = 256


class _Block(NamedTuple):
    """What a header block asks for."""

    #: Its fields as grpclib reads them.
    headers: list[tuple[str, str]]
    #: The lean method it calls and the host's timeout; None: grpclib serves the call.
    lean: tuple[UnaryMethod, float | None] | None


class _Opened:
    """A stream the read opens: what it asks for, its request, its window updates."""

    __slots__ = ("block", "chunks", "ended", "received", "request", "window_increment")

    def __init__(self, block: _Block) -> None:
        self.block = block
        self.chunks: list[bytes] = []
        self.received = 0
        self.ended = False
        self.window_increment = 0
        #: A lean call's message.
        self.request: bytes | None = None

    def message(self) -> bytes | None:
        """The request's one message, when its bytes are exactly one uncompressed message."""
        return one_message(self.chunks[0] if len(self.chunks) == 1 else b"".join(self.chunks))


def _pending_bytes(buffer: Any) -> str:
    """The name under which h2's frame buffer holds bytes not yet framed (``data`` in h2 4.1
    and 4.2)."""
    return "_data" if hasattr(buffer, "_data") else "data"


def _readable(h2: Any) -> bool:
    """Whether ``h2`` keeps what :class:`LeanReads` reads and moves, under these names."""
    buffer = h2.incoming_buffer
    window = getattr(h2, "_inbound_flow_control_window_manager", None)
    return (
        hasattr(buffer, _pending_bytes(buffer))
        and all(hasattr(buffer, name) for name in ("_preamble_len", "_headers_buffer"))
        and hasattr(window, "current_window_size")
        and hasattr(window, "window_consumed")
        and hasattr(h2, "_begin_new_stream")
        and isinstance(h2.decoder, RepeatingBlocksDecoder)
    )


class LeanReads:
    """One connection's reads, taken here when they only open calls with their whole requests
    (:meth:`take`)."""

    def __init__(self, processor: EventsProcessor, handler: LeanHandler) -> None:
        self._processor = processor
        self._connection = processor.connection
        self._h2: Any = processor.connection._connection
        self._handler = handler
        self._known: dict[tuple[Any, ...], _Block | None] = {}
        #: Whether this h2 keeps the internals read here (4.x does): else h2 reads everything.
        self.enabled = READ_BY_HAND and _readable(self._h2)
        self._pending = _pending_bytes(self._h2.incoming_buffer)
        #: Reads taken here, not by h2 (what a look at a running plugin wants to know).
        self.taken = 0

    def take(self, data: bytes) -> bool:
        """Read ``data`` here and start its calls (``LeanHandler.start_arrived`` runs them);
        False, nothing changed, when h2 is to read it."""
        h2 = self._h2
        buffer = h2.incoming_buffer
        if (
            not self.enabled
            or self._handler.closing
            or h2.state_machine.state is not ConnectionState.SERVER_OPEN
            or getattr(buffer, self._pending)  # a frame begun in an earlier read
            or buffer._preamble_len
            or buffer._headers_buffer  # a header block waiting for its CONTINUATION
        ):
            return False
        planned = self._plan(data)
        if planned is None:
            return False
        opened, connection_increment = planned
        self._apply(opened, connection_increment)
        self.taken += 1
        return True

    def _plan(self, data: bytes) -> tuple[dict[int, _Opened], int] | None:
        """The streams ``data`` opens and the connection window it gives, all its frames
        checked as h2 would check them; None when any is not for this path."""
        h2 = self._h2
        decoder: RepeatingBlocksDecoder = h2.decoder
        max_frame = h2.max_inbound_frame_size
        highest = h2.highest_inbound_stream_id
        inbound_window = h2._inbound_flow_control_window_manager.current_window_size
        stream_window = h2.local_settings.initial_window_size
        opened: dict[int, _Opened] = {}
        connection_increment = 0
        offset, end = 0, len(data)
        while offset < end:
            if end - offset < FRAME_HEADER.size:
                return None
            high, low, kind, flags, stream_id = FRAME_HEADER.unpack_from(data, offset)
            size = high << 8 | low
            stream_id &= MAX_WINDOW  # the reserved bit is ignored
            start = offset + FRAME_HEADER.size
            offset = start + size
            if size > max_frame or offset > end:
                return None
            if kind == HEADERS:
                if flags != END_HEADERS or stream_id % 2 == 0 or stream_id <= highest:
                    return None
                fields = decoder.known(data[start:offset])
                block = None if fields is None else self._block(fields)
                if block is None:
                    return None
                highest = stream_id
                opened[stream_id] = _Opened(block)
            elif kind == DATA:
                stream = opened.get(stream_id)
                if stream is None or stream.ended or flags & ~END_STREAM:
                    return None  # not a stream this read opened, or padded
                inbound_window -= size
                stream.received += size
                if inbound_window < 0 or stream.received > stream_window:
                    return None
                stream.chunks.append(data[start:offset])
                stream.ended = bool(flags & END_STREAM)
            elif kind == WINDOW_UPDATE:
                if size != 4:
                    return None
                increment = int.from_bytes(data[start:offset], "big") & MAX_WINDOW
                if not increment:
                    return None
                if stream_id == 0:
                    connection_increment += increment
                elif stream_id in opened:
                    opened[stream_id].window_increment += increment
                elif stream_id in h2.streams or stream_id % 2 == 0 or stream_id > highest:
                    return None
                # else a stream closed before: h2 ignores its window too
            else:
                return None
        if not opened or h2.outbound_flow_control_window + connection_increment > MAX_WINDOW:
            return None
        outbound_window = h2.remote_settings.initial_window_size
        for stream in opened.values():
            if not stream.ended or outbound_window + stream.window_increment > MAX_WINDOW:
                return None
            if stream.block.lean is not None:
                stream.request = stream.message()
                if stream.request is None:  # h2 reads it; the call's task answers what is wrong
                    return None
        if h2.open_inbound_streams + len(opened) > h2.local_settings.max_concurrent_streams:
            return None
        return opened, connection_increment

    def _block(self, fields: tuple[Any, ...]) -> _Block | None:
        """What a decoded header block asks for; None when h2 must read it (not ASCII, or a
        ``content-length`` h2 would check the request against). The same block always asks
        the same: kept."""
        try:
            return self._known[fields]
        except KeyError:
            pass
        block = None
        try:
            headers = [(name.decode("ascii"), value.decode("ascii")) for name, value in fields]
        except UnicodeDecodeError:
            headers = None
        if headers is not None and not any(name == "content-length" for name, _ in headers):
            block = _Block(headers, self._handler.lean_method(headers))
        if len(self._known) >= MAX_KNOWN:
            self._known.clear()
        self._known[fields] = block
        return block

    def _apply(self, opened: dict[int, _Opened], connection_increment: int) -> None:
        """The planned read, applied to h2's and grpclib's books; its calls handed over: a lean
        one to ``unary``, any other to grpclib with its whole request (a stream-unary call's
        whole request stream, if the read holds it all)."""
        h2, connection, handler = self._h2, self._connection, self._handler
        received = 0
        for stream_id, stream in opened.items():
            h2_stream = h2._begin_new_stream(stream_id, AllowedStreamIDs.ODD)
            machine = h2_stream.state_machine
            machine.process_input(StreamInputs.RECV_HEADERS)
            if stream.window_increment:
                h2_stream.receive_window_update(stream.window_increment)
            for _ in stream.chunks:
                machine.process_input(StreamInputs.RECV_DATA)
            h2_stream._inbound_window_manager.window_consumed(stream.received)
            machine.process_input(StreamInputs.RECV_END_STREAM)
            h2._inbound_flow_control_window_manager.window_consumed(stream.received)
            if stream.request is not None and stream.received:
                # Read whole: acknowledged at once, as grpclib acknowledges what a call reads.
                h2.acknowledge_received_data(stream.received, stream_id)
            received += stream.received
        if connection_increment:
            h2.outbound_flow_control_window += connection_increment
            for waiting in self._processor.streams.values():
                waiting.window_updated.set()
        if received:
            connection.data_received += received
            connection.last_data_received = time.monotonic()
        connection.flush()
        for stream_id, stream in opened.items():
            headers, lean = stream.block
            if lean is not None:
                method, timeout = lean
                call = UnaryCall(
                    handler, connection, stream_id, method, headers, timeout, stream.request
                )
                handler.arrived(call, start_later=False)
                continue
            grpclib_stream = connection.create_stream(stream_id=stream_id)
            release = self._processor.register(grpclib_stream)
            for chunk in stream.chunks:  # grpclib acknowledges them as the call reads them
                grpclib_stream.buffer.add(chunk, len(chunk))
            grpclib_stream.data_received += stream.received
            grpclib_stream.buffer.eof()
            handler.accept(grpclib_stream, list(headers), release)
