"""A correct use of go-plugin's bidirectional example protos: the broker helpers from both sides.

The plugin's Counter dials the host's AddHelper with the id a request carries; the host serves an
AddHelper through ``client.broker`` and sends the id. The client types come out right without a
cast: ``dial_add_helper`` returns an ``AddHelper``, ``dispense("counter", Counter)`` a ``Counter``.
"""

from __future__ import annotations

from proto import kv_pb2, plugin
from proto.interface import AddHelper, Counter

import goplugin


class Adder(AddHelper):
    def sum(self, request: kv_pb2.SumRequest) -> kv_pb2.SumResponse:
        return kv_pb2.SumResponse(r=request.a + request.b)


class Memory(Counter):
    def __init__(self) -> None:
        self.values: dict[str, int] = {}

    def get(self, request: kv_pb2.GetRequest) -> kv_pb2.GetResponse:
        return kv_pb2.GetResponse(value=self.values.get(request.key, 0))

    def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        helper: AddHelper = plugin.dial_add_helper(goplugin.current_broker(), request.add_server)
        total = helper.sum(
            kv_pb2.SumRequest(a=self.get(kv_pb2.GetRequest(key=request.key)).value, b=request.value)
        )
        self.values[request.key] = total.r
        return kv_pb2.Empty()


def host(client: goplugin.Client, key: str, value: int) -> int:
    counter = client.dispense("counter", Counter)
    add_server: int = plugin.serve_add_helper(client.broker, Adder())
    counter.put(kv_pb2.PutRequest(key=key, value=value, add_server=add_server))
    client.broker.stop_serving(add_server)
    return counter.get(kv_pb2.GetRequest(key=key)).value


def serve() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"counter": plugin.CounterGRPCPlugin(Memory())},
    )
