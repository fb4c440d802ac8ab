"""goplugin.AsyncClient against real plugin processes: the generated async client adapter (all
four RPC kinds), deadlines and cancellation in both directions, on both serving cores.

The plugin is ``inventory_plugin.py`` (the generated ``golden/kinds`` package), which writes a
mark file saying how each call ended as its implementation saw it. Each test runs its own event
loop (``asyncio.run``).
"""

from __future__ import annotations

import asyncio
import inspect
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import goplugin

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "golden" / "kinds"))

from kinds.v1 import kinds_pb2  # type: ignore[import-not-found]  # noqa: E402
from kinds.v1.interface import AsyncInventory, Inventory  # type: ignore[import-not-found]  # noqa: E402
from kinds.v1.plugin import HANDSHAKE, PLUGINS  # type: ignore[import-not-found]  # noqa: E402

PLUGIN = Path(__file__).resolve().parents[1] / "plugins" / "inventory_plugin.py"


class Core(NamedTuple):
    """A serving core and the implementation it serves."""

    name: str
    env: dict[str, str]
    #: How the implementation sees the end of a call it is waiting in.
    unary_end: str
    stream_end: str


CORES = [
    Core("grpcio", {"GOPLUGIN_CORE": "grpcio"}, "active=False", "GeneratorExit active=False"),
    Core(
        "grpclib-sync", {"GOPLUGIN_CORE": "grpclib"}, "active=False", "GeneratorExit active=False"
    ),
    Core(
        "grpclib-async",
        {"GOPLUGIN_CORE": "grpclib", "INVENTORY_ASYNC": "1"},
        "CancelledError",
        "CancelledError",
    ),
]


@pytest.fixture(params=CORES, ids=[core.name for core in CORES])
def core(request: pytest.FixtureRequest) -> Core:
    chosen: Core = request.param
    return chosen


@pytest.fixture
def marks(tmp_path: Path) -> Path:
    folder = tmp_path / "marks"
    folder.mkdir()
    return folder


def async_client(core: Core, marks: Path) -> goplugin.AsyncClient:
    return goplugin.AsyncClient(
        handshake_config=HANDSHAKE,
        plugins=PLUGINS,
        cmd=[sys.executable, str(PLUGIN)],
        env={**core.env, "INVENTORY_MARKS": str(marks)},
        start_timeout=30.0,
    )


def sync_client(core: Core, marks: Path) -> goplugin.Client:
    return goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins=PLUGINS,
        cmd=[sys.executable, str(PLUGIN)],
        env={**core.env, "INVENTORY_MARKS": str(marks)},
        start_timeout=30.0,
    )


def with_inventory(
    core: Core, marks: Path, body: Callable[[Any], Awaitable[None]]
) -> goplugin.AsyncClient:
    """Run ``body(inventory)`` on a fresh event loop against a fresh plugin; the client after."""

    async def run() -> goplugin.AsyncClient:
        async with async_client(core, marks) as client:
            inventory = await client.dispense("inventory", AsyncInventory)
            await body(inventory)
        return client

    return asyncio.run(run())


def mark(marks: Path, name: str) -> str:
    """The plugin's mark ``name``, waiting for the plugin to write it (up to 20 s)."""
    path = marks / name
    deadline = time.monotonic() + 20.0
    while not path.exists():
        if time.monotonic() > deadline:
            present = sorted(p.name for p in marks.iterdir())
            raise AssertionError(f"the plugin never wrote {name!r} (marks: {present})")
        time.sleep(0.02)
    return path.read_text()


async def amark(marks: Path, name: str) -> str:
    return await asyncio.to_thread(mark, marks, name)


def key(name: str) -> Any:
    return kinds_pb2.Item.Key(name=name)


def item(name: str, count: int) -> Any:
    return kinds_pb2.Item(key=key(name), count=count)


async def items(*pairs: tuple[str, int]) -> AsyncIterator[Any]:
    for name, count in pairs:
        yield item(name, count)
        await asyncio.sleep(0)


# -- the four kinds ---------------------------------------------------------------------------


def test_all_four_kinds_through_the_generated_async_client(core: Core, marks: Path) -> None:
    seen: dict[str, Any] = {}

    async def body(inventory: Any) -> None:
        seen["type"] = type(inventory).__name__
        seen["get"] = (await inventory.get(key("apple"))).count
        seen["list"] = [
            i.key.name async for i in inventory.list(kinds_pb2.ListRequest(prefix="ap"))
        ]
        seen["put"] = (await inventory.put(items(("a", 1), ("b", 2), ("c", 3)))).stored
        seen["sync"] = [
            (i.key.name, i.count) async for i in inventory.sync(items(("x", 7), ("y", 8)))
        ]
        many = await asyncio.gather(*(inventory.get(key("banana")) for _ in range(40)))
        seen["many"] = {reply.count for reply in many}

    with_inventory(core, marks, body)

    assert seen == {
        "type": "AsyncInventoryGRPCClient",
        "get": 3,
        "list": ["apple", "apricot"],
        "put": 3,
        "sync": [("x", 7), ("y", 8)],
        "many": {7},
    }


def test_a_plugin_error_reaches_the_async_host_as_its_typed_exception(
    core: Core, marks: Path
) -> None:
    async def body(inventory: Any) -> None:
        with pytest.raises(goplugin.NotFoundError) as caught:
            await inventory.get(key("cherry"))
        assert caught.value.details == "no item 'cherry'"

    with_inventory(core, marks, body)


def test_a_long_stream_read_slowly_arrives_whole_and_in_order(core: Core, marks: Path) -> None:
    names: list[str] = []

    async def body(inventory: Any) -> None:
        async for reply in inventory.list(kinds_pb2.ListRequest(prefix="many:3000")):
            names.append(reply.key.name)
            if len(names) % 500 == 0:
                await asyncio.sleep(0.05)  # the plugin runs ahead; the host's read-ahead is full

    with_inventory(core, marks, body)

    assert names == [f"i{n}" for n in range(3000)]


def test_a_stream_failing_midway_gives_its_messages_then_the_typed_error(
    core: Core, marks: Path
) -> None:
    counts: list[int] = []

    async def body(inventory: Any) -> None:
        with pytest.raises(goplugin.FailedPreconditionError) as caught:
            async for reply in inventory.list(kinds_pb2.ListRequest(prefix="fail:300")):
                counts.append(reply.count)
        assert caught.value.details == "stopped after 300"

    with_inventory(core, marks, body)

    assert counts == list(range(300))


def test_many_streams_at_once_all_arrive_whole(core: Core, marks: Path) -> None:
    lengths: list[int] = []

    async def read(inventory: Any) -> int:
        request = kinds_pb2.ListRequest(prefix="many:400")
        return len([reply async for reply in inventory.list(request)])

    async def body(inventory: Any) -> None:
        lengths.extend(await asyncio.gather(*(read(inventory) for _ in range(64))))
        assert (await inventory.get(key("apple"))).count == 3

    with_inventory(core, marks, body)

    assert lengths == [400] * 64


# -- deadlines ---------------------------------------------------------------------------------


def test_call_options_timeout_is_the_deadline_the_plugin_sees(core: Core, marks: Path) -> None:
    remaining: list[int] = []

    async def body(inventory: Any) -> None:
        remaining.append((await inventory.get(key("deadline"))).count)
        with goplugin.call_options(timeout=30.0):
            remaining.append((await inventory.get(key("deadline"))).count)

    with_inventory(core, marks, body)

    assert remaining[0] == -1
    # grpc rounds a deadline up as it encodes it (grpc-timeout's units): a little over 30 s.
    assert 0 < remaining[1] <= 31_000


def test_a_unary_call_past_its_deadline_fails_and_the_plugin_sees_it_end(
    core: Core, marks: Path
) -> None:
    async def body(inventory: Any) -> None:
        with goplugin.call_options(timeout=1.0), pytest.raises(goplugin.DeadlineExceededError):
            await inventory.get(key("wait"))
        assert await amark(marks, "get") == core.unary_end

    with_inventory(core, marks, body)


def test_a_stream_past_its_deadline_fails_and_the_plugin_sees_it_end(
    core: Core, marks: Path
) -> None:
    received: list[str] = []

    async def body(inventory: Any) -> None:
        with goplugin.call_options(timeout=1.5), pytest.raises(goplugin.DeadlineExceededError):
            async for reply in inventory.list(kinds_pb2.ListRequest(prefix="hold")):
                received.append(reply.key.name)
        assert await amark(marks, "list") == core.stream_end

    with_inventory(core, marks, body)
    assert received == ["held"]


# -- cancellation from the host ----------------------------------------------------------------


def test_cancelling_the_task_awaiting_a_call_cancels_it_in_the_plugin(
    core: Core, marks: Path
) -> None:
    async def body(inventory: Any) -> None:
        task = asyncio.ensure_future(inventory.get(key("wait")))
        await amark(marks, "get-started")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await amark(marks, "get") == core.unary_end
        assert (await inventory.get(key("apple"))).count == 3  # the client carries on

    with_inventory(core, marks, body)


def test_leaving_an_async_for_early_cancels_the_stream_in_the_plugin(
    core: Core, marks: Path
) -> None:
    async def body(inventory: Any) -> None:
        async for reply in inventory.list(kinds_pb2.ListRequest(prefix="hold")):
            assert reply.key.name == "held"
            break
        assert await amark(marks, "list") == core.stream_end

    with_inventory(core, marks, body)


def test_cancelling_a_task_reading_a_stream_cancels_it_in_the_plugin(
    core: Core, marks: Path
) -> None:
    async def read_all(inventory: Any) -> None:
        async for _ in inventory.list(kinds_pb2.ListRequest(prefix="hold")):
            pass

    async def body(inventory: Any) -> None:
        task = asyncio.ensure_future(read_all(inventory))
        await amark(marks, "list-started")
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert await amark(marks, "list") == core.stream_end

    with_inventory(core, marks, body)


# -- the sync host: the same two ways ----------------------------------------------------------


def test_a_sync_host_that_stops_reading_a_stream_frees_the_plugins_generator(
    core: Core, marks: Path
) -> None:
    with sync_client(core, marks) as client:
        inventory = client.dispense("inventory", Inventory)
        for reply in inventory.list(kinds_pb2.ListRequest(prefix="hold")):
            assert reply.key.name == "held"
            break  # the iterator is dropped: grpcio cancels the call
        assert mark(marks, "list") == core.stream_end
        assert inventory.get(key("apple")).count == 3


def test_a_sync_stream_past_its_deadline_fails_and_the_plugin_sees_it_end(
    core: Core, marks: Path
) -> None:
    received: list[str] = []
    with sync_client(core, marks) as client:
        inventory = client.dispense("inventory", Inventory)
        with goplugin.call_options(timeout=1.5), pytest.raises(goplugin.DeadlineExceededError):
            for reply in inventory.list(kinds_pb2.ListRequest(prefix="hold")):
                received.append(reply.key.name)
        assert mark(marks, "list") == core.stream_end
    assert received == ["held"]


# -- the client itself -------------------------------------------------------------------------


GRPCIO = CORES[0]


def test_async_client_takes_exactly_the_arguments_of_client() -> None:
    assert inspect.signature(goplugin.AsyncClient) == inspect.signature(goplugin.Client)


def test_dispense_names_an_unknown_plugin_and_a_wrong_interface(marks: Path) -> None:
    async def run() -> None:
        async with async_client(GRPCIO, marks) as client:
            with pytest.raises(goplugin.UnknownPluginError, match=r"'nope'.*audit, inventory"):
                await client.dispense("nope")
            with pytest.raises(
                TypeError,
                match="grpc_async_client returned a "
                "AsyncInventoryGRPCClient, not an instance of Inventory",
            ):
                await client.dispense("inventory", Inventory)
            await client.ping()
            assert client.negotiated_version == 1

    asyncio.run(run())


def test_a_plugin_without_an_async_client_is_refused_by_name(marks: Path) -> None:
    class SyncOnly(goplugin.GRPCPlugin):
        def grpc_server(self, broker: goplugin.GRPCBroker, server: Any) -> None:
            raise NotImplementedError

        def grpc_client(self, broker: goplugin.GRPCBroker, channel: goplugin.Channel) -> Any:
            return channel

    async def run() -> None:
        async with goplugin.AsyncClient(
            handshake_config=HANDSHAKE,
            plugins={"inventory": SyncOnly()},
            cmd=[sys.executable, str(PLUGIN)],
            env={"INVENTORY_MARKS": str(marks)},
        ) as client:
            with pytest.raises(TypeError, match="SyncOnly has no async client"):
                await client.dispense("inventory")

    asyncio.run(run())


def test_properties_before_start_say_so_and_kill_leaves_no_process(marks: Path) -> None:
    client = async_client(GRPCIO, marks)
    with pytest.raises(goplugin.PluginError, match="not started yet"):
        client.address  # noqa: B018

    async def run() -> int | None:
        async with client:
            assert client.address
            return client.pid

    pid = asyncio.run(run())
    assert pid is not None
    assert client.exited
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(goplugin.PluginError, match="killed"):
        asyncio.run(client.start())


def test_a_plugin_that_fails_to_start_raises_from_async_with(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("import sys\nprint('boom', file=sys.stderr)\nsys.exit(4)\n")

    async def run() -> None:
        async with goplugin.AsyncClient(
            handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[sys.executable, str(script)]
        ):
            raise AssertionError("started")

    with pytest.raises(goplugin.PluginExitedError, match="exit status 4") as caught:
        asyncio.run(run())
    assert "boom" in caught.value.stderr_tail


# -- the example -------------------------------------------------------------------------------


def test_the_async_greeter_example_host_runs() -> None:
    example = ROOT / "examples" / "greeter"
    run = subprocess.run(
        [sys.executable, "async_host.py", "Bob"],
        cwd=example,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "Hello, Bob!",
        "Hello, Ada!",
        "Hello, Grace!",
        "Hello, Linus!",
        *(f"Hello Bob, message {i}" for i in range(5)),
        "Hello, Bob!",
    ]
