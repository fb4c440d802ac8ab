"""A Greeter plugin for the field-evolution tests: it answers with what it received.

    python evolution_plugin.py OUT    # OUT holds a generated ``greeter`` package

OUT may come from the seed's two-field proto or from the evolved one; this file works with
either, reading only the fields its own generated package knows. Greet answers with a JSON
greeting: every ``GreetRequest`` field as this plugin read it (fields the host did not send
read as defaults), and whether the request carried bytes this plugin's proto has no field for.
It also sets ``GreetResponse.language`` when its proto has that field, for the host to ignore.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

sys.path.insert(0, sys.argv[1])

import goplugin

# isort: split
from evolution_report import carries_unknown_fields, fields
from greeter import greeter_pb2, interface, plugin


class Reporter(interface.Greeter):
    def greet(self, request: greeter_pb2.GreetRequest) -> greeter_pb2.GreetResponse:
        report = {"seen": fields(request), "unknown": carries_unknown_fields(request)}
        response = greeter_pb2.GreetResponse(greeting=json.dumps(report))
        if "language" in greeter_pb2.GreetResponse.DESCRIPTOR.fields_by_name:
            setattr(response, "language", "en")  # noqa: B010 (not in the seed's class)
        return response

    def greet_stream(
        self, request: greeter_pb2.GreetRequest
    ) -> Iterator[greeter_pb2.GreetResponse]:
        yield self.greet(request)


if __name__ == "__main__":
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE, plugins={"greeter": plugin.GreeterGRPCPlugin(Reporter())}
    )
