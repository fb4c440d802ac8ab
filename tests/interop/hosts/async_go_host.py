"""An asyncio host (goplugin.AsyncClient) for Go plugins, run by test_async_client_go.py in a
process of its own, so the generated packages it imports (``proto``, ``kinds``, ``greeter``)
cannot collide with another test's.

    async_go_host.py kv PLUGIN          go-plugin's examples/grpc plugin: Put, then Get
    async_go_host.py kinds PLUGIN       tests/go/gencmd/kinds-plugin: one RPC of each kind
    async_go_host.py greeter PLUGIN     tests/go's greeter plugin: Greet, GreetStream, and a
                                        Greet past its deadline (GREETER_GREET_DELAY set)

Each prints what it got, one line per result.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import goplugin

ROOT = Path(__file__).resolve().parents[3]


async def kv(plugin: str) -> None:
    sys.path.insert(0, str(ROOT / "golden" / "go-plugin-grpc"))
    from proto import kv_pb2  # type: ignore[import-not-found]
    from proto.interface import AsyncKV  # type: ignore[import-not-found]
    from proto.plugin import HANDSHAKE, PLUGINS  # type: ignore[import-not-found]

    async with goplugin.AsyncClient(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[plugin]
    ) as client:
        store = await client.dispense("kv", AsyncKV)
        await store.put(kv_pb2.PutRequest(key="hello", value=b"world"))
        print((await store.get(kv_pb2.GetRequest(key="hello"))).value.decode())


async def kinds(plugin: str) -> None:
    sys.path.insert(0, str(ROOT / "golden" / "kinds"))
    from kinds.v1 import kinds_pb2  # type: ignore[import-not-found]
    from kinds.v1.interface import AsyncInventory  # type: ignore[import-not-found]
    from kinds.v1.plugin import HANDSHAKE, PLUGINS  # type: ignore[import-not-found]

    def item(name: str, count: int) -> Any:
        return kinds_pb2.Item(key=kinds_pb2.Item.Key(name=name), count=count)

    async def items(*pairs: tuple[str, int]) -> AsyncIterator[Any]:
        for name, count in pairs:
            yield item(name, count)

    async with goplugin.AsyncClient(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[plugin]
    ) as client:
        inventory = await client.dispense("inventory", AsyncInventory)
        print("get", (await inventory.get(kinds_pb2.Item.Key(name="apple"))).count)
        listed = [i.key.name async for i in inventory.list(kinds_pb2.ListRequest(prefix="ap"))]
        print("list", *listed)
        print("put", (await inventory.put(items(("cherry", 1), ("date", 2)))).stored)
        synced = [f"{i.key.name}={i.count}" async for i in inventory.sync(items(("fig", 4)))]
        print("sync", *synced)
        print("get", (await inventory.get(kinds_pb2.Item.Key(name="cherry"))).count)
        try:
            await inventory.get(kinds_pb2.Item.Key(name="nothing"))
        except goplugin.NotFoundError as error:
            print("NotFoundError", error.details)


async def greeter(plugin: str) -> None:
    sys.path.insert(0, str(ROOT / "examples" / "greeter"))
    from greeter import greeter_pb2  # type: ignore[import-not-found]
    from greeter.interface import AsyncGreeter  # type: ignore[import-not-found]
    from greeter.plugin import HANDSHAKE, PLUGINS  # type: ignore[import-not-found]

    async with goplugin.AsyncClient(
        handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[plugin]
    ) as client:
        greeter = await client.dispense("greeter", AsyncGreeter)
        request = greeter_pb2.GreetRequest(name="Ada")
        async for reply in greeter.greet_stream(request):
            print(reply.greeting)
        with goplugin.call_options(timeout=30.0):
            print((await greeter.greet(request)).greeting)  # GREETER_GREET_DELAY is shorter
        try:
            with goplugin.call_options(timeout=0.2):
                await greeter.greet(request)
        except goplugin.DeadlineExceededError:
            print("DeadlineExceededError")


if __name__ == "__main__":
    command, plugin_path = sys.argv[1:3]
    asyncio.run({"kv": kv, "kinds": kinds, "greeter": greeter}[command](plugin_path))
