"""goplugin's registration API end to end: a plugin and a host that name no gRPC library."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator

import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from tests.runtime.conftest import PLUGINS
from tests.runtime.plugins.kinds import HANDSHAKE, MARK_DIR_ENV, SERVICE, KindsPlugin

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS_PLUGIN = os.path.join(PLUGINS, "kinds_plugin.py")


#: (serving core, whether the implementation is async): every way a plugin can be served.
SERVINGS = [("grpcio", False), ("grpclib", False), ("grpclib", True)]


@pytest.fixture(params=SERVINGS, ids=["grpcio", "grpclib-sync", "grpclib-async"])
def serving(request: pytest.FixtureRequest) -> tuple[str, bool]:
    return tuple(request.param)  # type: ignore[return-value]


@pytest.fixture
def kinds(tmp_path: object, serving: tuple[str, bool]) -> Iterator[goplugin.Client]:
    core, is_async = serving
    env = {MARK_DIR_ENV: str(tmp_path), "GOPLUGIN_CORE": core}
    if is_async:
        env["KINDS_ASYNC"] = "1"
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, KINDS_PLUGIN],
        plugins={"kinds": KindsPlugin},
        env=env,
        start_timeout=20.0,
    )
    with client:
        yield client


def test_all_four_kinds_reach_the_implementation(kinds: goplugin.Client) -> None:
    plugin = kinds.dispense("kinds")
    assert plugin.upper("hi") == "HI"
    assert [m.value for m in plugin.repeat("3")] == ["message 0", "message 1", "message 2"]
    assert plugin.join(["a", "b", "c"]) == "a+b+c"
    assert plugin.shout(["x", "y"]) == ["X!", "Y!"]


def test_current_call_sees_metadata_and_deadline(
    kinds: goplugin.Client, serving: tuple[str, bool]
) -> None:
    plugin = kinds.dispense("kinds")
    suffix = " ASYNC" if serving[1] else ""
    assert plugin.upper("whoami") == "USER= DEADLINE=FALSE" + suffix
    with goplugin.call_options(timeout=30, metadata=[("x-user", "ada")]):
        assert plugin.upper("whoami") == "USER=ADA DEADLINE=TRUE" + suffix


def test_256_streams_stay_open_together_and_a_unary_call_passes_them(
    kinds: goplugin.Client, serving: tuple[str, bool]
) -> None:
    """Every stream says "arrived" and then waits for the unary ``release``: a core that ties a
    thread (or a turn) to each open stream never answers it, and the test times out."""
    if serving[0] == "grpcio":
        pytest.skip("grpcio's pool serves as many streams at once as it has workers (issue 9)")
    plugin = kinds.dispense("kinds")
    streams = [plugin.repeat("gate:3") for _ in range(256)]
    assert {next(stream).value for stream in streams} == {"arrived"}
    assert plugin.upper("release") == "RELEASE"
    for stream in streams:
        assert [m.value for m in stream] == ["message 0", "message 1", "message 2"]


def test_a_cancelled_stream_frees_the_plugins_generator(
    kinds: goplugin.Client, tmp_path: os.PathLike[str]
) -> None:
    stream = kinds.dispense("kinds").repeat("hold")
    assert next(stream).value == "holding"
    stream.cancel()
    mark = os.path.join(tmp_path, f"freed-{kinds.pid}")
    deadline = time.monotonic() + 20
    while not os.path.exists(mark) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert os.path.exists(mark), "the plugin kept serving a stream the host had cancelled"


class _Misspelt(KindsPlugin):
    def grpc_client(self, broker: goplugin.GRPCBroker, channel: goplugin.Channel) -> object:
        return channel.method(SERVICE, "Nope")


def test_a_method_the_service_lacks_is_named(tmp_path: os.PathLike[str]) -> None:
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, KINDS_PLUGIN],
        plugins={"kinds": _Misspelt},
        env={MARK_DIR_ENV: str(tmp_path)},
        start_timeout=20.0,
    )
    with client, pytest.raises(KeyError, match=r"Kinds has no method 'Nope' \(it has: Upper"):
        client.dispense("kinds")


def test_a_spec_names_its_methods_and_refuses_duplicates() -> None:
    assert SERVICE.path("Join") == "/pyplugintest.Kinds/Join"
    assert SERVICE.method("Shout").kind is goplugin.Kind.STREAM_STREAM
    with pytest.raises(ValueError, match="a method name appears twice"):
        goplugin.ServiceSpec(
            "a.B",
            goplugin.unary_unary("X", StringValue, StringValue),
            goplugin.unary_stream("X", StringValue, StringValue),
        )
    with pytest.raises(ValueError, match="not a full service name"):
        goplugin.ServiceSpec("/a.B")


class _Incomplete(KindsPlugin):
    def grpc_server(self, broker: goplugin.GRPCBroker, server: goplugin.ServiceRegistry) -> None:
        server.register(SERVICE, {"Upper": print, "Other": print})


def test_registering_the_wrong_methods_says_which(tmp_path: os.PathLike[str]) -> None:
    script = os.path.join(tmp_path, "incomplete.py")
    with open(script, "w") as file:
        file.write(
            "import sys\n"
            f"sys.path.insert(0, {os.path.dirname(os.path.dirname(os.path.dirname(HERE)))!r})\n"
            "import goplugin\n"
            "from tests.runtime.plugins.kinds import HANDSHAKE\n"
            "from tests.runtime.serving.test_service_spec import _Incomplete\n"
            "goplugin.serve(handshake_config=HANDSHAKE, plugins={'kinds': _Incomplete()})\n"
        )
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        cmd=[sys.executable, script],
        plugins={"kinds": KindsPlugin},
        start_timeout=20.0,
    )
    with client, pytest.raises(goplugin.PluginExitedError) as raised:
        client.start()
    tail = "\n".join(raised.value.stderr_tail)
    assert "register(pyplugintest.Kinds): no handler for Repeat, Join, Shout" in tail
    assert "handlers for methods it does not have: Other" in tail
