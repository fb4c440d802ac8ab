"""Flattened parameters instead of the request message: the interface must reject it."""

from __future__ import annotations

from collections.abc import Iterator

from greeter import greeter_pb2
from greeter.interface import Greeter


class FlatGreeter(Greeter):
    def greet(self, name: str) -> greeter_pb2.GreetResponse:
        return greeter_pb2.GreetResponse(greeting=name)

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        yield greeter_pb2.GreetResponse()
