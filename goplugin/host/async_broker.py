"""The broker of an ``AsyncClient`` host: what it serves runs on the host's event loop.

go-plugin's bidirectional pattern has the host serve callbacks the plugin calls. A host written
with ``async def`` wants to serve them as ``async def`` too (``Async<Service>`` interfaces), which
grpcio's thread-pool servers cannot run. So an async host's brokered servers are grpclib's, on its
own loop, exactly as the plugin's grpclib core serves (sync implementations on a small pool),
while its dials stay grpcio's, like every other host connection: ``dial`` a sync channel,
``adial`` a grpc.aio one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from concurrent import futures
from typing import TYPE_CHECKING, Any

from goplugin.grpcio_core.broker import GrpcioBrokerCore
from goplugin.grpclib_core.broker import AioBrokerCore

if TYPE_CHECKING:
    from goplugin.broker import GRPCBroker, Served
    from goplugin.channel import AsyncChannel, Channel
    from goplugin.security.transport import Transport


class AsyncHostBrokerCore:
    """Brokered servers on ``loop`` (grpclib), dials through grpcio."""

    #: Dials are grpcio's: a sync one works (blocking) from the host's loop too.
    loop: asyncio.AbstractEventLoop | None = None

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        pool = futures.ThreadPoolExecutor(thread_name_prefix="goplugin-host-broker")
        self._servers = AioBrokerCore(loop, pool)
        self._dials = GrpcioBrokerCore()

    def serve(
        self,
        service_id: int,
        register: Callable[[Any], None],
        broker: GRPCBroker,
        transport: Transport,
        env: Mapping[str, str],
    ) -> Served:
        return self._servers.serve(service_id, register, broker, transport, env)

    def dial(self, network: str, address: str, transport: Transport) -> Channel:
        return self._dials.dial(network, address, transport)

    def adial(self, network: str, address: str, transport: Transport) -> AsyncChannel:
        return self._dials.adial(network, address, transport)
