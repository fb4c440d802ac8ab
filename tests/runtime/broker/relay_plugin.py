"""A plugin whose ``async def`` methods use the broker both ways (tests/runtime/broker).

``Relay.Through("MODE:ID")`` dials the Kinds service (``tests/runtime/plugins/kinds.py``) its
host serves under broker id ``ID`` with ``await broker.adial(ID)`` and calls it:

- ``all``: each of the four RPC kinds once, answered as ``upper|repeat|join|shout``;
- ``missing``: ``Upper("missing")``, which the host's service fails with NOT_FOUND, answered as
  the typed error the plugin caught;
- ``hold``: reads ``Repeat("hold")`` until the host cancels this call;
- ``leave``: stops reading ``Repeat("hold")`` after its first message (``break``) and keeps the
  channel open: only the abandoned response stream can free the host's side;
- ``bad-requests``: a ``Shout`` whose request iterator fails after one message, answered as the
  error the plugin caught;
- ``sync-dial``: the sync ``broker.dial`` instead, which is refused on the serving loop.

``Relay.Offer`` serves the plugin's own async Kinds through the broker and answers the id, for
the host to ``adial``. ``Relay.SyncBadRequests("ID")`` is ``bad-requests`` from a sync method,
through the sync ``broker.dial``; ``Relay.SyncLeave("MODE:ID")`` reads the first message of
``Repeat("hold")`` there and then ``drop``s the response iterator (the channel kept open) or
``close``s the channel (the iterator kept).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Iterator

from google.protobuf.wrappers_pb2 import StringValue

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins import kinds

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="RELAY_PLUGIN", magic_cookie_value="relay"
)

SERVICE = goplugin.ServiceSpec(
    "pyplugintest.Relay",
    goplugin.unary_unary("Through", StringValue, StringValue),
    goplugin.unary_unary("Offer", StringValue, StringValue),
    goplugin.unary_unary("SyncBadRequests", StringValue, StringValue),
    goplugin.unary_unary("SyncLeave", StringValue, StringValue),
)

#: What ``SyncLeave`` keeps, so that only the step it tests can free the host's stream.
KEPT: list[object] = []


class RelayImpl:
    async def through(self, request: StringValue) -> StringValue:
        mode, _, service_id = request.value.partition(":")
        broker = goplugin.current_broker()
        if mode == "sync-dial":
            return StringValue(value=kinds.KindsClient(broker.dial(int(service_id))).upper("x"))
        channel = await broker.adial(int(service_id))
        if mode == "leave":
            KEPT.append(channel)  # closing it cannot be what frees the host's stream
            async for _ in channel.method(kinds.SERVICE, "Repeat")(StringValue(value="hold")):
                break
            return StringValue(value="left")
        try:
            return StringValue(value=await _use(channel, mode))
        finally:
            await channel.close()

    def sync_bad_requests(self, request: StringValue) -> StringValue:
        channel = goplugin.current_broker().dial(int(request.value))

        def failing() -> Iterator[StringValue]:
            yield StringValue(value="one")
            raise ValueError("no second request")

        try:
            for _ in channel.method(kinds.SERVICE, "Shout")(failing()):
                pass
        except ValueError as error:
            return StringValue(value=f"ValueError: {error}")
        finally:
            channel.close()
        return StringValue(value="no error")

    def sync_leave(self, request: StringValue) -> StringValue:
        mode, _, service_id = request.value.partition(":")
        channel = goplugin.current_broker().dial(int(service_id))
        responses = channel.method(kinds.SERVICE, "Repeat")(StringValue(value="hold"))
        next(responses)
        if mode == "close":
            KEPT.append(responses)
            channel.close()
        else:
            KEPT.append(channel)
            del responses
        return StringValue(value=mode)

    async def offer(self, request: StringValue) -> StringValue:
        service_id = kinds.serve_through(goplugin.current_broker(), kinds.AsyncKindsImpl())
        return StringValue(value=str(service_id))


async def _use(channel: goplugin.AsyncChannel, mode: str) -> str:
    upper = channel.method(kinds.SERVICE, "Upper")
    repeat = channel.method(kinds.SERVICE, "Repeat")
    if mode == "missing":
        try:
            await upper(StringValue(value="missing"))
        except goplugin.NotFoundError as error:
            return f"{type(error).__name__}: {error.details}"
        return "no error"
    if mode == "bad-requests":

        async def failing() -> AsyncIterator[StringValue]:
            yield StringValue(value="one")
            raise ValueError("no second request")

        try:
            async for _ in channel.method(kinds.SERVICE, "Shout")(failing()):
                pass
        except ValueError as error:
            return f"ValueError: {error}"
        return "no error"
    if mode == "hold":
        async for _ in repeat(StringValue(value="hold")):
            await asyncio.sleep(60)  # until the host cancels this call
        return "the hold ended"
    return await call_every_kind(channel)


async def call_every_kind(channel: goplugin.AsyncChannel) -> str:
    """The four kinds once each, on any async channel to a Kinds service."""
    upper = channel.method(kinds.SERVICE, "Upper")
    repeat = channel.method(kinds.SERVICE, "Repeat")
    join = channel.method(kinds.SERVICE, "Join")
    shout = channel.method(kinds.SERVICE, "Shout")

    async def texts(*values: str) -> AsyncIterator[StringValue]:
        for value in values:
            yield StringValue(value=value)

    answers = [
        (await upper(StringValue(value="hi"))).value,
        ",".join([m.value async for m in repeat(StringValue(value="2"))]),
        (await join(texts("a", "b", "c"))).value,
        ",".join([m.value async for m in shout([StringValue(value="p"), StringValue(value="q")])]),
    ]
    return "|".join(answers)


class RelayPlugin(goplugin.GRPCPlugin):
    def __init__(self, impl: RelayImpl | None = None) -> None:
        self._impl = impl

    def grpc_server(self, broker: goplugin.GRPCBroker, server: goplugin.ServiceRegistry) -> None:
        assert self._impl is not None
        impl = self._impl
        server.register(
            SERVICE,
            {
                "Through": impl.through,
                "Offer": impl.offer,
                "SyncBadRequests": impl.sync_bad_requests,
                "SyncLeave": impl.sync_leave,
            },
        )

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: goplugin.Channel) -> object:
        return tuple(channel.method(SERVICE, method.name) for method in SERVICE.methods)

    def grpc_async_client(
        self, broker: goplugin.GRPCBroker, channel: goplugin.AsyncChannel
    ) -> object:
        return tuple(channel.method(SERVICE, method.name) for method in SERVICE.methods)


if __name__ == "__main__":
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"relay": RelayPlugin(RelayImpl())})
