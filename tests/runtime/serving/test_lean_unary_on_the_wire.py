"""The grpclib core's lean unary path, seen from the wire: replies it frames by hand
(``whole_response``) are what a strict HTTP/2 peer accepts, h2 on the plugin's side keeps its
books as if it had framed them itself, and a sync method started as its request arrives
(``unary._Call.start``) answers requests that arrive in pieces or wrong as a task would.

The host here is h2 itself, as a client over the plugin's socket, strict where grpcio is lenient:
it raises on a header block that skips a table-size update it asked for and on data past the
window it gave, and it acknowledges data only when the test says so.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator

import pytest
from google.protobuf.wrappers_pb2 import StringValue
from h2.config import H2Configuration
from h2.connection import H2Connection
from h2.events import DataReceived, ResponseReceived, StreamEnded, TrailersReceived
from h2.settings import SettingCodes

from tests.runtime.conftest import PLUGINS
from tests.runtime.plugins.kinds import HANDSHAKE, SERVICE
from tests.support.bare_plugin import host_env, started

KINDS_PLUGIN = os.path.join(PLUGINS, "kinds_plugin.py")


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

    def __init__(self, address: str, header_table_size: int | None = None) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(10)
        self.sock.connect(address)
        self.h2 = H2Connection(H2Configuration(client_side=True, header_encoding="utf-8"))
        self.h2.initiate_connection()
        if header_table_size is not None:
            self.h2.update_settings({SettingCodes.HEADER_TABLE_SIZE: header_table_size})
        self.unacknowledged = 0
        self._flush()

    def _flush(self) -> None:
        self.sock.sendall(self.h2.data_to_send())

    def start(self, method: str, text: str) -> int:
        message = StringValue(value=text).SerializeToString()
        stream_id = self.send_headers(method)
        self.send_body(stream_id, b"\0" + len(message).to_bytes(4, "big") + message)
        return stream_id

    def send_headers(self, method: str, end_stream: bool = False) -> int:
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
        self._flush()
        return stream_id

    def send_body(self, stream_id: int, body: bytes) -> None:
        self.h2.send_data(stream_id, body, end_stream=True)
        self._flush()

    def finish(self, stream_id: int, reply: Reply | None = None) -> Reply:
        """The call's reply, read until its stream ends (into ``reply``, if one is begun)."""
        reply = reply or Reply()
        ended = False
        while not ended:
            received = self.sock.recv(65536)
            assert received, "the plugin closed the connection"
            for event in self.h2.receive_data(received):
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
            self._flush()
        return reply

    def call(self, method: str, text: str) -> Reply:
        return self.finish(self.start(method, text))

    def acknowledge_all(self) -> None:
        """Give the connection's window back (WINDOW_UPDATE on stream 0)."""
        self.h2.increment_flow_control_window(self.unacknowledged)
        self.unacknowledged = 0
        self._flush()

    def table_entries(self) -> int:
        return len(self.h2.decoder.header_table.dynamic_entries)


@pytest.fixture(params=["sync", "async"])
def plugin_address(request: pytest.FixtureRequest) -> Iterator[str]:
    """The kinds plugin's socket, on the default core (grpclib): a sync implementation, whose
    replies may leave from the method's thread, or an async one, whose replies leave from the
    loop."""
    with kinds_plugin(async_impl=request.param == "async") as address:
        yield address


@pytest.fixture
def async_plugin_address() -> Iterator[str]:
    with kinds_plugin(async_impl=True) as address:
        yield address


@contextlib.contextmanager
def kinds_plugin(async_impl: bool) -> Iterator[str]:
    env = host_env(HANDSHAKE)
    env.pop("GOPLUGIN_CORE", None)
    env.pop("KINDS_ASYNC", None)
    if async_impl:
        env["KINDS_ASYNC"] = "1"
    with started([sys.executable, KINDS_PLUGIN], env) as (_, fields):
        assert fields[2] == "unix", fields
        yield fields[3]


def test_replies_are_grpc_responses_and_leave_the_hosts_table_as_it_was(
    plugin_address: str,
) -> None:
    host = StrictHost(plugin_address)
    for call in range(200):
        reply = host.call("Upper", f"call {call}")
        assert reply.headers == [(":status", "200"), ("content-type", "application/grpc+proto")]
        assert reply.messages() == [f"CALL {call}"]
        assert reply.trailers == [("grpc-status", "0")]
        host.acknowledge_all()

    assert host.table_entries() == 0


def test_short_streams_sent_whole_are_grpc_responses(plugin_address: str) -> None:
    host = StrictHost(plugin_address)
    for _ in range(100):
        streamed = host.call("Repeat", "3")
        assert streamed.headers == [(":status", "200"), ("content-type", "application/grpc+proto")]
        assert streamed.messages() == ["message 0", "message 1", "message 2"]
        assert streamed.trailers == [("grpc-status", "0")]
        host.acknowledge_all()


def test_the_plugins_h2_forgets_each_answered_call(plugin_address: str) -> None:
    host = StrictHost(plugin_address)
    for call in range(300):
        host.call("Upper", f"call {call}")
        host.acknowledge_all()

    # The asking call's stream, and at most the one before it (h2 drops closed streams when
    # the next one opens).
    assert int(host.call("Upper", "h2-streams").messages()[0]) <= 2


def test_replies_past_the_hosts_connection_window_wait_for_it(plugin_address: str) -> None:
    host = StrictHost(plugin_address)
    text = "x" * 1000
    for _ in range(60):  # about 60 KB of the 64 KB window, never given back
        assert host.call("Upper", text).messages() == [text.upper()]

    big = "y" * 10_000
    stream_id = host.start("Upper", big)
    reply = Reply()
    host.sock.settimeout(1.0)
    with pytest.raises(socket.timeout):  # h2 would raise here on data past its window
        host.finish(stream_id, reply)
    assert 0 < len(reply.data) < len(big)  # what the window had room for
    host.sock.settimeout(10)
    host.acknowledge_all()
    assert host.finish(stream_id, reply).messages() == [big.upper()]


def test_a_host_that_shrinks_its_table_gets_the_size_update_first(plugin_address: str) -> None:
    host = StrictHost(plugin_address, header_table_size=0)
    for call in range(20):  # h2 raises on a block that does not open with the update
        assert host.call("Upper", f"call {call}").messages() == [f"CALL {call}"]
        host.acknowledge_all()
    assert host.h2.decoder.header_table_size == 0


def test_header_blocks_decode_as_hpack_reads_them_without_touching_its_table() -> None:
    from hpack import Decoder

    from goplugin.grpclib_core.whole_response import OK_TRAILERS_BLOCK, response_headers_block

    long_type = "application/grpc+" + "x" * 300  # a length past one byte's prefix
    decoder = Decoder()
    for content_type in ("application/grpc+proto", long_type):
        block = response_headers_block(content_type)
        assert decoder.decode(block) == [(":status", "200"), ("content-type", content_type)]
    assert decoder.decode(OK_TRAILERS_BLOCK) == [("grpc-status", "0")]
    assert len(decoder.header_table.dynamic_entries) == 0


def test_a_request_whose_message_comes_after_its_headers_is_answered(
    plugin_address: str,
) -> None:
    host = StrictHost(plugin_address)
    for call in range(3):
        stream_id = host.send_headers("Upper")
        time.sleep(0.05)  # a read with the headers alone, then one with the message
        message = StringValue(value=f"late {call}").SerializeToString()
        host.send_body(stream_id, b"\0" + len(message).to_bytes(4, "big") + message)
        assert host.finish(stream_id).messages() == [f"LATE {call}"]
        host.acknowledge_all()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"", 13),  # no message: INTERNAL
        (b"\0\0\0\0\x09abc", 13),  # a message cut short: INTERNAL
        (b"\x01\0\0\0\x01a", 12),  # compressed: UNIMPLEMENTED
        (b"\0\0\0\0\x02\x0a\x05", 13),  # not a StringValue: INTERNAL
    ],
    ids=["empty", "cut-short", "compressed", "undecodable"],
)
def test_a_request_that_is_no_single_message_gets_an_error_and_the_plugin_serves_on(
    plugin_address: str, body: bytes, status: int
) -> None:
    host = StrictHost(plugin_address)
    if body:
        stream_id = host.send_headers("Upper")
        host.send_body(stream_id, body)
    else:
        stream_id = host.send_headers("Upper", end_stream=True)
    assert host.finish(stream_id).status() == status
    assert host.call("Upper", "still here").messages() == ["STILL HERE"]


@pytest.mark.parametrize("method", ["Upper", "Repeat", "Join", "Shout"])
def test_a_request_that_does_not_decode_is_internal_for_every_kind(
    plugin_address: str, method: str
) -> None:
    host = StrictHost(plugin_address)
    stream_id = host.send_headers(method)
    host.send_body(stream_id, b"\0\0\0\0\x02\x0a\x05")  # a string field longer than its bytes
    reply = host.finish(stream_id)
    assert reply.status() == 13  # INTERNAL, as grpcio and grpc-go answer it
    assert dict(reply.headers)["grpc-message"].startswith("the request could not be decoded")


def test_an_async_method_runs_in_a_task_from_its_first_line(async_plugin_address: str) -> None:
    # asyncio.timeout() and TaskGroup need the current task, also before the first await.
    host = StrictHost(async_plugin_address)
    assert host.call("Upper", "bounded").messages() == ["TIMED OUT IN A TASK GROUP"]
