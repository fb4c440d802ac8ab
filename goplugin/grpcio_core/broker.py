"""The broker's servers and channels on grpcio: a host's, and a plugin's on the grpcio core.

Each brokered id gets a grpcio server of its own (a small pool) on a fresh socket, bound by the
main listener's rules and secured as the session's main connection is; a dial opens a grpcio
channel, wrapped as a :class:`goplugin.Channel` (or a grpc.aio one, as a
:class:`goplugin.AsyncChannel`, for an async dial).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent import futures
from typing import TYPE_CHECKING, Any

import grpc

from goplugin.channels.grpc_options import aio_channel_options, sync_channel_options
from goplugin.constants import GRPC_MESSAGE_OPTIONS
from goplugin.grpcio_core.channel import GrpcioChannel
from goplugin.grpcio_core.registry import GrpcioRegistry
from goplugin.plugin_process.listener import default_network

if TYPE_CHECKING:
    import asyncio

    from goplugin.broker import GRPCBroker
    from goplugin.channels.async_channel import GrpcioAsyncChannel
    from goplugin.security.transport import Bound, Transport


class GrpcioBrokerCore:
    """grpcio servers and channels for a :class:`goplugin.GRPCBroker`."""

    #: grpcio's servers and channels run on their own threads, bound to no event loop.
    loop: asyncio.AbstractEventLoop | None = None

    def serve(
        self,
        service_id: int,
        register: Callable[[Any], None],
        broker: GRPCBroker,
        transport: Transport,
        env: Mapping[str, str],
    ) -> _Served:
        server = grpc.server(
            futures.ThreadPoolExecutor(thread_name_prefix=f"goplugin-broker-{service_id}"),
            options=GRPC_MESSAGE_OPTIONS,
        )
        register(GrpcioRegistry(server, broker))
        listener = transport.listen(server, default_network(), env)
        server.start()
        return _Served(server, listener)

    def dial(self, network: str, address: str, transport: Transport) -> GrpcioChannel:
        target = _target(network, address)
        return GrpcioChannel(transport.channel(target, sync_channel_options(GRPC_MESSAGE_OPTIONS)))

    def adial(self, network: str, address: str, transport: Transport) -> GrpcioAsyncChannel:
        # Here, not at the top: grpc.aio loads only in a process that dials asynchronously.
        from goplugin.channels.async_channel import GrpcioAsyncChannel

        options = aio_channel_options(GRPC_MESSAGE_OPTIONS)
        return GrpcioAsyncChannel(transport.aio_channel(_target(network, address), options))


def _target(network: str, address: str) -> str:
    """grpcio's name for an announced address."""
    return f"unix:{address}" if network == "unix" else address


class _Served:
    def __init__(self, server: grpc.Server, listener: Bound) -> None:
        self._server = server
        self._listener = listener
        self.network = listener.network
        self.address = listener.address

    def stop(self) -> None:
        self._server.stop(grace=None)
        self._listener.remove()
