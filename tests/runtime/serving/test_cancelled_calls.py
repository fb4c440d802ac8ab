"""A call the host cancels is not an error of the plugin: it is not logged as one.

The host cancels a bidirectional stream while the plugin's implementation waits for the next
request (it has answered the first, so it is iterating the request stream when the cancel
arrives). The grpcio core used to log that as ``ERROR plugin method raised`` with a traceback of
grpcio's RpcError, which a host shows its user as a plugin failure. Every way of serving is
checked; tests/interop has the same with a Go host aborting a client stream.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from tests.runtime.plugins.kinds import HANDSHAKE, MARK_DIR_ENV, SERVICE, KindsPlugin

KINDS_PLUGIN = str(Path(__file__).resolve().parents[1] / "plugins" / "kinds_plugin.py")


class _ChannelOnly(KindsPlugin):
    """The host side hands out the channel itself, for the raw stream's ``cancel()``."""

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: goplugin.Channel) -> object:
        return channel


@pytest.mark.parametrize(
    ("core", "is_async"),
    [("grpcio", False), ("grpclib", False), ("grpclib", True)],
    ids=["grpcio", "grpclib-sync", "grpclib-async"],
)
def test_a_stream_the_host_cancels_is_not_logged_as_the_plugins_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, core: str, is_async: bool
) -> None:
    caplog.set_level(logging.DEBUG, logger="goplugin.plugin")
    env = {
        MARK_DIR_ENV: str(tmp_path),
        "GOPLUGIN_CORE": core,
        "KINDS_ASYNC": "1" if is_async else "",
    }
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, KINDS_PLUGIN],
        plugins={"kinds": _ChannelOnly},
        env=env,
        start_timeout=20.0,
    )
    done_sending = threading.Event()

    def requests() -> Iterator[StringValue]:
        yield StringValue(value="a")
        done_sending.wait(20)

    try:
        channel = client.dispense("kinds")
        responses = channel.method(SERVICE, "Shout")(requests())
        assert next(responses).value == "A!"  # the plugin now waits for the next request
        responses.cancel()
        upper = channel.method(SERVICE, "Upper")
        assert upper(StringValue(value="still serving")).value == "STILL SERVING"
    finally:
        done_sending.set()
        client.kill()
    plugin_records = [r for r in caplog.records if r.name.startswith("goplugin.plugin")]
    errors = [r.getMessage() for r in plugin_records if r.levelno >= logging.WARNING]
    assert errors == []
