"""The Python plugin for example_protos/kinds.proto, built on the generated package in
``golden/kinds`` only: the twin of tests/go/gencmd/kinds-plugin, answering alike (a store that
starts with apple 3, apricot 5 and banana 7), so a Go host sees one behaviour from both."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "golden" / "kinds"))

from google.protobuf import empty_pb2
from kinds.v1 import interface, kinds_pb2, plugin  # type: ignore[import-not-found]

import goplugin


def _item(name: str, count: int) -> kinds_pb2.Item:
    return kinds_pb2.Item(key=kinds_pb2.Item.Key(name=name), count=count)


class Inventory(interface.Inventory):  # type: ignore[misc]
    """Items by name; every RPC kind."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items = {"apple": 3, "apricot": 5, "banana": 7}

    def _store(self, item: kinds_pb2.Item) -> None:
        with self._lock:
            self._items[item.key.name] = item.count

    def get(self, request: kinds_pb2.Item.Key) -> kinds_pb2.Item:
        with self._lock:
            if request.name not in self._items:
                raise goplugin.NotFoundError(f"no item {request.name!r}")
            return _item(request.name, self._items[request.name])

    def list(self, request: kinds_pb2.ListRequest) -> Iterator[kinds_pb2.Item]:
        with self._lock:
            found = sorted(
                (name, count)
                for name, count in self._items.items()
                if name.startswith(request.prefix)
            )
        for name, count in found:
            yield _item(name, count)

    def put(self, requests: Iterator[kinds_pb2.Item]) -> kinds_pb2.PutSummary:
        stored = 0
        for item in requests:
            self._store(item)
            stored += 1
        return kinds_pb2.PutSummary(stored=stored)

    def sync(self, requests: Iterator[kinds_pb2.Item]) -> Iterator[kinds_pb2.Item]:
        for item in requests:
            self._store(item)
            yield item


class Audit(interface.Audit):  # type: ignore[misc]
    """Takes notes; says its HTTP status."""

    def record(self, request: kinds_pb2.Item) -> empty_pb2.Empty:
        return empty_pb2.Empty()

    def get_http_status(self, request: empty_pb2.Empty) -> kinds_pb2.Item:
        return _item("http", 200)


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "inventory": plugin.InventoryGRPCPlugin(Inventory()),
            "audit": plugin.AuditGRPCPlugin(Audit()),
        },
    )


if __name__ == "__main__":
    main()
