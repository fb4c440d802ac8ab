"""A plugin on the grpclib core never imports grpcio, whatever the host makes it serve.

The bidirectional example's Counter runs as a real subprocess under a Python host, which uses
every service the runtime serves beside the plugin's own: health, stdio, the GRPCBroker (each
``put`` has the plugin dial the host's AddHelper through it, over TLS with AutoMTLS), reflection,
error mapping and GRPCController/Shutdown. At exit the plugin writes which of grpcio's modules
it loaded; on the grpclib core (the default) that is none.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from grpc_reflection.v1alpha import reflection_pb2

import goplugin

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "plugins" / "grpc_free_counter.py"
sys.path.insert(0, str(HERE.parents[2] / "examples" / "bidirectional"))

from proto import kv_pb2, plugin  # noqa: E402
from proto.interface import AddHelper, Counter  # noqa: E402


class Adder(AddHelper):
    def sum(self, request: kv_pb2.SumRequest) -> kv_pb2.SumResponse:
        return kv_pb2.SumResponse(r=request.a + request.b)


def use_every_service(client: goplugin.Client) -> None:
    """Calls that reach each of the runtime's services in the plugin."""
    client.ping()  # health
    counter = client.dispense("counter", Counter)
    for value in (1, 41):
        add_server = plugin.serve_add_helper(client.broker, Adder())
        counter.put(kv_pb2.PutRequest(key="k", value=value, add_server=add_server))
        client.broker.stop_serving(add_server)
    assert counter.get(kv_pb2.GetRequest(key="k")).value == 42
    with pytest.raises(goplugin.NotFoundError, match="no value for key 'missing'"):
        counter.get(kv_pb2.GetRequest(key="missing"))
    list_services = client._channel.stream_stream(  # type: ignore[union-attr]
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    (reply,) = list(list_services(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
    assert "proto.Counter" in {service.name for service in reply.list_services_response.service}


def run_plugin(tmp_path: Path, core: str | None, auto_mtls: bool) -> tuple[str, str]:
    """Serve the fixture (in ``tmp_path``: the example keeps its counts in the current folder),
    use it, kill it; what it reported at exit, and what it printed."""
    report = tmp_path / "report.txt"
    printed = io.StringIO()
    env = {"GRPC_FREE_REPORT": str(report), "FIXTURE_CORE": core or ""}
    client = goplugin.Client(
        handshake_config=plugin.HANDSHAKE,
        plugins=plugin.PLUGINS,
        cmd=[sys.executable, str(FIXTURE)],
        env=env,
        auto_mtls=auto_mtls,
        sync_stdout=printed,
        start_timeout=20.0,
    )
    try:
        use_every_service(client)
    finally:
        client.kill()
    assert report.exists(), "the plugin did not exit through serve()'s normal shutdown"
    return report.read_text().strip(), printed.getvalue()


@pytest.mark.parametrize("auto_mtls", [True, False], ids=["automtls", "plaintext"])
@pytest.mark.parametrize("core", [None, "grpclib"], ids=["default-core", "grpclib"])
def test_a_plugin_on_the_grpclib_core_never_imports_grpc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, core: str | None, auto_mtls: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GOPLUGIN_CORE", raising=False)
    loaded, printed = run_plugin(tmp_path, core, auto_mtls)
    assert loaded == "loaded:"
    assert "put k\n" in printed


def test_the_grpcio_core_still_serves_the_same_plugin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: the grpcio core, asked for by name, does load grpc."""
    monkeypatch.chdir(tmp_path)
    loaded, _ = run_plugin(tmp_path, "grpcio", auto_mtls=True)
    assert "grpc" in loaded.removeprefix("loaded:").split(",")
