"""The plugin program: fill in the implementations, then let a host run this file.

Scaffolding generated once by pygoplugin from kinds.proto. It is yours: gen-plugin never overwrites
it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host) starts it with
the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import empty_pb2

# isort: split
import goplugin

# isort: split
from kinds.v1 import interface, kinds_pb2, plugin


class InventoryImpl(interface.Inventory):
    """This plugin's implementation of ``kinds.v1.Inventory``."""

    def get(self, request: kinds_pb2.Item.Key) -> kinds_pb2.Item:
        # TODO: implement Get.
        raise NotImplementedError("Get is not implemented yet")

    def list(self, request: kinds_pb2.ListRequest) -> Iterator[kinds_pb2.Item]:
        # TODO: implement List.
        raise NotImplementedError("List is not implemented yet")

    def put(self, requests: Iterator[kinds_pb2.Item]) -> kinds_pb2.PutSummary:
        # TODO: implement Put.
        raise NotImplementedError("Put is not implemented yet")

    def sync(self, requests: Iterator[kinds_pb2.Item]) -> Iterator[kinds_pb2.Item]:
        # TODO: implement Sync.
        raise NotImplementedError("Sync is not implemented yet")


class AuditImpl(interface.Audit):
    """This plugin's implementation of ``kinds.v1.Audit``."""

    def record(self, request: kinds_pb2.Item) -> empty_pb2.Empty:
        # TODO: implement Record.
        raise NotImplementedError("Record is not implemented yet")

    def get_http_status(self, request: empty_pb2.Empty) -> kinds_pb2.Item:
        # TODO: implement GetHTTPStatus.
        raise NotImplementedError("GetHTTPStatus is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "inventory": plugin.InventoryGRPCPlugin(InventoryImpl()),
            "audit": plugin.AuditGRPCPlugin(AuditImpl()),
        },
    )


if __name__ == "__main__":
    main()
