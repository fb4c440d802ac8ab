"""The greeter's shared wiring, written by hand on goplugin (the generator will write this)."""

from __future__ import annotations

import abc
from collections.abc import Iterator
from typing import Any

import grpc
from proto import greeter_pb2_grpc
from proto.greeter_pb2 import GreetRequest, GreetResponse

import goplugin

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="GREETER_PLUGIN", magic_cookie_value="hello"
)


class Greeter(abc.ABC):
    """What a greeter plugin implements and its host calls."""

    @abc.abstractmethod
    def greet(self, request: GreetRequest) -> GreetResponse: ...

    @abc.abstractmethod
    def greet_stream(self, request: GreetRequest) -> Iterator[GreetResponse]: ...


class GreeterGRPCServer(greeter_pb2_grpc.GreeterServicer):  # type: ignore[misc]
    def __init__(self, impl: Greeter) -> None:
        self._impl = impl

    def Greet(  # noqa: N802 - servicer methods carry the proto names
        self, request: GreetRequest, context: grpc.ServicerContext
    ) -> GreetResponse:
        with goplugin.serving(context):
            return self._impl.greet(request)

    def GreetStream(  # noqa: N802
        self, request: GreetRequest, context: grpc.ServicerContext
    ) -> Iterator[GreetResponse]:
        with goplugin.serving(context):
            yield from self._impl.greet_stream(request)


class GreeterGRPCClient(Greeter):
    def __init__(self, channel: grpc.Channel) -> None:
        self._stub = greeter_pb2_grpc.GreeterStub(channel)

    def greet(self, request: GreetRequest) -> GreetResponse:
        return self._stub.Greet(request)  # type: ignore[no-any-return]

    def greet_stream(self, request: GreetRequest) -> Iterator[GreetResponse]:
        return self._stub.GreetStream(request)  # type: ignore[no-any-return]


class GreeterGRPCPlugin(goplugin.GRPCPlugin):
    def __init__(self, impl: Greeter | None = None) -> None:
        self.impl = impl

    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:
        if self.impl is None:
            raise TypeError("GreeterGRPCPlugin needs an implementation to serve")
        greeter_pb2_grpc.add_GreeterServicer_to_server(GreeterGRPCServer(self.impl), server)

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: grpc.Channel) -> Any:
        return GreeterGRPCClient(channel)
