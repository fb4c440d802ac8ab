"""goplugin.testing.plugin_pair: the echo plugin served in-process, called over real gRPC."""

from __future__ import annotations

import os
import threading

import grpc
import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from goplugin.testing import plugin_pair
from goplugin.testing.pytest_plugin import PairFactory
from tests.runtime.plugins.echo import HOST_SERVICE, EchoClient, EchoImpl, EchoPlugin


def register_shout(server: grpc.Server) -> None:
    def shout(request: StringValue, context: grpc.ServicerContext) -> StringValue:
        return StringValue(value=request.value.upper() + "!")

    handler = grpc.unary_unary_rpc_method_handler(
        shout,
        request_deserializer=StringValue.FromString,
        response_serializer=StringValue.SerializeToString,
    )
    server.add_generic_rpc_handlers(
        (grpc.method_handlers_generic_handler(HOST_SERVICE, {"Shout": handler}),)
    )


def test_a_pair_serves_unary_and_streaming_calls_in_this_process() -> None:
    with plugin_pair({"echo": EchoPlugin(EchoImpl("pair:"))}) as client:
        echo = client.dispense("echo", EchoClient)
        assert echo.echo("hello") == "pair:hello"
        assert list(echo.count(3)) == ["pair:message 0", "pair:message 1", "pair:message 2"]
        client.ping()
        # The implementation ran on one of this process's threads: no subprocess.
        assert any(t.name.startswith("pair-rpc") for t in threading.enumerate())


def test_implementation_errors_reach_the_test_as_a_host_sees_them() -> None:
    with plugin_pair({"echo": EchoPlugin(EchoImpl())}) as client:
        echo = client.dispense("echo", EchoClient)
        with pytest.raises(goplugin.NotFoundError, match="failing with not_found"):
            echo.fail("not_found")


def test_the_plugin_calls_back_into_the_host_through_the_pairs_broker() -> None:
    with plugin_pair({"echo": EchoPlugin(EchoImpl())}) as client:
        assert client.dispense("echo", EchoClient).call_back(register_shout) == "host says HI!"


def test_an_unknown_plugin_name_lists_the_known_ones() -> None:
    with (
        plugin_pair({"echo": EchoPlugin(EchoImpl())}) as client,
        pytest.raises(goplugin.UnknownPluginError, match=r"'nope' \(plugins: echo\)"),
    ):
        client.dispense("nope")


def test_leaving_the_pair_removes_its_socket_and_stops_serving() -> None:
    with plugin_pair({"echo": EchoPlugin(EchoImpl())}) as client:
        echo = client.dispense("echo", EchoClient)
        assert os.path.exists(client.address)
        folder = os.path.dirname(client.address)
    assert not os.path.exists(folder)
    with pytest.raises(ValueError, match="closed channel"):
        echo.echo("after")


def test_the_pair_fixture_stops_its_pairs_after_the_test(goplugin_pair: PairFactory) -> None:
    client = goplugin_pair({"echo": EchoPlugin(EchoImpl("fixture:"))})
    assert client.dispense("echo", EchoClient).echo("x") == "fixture:x"
