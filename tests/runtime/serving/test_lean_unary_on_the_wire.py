"""The grpclib core's lean unary path, seen from the wire: reads of whole requests it takes
past h2 (``lean.reads``) and replies it frames by hand (``whole_response``) are what a strict
HTTP/2 peer accepts, h2 on the plugin's side keeps its books (streams, both windows) as if it
had read and framed them itself, a read that holds anything else is h2's as it came, and a call
started as its request arrives (``unary.UnaryCall.start``) answers requests that arrive in
pieces or wrong as a task would.

The host is ``tests.support.strict_host``: h2 itself over the plugin's socket, writing each call
in one write as grpcio does.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from h2.errors import ErrorCodes
from h2.events import PingAckReceived

from tests.runtime.conftest import PLUGINS
from tests.runtime.plugins.kinds import HANDSHAKE, MARK_DIR_ENV
from tests.support.bare_plugin import host_env, started
from tests.support.strict_host import Reply, StrictHost, framed

KINDS_PLUGIN = os.path.join(PLUGINS, "kinds_plugin.py")


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
def kinds_plugin(async_impl: bool, mark_dir: str = "") -> Iterator[str]:
    env = host_env(HANDSHAKE, **{MARK_DIR_ENV: mark_dir})
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
        # An async method answering at once ("now:") or after waiting for the loop.
        host.call("Upper", f"now:{call}" if call % 2 else f"call {call}")
        host.acknowledge_all()

    # The asking call's stream, and at most the one before it (h2 drops closed streams when
    # the next one opens).
    assert int(host.call("Upper", "h2-streams").messages()[0]) <= 2
    assert int(host.call("Upper", "grpclib-streams").messages()[0]) <= 1  # the asking call's


def warm(host: StrictHost) -> None:
    """Make Upper's header block one the plugin knows: the first call's block adds its fields to
    the plugin's HPACK table, the second's refers to them, as every later call's does."""
    for _ in range(2):
        assert host.call("Upper", "warm").messages() == ["WARM"]


def reads_taken(host: StrictHost) -> int:
    """How many reads the plugin's lean reader took past h2 (the asking call's included)."""
    return int(host.call("Upper", "reads-taken").messages()[0])


def test_calls_written_whole_are_read_past_h2(plugin_address: str) -> None:
    host = StrictHost(plugin_address)
    for call in range(50):
        assert host.call("Upper", f"call {call}").messages() == [f"CALL {call}"]
        host.acknowledge_all(now=False)  # with the next call, as grpcio gives it back

    assert reads_taken(host) >= 45  # all but the first two (see ``warm``)


def test_requests_and_window_updates_read_together_keep_both_windows_moving(
    plugin_address: str,
) -> None:
    # 5 MB each way, past both connection windows (the plugin's 4 MB, the host's 1 MB): the
    # plugin must acknowledge what it read, or the host's h2 refuses to send past the window,
    # and take the window the host gives back with each call, or its replies stall.
    host = StrictHost(plugin_address, stream_window=1 << 20)
    host.h2.increment_flow_control_window(1 << 20)
    text = "w" * 20_000
    for _ in range(250):
        assert host.call("Upper", text).messages() == [text.upper()]
        host.acknowledge_all(now=False)
    assert reads_taken(host) >= 125  # a request a read splits is h2's


def test_a_window_the_host_gives_with_its_request_is_the_replys_to_use(
    plugin_address: str,
) -> None:
    host = StrictHost(plugin_address)
    warm(host)
    taken = reads_taken(host)
    host.h2.increment_flow_control_window(200_000)  # the connection's, queued with the call
    # 100 KB: past the stream's initial 64 KB unless the window update in the read counts.
    reply = host.finish(host.start("Upper", "big:100000", stream_window=100_000))
    assert reply.messages() == ["B" * 100_000]
    assert reads_taken(host) == taken + 2


def test_streaming_calls_written_whole_are_read_past_h2_and_served_by_grpclib(
    plugin_address: str,
) -> None:
    host = StrictHost(plugin_address)
    warm(host)
    for _ in range(2):  # Repeat's and Join's header blocks known, as for ``warm``
        host.call("Repeat", "1")
        host.finish(host.start("Join", "a"))
    taken = reads_taken(host)

    assert host.call("Repeat", "3").messages() == ["message 0", "message 1", "message 2"]
    # A stream-unary call whose whole request stream is in one read.
    join = host.send_headers("Join", flush=False)
    host.send_body(join, b"".join(framed(text) for text in ("a", "b", "c")))
    assert host.finish(join).messages() == ["a+b+c"]
    assert reads_taken(host) == taken + 3


def test_a_read_with_more_than_requests_is_h2s_as_it_came(plugin_address: str) -> None:
    host = StrictHost(plugin_address)
    warm(host)
    host.h2.ping(b"pingpong")  # queued: a PING in the same read as the next call
    assert host.call("Upper", "with a ping").messages() == ["WITH A PING"]
    assert [e.ping_data for e in host.events if isinstance(e, PingAckReceived)] == [b"pingpong"]
    assert host.call("Upper", "after").messages() == ["AFTER"]


def test_a_frame_a_read_cuts_is_h2s_to_finish_even_if_its_rest_looks_like_a_call(
    plugin_address: str,
) -> None:
    host = StrictHost(plugin_address)
    warm(host)
    host.call("Upper", "again")
    # That call's frames, on a stream the host never opens: the rest of a DATA frame a read
    # cuts there would pass for a call the plugin takes whole.
    lookalike = on_stream(host.last_write, 1001)
    stream_id = host.send_headers("Upper", flush=False)
    host.h2.send_data(stream_id, b"\0" + len(lookalike).to_bytes(4, "big") + lookalike, True)
    data = host.h2.data_to_send()
    cut = len(data) - len(lookalike)
    host.sock.sendall(data[:cut])
    time.sleep(0.1)  # two reads
    host.sock.sendall(data[cut:])

    assert host.finish(stream_id).status() == 13  # INTERNAL: the frames are no StringValue
    assert host.call("Upper", "after").messages() == ["AFTER"]
    assert not [e for e in host.events if getattr(e, "stream_id", None) == 1001]


def on_stream(frames: bytes, stream_id: int) -> bytes:
    """``frames`` moved to ``stream_id`` (those of the connection, stream 0, stay)."""
    moved, offset = bytearray(frames), 0
    while offset < len(moved):
        if int.from_bytes(moved[offset + 5 : offset + 9], "big"):
            moved[offset + 5 : offset + 9] = stream_id.to_bytes(4, "big")
        offset += 9 + int.from_bytes(moved[offset : offset + 3], "big")
    return bytes(moved)


def test_an_async_call_read_past_h2_is_cancelled_when_the_host_resets_it(
    tmp_path: Path,
) -> None:
    with kinds_plugin(async_impl=True, mark_dir=str(tmp_path)) as address:
        host = StrictHost(address)
        warm(host)
        taken = reads_taken(host)
        stream_id = host.start("Upper", "hold")  # waits in the plugin until cancelled
        time.sleep(0.2)
        host.h2.reset_stream(stream_id, ErrorCodes.CANCEL)
        host.flush()
        deadline = time.monotonic() + 10
        while not any(tmp_path.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [p.name.split("-")[0] for p in tmp_path.iterdir()] == ["freed"]
        assert reads_taken(host) == taken + 2


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

    from goplugin.grpclib_core.lean.whole_response import OK_TRAILERS_BLOCK, response_headers_block

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
        host.send_body(stream_id, framed(f"late {call}"))
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
@pytest.mark.parametrize("one_write", [False, True], ids=["in-two-writes", "in-one-write"])
def test_a_request_that_is_no_single_message_gets_an_error_and_the_plugin_serves_on(
    plugin_address: str, body: bytes, status: int, one_write: bool
) -> None:
    host = StrictHost(plugin_address)
    if one_write:  # its header block known: the lean reader reads what it can
        warm(host)
    stream_id = host.send_headers("Upper", end_stream=not body, flush=not one_write)
    if body:
        host.send_body(stream_id, body)
    host.flush()
    assert host.finish(stream_id).status() == status
    assert host.call("Upper", "still here").messages() == ["STILL HERE"]
    assert int(host.call("Upper", "grpclib-streams").messages()[0]) <= 1  # the asking call's


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
