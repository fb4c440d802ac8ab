"""A plugin calls back into its host through the GRPCBroker, with the generated helpers.

The bidirectional example (go-plugin's Counter protocol, ``examples/bidirectional``) runs as a
user runs it: its Python host serves an ``AddHelper`` with ``plugin.serve_add_helper`` for every
``put``, and its Python plugin dials it with ``plugin.dial_add_helper`` to do the sum. The
broker's own rules (go-plugin's classic broker: 5 s to announce, undialled announcements
dropped, knocks ignored) are checked between two real brokers over a real gRPC stream.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent import futures
from pathlib import Path

import grpc
import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from goplugin import broker as broker_module
from goplugin._proto.grpc_broker_pb2 import ConnInfo
from goplugin.constants import ENV_UNIX_SOCKET_DIR

REPO = Path(__file__).resolve().parents[3]
EXAMPLE = REPO / "examples" / "bidirectional"


def run_host(*args: str, cwd: Path, program: Path = EXAMPLE / "host.py") -> str:
    done = subprocess.run(
        [sys.executable, str(program), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COUNTER_PLUGIN": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def plugin_processes() -> list[str]:
    """Command lines of running processes that are this example's plugin."""
    plugin = str(EXAMPLE / "main.py")
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if plugin.encode() in argv:
                found.append(" ".join(part.decode() for part in argv))
    return found


def test_the_plugin_sums_through_the_host_it_was_given_with_each_put(tmp_path: Path) -> None:
    assert run_host("put", "hello", "1", cwd=tmp_path) == ""
    assert run_host("put", "hello", "41", cwd=tmp_path) == ""

    assert run_host("get", "hello", cwd=tmp_path) == "42\n"
    assert (tmp_path / "kv_hello").read_text() == '{"Value":42}'
    assert plugin_processes() == []


DIAL_UNSERVED = """
import sys
sys.path[0] = sys.argv[1]
import goplugin
from proto import kv_pb2, plugin
with goplugin.Client(
    handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=[sys.executable, sys.argv[2]]
) as client:
    counter = client.dispense("counter")
    try:
        counter.put(kv_pb2.PutRequest(key="k", value=1, add_server=99))
    except goplugin.RPCError as error:
        print(type(error).__name__, error.details)
"""


def test_a_plugin_dialling_an_id_its_host_never_served_gets_go_plugins_timeout(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", DIAL_UNSERVED, str(EXAMPLE), str(EXAMPLE / "main.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "UnknownError BrokerError: timeout waiting for connection info for broker id 99 after "
        "5s: the other side never served it\n"
    )
    assert not (tmp_path / "kv_k").exists()


# -- two real brokers over a real stream ---------------------------------------------------


class Pair:
    """A plugin-side broker serving the stream and a host-side broker connected to it."""

    def __init__(self, folder: Path) -> None:
        env = {ENV_UNIX_SOCKET_DIR: str(folder)}
        self.plugin = goplugin.GRPCBroker(listen_env=env)
        self.host = goplugin.GRPCBroker(listen_env=env)
        self.server = grpc.server(futures.ThreadPoolExecutor(4))
        self.server.add_generic_rpc_handlers((self.plugin.generic_handler(),))
        self.socket = folder / "main.sock"
        self.server.add_insecure_port(f"unix:{self.socket}")
        self.server.start()
        self.channel = grpc.insecure_channel(f"unix:{self.socket}")
        self.host.connect(self.channel)

    def close(self) -> None:
        self.host.close()
        self.plugin.close()
        self.channel.close()
        self.server.stop(None).wait()


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    folder = tmp_path / "sockets"
    folder.mkdir()
    pair = Pair(folder)
    yield pair
    pair.close()
    assert sorted(os.listdir(folder)) == []  # every brokered socket removed


SHOUT = "pyplugintest.Shout"


def register_shout(server: grpc.Server) -> None:
    def shout(request: StringValue, context: grpc.ServicerContext) -> StringValue:
        return StringValue(value=request.value.upper() + "!")

    handler = grpc.unary_unary_rpc_method_handler(
        shout,
        request_deserializer=StringValue.FromString,
        response_serializer=StringValue.SerializeToString,
    )
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler(SHOUT, {"Do": handler}),))


def shout_through(channel: grpc.Channel, text: str) -> str:
    call = channel.unary_unary(
        f"/{SHOUT}/Do",
        request_serializer=StringValue.SerializeToString,
        response_deserializer=StringValue.FromString,
    )
    return call(StringValue(value=text), timeout=10).value


def test_ids_count_from_one_on_each_side_and_either_side_serves(pair: Pair) -> None:
    assert [pair.host.next_id(), pair.host.next_id(), pair.plugin.next_id()] == [1, 2, 1]

    pair.host.accept_and_serve(1, register_shout)
    pair.plugin.accept_and_serve(7, register_shout)

    assert shout_through(pair.plugin.dial(1), "to host") == "TO HOST!"
    assert shout_through(pair.host.dial(7), "to plugin") == "TO PLUGIN!"


def test_the_brokered_socket_is_in_the_socket_folder_and_goes_when_served_no_more(
    pair: Pair, tmp_path: Path
) -> None:
    pair.host.accept_and_serve(3, register_shout)
    channel = pair.plugin.dial(3)
    assert shout_through(channel, "x") == "X!"
    sockets = [name for name in os.listdir(tmp_path / "sockets") if name != "main.sock"]
    assert len(sockets) == 1 and sockets[0].startswith("plugin")

    pair.host.stop_serving(3)

    assert [name for name in os.listdir(tmp_path / "sockets") if name != "main.sock"] == []
    with pytest.raises(grpc.RpcError) as failed:
        shout_through(channel, "y")
    assert failed.value.code() == grpc.StatusCode.UNAVAILABLE  # type: ignore[attr-defined]


def test_each_announcement_is_dialled_once(pair: Pair) -> None:
    pair.host.accept_and_serve(1, register_shout)
    pair.plugin.dial(1)

    with pytest.raises(goplugin.BrokerError, match="timeout waiting for connection info"):
        pair.plugin.dial(1, timeout=0.5)


def test_an_announcement_nobody_dials_in_time_is_dropped(
    pair: Pair, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(broker_module, "ANNOUNCEMENT_LIFETIME_SECONDS", 0.0)
    pair.host.accept_and_serve(1, register_shout)
    pair.host.accept_and_serve(2, register_shout)
    # The second announcement follows the first on the stream: once it is dialled, the first
    # has arrived too, and has outlived its (zero) lifetime.
    assert shout_through(pair.plugin.dial(2), "late") == "LATE!"

    with pytest.raises(goplugin.BrokerError, match=r"for broker id 1 after 0\.5s"):
        pair.plugin.dial(1, timeout=0.5)


def test_a_multiplexing_knock_is_not_an_announcement(pair: Pair) -> None:
    knock = ConnInfo(service_id=5, knock=ConnInfo.Knock(knock=True))
    pair.plugin.receive([knock])

    with pytest.raises(goplugin.BrokerError, match="broker id 5"):
        pair.plugin.dial(5, timeout=0.2)


def test_dialling_a_closed_broker_says_so(pair: Pair) -> None:
    pair.plugin.close()

    with pytest.raises(goplugin.BrokerError, match="the broker is closed"):
        pair.plugin.dial(1)
    with pytest.raises(goplugin.BrokerError, match="the broker is closed"):
        pair.plugin.accept_and_serve(1, register_shout)


def test_current_broker_outside_a_call_says_where_it_works() -> None:
    with pytest.raises(LookupError, match="outside a call served with a broker"):
        goplugin.current_broker()
