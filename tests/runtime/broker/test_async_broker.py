"""``async def`` code on both sides of the GRPCBroker: ``broker.adial`` and async callbacks.

A plugin's ``async def`` method dials its host's callback service with ``await
broker.adial(id)`` and calls all four RPC kinds on it, whether the host is a sync ``Client``
(its callbacks on grpcio threads) or an ``AsyncClient`` (its callbacks, sync or ``async def``,
on its own event loop); an ``AsyncClient`` dials a service the plugin serves the same way.
Errors arrive typed, a call the host gives up cancels the callback it was waiting on, and the
sync dial used on the serving loop is refused with the way out in the message.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from google.protobuf.wrappers_pb2 import StringValue

import goplugin
from tests.runtime.broker import relay_plugin
from tests.runtime.broker.relay_plugin import HANDSHAKE, RelayPlugin, call_every_kind
from tests.runtime.plugins import kinds

PLUGIN = [sys.executable, str(Path(relay_plugin.__file__))]
EVERY_KIND = "HI|message 0,message 1|a+b+c|P!,Q!"


class HostKinds(kinds.KindsImpl):
    """The host's callback service, sync: its threads serve it."""

    def upper(self, request: StringValue) -> StringValue:
        if request.value == "missing":
            raise goplugin.NotFoundError("the host has no 'missing'")
        return super().upper(request)


class AsyncHostKinds(kinds.AsyncKindsImpl):
    """The host's callback service as ``async def`` methods, on the host's event loop."""

    async def upper(self, request: StringValue) -> StringValue:
        if request.value == "missing":
            raise goplugin.NotFoundError("the host has no 'missing'")
        return await super().upper(request)


@pytest.fixture
def mark_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the host's ``Repeat("hold")`` leaves its mark once its stream is freed."""
    monkeypatch.setenv(kinds.MARK_DIR_ENV, str(tmp_path))
    return tmp_path


def wait_for_mark(folder: Path, timeout: float = 15.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        marks = sorted(p.name for p in folder.glob("freed-*"))
        if marks:
            return marks
        time.sleep(0.05)
    return []


# -- a sync host ------------------------------------------------------------------------------


@pytest.fixture
def relay_client() -> Iterator[goplugin.Client]:
    with goplugin.Client(
        handshake_config=HANDSHAKE, plugins={"relay": RelayPlugin}, cmd=PLUGIN
    ) as client:
        yield client


def test_an_async_plugin_method_calls_every_kind_on_a_sync_hosts_callback(
    relay_client: goplugin.Client,
) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = through(StringValue(value=f"all:{service_id}"))

    assert answer.value == EVERY_KIND


def test_a_callbacks_error_reaches_the_async_plugin_typed(relay_client: goplugin.Client) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = through(StringValue(value=f"missing:{service_id}"))

    assert answer.value == "NotFoundError: the host has no 'missing'"


def test_a_deadline_the_host_gives_frees_the_callback_the_plugin_was_reading(
    relay_client: goplugin.Client, mark_dir: Path
) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    with pytest.raises(goplugin.DeadlineExceededError), goplugin.call_options(timeout=1.0):
        through(StringValue(value=f"hold:{service_id}"))

    assert wait_for_mark(mark_dir) != [], "the host's Repeat('hold') was never closed"


def test_a_response_stream_the_async_plugin_leaves_early_frees_the_hosts_side(
    relay_client: goplugin.Client, mark_dir: Path
) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = through(StringValue(value=f"leave:{service_id}"))

    assert answer.value == "left"
    assert wait_for_mark(mark_dir) != [], "the host's Repeat('hold') was never closed"


def test_a_request_stream_that_fails_fails_the_async_plugins_call_with_its_error(
    relay_client: goplugin.Client,
) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = through(StringValue(value=f"bad-requests:{service_id}"))

    assert answer.value == "ValueError: no second request"


def test_a_request_stream_that_fails_fails_a_sync_plugin_methods_call_with_its_error(
    relay_client: goplugin.Client,
) -> None:
    _, _, sync_bad_requests, _ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = sync_bad_requests(StringValue(value=str(service_id)))

    assert answer.value == "ValueError: no second request"


@pytest.mark.parametrize("mode", ["drop", "close"])
def test_a_sync_plugin_method_leaving_a_callbacks_stream_frees_the_hosts_side(
    relay_client: goplugin.Client, mark_dir: Path, mode: str
) -> None:
    """Dropping the response iterator unread cancels the call, as grpcio's does; closing the
    channel resets the calls still open on it (under TLS, the connection's close alone can
    take 30 s to reach the host)."""
    *_, sync_leave = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    answer = sync_leave(StringValue(value=f"{mode}:{service_id}"))

    assert answer.value == mode
    assert wait_for_mark(mark_dir) != [], "the host's Repeat('hold') was never closed"


def test_the_sync_dial_on_the_serving_loop_is_refused_naming_the_async_one(
    relay_client: goplugin.Client,
) -> None:
    through, *_ = relay_client.dispense("relay")
    service_id = kinds.serve_through(relay_client.broker, HostKinds())

    with pytest.raises(goplugin.RPCError) as caught:
        through(StringValue(value=f"sync-dial:{service_id}"))

    assert "plugin.adial_<service>(broker, id)" in str(caught.value)
    assert through(
        StringValue(value=f"all:{kinds.serve_through(relay_client.broker, HostKinds())}")
    )


# -- an async host ----------------------------------------------------------------------------


def run_async_host(body: object) -> str:
    async def main() -> str:
        async with goplugin.AsyncClient(
            handshake_config=HANDSHAKE, plugins={"relay": RelayPlugin}, cmd=PLUGIN
        ) as client:
            return await body(client)  # type: ignore[operator, no-any-return]

    return asyncio.run(main())


@pytest.mark.parametrize("impl", [AsyncHostKinds, HostKinds], ids=["async-callback", "sync"])
def test_an_async_hosts_callback_serves_every_kind_to_an_async_plugin_method(
    impl: type[kinds.KindsImpl] | type[kinds.AsyncKindsImpl],
) -> None:
    async def body(client: goplugin.AsyncClient) -> str:
        through, *_ = await client.dispense("relay")
        service_id = kinds.serve_through(client.broker, impl())
        missing = await through(StringValue(value=f"missing:{service_id}"))
        every = await through(
            StringValue(value=f"all:{kinds.serve_through(client.broker, impl())}")
        )
        return f"{every.value} / {missing.value}"

    answer = run_async_host(body)

    assert answer == f"{EVERY_KIND} / NotFoundError: the host has no 'missing'"


def test_an_async_host_dials_the_plugins_service_and_calls_every_kind() -> None:
    async def body(client: goplugin.AsyncClient) -> str:
        _, offer, *_ = await client.dispense("relay")
        service_id = int((await offer(StringValue())).value)
        channel = await client.broker.adial(service_id)
        try:
            return await call_every_kind(channel)
        finally:
            await channel.close()

    assert run_async_host(body) == EVERY_KIND


def test_an_async_host_giving_up_frees_its_async_callback_in_the_plugins_hands(
    mark_dir: Path,
) -> None:
    async def body(client: goplugin.AsyncClient) -> str:
        through, *_ = await client.dispense("relay")
        service_id = kinds.serve_through(client.broker, AsyncHostKinds())
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(through(StringValue(value=f"hold:{service_id}")), 1.0)
        marks = await asyncio.to_thread(wait_for_mark, mark_dir)
        return ",".join(marks)

    assert run_async_host(body) != "", "the host's async Repeat('hold') was never closed"


def test_an_async_dial_of_an_id_never_served_times_out_by_name() -> None:
    async def body(client: goplugin.AsyncClient) -> str:
        with pytest.raises(goplugin.BrokerError) as caught:
            await client.broker.adial(999, timeout=0.2)
        return str(caught.value)

    assert run_async_host(body) == (
        "timeout waiting for connection info for broker id 999 after 0.2s: "
        "the other side never served it"
    )
