"""An implementation that forgets an RPC cannot be instantiated."""

from __future__ import annotations

from greeter import greeter_pb2
from greeter.interface import Greeter
from greeter.plugin import GreeterGRPCPlugin


class HalfGreeter(Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse()


PLUGIN = GreeterGRPCPlugin(HalfGreeter())
