"""An HTTP/2 host for tests that watch the wire: h2 itself as a client over a plugin's socket.

Strict where grpcio is lenient: h2 raises on a header block that skips a table-size update it
asked for and on data past the window it gave. It acknowledges received data only when the
test says so, and writes a call's frames as grpcio does, in one write (``start``), unless the
test sends them piece by piece.
"""

from __future__ import annotations

import socket
from typing import Any

from google.protobuf.wrappers_pb2 import StringValue
from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import DataReceived, ResponseReceived, StreamEnded, TrailersReceived
from h2.settings import SettingCodes

from tests.runtime.plugins.kinds import SERVICE


def framed(text: str) -> bytes:
    """``text`` as a StringValue message in gRPC's framing."""
    message = StringValue(value=text).SerializeToString()
    return b"\0" + len(message).to_bytes(4, "big") + message


class Reply:
    def __init__(self) -> None:
        self.headers: list[tuple[str, str]] = []
        self.data = b""
        self.trailers: list[tuple[str, str]] = []

    def status(self) -> int:
        """grpc-status, from the trailers or a trailers-only answer's headers."""
        return int(dict(self.trailers or self.headers)["grpc-status"])

    def messages(self) -> list[str]:
        """The StringValue messages in the reply's gRPC framing."""
        found, rest = [], self.data
        while rest:
            assert rest[0] == 0, "compressed flag"
            size = int.from_bytes(rest[1:5], "big")
            found.append(StringValue.FromString(rest[5 : 5 + size]).value)
            rest = rest[5 + size :]
        return found


class StrictHost:
    """An h2 client connection to the plugin; acknowledges received data only on request."""

    def __init__(
        self, address: str, header_table_size: int | None = None, stream_window: int | None = None
    ) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(10)
        self.sock.connect(address)
        self.h2 = H2Connection(H2Configuration(client_side=True, header_encoding="utf-8"))
        self.h2.initiate_connection()
        if header_table_size is not None:
            self.h2.update_settings({SettingCodes.HEADER_TABLE_SIZE: header_table_size})
        if stream_window is not None:  # each stream's window for the plugin's replies
            self.h2.update_settings({SettingCodes.INITIAL_WINDOW_SIZE: stream_window})
        self.unacknowledged = 0
        #: Every event h2 reported, in order (PING acknowledgements, resets, ...).
        self.events: list[Any] = []
        #: The bytes of the last write that had any.
        self.last_write = b""
        self.flush()

    def flush(self) -> None:
        """Write what h2 has queued (frames made with ``flush=False``) in one write."""
        data = self.h2.data_to_send()
        if data:
            self.sock.sendall(data)
            self.last_write = data

    def start(self, method: str, text: str, stream_window: int = 0) -> int:
        """A call's headers and request in one write, after anything queued (window updates,
        a PING), giving the stream ``stream_window`` more bytes of window for its reply."""
        stream_id = self.send_headers(method, flush=False)
        if stream_window:
            self.h2.increment_flow_control_window(stream_window, stream_id=stream_id)
        self.send_body(stream_id, framed(text))
        return stream_id

    def send_headers(self, method: str, end_stream: bool = False, flush: bool = True) -> int:
        stream_id = self.h2.get_next_available_stream_id()
        self.h2.send_headers(
            stream_id,
            [
                (":method", "POST"),
                (":scheme", "http"),
                (":path", f"/{SERVICE.name}/{method}"),
                (":authority", "plugin"),
                ("content-type", "application/grpc"),
                ("te", "trailers"),
            ],
            end_stream=end_stream,
        )
        if flush:
            self.flush()
        return stream_id

    def send_body(self, stream_id: int, body: bytes) -> None:
        """``body`` in DATA frames as large as the plugin allows, the last ending the stream."""
        frame = self.h2.max_outbound_frame_size
        pieces = [body[start : start + frame] for start in range(0, len(body), frame)] or [b""]
        for piece in pieces[:-1]:
            self.h2.send_data(stream_id, piece)
        self.h2.send_data(stream_id, pieces[-1], end_stream=True)
        self.flush()

    def finish(self, stream_id: int, reply: Reply | None = None) -> Reply:
        """The call's reply, read until its stream ends (into ``reply``, if one is begun)."""
        reply = reply or Reply()
        ended = False
        while not ended:
            received = self.sock.recv(65536)
            assert received, "the plugin closed the connection"
            for event in self.h2.receive_data(received):
                self.events.append(event)
                if getattr(event, "stream_id", None) != stream_id:
                    continue
                if isinstance(event, ResponseReceived):
                    reply.headers = list(event.headers)
                elif isinstance(event, DataReceived):
                    reply.data += event.data
                    self.unacknowledged += event.flow_controlled_length
                    self.h2.acknowledge_received_data(0, stream_id)  # the stream's own window
                elif isinstance(event, TrailersReceived):
                    reply.trailers = list(event.headers)
                elif isinstance(event, StreamEnded):
                    ended = True
            self.flush()
        return reply

    def call(self, method: str, text: str) -> Reply:
        return self.finish(self.start(method, text))

    def acknowledge_all(self, now: bool = True) -> None:
        """Give the connection's window back (WINDOW_UPDATE on stream 0): now, or with the next
        call's write, as grpcio does."""
        if self.unacknowledged:
            self.h2.increment_flow_control_window(self.unacknowledged)
        self.unacknowledged = 0
        if now:
            self.flush()

    def table_entries(self) -> int:
        return len(self.h2.decoder.header_table.dynamic_entries)
