"""A whole gRPC response (headers, messages, trailers) written in one go, framed by hand.

A unary reply, or a short stream made at once, leaves as the same three HTTP/2 frames every
time: HEADERS (``:status``, ``content-type``), DATA, HEADERS (``grpc-status: 0``, END_STREAM).
Through h2 each costs frame objects, an HPACK encoding, header validation and a debug log per
step: about a sixth of the plugin's CPU per unary call, which is latency one for one. Here
the frames are bytes built directly, and h2 is told of the sends through the same state
machine inputs and window updates its own ``send_headers``/``send_data`` make, so it goes on
tracking the stream (closed, counted out, later frames for it handled as for any closed
stream) and the connection's flow-control window exactly as if it had framed them.

The header blocks use HPACK literals that are not added to the dynamic table, so h2's
encoder and the peer's decoder keep the same table and every later block h2 encodes stays
valid. Anything unusual goes through h2 as before: a pending table-size update (it must open
the next header block h2 encodes), headers already sent on the stream, or an h2 without the
internals named here (``FRAMED_BY_HAND`` False).
"""

from __future__ import annotations

import functools
import struct
from typing import TYPE_CHECKING, Any

from h2.exceptions import StreamClosedError

try:
    from h2.connection import ConnectionInputs
    from h2.stream import StreamInputs
except ImportError:  # pragma: no cover - another h2 layout: h2 frames everything
    FRAMED_BY_HAND = False
else:
    FRAMED_BY_HAND = True

if TYPE_CHECKING:
    from grpclib.protocol import Connection

#: An HTTP/2 frame's header: length (24 bits), type, flags, stream id (RFC 9113 section 4.1).
FRAME_HEADER = struct.Struct(">HBBBL")
#: Frame types and flags (sections 6.1, 6.2, 6.9).
DATA, HEADERS, WINDOW_UPDATE = 0x0, 0x1, 0x8
END_STREAM, END_HEADERS = 0x1, 0x4

#: HPACK static table indices (RFC 7541 appendix A).
_STATUS_200 = 8
_CONTENT_TYPE_NAME = 31

#: What h2 sends as the trailers of a call that succeeded (and grpclib, in ``unary._reply``).
OK_TRAILERS = [("grpc-status", "0")]


def _hpack_integer(value: int, prefix_bits: int, first_byte: int) -> bytes:
    """``value`` in HPACK's prefixed integer form (RFC 7541 section 5.1)."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes((first_byte | value,))
    out = bytearray((first_byte | limit,))
    value -= limit
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _hpack_string(text: str) -> bytes:
    """``text`` as an HPACK string literal, not Huffman coded (section 5.2)."""
    raw = text.encode("ascii")
    return _hpack_integer(len(raw), 7, 0x00) + raw


def _literal(name: int | str, value: str) -> bytes:
    """A header field "without indexing" (section 6.2.2): the decoder does not add it to its
    dynamic table. The name by the static table's index, or spelled out."""
    if isinstance(name, int):
        return _hpack_integer(name, 4, 0x00) + _hpack_string(value)
    return b"\x00" + _hpack_string(name) + _hpack_string(value)


@functools.lru_cache(maxsize=8)
def response_headers_block(content_type: str) -> bytes:
    """``:status: 200`` and ``content-type``, as one header block."""
    return _hpack_integer(_STATUS_200, 7, 0x80) + _literal(_CONTENT_TYPE_NAME, content_type)


#: ``grpc-status: 0``, as one header block.
OK_TRAILERS_BLOCK = _literal("grpc-status", "0")


def _frame(kind: int, flags: int, stream_id: int, body: bytes) -> bytes:
    size = len(body)
    return FRAME_HEADER.pack(size >> 8, size & 0xFF, kind, flags, stream_id) + body


def response_frames(
    stream_id: int, content_type: str, payload: bytes, max_frame_size: int
) -> bytes:
    """The response's frames: headers, ``payload`` in DATA frames of at most
    ``max_frame_size`` bytes, OK trailers that end the stream."""
    parts = [_frame(HEADERS, END_HEADERS, stream_id, response_headers_block(content_type))]
    for start in range(0, len(payload), max_frame_size):
        parts.append(_frame(DATA, 0, stream_id, payload[start : start + max_frame_size]))
    parts.append(_frame(HEADERS, END_HEADERS | END_STREAM, stream_id, OK_TRAILERS_BLOCK))
    return b"".join(parts)


def send_whole_response(
    connection: Connection, stream_id: int, payload: bytes, content_type: str
) -> bool:
    """Headers, ``payload`` (framed gRPC messages) and OK trailers in one write on ``stream_id``,
    if the window and the transport allow (False: nothing was written; the caller sends through
    grpclib).

    Goes past grpclib's per-step dispatch: the lean unary reply, and a whole short stream from
    its generator's thread (``registry._send_all_now``), which may call it while the loop is
    blocked waiting for that thread. Raises ``StreamClosedError`` when the stream is gone.
    """
    h2 = connection._connection
    size = len(payload)
    if not (connection.write_ready.is_set() and size <= h2.local_flow_control_window(stream_id)):
        return False
    h2_stream = h2.streams.get(stream_id)
    if h2_stream is None:
        raise StreamClosedError(stream_id)
    if (
        FRAMED_BY_HAND
        and not h2_stream.state_machine.headers_sent
        and not h2.encoder.header_table.resized
    ):
        data = h2.data_to_send() + _framed_by_hand(h2, h2_stream, content_type, payload)
    else:
        data = _framed_by_h2(h2, stream_id, content_type, payload)
    transport = connection._transport
    # Straight to the socket: past _CoalescedWrites' turn-of-the-loop batching, whose flush
    # is scheduled on the loop (this may run in a sync method's thread).
    getattr(transport, "write_now", transport.write)(data)
    connection.data_sent += size
    return True


def _framed_by_hand(h2: Any, h2_stream: Any, content_type: str, payload: bytes) -> bytes:
    """The frames as bytes, after h2's state machines took the inputs its own sends give them
    (in the same order: a state that refuses one raises h2's ``ProtocolError`` here too)."""
    machine, stream_machine = h2.state_machine, h2_stream.state_machine
    machine.process_input(ConnectionInputs.SEND_HEADERS)
    stream_machine.process_input(StreamInputs.SEND_HEADERS)
    if payload:
        machine.process_input(ConnectionInputs.SEND_DATA)
        stream_machine.process_input(StreamInputs.SEND_DATA)
        h2_stream.outbound_flow_control_window -= len(payload)
        h2.outbound_flow_control_window -= len(payload)
    machine.process_input(ConnectionInputs.SEND_HEADERS)
    stream_machine.process_input(StreamInputs.SEND_HEADERS)
    stream_machine.process_input(StreamInputs.SEND_END_STREAM)
    return response_frames(h2_stream.stream_id, content_type, payload, h2.max_outbound_frame_size)


def _framed_by_h2(h2: Any, stream_id: int, content_type: str, payload: bytes) -> bytes:
    h2.send_headers(stream_id, [(":status", "200"), ("content-type", content_type)])
    frame = h2.max_outbound_frame_size
    for start in range(0, len(payload), frame):
        h2.send_data(stream_id, payload[start : start + frame])
    h2.send_headers(stream_id, OK_TRAILERS, end_stream=True)
    data: bytes = h2.data_to_send()
    return data
