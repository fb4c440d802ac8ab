"""A plugin kind declared with goplugin's registration API (``ServiceSpec``), all four RPC kinds.

It names no gRPC library, as generated code does not: the plugin registers plain callables
with ``server.register`` and the host calls through ``channel.method``. ``KindsImpl`` is the
implementation (``kinds_plugin.py`` serves it); ``Upper`` also reports what
``goplugin.current_call()`` and ``goplugin.current_broker()`` saw, or what the grpclib core holds
(``_inspected``: streams, reads its lean reader took); for ``bounded``, async only, whether
``asyncio.timeout()`` works in it. ``Repeat`` of ``hold`` (and, async only, ``Upper`` of it)
sends one message and then waits for the host to go away, leaving a file behind once its
generator has been closed (the plugin freed the stream).
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any

from google.protobuf.wrappers_pb2 import StringValue

import goplugin

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="KINDS_PLUGIN", magic_cookie_value="kinds"
)

SERVICE = goplugin.ServiceSpec(
    "pyplugintest.Kinds",
    goplugin.unary_unary("Upper", StringValue, StringValue),
    goplugin.unary_stream("Repeat", StringValue, StringValue),
    goplugin.stream_unary("Join", StringValue, StringValue),
    goplugin.stream_stream("Shout", StringValue, StringValue),
)

#: Where ``Repeat("hold")`` leaves its "freed" file (the host's temp dir, via the environment).
MARK_DIR_ENV = "KINDS_MARK_DIR"


class KindsImpl:
    def upper(self, request: StringValue) -> StringValue:
        text = request.value
        if text == "release":
            self.release()
        text = _inspected(text)
        if text == "whoami":
            call = goplugin.current_call()
            metadata = dict(call.invocation_metadata())
            remaining = call.time_remaining()
            goplugin.current_broker()  # raises outside a call served with a broker
            deadline = remaining is not None and remaining < 3600  # grpcio: huge when none
            text = f"user={metadata.get('x-user', '')} deadline={deadline}"
        return StringValue(value=text.upper())

    def repeat(self, request: StringValue) -> Iterator[StringValue]:
        if request.value == "hold":
            yield from _hold()
            return
        if request.value.startswith("gate:"):
            yield from self._gated(request.value)
            return
        for i in range(int(request.value)):
            yield StringValue(value=f"message {i}")

    def join(self, requests: Iterator[StringValue]) -> StringValue:
        return StringValue(value="+".join(r.value for r in requests))

    _gate = threading.Condition()
    _released = False

    def _gated(self, text: str) -> Iterator[StringValue]:
        """``gate:N``: say "arrived", wait for ``Upper("release")``, then send N messages."""
        yield StringValue(value="arrived")
        with self._gate:
            self._gate.wait_for(lambda: KindsImpl._released, timeout=60)
        for i in range(int(text.removeprefix("gate:"))):
            yield StringValue(value=f"message {i}")

    def release(self) -> None:
        with self._gate:
            KindsImpl._released = True
            self._gate.notify_all()

    def shout(self, requests: Iterator[StringValue]) -> Iterator[StringValue]:
        for request in requests:
            yield StringValue(value=request.value.upper() + "!")


class AsyncKindsImpl:
    """The same service as ``async def`` methods: they run on the serving core's event loop."""

    def __init__(self) -> None:
        self._released = asyncio.Event()

    async def upper(self, request: StringValue) -> StringValue:
        text = request.value
        if text == "release":
            self._released.set()
        if text == "bounded":
            text = await _bounded()
        if text == "hold":
            try:
                await asyncio.sleep(60)
            finally:
                _mark_freed()
        text = _inspected(text)
        if text == "whoami":
            call = goplugin.current_call()
            metadata = dict(call.invocation_metadata())
            remaining = call.time_remaining()
            goplugin.current_broker()
            deadline = remaining is not None and remaining < 3600
            text = f"user={metadata.get('x-user', '')} deadline={deadline} async"
        if not text.startswith("now:"):  # else answered in the task's first step, whole
            await asyncio.sleep(0)
        return StringValue(value=text.upper())

    async def repeat(self, request: StringValue) -> AsyncIterator[StringValue]:
        if request.value == "hold":
            try:
                yield StringValue(value="holding")
                await asyncio.sleep(60)
            finally:
                _mark_freed()
            return
        count = request.value
        if count.startswith("gate:"):
            yield StringValue(value="arrived")
            await asyncio.wait_for(self._released.wait(), 60)
            count = count.removeprefix("gate:")
        for i in range(int(count)):
            yield StringValue(value=f"message {i}")

    async def join(self, requests: AsyncIterator[StringValue]) -> StringValue:
        return StringValue(value="+".join([r.value async for r in requests]))

    async def shout(self, requests: AsyncIterator[StringValue]) -> AsyncIterator[StringValue]:
        async for request in requests:
            yield StringValue(value=request.value.upper() + "!")


async def _bounded() -> str:
    """What ``asyncio.timeout()`` and ``TaskGroup`` say in this task (both need the current
    task from the first line on)."""
    try:
        async with asyncio.timeout(0.01), asyncio.TaskGroup() as group:
            group.create_task(asyncio.sleep(10))
    except TimeoutError:
        return "timed out in a task group"
    return "not bounded"


def _inspected(text: str) -> str:
    """``text``, or for a command what the plugin's grpclib core holds: ``h2-streams``, the
    HTTP/2 streams its connections hold (the asking call's included; a stream whose end h2
    never learnt of stays among them); ``grpclib-streams``, the streams grpclib holds;
    ``reads-taken``, the reads the lean reader took past h2; ``big:N``, N letters."""
    import gc

    if text.startswith("big:"):
        return "b" * int(text.removeprefix("big:"))
    if text not in ("h2-streams", "grpclib-streams", "reads-taken"):
        return text
    from grpclib.protocol import EventsProcessor
    from h2.connection import H2Connection

    from goplugin.grpclib_core.lean.reads import LeanReads

    counted = {"h2-streams": H2Connection, "grpclib-streams": EventsProcessor}
    objects = gc.get_objects()
    if text == "reads-taken":
        return str(sum(o.taken for o in objects if isinstance(o, LeanReads)))
    return str(sum(len(o.streams) for o in objects if isinstance(o, counted[text])))


def _mark_freed() -> None:
    mark = os.path.join(os.environ[MARK_DIR_ENV], f"freed-{os.getpid()}")
    with open(mark, "w") as file:
        file.write("freed")


def _hold() -> Iterator[StringValue]:
    call = goplugin.current_call()
    stopped = threading.Event()
    call.add_callback(stopped.set)
    try:
        yield StringValue(value="holding")
        stopped.wait(30)
    finally:
        _mark_freed()


class KindsClient:
    """What the host's ``dispense("kinds")`` returns."""

    def __init__(self, channel: goplugin.Channel) -> None:
        self._upper = channel.method(SERVICE, "Upper")
        self._repeat = channel.method(SERVICE, "Repeat")
        self._join = channel.method(SERVICE, "Join")
        self._shout = channel.method(SERVICE, "Shout")

    def upper(self, text: str) -> str:
        return str(self._upper(StringValue(value=text)).value)

    def repeat(self, text: str) -> Any:
        return self._repeat(StringValue(value=text))

    def join(self, texts: Iterable[str]) -> str:
        return str(self._join(StringValue(value=t) for t in texts).value)

    def shout(self, texts: Iterable[str]) -> list[str]:
        return [r.value for r in self._shout(StringValue(value=t) for t in texts)]


def handlers(impl: KindsImpl | AsyncKindsImpl) -> dict[str, Any]:
    """``impl``'s methods by RPC name, as ``register`` takes them."""
    return {"Upper": impl.upper, "Repeat": impl.repeat, "Join": impl.join, "Shout": impl.shout}


def serve_through(broker: goplugin.GRPCBroker, impl: KindsImpl | AsyncKindsImpl) -> int:
    """Serve ``impl`` to the other side through ``broker``; the id to send it."""
    service_id = broker.next_id()
    broker.accept_and_serve(service_id, lambda registry: registry.register(SERVICE, handlers(impl)))
    return service_id


class KindsPlugin(goplugin.GRPCPlugin):
    def __init__(self, impl: KindsImpl | AsyncKindsImpl | None = None) -> None:
        self._impl = impl

    def grpc_server(self, broker: goplugin.GRPCBroker, server: goplugin.ServiceRegistry) -> None:
        assert self._impl is not None
        server.register(SERVICE, handlers(self._impl))

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: goplugin.Channel) -> KindsClient:
        return KindsClient(channel)
