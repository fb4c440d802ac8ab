"""A Counter plugin for go-plugin's ``examples/bidirectional`` host, in Python.

Scaffolded by ``gen-plugin example_protos/go-plugin-bidirectional/kv.proto -o
examples/bidirectional --magic-cookie-key BASIC_PLUGIN --magic-cookie-value hello
--broker-service proto.AddHelper`` (the example's own proto and handshake; AddHelper is what the
host serves its plugin through the GRPCBroker) and filled in by hand. Like the example's Go
plugin it never adds by itself: ``put`` asks the host's AddHelper for the new total, then keeps
it in the file ``kv_<key>`` (``{"Value":N}``, the Go plugin's format) in the current folder::

    COUNTER_PLUGIN="python examples/bidirectional/main.py" ./counter put hello 1
    COUNTER_PLUGIN="python examples/bidirectional/main.py" ./counter get hello   # prints: 1
"""

from __future__ import annotations

import json
from pathlib import Path

import goplugin

# isort: split
from proto import interface, kv_pb2, plugin


class CounterImpl(interface.Counter):
    """Adds through the host's AddHelper, dialled with the id each ``put`` request carries."""

    def get(self, request: kv_pb2.GetRequest) -> kv_pb2.GetResponse:
        try:
            stored = json.loads(_path(request.key).read_text())
        except FileNotFoundError:
            raise goplugin.NotFoundError(f"no value for key {request.key!r}") from None
        return kv_pb2.GetResponse(value=stored["Value"])

    def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        try:
            current = self.get(kv_pb2.GetRequest(key=request.key)).value
        except (goplugin.NotFoundError, ValueError, KeyError):
            current = 0  # nothing stored, or not a count: start from 0, as the Go plugin does
        adder = plugin.dial_add_helper(goplugin.current_broker(), request.add_server)
        total = adder.sum(kv_pb2.SumRequest(a=current, b=request.value)).r
        _path(request.key).write_text(json.dumps({"Value": total}, separators=(",", ":")))
        return kv_pb2.Empty()


def _path(key: str) -> Path:
    return Path(f"kv_{key}")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "counter": plugin.CounterGRPCPlugin(CounterImpl()),
        },
    )


if __name__ == "__main__":
    main()
