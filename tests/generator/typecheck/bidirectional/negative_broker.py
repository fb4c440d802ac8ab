"""Wrong uses of the broker helpers: mypy must flag each (see negative.expected)."""

from __future__ import annotations

from proto import kv_pb2, plugin
from proto.interface import Counter

import goplugin


class NotAnAdder:
    def sum(self, request: kv_pb2.SumRequest) -> kv_pb2.SumResponse:
        return kv_pb2.SumResponse()


def wrong(client: goplugin.Client, counter: Counter) -> None:
    plugin.serve_add_helper(client.broker, NotAnAdder())  # not an AddHelper
    helper: Counter = plugin.dial_add_helper(client.broker, 1)  # an AddHelper, not a Counter
    plugin.dial_add_helper(client.broker, "1")  # the id is an int
    counter.put(kv_pb2.PutRequest(add_server=plugin.dial_add_helper(client.broker, 1)))
    no_plugin = plugin.AddHelperGRPCPlugin  # no GRPCPlugin for a broker service
    del helper, no_plugin
