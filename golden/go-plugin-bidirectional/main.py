"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from go-plugin-bidirectional/kv.proto. It is yours:
gen-plugin never overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go
go-plugin host) starts it with the magic cookie set; started by hand, it says it is a plugin and
exits.

``plugin.dial_add_helper(goplugin.current_broker(), request.<id field>)`` calls what the host serves
through go-plugin's GRPCBroker under the id a request carries (``await
plugin.adial_add_helper(...)`` in an ``async def`` method);
``plugin.serve_add_helper(goplugin.current_broker(), impl)`` serves an implementation to the host
and returns the id to send it.
"""

from __future__ import annotations

import goplugin

# isort: split
from proto import interface, kv_pb2, plugin


class CounterImpl(interface.Counter):
    """This plugin's implementation of ``proto.Counter``."""

    def get(self, request: kv_pb2.GetRequest) -> kv_pb2.GetResponse:
        # TODO: implement Get.
        raise NotImplementedError("Get is not implemented yet")

    def put(self, request: kv_pb2.PutRequest) -> kv_pb2.Empty:
        # TODO: implement Put.
        raise NotImplementedError("Put is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "counter": plugin.CounterGRPCPlugin(CounterImpl()),
        },
    )


if __name__ == "__main__":
    main()
