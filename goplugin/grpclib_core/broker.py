"""The broker's servers and channels on the grpclib core's event loop.

A brokered id gets a grpclib server of its own on a fresh socket (bound by the main listener's
rules, secured as the main connection is, with the stdlib ``ssl``), served on the plugin's one
event loop with the same registry, bridge and fairness as the main server. A dial gives a
:class:`~goplugin.grpclib_core.loop_channel.LoopChannel` on that loop, an async dial an
:class:`~goplugin.grpclib_core.async_loop_channel.AsyncLoopChannel` on the loop awaiting it.
Serving and dialling work from the loop's thread or from any other: the socket listens before
the server is handed to the loop, so the address can be announced at once and the other side's
connection waits in the backlog.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from concurrent import futures
from typing import TYPE_CHECKING, Any

from goplugin.grpclib_core.registry import AioRegistry, Codec
from goplugin.plugin_process.listener import bind, default_network

if TYPE_CHECKING:
    from goplugin.broker import GRPCBroker
    from goplugin.grpclib_core.async_loop_channel import AsyncLoopChannel
    from goplugin.grpclib_core.loop_channel import LoopChannel
    from goplugin.grpclib_core.server import _Server
    from goplugin.security.transport import Bound, Transport

_STOP_GRACE_SECONDS = 0.5


class AioBrokerCore:
    """grpclib servers and channels on ``loop``; sync implementations run in ``pool``."""

    def __init__(self, loop: asyncio.AbstractEventLoop, pool: futures.Executor) -> None:
        self.loop: asyncio.AbstractEventLoop | None = loop
        self._loop = loop
        self._pool = pool

    def serve(
        self,
        service_id: int,
        register: Callable[[Any], None],
        broker: GRPCBroker,
        transport: Transport,
        env: Mapping[str, str],
    ) -> _Served:
        from goplugin.grpclib_core.server import _TLS, _Server, _Sockets

        registry = AioRegistry(self._pool, broker)
        register(registry)
        server = _Server([registry], codec=Codec())
        ports = _Sockets()
        listener = bind(ports, default_network(), env)  # type: ignore[arg-type]
        if transport.tls:
            tls: Any = transport
            server.tls = _TLS(tls.server_ssl_context(), listener.address, tls.log_refused)
        started = asyncio.run_coroutine_threadsafe(server.start(sock=ports.socket), self._loop)
        return _Served(self._loop, server, started, listener)

    def dial(self, network: str, address: str, transport: Transport) -> LoopChannel:
        # Here, not at the top: grpclib's client loads only in a plugin that dials its host.
        from goplugin.grpclib_core.loop_channel import LoopChannel

        if not transport.tls:
            return LoopChannel(self._loop, network, address)
        tls: Any = transport
        return LoopChannel(self._loop, network, address, tls.client_ssl_context(), tls.server_name)

    def adial(self, network: str, address: str, transport: Transport) -> AsyncLoopChannel:
        from goplugin.grpclib_core.async_loop_channel import AsyncLoopChannel
        from goplugin.grpclib_core.dialing import Target

        if not transport.tls:
            return AsyncLoopChannel(Target(network, address))
        tls: Any = transport
        return AsyncLoopChannel(Target(network, address, tls.client_ssl_context(), tls.server_name))


class _Served:
    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        server: _Server,
        started: futures.Future[None],
        listener: Bound,
    ) -> None:
        self._loop = loop
        self._server = server
        self._started = started
        self._listener = listener
        self.network = listener.network
        self.address = listener.address

    def stop(self) -> None:
        self._listener.remove()
        if not self._loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop is already gone
                asyncio.run_coroutine_threadsafe(self._close(), self._loop)

    async def _close(self) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wrap_future(self._started)
            self._server.close()
            await asyncio.wait_for(self._server.wait_closed(), _STOP_GRACE_SECONDS)
