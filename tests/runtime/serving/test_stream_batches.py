"""Response streams on the grpclib core go out in batches (several messages per HTTP/2
write): what a host reads must not change. Every message before an error arrives, in order,
then the error with its status; a batch boundary (64 messages) changes nothing; a host that
stops reading and cancels frees the generator even while its batch waits for flow control."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import goplugin
from tests.runtime.conftest import PLUGINS, MakeClient
from tests.runtime.plugins.kinds import HANDSHAKE, MARK_DIR_ENV, KindsPlugin

PLUGIN = os.path.join(PLUGINS, "batched_stream_plugin.py")


@pytest.fixture(params=["sync", "async"])
def kinds(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[goplugin.Client]:
    env = {
        "GOPLUGIN_CORE": "grpclib",
        "STREAM_ASYNC": "1" if request.param == "async" else "",
        MARK_DIR_ENV: str(tmp_path),
    }
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, PLUGIN],
        plugins={"kinds": KindsPlugin},
        env=env,
        start_timeout=20.0,
    )
    with client:
        yield client


@pytest.mark.parametrize("count", ["0", "3", "64", "65", "200", "3:wait"])
def test_messages_before_an_error_all_arrive_then_the_error(
    kinds: goplugin.Client, count: str
) -> None:
    n = int(count.partition(":")[0])
    received = []
    with pytest.raises(goplugin.NotFoundError, match=f"no message {n}"):
        for message in kinds.dispense("kinds").repeat(count):
            received.append(message.value)
    assert received == [f"message {i}" for i in range(n)]


def test_the_plugin_serves_on_after_a_failed_stream(kinds: goplugin.Client) -> None:
    plugin = kinds.dispense("kinds")
    with pytest.raises(goplugin.NotFoundError):
        list(plugin.repeat("70"))
    assert plugin.upper("still here") == "STILL HERE"


def test_a_host_that_stops_reading_and_cancels_frees_the_generator(
    kinds: goplugin.Client, tmp_path: Path
) -> None:
    """The plugin fills the flow-control window with 64 KiB messages; the host reads one,
    then cancels: the plugin's send is blocked (the async generator mid-step, waiting)."""
    stream = kinds.dispense("kinds").repeat("flood")
    assert len(next(stream).value) == 65536
    time.sleep(0.5)  # the window fills: the plugin waits to send
    stream.cancel()
    mark = tmp_path / f"freed-{kinds.pid}"
    deadline = time.monotonic() + 20
    while not mark.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert mark.exists(), "the plugin kept the generator of a stream the host cancelled"
    assert kinds.dispense("kinds").upper("after") == "AFTER"


def test_unary_replies_from_many_threads_beside_a_stream_each_reach_their_caller(
    kinds: goplugin.Client,
) -> None:
    """A sync method's thread may write its reply itself (while the loop waits for it); with
    16 host threads calling at once beside a running stream, every reply is its own call's."""
    client = kinds.dispense("kinds")
    wrong: list[tuple[str, str]] = []

    def call_many(thread: int) -> None:
        for n in range(150):
            text = f"t{thread}-{n}"
            reply = client.upper(text)
            if reply != text.upper():
                wrong.append((text, reply))

    streamed: list[int] = []

    def read_stream() -> None:
        count = 0
        with pytest.raises(goplugin.NotFoundError):  # this plugin's streams end with an error
            for _ in client.repeat("3000"):
                count += 1
        streamed.append(count)

    stream = threading.Thread(target=read_stream)
    callers = [threading.Thread(target=call_many, args=(t,)) for t in range(16)]
    for thread in (stream, *callers):
        thread.start()
    for thread in (stream, *callers):
        thread.join(60)

    assert wrong == []
    assert streamed == [3000]


@pytest.mark.parametrize("core", ["grpclib", "grpcio"])
def test_short_streams_made_at_once_arrive_whole_one_after_another(
    make_client: MakeClient, core: str
) -> None:
    """On the grpclib core a short stream a sync generator makes at once may leave, trailers
    included, from the generator's thread (``grpclib_core.bridge.Handoff._end``): each of many
    in a row, of 0 to 40 messages, must arrive whole and end cleanly, and the plugin serve on."""
    echo = make_client({"GOPLUGIN_CORE": core}).dispense("echo")

    for round_ in range(3):
        for n in (0, 1, 5, 40):
            assert list(echo.count(n)) == [f"message {i}" for i in range(n)], (round_, n)
    assert echo.echo("still here") == "still here"
