"""A plain string instead of the response message, and a stream that is not an iterator."""

from __future__ import annotations

from greeter import greeter_pb2
from greeter.interface import Greeter


class StringGreeter(Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> str:
        return f"Hello, {request.name}!"

    def greet_stream(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse()
