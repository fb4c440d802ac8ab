"""What a host sees of a healthy plugin: calls, errors, versions, output and a clean exit."""

from __future__ import annotations

import logging
import os
import signal
import time

import pytest

import goplugin
from tests.runtime.conftest import MakeClient
from tests.runtime.plugins.echo import EchoPlugin


def test_calls_and_streams_reach_the_implementation(make_client: MakeClient) -> None:
    client = make_client()
    echo = client.dispense("echo")
    client.ping()
    assert echo.echo("hello") == "hello"
    assert list(echo.count(3)) == ["message 0", "message 1", "message 2"]
    assert client.negotiated_version == 1


def test_kill_shuts_down_gracefully_and_leaves_nothing_behind(make_client: MakeClient) -> None:
    client = make_client()
    client.dispense("echo").echo("x")
    socket = client.address
    assert os.path.exists(socket)
    client.kill()
    assert client.exited
    assert client.returncode == 0  # exited on Shutdown, not SIGKILLed
    assert not os.path.exists(socket)
    assert not os.path.exists(os.path.dirname(socket))  # the host's socket dir is gone too
    with pytest.raises(ChildProcessError):
        os.waitpid(client.pid or -1, os.WNOHANG)
    client.kill()  # idempotent


def test_implementation_errors_arrive_as_typed_exceptions(make_client: MakeClient) -> None:
    echo = make_client().dispense("echo")
    with pytest.raises(goplugin.NotFoundError, match="failing with not_found"):
        echo.fail("not_found")
    with pytest.raises(goplugin.UnknownError, match="ValueError: failing with value"):
        echo.fail("value")
    with pytest.raises(goplugin.UnimplementedError):
        echo.fail("not_implemented")


def test_call_options_set_deadline_and_metadata(make_client: MakeClient) -> None:
    echo = make_client().dispense("echo")
    with goplugin.call_options(timeout=0.2), pytest.raises(goplugin.DeadlineExceededError):
        echo.echo("sleep:3")
    with goplugin.call_options(metadata=[("x-user", "ada")]):
        assert echo.whoami() == "user=ada"


def test_highest_common_version_is_negotiated(make_client: MakeClient) -> None:
    client = make_client(
        env={"ECHO_VERSIONS": "1,2,3"},
        plugins=None,
        versioned_plugins={1: {"echo": EchoPlugin}, 2: {"echo": EchoPlugin}},
    )
    assert client.negotiated_version == 2
    assert client.dispense("echo").echo("hi") == "v2:hi"


def test_unknown_plugin_name_lists_the_known_ones(make_client: MakeClient) -> None:
    with pytest.raises(goplugin.UnknownPluginError, match=r"'greeter'.*plugins: echo"):
        make_client().dispense("greeter")


def test_plugin_output_reaches_host_logging(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="goplugin.plugin")
    client = make_client()
    echo = client.dispense("echo")
    assert echo.echo("print:hello from the plugin") == "print:hello from the plugin"
    client.kill()
    messages = [record.getMessage() for record in caplog.records]
    assert "hello from the plugin" in messages
    # Printed before serve(): kept off the handshake line, still delivered.
    assert any("printed at import time, before serve()" in m for m in messages)


def test_cleanup_clients_kills_every_live_plugin(make_client: MakeClient) -> None:
    clients = [make_client(), make_client()]
    for client in clients:
        client.start()
    goplugin.cleanup_clients()
    assert all(client.exited for client in clients)


def test_plugin_can_listen_on_tcp_in_the_hosts_port_range(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="goplugin.plugin")
    client = make_client(env={"ECHO_NETWORK": "tcp"})
    assert client.dispense("echo").echo("over tcp") == "over tcp"
    assert client.address.startswith("127.0.0.1:")
    port = int(client.address.rpartition(":")[2])
    assert 10000 <= port <= 25000


def test_reflection_lists_the_plugins_services(make_client: MakeClient) -> None:
    from grpc_reflection.v1alpha import reflection_pb2

    client = make_client()
    client.start()
    channel = client.dispense("echo")._channel
    list_services = channel.stream_stream(
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    replies = list_services(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    names = {service.name for service in next(iter(replies)).list_services_response.service}
    assert {"pyplugintest.Echo", "grpc.health.v1.Health"} <= names


def test_plugin_ignores_ctrl_c_and_exits_cleanly_on_sigterm(make_client: MakeClient) -> None:
    client = make_client()
    echo = client.dispense("echo")
    socket = client.address
    assert client.pid is not None
    os.kill(client.pid, signal.SIGINT)  # the terminal's Ctrl-C reaches plugins too
    assert echo.echo("still serving") == "still serving"
    os.kill(client.pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while not client.exited and time.monotonic() < deadline:
        time.sleep(0.01)
    assert client.returncode == 0
    assert not os.path.exists(socket)


def test_health_service_answers_check_and_watch(make_client: MakeClient) -> None:
    from grpc_health.v1 import health_pb2

    client = make_client()
    channel = client.dispense("echo")._channel
    request = health_pb2.HealthCheckRequest
    response = health_pb2.HealthCheckResponse
    check = channel.unary_unary(
        "/grpc.health.v1.Health/Check",
        request_serializer=request.SerializeToString,
        response_deserializer=response.FromString,
    )
    assert check(request(service="plugin")).status == response.SERVING
    with pytest.raises(goplugin.NotFoundError, match="unknown service 'nope'"):
        check(request(service="nope"))
    watch = channel.unary_stream(
        "/grpc.health.v1.Health/Watch",
        request_serializer=request.SerializeToString,
        response_deserializer=response.FromString,
    )
    updates = watch(request(service=""))
    assert next(updates).status == response.SERVING
    updates.cancel()


def test_plugin_calls_back_into_the_host_through_the_broker(make_client: MakeClient) -> None:
    import grpc
    from google.protobuf.wrappers_pb2 import StringValue

    from tests.runtime.plugins.echo import HOST_SERVICE

    def shout(request: StringValue, context: grpc.ServicerContext) -> StringValue:
        return StringValue(value=request.value.upper() + "!")

    def register(server: grpc.Server) -> None:
        handler = grpc.unary_unary_rpc_method_handler(
            shout,
            request_deserializer=StringValue.FromString,
            response_serializer=StringValue.SerializeToString,
        )
        service = grpc.method_handlers_generic_handler(HOST_SERVICE, {"Shout": handler})
        server.add_generic_rpc_handlers((service,))

    client = make_client()
    echo = client.dispense("echo")
    assert echo.call_back(register) == "host says HI!"
    client.kill()
    assert client.returncode == 0
