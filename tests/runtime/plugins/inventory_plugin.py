"""The Inventory of example_protos/kinds.proto (one RPC of each kind), on the generated package in
``golden/kinds``, for the async host's tests: a plugin that reports how each call ended.

``INVENTORY_ASYNC=1`` serves the ``AsyncInventory`` implementation (else the sync one);
``GOPLUGIN_CORE`` picks the serving core. Marks go in ``INVENTORY_MARKS`` (a folder), one file per
event, written by the implementation itself:

* ``Get("deadline")`` answers with the milliseconds ``current_call().time_remaining()`` gave
  (-1 without a deadline);
* ``Get("wait")`` writes ``get-started``, waits for the call to end and writes ``get`` saying how
  it saw the end (``CancelledError`` in async code, ``active=False`` in sync code);
* ``List(prefix="hold")`` sends one item ``held``, writes ``list-started``, waits likewise and
  writes ``list`` (``CancelledError``, or ``GeneratorExit active=False`` once the runtime
  closed the sync generator).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "golden" / "kinds"))

from kinds.v1 import interface, kinds_pb2, plugin  # type: ignore[import-not-found]

import goplugin

_STORE = {"apple": 3, "apricot": 5, "banana": 7}


def _item(name: str, count: int) -> kinds_pb2.Item:
    return kinds_pb2.Item(key=kinds_pb2.Item.Key(name=name), count=count)


def _mark(name: str, text: str) -> None:
    path = Path(os.environ["INVENTORY_MARKS"]) / name
    path.with_suffix(".tmp").write_text(text)
    path.with_suffix(".tmp").rename(path)


def _remaining_ms() -> int:
    remaining = goplugin.current_call().time_remaining()
    return -1 if remaining is None or remaining > 3600 else round(remaining * 1000)


def _lookup(name: str) -> kinds_pb2.Item:
    if name not in _STORE:
        raise goplugin.NotFoundError(f"no item {name!r}")
    return _item(name, _STORE[name])


class SyncInventory(interface.Inventory):  # type: ignore[misc]
    def get(self, request: kinds_pb2.Item.Key) -> kinds_pb2.Item:
        if request.name == "deadline":
            return _item("deadline", _remaining_ms())
        if request.name == "wait":
            call = goplugin.current_call()
            ended = threading.Event()
            call.add_callback(ended.set)
            _mark("get-started", "")
            ended.wait(60)
            _mark("get", f"active={call.is_active()}")
            return _item("wait", 0)
        return _lookup(request.name)

    def list(self, request: kinds_pb2.ListRequest) -> Iterator[kinds_pb2.Item]:
        if request.prefix == "hold":
            call = goplugin.current_call()
            ended = threading.Event()
            call.add_callback(ended.set)
            try:
                yield _item("held", 1)
                _mark("list-started", "")
                ended.wait(60)
                yield _item("after", 2)  # the runtime closes the generator here
            except GeneratorExit:
                _mark("list", f"GeneratorExit active={call.is_active()}")
                raise
            return
        yield from _listed(request.prefix)

    def put(self, requests: Iterator[kinds_pb2.Item]) -> kinds_pb2.PutSummary:
        return kinds_pb2.PutSummary(stored=sum(1 for _ in requests))

    def sync(self, requests: Iterator[kinds_pb2.Item]) -> Iterator[kinds_pb2.Item]:
        yield from requests


def _listed(prefix: str) -> Iterator[kinds_pb2.Item]:
    """The stored items under ``prefix``; ``many:N`` lists N made-up items and ``fail:N`` lists
    N and then fails, for the tests of long and failing streams."""
    kind, _, count = prefix.partition(":")
    if kind in ("many", "fail"):
        for n in range(int(count)):
            yield _item(f"i{n}", n)
        if kind == "fail":
            raise goplugin.FailedPreconditionError(f"stopped after {count}")
        return
    for name in sorted(_STORE):
        if name.startswith(prefix):
            yield _item(name, _STORE[name])


class AsyncInventory(interface.AsyncInventory):  # type: ignore[misc]
    async def get(self, request: kinds_pb2.Item.Key) -> kinds_pb2.Item:
        if request.name == "deadline":
            return _item("deadline", _remaining_ms())
        if request.name == "wait":
            _mark("get-started", "")
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                _mark("get", "CancelledError")
                raise
            return _item("wait", 0)
        return _lookup(request.name)

    async def list(self, request: kinds_pb2.ListRequest) -> AsyncIterator[kinds_pb2.Item]:
        if request.prefix == "hold":
            yield _item("held", 1)
            _mark("list-started", "")
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                _mark("list", "CancelledError")
                raise
            return
        for item in _listed(request.prefix):
            yield item

    async def put(self, requests: AsyncIterator[kinds_pb2.Item]) -> kinds_pb2.PutSummary:
        return kinds_pb2.PutSummary(stored=len([item async for item in requests]))

    async def sync(self, requests: AsyncIterator[kinds_pb2.Item]) -> AsyncIterator[kinds_pb2.Item]:
        async for item in requests:
            yield item


if __name__ == "__main__":
    impl = AsyncInventory() if os.environ.get("INVENTORY_ASYNC") else SyncInventory()
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={"inventory": plugin.InventoryGRPCPlugin(impl)},
    )
