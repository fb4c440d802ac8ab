"""GRPCBroker: extra gRPC connections between host and plugin, as go-plugin's ``GRPCBroker``.

A plugin that must call back into its host (or the reverse) cannot reuse the main connection,
which only goes one way. The broker lets one side serve a service on a fresh socket under a
numeric id and tell the other side, over the long-lived ``plugin.GRPCBroker/StartStream``
stream, where to dial it. Both sides run the same code; only who opened the stream differs.

This is go-plugin's classic broker (one listener per served id), which every go-plugin host and
plugin speaks unless both opt into multiplexing; the ``knock`` messages of the multiplexed
broker (go-plugin 1.6+) are not announcements and are ignored. The timeouts are go-plugin's:
``dial`` (and ``adial``, its async twin for code on an event loop) waits 5 s for the
announcement, and an announcement nobody dials within 5 s of its arrival is dropped.

Serving an id and dialling one are a serving core's business (:class:`BrokerCore`): grpcio's
servers and channels on a host and on the grpcio core (``goplugin.grpcio_core.broker``),
grpclib's on the grpclib core's event loop (``goplugin.grpclib_core.broker``). This module
imports neither gRPC library; the session's :class:`~goplugin.security.transport.Transport`
secures every brokered connection.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from goplugin._proto.grpc_broker_pb2 import ConnInfo
from goplugin.calls import current_call
from goplugin.errors import PluginError
from goplugin.security.transport import PLAINTEXT, Transport
from goplugin.services import ServiceSpec, stream_stream

if TYPE_CHECKING:
    import asyncio

    from goplugin.channel import AsyncChannel, Channel
    from goplugin.services import ServiceRegistry

#: How long ``dial`` waits for the other side to announce an id (go-plugin: 5 s).
DIAL_TIMEOUT_SECONDS = 5.0
#: How long an announcement waits to be dialled before it is dropped (go-plugin: 5 s).
ANNOUNCEMENT_LIFETIME_SECONDS = 5.0

_STREAM_END = None
_log = logging.getLogger("goplugin.broker")

SPEC = ServiceSpec("plugin.GRPCBroker", stream_stream("StartStream", ConnInfo, ConnInfo))


class Served(Protocol):
    """A brokered server: where it listens (announced to the other side), and its end."""

    @property
    def network(self) -> str: ...

    @property
    def address(self) -> str: ...

    def stop(self) -> None:
        """Stop serving and remove the socket (from any thread)."""


#: Why a sync dial (or a sync broker client's call) is refused on the serving core's loop.
SYNC_ON_SERVING_LOOP = (
    "a broker client's sync dial or call was made on the serving event loop, where it would wait "
    "for itself: in an async def method dial with plugin.adial_<service>(broker, id) (or await "
    "broker.adial(id)) and await its calls; sync clients work from sync implementation methods "
    "(which run in a thread) or threads of your own"
)


class BrokerCore(Protocol):
    """How one serving core serves a brokered id and dials an announced one."""

    #: The event loop its servers and sync calls run on, if one: a sync dial made there would
    #: block the very loop that brings the announcement, so it is refused.
    loop: asyncio.AbstractEventLoop | None

    def serve(
        self,
        service_id: int,
        register: Callable[[Any], None],
        broker: GRPCBroker,
        transport: Transport,
        env: Mapping[str, str],
    ) -> Served:
        """Serve what ``register`` adds, listening by go-plugin's listener rules in ``env``."""

    def dial(self, network: str, address: str, transport: Transport) -> Channel:
        """A channel to an announced ``unix`` or ``tcp`` address."""

    def adial(self, network: str, address: str, transport: Transport) -> AsyncChannel:
        """An async channel to it, for code on the running event loop (which it then uses)."""


class BrokerError(PluginError):
    """A broker connection could not be announced, found or dialled."""


class GRPCBroker:
    """One side of the broker stream: announces local servers, dials remote ones.

    ``transport`` secures every brokered server and channel as the session's main connection
    is secured. ``listen_env`` holds the listener settings (``PLUGIN_UNIX_SOCKET_DIR``,
    ``PLUGIN_UNIX_SOCKET_GROUP``, ``PLUGIN_MIN_PORT``/``PLUGIN_MAX_PORT``) that brokered
    listeners follow, the same rules as the plugin's main listener; by default this process's
    environment, which is what a plugin has. A host passes its own private socket folder.
    """

    def __init__(
        self,
        *,
        listen_env: Mapping[str, str] | None = None,
        transport: Transport = PLAINTEXT,
        core: BrokerCore | None = None,
    ) -> None:
        self._listen_env = listen_env
        # grpcio's servers and channels unless a serving core brings its own.
        self._core = core
        # How this session's servers listen and channels connect: plaintext, or its TLS.
        self._transport = transport
        self._lock = threading.Lock()
        self._next_id = 0
        self._outgoing: queue.SimpleQueue[ConnInfo | None] = queue.SimpleQueue()
        #: Announcements not dialled yet: id -> (where, when it arrived).
        self._announced: dict[int, tuple[ConnInfo, float]] = {}
        self._arrived = threading.Condition(self._lock)
        self._servers: dict[int, Served] = {}
        self._channels: weakref.WeakSet[Channel] = weakref.WeakSet()
        #: Async channels dialled, and the loop each runs on (closed there).
        self._async_channels: weakref.WeakKeyDictionary[AsyncChannel, asyncio.AbstractEventLoop] = (
            weakref.WeakKeyDictionary()
        )
        self._closed = False

    def next_id(self) -> int:
        """A fresh service id to pass to the other side in a request message."""
        with self._lock:
            self._next_id += 1
            return self._next_id

    def accept_and_serve(self, service_id: int, register: Callable[[Any], None]) -> None:
        """Serve the services ``register`` adds under ``service_id`` until the broker closes.

        ``register`` receives a registry: ``registry.register(spec, handlers)`` serves a
        :class:`goplugin.ServiceSpec` (calls see this broker as ``current_broker()``); grpcio's
        ``add_generic_rpc_handlers`` still works on it.

        Unlike go-plugin's ``AcceptAndServe`` it does not block: the server runs in the
        background once the other side has been told where to dial it.
        """
        with self._lock:
            if self._closed:
                raise BrokerError(f"cannot serve broker id {service_id}: the broker is closed")
            if service_id in self._servers:
                raise BrokerError(f"broker id {service_id} is already served on this side")
        env = os.environ if self._listen_env is None else self._listen_env
        served = self._get_core().serve(service_id, register, self, self._transport, env)
        with self._lock:
            self._servers[service_id] = served
        self._outgoing.put(
            ConnInfo(service_id=service_id, network=served.network, address=served.address)
        )

    def stop_serving(self, service_id: int) -> None:
        """Stop the server :meth:`accept_and_serve` started for ``service_id`` (if any)."""
        with self._lock:
            served = self._servers.pop(service_id, None)
        if served is not None:
            served.stop()

    def dial(self, service_id: int, timeout: float = DIAL_TIMEOUT_SECONDS) -> Channel:
        """A channel to the service the other side announced under ``service_id``.

        Waits up to ``timeout`` seconds for the announcement; each announcement is dialled once.
        """
        core = self._get_core()
        if core.loop is not None and _running_loop() is core.loop:
            raise RuntimeError(SYNC_ON_SERVING_LOOP)
        info = self._announcement(service_id, timeout)
        channel = core.dial(info.network, info.address, self._transport)
        self._channels.add(channel)
        return channel

    async def adial(self, service_id: int, timeout: float = DIAL_TIMEOUT_SECONDS) -> AsyncChannel:
        """:meth:`dial` for code on an event loop: awaits the announcement without blocking the
        loop, and gives an async channel whose calls are awaited on this loop.

        An ``async def`` implementation calls its host's brokered services through it (the sync
        channel of :meth:`dial` refuses calls made on the serving loop); a
        ``goplugin.AsyncClient`` host dials the plugin's through it.
        """
        import asyncio  # here, not at the top: a grpcio-core plugin never loads it

        info = await asyncio.to_thread(self._announcement, service_id, timeout)
        channel = self._get_core().adial(info.network, info.address, self._transport)
        with self._lock:
            if not self._closed:
                self._async_channels[channel] = asyncio.get_running_loop()
                return channel
        await channel.close()
        raise BrokerError(f"cannot dial broker id {service_id}: the broker is closed")

    def _announcement(self, service_id: int, timeout: float) -> ConnInfo:
        """Wait up to ``timeout`` seconds for ``service_id``'s announcement, and take it."""
        started = time.monotonic()
        deadline = started + timeout
        with self._arrived:
            while True:
                announced = self._announced.pop(service_id, None)
                # Taken whatever its age if it arrived while this dial waited, as in go-plugin.
                if announced is not None and (
                    announced[1] >= started or not _expired(announced[1], time.monotonic())
                ):
                    break
                if self._closed:
                    raise BrokerError(f"cannot dial broker id {service_id}: the broker is closed")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise BrokerError(
                        f"timeout waiting for connection info for broker id {service_id} "
                        f"after {timeout:g}s: the other side never served it"
                    )
                self._arrived.wait(remaining)
        info = announced[0]
        if info.network not in ("unix", "tcp"):
            raise BrokerError(
                f"unknown address type {info.network!r} for broker id {info.service_id}"
            )
        return info

    def close(self) -> None:
        """End the stream, stop every server this side served and close every dialled channel."""
        with self._arrived:
            if self._closed:
                return
            self._closed = True
            servers = list(self._servers.values())
            self._servers.clear()
            self._announced.clear()
            channels = list(self._channels)
            async_channels = list(self._async_channels.items())
            self._async_channels.clear()
            self._arrived.notify_all()
        self._outgoing.put(_STREAM_END)
        for served in servers:
            served.stop()
        for channel in channels:
            channel.close()
        for async_channel, loop in async_channels:
            # On its own loop; a loop that no longer runs took the connection with it.
            if loop.is_running():
                with contextlib.suppress(RuntimeError):  # closed meanwhile
                    _close_soon(async_channel, loop)

    def _get_core(self) -> BrokerCore:
        if self._core is None:
            from goplugin.grpcio_core.broker import GrpcioBrokerCore

            self._core = GrpcioBrokerCore()
        return self._core

    # -- the stream -----------------------------------------------------------------------------

    def receive(self, incoming: Iterable[ConnInfo]) -> None:
        """Record every announcement from the other side until its stream ends."""
        try:
            for info in incoming:
                if info.HasField("knock") and info.knock.knock:
                    continue  # the multiplexed broker's handshake, not an announcement
                with self._arrived:
                    now = time.monotonic()
                    self._drop_stale(now)
                    # Like go-plugin, a second announcement of a pending id is dropped.
                    self._announced.setdefault(info.service_id, (info, now))
                    self._arrived.notify_all()
        except Exception as error:  # the stream broke (the other side went away): no more ids
            _log.debug("broker stream ended: %r", error)

    def _drop_stale(self, now: float) -> None:
        stale = [id_ for id_, (_, arrived) in self._announced.items() if _expired(arrived, now)]
        for service_id in stale:
            del self._announced[service_id]

    def outgoing(self) -> Iterator[ConnInfo]:
        """Announcements to send to the other side, until :meth:`close`."""
        while (info := self._outgoing.get()) is not _STREAM_END:
            yield info

    # Plugin side: the host opens the stream, the plugin serves it.
    def start_stream(self, request_iterator: Iterator[ConnInfo]) -> Iterator[ConnInfo]:
        """The ``plugin.GRPCBroker/StartStream`` handler."""
        reader = threading.Thread(
            target=self.receive, args=(request_iterator,), name="goplugin-broker", daemon=True
        )
        reader.start()
        current_call().add_callback(lambda: self._outgoing.put(_STREAM_END))
        yield from self.outgoing()

    def register(self, server: ServiceRegistry) -> None:
        """Serve ``plugin.GRPCBroker`` on ``server`` (either serving core's registry)."""
        server.register(SPEC, {"StartStream": self.start_stream})

    def generic_handler(self) -> Any:
        """The service as a grpcio generic handler (for code that builds a grpcio server)."""
        from goplugin.grpcio_core.registry import generic_handler

        return generic_handler(SPEC, {"StartStream": self.start_stream})

    # Host side: the host opens the stream on its connection to the plugin (a grpcio channel).
    def connect(self, channel: Any) -> None:
        """Open the broker stream to the plugin and drain it in a background thread."""
        start_stream = channel.stream_stream(
            "/plugin.GRPCBroker/StartStream",
            request_serializer=ConnInfo.SerializeToString,
            response_deserializer=ConnInfo.FromString,
        )
        responses = start_stream(self.outgoing())
        threading.Thread(
            target=self.receive, args=(responses,), name="goplugin-broker", daemon=True
        ).start()


def _running_loop() -> asyncio.AbstractEventLoop | None:
    import asyncio

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def _close_soon(channel: AsyncChannel, loop: asyncio.AbstractEventLoop) -> None:
    import asyncio

    asyncio.run_coroutine_threadsafe(channel.close(), loop)


def _expired(arrived: float, now: float) -> bool:
    return now - arrived > ANNOUNCEMENT_LIFETIME_SECONDS
