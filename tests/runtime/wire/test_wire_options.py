"""go-plugin's optional wire features: broker multiplexing, reflection, socket groups, stdio."""

from __future__ import annotations

import fcntl
import io
import os
import stat
import sys
import time

import grpc
import pytest

import goplugin
from goplugin.plugin_process.stdio import StdioHub
from tests.runtime.conftest import ECHO_PLUGIN, PLUGINS, MakeClient
from tests.runtime.plugins.echo import HANDSHAKE
from tests.support.bare_plugin import host_env, started

CHATTY_PLUGIN = os.path.join(PLUGINS, "chatty_plugin.py")


def _handshake_fields(extra_env: dict[str, str]) -> list[str]:
    with started([sys.executable, ECHO_PLUGIN], host_env(HANDSHAKE, **extra_env)) as (_, fields):
        return fields


def test_plugin_tells_a_host_asking_for_broker_multiplexing_that_it_has_none() -> None:
    assert _handshake_fields({"PLUGIN_MULTIPLEX_GRPC": "true"})[5:] == ["", "false"]


def test_plugin_leaves_the_seventh_field_out_for_hosts_that_did_not_ask() -> None:
    # Hosts before go-plugin 1.6 split the line into at most six fields.
    assert len(_handshake_fields({})) == 6


def test_host_reads_a_seventh_field_and_rejects_garbage_in_it() -> None:
    parsed = goplugin.handshake.parse_handshake_line("1|1|unix|/tmp/p|grpc||true", [1])
    assert parsed.multiplex is True
    with pytest.raises(goplugin.HandshakeError, match="multiplexing"):
        goplugin.handshake.parse_handshake_line("1|1|unix|/tmp/p|grpc||maybe", [1])


def _reflection_request(channel: grpc.Channel, version: str, request: object) -> object:
    from grpc_reflection.v1alpha import reflection_pb2

    call = channel.stream_stream(
        f"/grpc.reflection.{version}.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    return next(iter(call(iter([request]))))


@pytest.mark.parametrize("version", ["v1", "v1alpha"])
def test_reflection_lists_every_service_the_plugin_serves(
    make_client: MakeClient, version: str
) -> None:
    from grpc_reflection.v1alpha import reflection_pb2

    client = make_client()
    channel = client.dispense("echo")._channel
    reply = _reflection_request(
        channel, version, reflection_pb2.ServerReflectionRequest(list_services="")
    )
    assert isinstance(reply, reflection_pb2.ServerReflectionResponse)
    names = {service.name for service in reply.list_services_response.service}
    assert names == {
        "pyplugintest.Echo",
        "grpc.health.v1.Health",
        "plugin.GRPCBroker",
        "plugin.GRPCController",
        "plugin.GRPCStdio",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    }


@pytest.mark.parametrize("symbol", ["plugin.GRPCBroker", "grpc.health.v1.Health"])
def test_reflection_describes_go_plugins_own_services(make_client: MakeClient, symbol: str) -> None:
    from google.protobuf import descriptor_pb2
    from grpc_reflection.v1alpha import reflection_pb2

    channel = make_client().dispense("echo")._channel
    reply = _reflection_request(
        channel, "v1", reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol)
    )
    assert isinstance(reply, reflection_pb2.ServerReflectionResponse)
    files = [
        descriptor_pb2.FileDescriptorProto.FromString(raw)
        for raw in reply.file_descriptor_response.file_descriptor_proto
    ]
    services = {f"{f.package}.{s.name}" for f in files for s in f.service}
    assert symbol in services


def test_socket_group_gets_the_socket_dir_and_the_socket(make_client: MakeClient) -> None:
    client = make_client(unix_socket_config=goplugin.UnixSocketConfig(group="daemon"))
    client.start()
    socket_info = os.stat(client.address)
    dir_info = os.stat(os.path.dirname(client.address))
    assert (stat.S_IMODE(socket_info.st_mode), socket_info.st_gid) == (0o660, 1)
    assert (stat.S_IMODE(dir_info.st_mode), dir_info.st_gid) == (0o770, 1)
    assert client.dispense("echo").echo("hi") == "hi"


def test_socket_dir_defaults_to_private(make_client: MakeClient) -> None:
    client = make_client()
    client.start()
    assert stat.S_IMODE(os.stat(os.path.dirname(client.address)).st_mode) == 0o700


def test_unknown_socket_group_fails_start_naming_the_group(make_client: MakeClient) -> None:
    client = make_client(unix_socket_config=goplugin.UnixSocketConfig(group="no-such-group-here"))
    with pytest.raises(goplugin.PluginStartError, match=r"'no-such-group-here'.*no such group"):
        client.start()


def test_socket_temp_dir_is_where_the_socket_dir_goes(
    make_client: MakeClient, tmp_path: object
) -> None:
    client = make_client(unix_socket_config=goplugin.UnixSocketConfig(temp_dir=str(tmp_path)))
    client.start()
    assert os.path.dirname(os.path.dirname(client.address)) == str(tmp_path)


def test_stdout_printed_around_the_handshake_arrives_once_and_in_order(
    make_client: MakeClient,
) -> None:
    streamed, raw_stderr = io.StringIO(), io.StringIO()
    client = make_client(
        cmd=[sys.executable, CHATTY_PLUGIN],
        env={"CHATTY_LINES": "400"},
        sync_stdout=streamed,
        stderr=raw_stderr,
    )
    echo = client.dispense("echo")
    deadline = time.monotonic() + 20
    while "line 399" not in streamed.getvalue() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert echo.echo("print:done") == "print:done"
    client.kill()
    stream_lines = streamed.getvalue().splitlines()
    # Lines printed before the handshake went to stderr (the handshake channel is stdout);
    # everything after it reached the host's stream: nothing lost, nothing twice, in order.
    early = [line for line in raw_stderr.getvalue().splitlines() if line.startswith("line ")]
    numbered = [line for line in stream_lines if line.startswith("line ")]
    assert early + numbered == [f"line {n}" for n in range(400)]
    assert stream_lines[-1] == "done"


def _hub_with_stderr_pipe() -> tuple[StdioHub, int]:
    read_fd, write_fd = os.pipe()
    fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, 1 << 20)  # room for every test's bytes: no reader
    os.set_blocking(read_fd, False)
    return StdioHub(raw_stderr_fd=write_fd), read_fd


def _read_available(fd: int) -> bytes:
    data = b""
    while True:
        try:
            chunk = os.read(fd, 1 << 20)
        except BlockingIOError:
            return data
        data += chunk


def test_stdout_between_handshake_and_stream_waits_for_the_stream() -> None:
    hub, stderr = _hub_with_stderr_pipe()
    hub.forward_stdout(b"before the handshake\n")
    hub.hold_for_host(seconds=10)
    hub.forward_stdout(b"one\n")
    hub.forward_stdout(b"two\n")
    stream = hub.subscribe()
    hub.forward_stdout(b"three\n")
    assert _read_available(stderr) == b"before the handshake\n"
    items = [stream.get_nowait() for _ in range(3)]
    assert [item.data for item in items if item is not None] == [b"one\n", b"two\n", b"three\n"]


def test_stdout_goes_to_stderr_when_no_stream_opens_in_time() -> None:
    hub, stderr = _hub_with_stderr_pipe()
    hub.hold_for_host(seconds=0.2)
    hub.forward_stdout(b"held\n")
    assert _read_available(stderr) == b""
    time.sleep(0.5)  # the hold ends on its own: a host too old to open the stream
    assert _read_available(stderr) == b"held\n"
    hub.forward_stdout(b"later\n")
    assert _read_available(stderr) == b"later\n"


def test_holding_stops_at_its_byte_limit_without_losing_order() -> None:
    hub, stderr = _hub_with_stderr_pipe()
    hub.hold_for_host(seconds=10)
    chunk = b"x" * 40_000
    hub.forward_stdout(chunk)
    hub.forward_stdout(b"y" * 40_000)  # over the limit: everything so far goes out, in order
    assert _read_available(stderr) == chunk + b"y" * 40_000


def test_socket_group_also_gets_the_hosts_broker_sockets(make_client: MakeClient) -> None:
    client = make_client(unix_socket_config=goplugin.UnixSocketConfig(group="daemon"))
    client.start()
    service_id = client.broker.next_id()
    client.broker.accept_and_serve(service_id, lambda server: None)
    socket_dir = os.path.dirname(client.address)
    sockets = [os.stat(os.path.join(socket_dir, name)) for name in os.listdir(socket_dir)]
    assert len(sockets) == 2  # the plugin's, and the host's broker listener
    assert {(stat.S_IMODE(info.st_mode), info.st_gid) for info in sockets} == {(0o660, 1)}
