"""AsyncClient: the host's handle on one plugin process, for code running on an event loop.

It is :class:`goplugin.Client` underneath (the same launch, handshake, AutoMTLS, broker, stdio
and kill), with what an event loop needs on top: every method that can wait is awaited and runs
the blocking part (launching, the handshake, killing) in a worker thread, so the loop keeps
serving other tasks; and plugin clients are dispensed over a grpc.aio channel, as the
``Async<Service>`` interfaces the generator writes (``async def`` for unary and
client-streaming RPCs, async iterators for server and bidirectional streams).

A separate class rather than async methods on ``Client``: none of ``Client``'s blocking
methods (``start``, ``ping``, ``kill``, a property that starts the plugin) is reachable by
mistake from a coroutine, and ``dispense`` can return the async interface under its plain name.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, TypeVar, overload

from grpc_health.v1 import health_pb2

from goplugin.channels.async_channel import GrpcioAsyncChannel
from goplugin.channels.client_interceptors import check_interceptors
from goplugin.channels.grpc_options import aio_channel_options
from goplugin.constants import HEALTH_SERVICE, KILL_GRACE_SECONDS
from goplugin.errors import PluginError, PluginStartError
from goplugin.host.client import Client, HostPluginSet, check_dispensed
from goplugin.services import ServiceSpec, unary_unary

if TYPE_CHECKING:
    from goplugin.broker import GRPCBroker
    from goplugin.handshake import HandshakeConfig
    from goplugin.host.reattach import ReattachConfig
    from goplugin.host.secure_config import SecureConfig
    from goplugin.plugin_process.listener import UnixSocketConfig
    from goplugin.security.tls import TLSConfig

_Interface = TypeVar("_Interface")

_HEALTH = ServiceSpec(
    "grpc.health.v1.Health",
    unary_unary("Check", health_pb2.HealthCheckRequest, health_pb2.HealthCheckResponse),
)


class AsyncClient:
    """Launches and talks to one plugin process from asyncio code. Single use, like ``Client``.

    Takes exactly ``goplugin.Client``'s arguments, with the same meaning::

        async with goplugin.AsyncClient(
            handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[sys.executable, "main.py"]
        ) as client:
            greeter = await client.dispense("greeter", AsyncGreeter)
            reply = await greeter.greet(GreetRequest(name="world"))
            async for reply in greeter.greet_stream(GreetRequest(name="world")):
                ...

    ``goplugin.call_options(timeout=...)`` gives the calls made inside it a gRPC deadline, which
    the plugin sees (``current_call().time_remaining()``) and which fails the call with
    :class:`goplugin.DeadlineExceededError`. Cancelling the task that awaits a call, or leaving
    an ``async for`` over a stream early, cancels the call on the plugin as well.

    ``interceptors`` are grpc.aio client interceptors (OpenTelemetry's
    ``aio_client_interceptors()``), run for the calls made through this client; go-plugin's own
    calls (stdio, broker, Shutdown) travel on the runtime's sync channel without them.
    ``grpc_dial_options`` apply to both channels (docs/interceptors.md).
    """

    def __init__(
        self,
        *,
        handshake_config: HandshakeConfig,
        cmd: Sequence[str] = (),
        plugins: HostPluginSet | None = None,
        versioned_plugins: Mapping[int, HostPluginSet] | None = None,
        start_timeout: float = 60.0,
        env: Mapping[str, str] | None = None,
        logger: logging.Logger | None = None,
        stderr: IO[str] | None = None,
        sync_stdout: IO[str] | None = None,
        sync_stderr: IO[str] | None = None,
        kill_grace: float = KILL_GRACE_SECONDS,
        unix_socket_config: UnixSocketConfig | None = None,
        auto_mtls: bool = True,
        tls_config: TLSConfig | None = None,
        skip_host_env: bool = False,
        secure_config: SecureConfig | None = None,
        reattach: ReattachConfig | None = None,
        grpc_dial_options: Sequence[tuple[str, Any]] = (),
        interceptors: Sequence[Any] = (),
    ) -> None:
        # grpc.aio interceptors, for the calls made through this client (docs/interceptors.md)
        self._interceptors = check_interceptors(interceptors, "AsyncClient", aio=True)
        self._client = Client(
            handshake_config=handshake_config,
            cmd=cmd,
            plugins=plugins,
            versioned_plugins=versioned_plugins,
            start_timeout=start_timeout,
            env=env,
            logger=logger,
            stderr=stderr,
            sync_stdout=sync_stdout,
            sync_stderr=sync_stderr,
            kill_grace=kill_grace,
            unix_socket_config=unix_socket_config,
            auto_mtls=auto_mtls,
            tls_config=tls_config,
            skip_host_env=skip_host_env,
            secure_config=secure_config,
            reattach=reattach,
            grpc_dial_options=grpc_dial_options,
        )
        self._start_timeout = start_timeout
        self._starting = asyncio.Lock()
        self._channel: GrpcioAsyncChannel | None = None
        self._killed = False

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> AsyncClient:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.kill()

    async def start(self) -> None:
        """Launch the plugin, complete the handshake and connect; a no-op once started."""
        async with self._starting:
            if self._killed:
                raise PluginError(
                    "this plugin client was killed; create a new AsyncClient to restart"
                )
            if self._channel is not None:
                self._client._raise_if_exited()
                return
            try:
                # Brokered servers (the host's callbacks) run on this loop, async ones included.
                from goplugin.host.async_broker import AsyncHostBrokerCore

                self._client._broker_core = AsyncHostBrokerCore(asyncio.get_running_loop())
                await asyncio.to_thread(self._client.start)
                self._channel = await self._connect()
            except asyncio.CancelledError:
                # The host gave up while the thread was still starting the plugin: kill() waits
                # for start() to end, in a thread of its own, so the plugin does not outlive us.
                self._killed = True
                asyncio.get_running_loop().run_in_executor(None, self._client.kill)
                raise
            except BaseException:
                self._killed = True
                await asyncio.to_thread(self._client.kill)
                raise

    async def _connect(self) -> GrpcioAsyncChannel:
        """A grpc.aio channel to the plugin over the session's transport (TLS included)."""
        client = self._client
        assert client._handshake is not None
        channel = client._transport.aio_channel(
            client._handshake.target,
            aio_channel_options(client._channel_options),
            self._interceptors,
        )
        try:
            # The sync channel reached the plugin already: this only fails if it went away.
            await asyncio.wait_for(channel.channel_ready(), self._start_timeout)
        except BaseException as error:
            await channel.close(None)
            if isinstance(error, TimeoutError):
                raise PluginStartError(
                    f"could not connect the async channel to the plugin at {client.address}",
                    stderr_tail=client.stderr_tail(),
                ) from None
            raise
        # With interceptors every call must pass through them, so streams stay on grpc.aio.
        reader = None if self._interceptors else client._raw_channel
        return GrpcioAsyncChannel(channel, client._diagnose, stream_reader=reader)

    async def kill(self) -> None:
        """Ask the plugin to shut down, wait ``kill_grace`` seconds, then SIGKILL it.

        Idempotent; returns once the process is gone and its socket and temp dir removed.
        Calls still running end with an error (:class:`goplugin.UnavailableError`).
        """
        async with self._starting:
            self._killed = True
            channel, self._channel = self._channel, None
        await asyncio.to_thread(self._client.kill)
        if channel is not None:
            await channel.close()

    # -- what hosts use ----------------------------------------------------------------------

    @overload
    async def dispense(self, name: str) -> Any: ...

    # ``| None`` for the reason Client.dispense gives (python/mypy#4717).
    @overload
    async def dispense(self, name: str, interface: type[_Interface] | None) -> _Interface: ...

    async def dispense(self, name: str, interface: type[Any] | None = None) -> Any:
        """The named plugin's async client, for the negotiated version (starts the plugin).

        ``await client.dispense("greeter", AsyncGreeter)`` is typed ``AsyncGreeter``, and raises
        a ``TypeError`` at once if the plugin set gives anything else.
        """
        channel = await self._connected()
        plugin = self._client._plugin_named(name)
        dispensed = plugin.grpc_async_client(self._client._broker, channel)
        check_dispensed(name, plugin, "grpc_async_client", dispensed, interface)
        return dispensed

    async def ping(self) -> None:
        """Check the plugin's health service; raises a :class:`PluginError` if it is not serving."""
        check = (await self._connected()).method(_HEALTH, "Check")
        request = health_pb2.HealthCheckRequest(service=HEALTH_SERVICE)
        reply = await check(request, timeout=10.0)
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            status = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            raise PluginError(f"plugin health check: {status}")

    async def _connected(self) -> GrpcioAsyncChannel:
        await self.start()
        assert self._channel is not None
        return self._channel

    @property
    def channel(self) -> GrpcioAsyncChannel:
        """The async channel to the plugin, for hand-written clients (after ``start()``)."""
        if self._channel is None:
            raise PluginError(self._not_started("channel"))
        return self._channel

    @property
    def broker(self) -> GRPCBroker:
        """The GRPCBroker to this plugin (after ``start()``): its servers run on this client's
        event loop, so ``async def`` implementations serve the plugin; ``await
        broker.adial(id)`` dials the plugin's without blocking the loop."""
        return self._started("broker").broker

    @property
    def negotiated_version(self) -> int:
        """The app protocol version the plugin chose (after ``start()``)."""
        return self._started("negotiated_version").negotiated_version

    @property
    def address(self) -> str:
        """Where the plugin listens: a unix socket path or ``127.0.0.1:port`` (after start)."""
        return self._started("address").address

    @property
    def exited(self) -> bool:
        """Whether the plugin process has exited (and been reaped)."""
        return self._client.exited

    @property
    def pid(self) -> int | None:
        return self._client.pid

    @property
    def returncode(self) -> int | None:
        return self._client.returncode

    def stderr_tail(self) -> tuple[str, ...]:
        """The plugin's last stderr lines, as quoted in error messages."""
        return self._client.stderr_tail()

    def _started(self, what: str) -> Client:
        """The started ``Client``: its properties would otherwise start it, blocking the loop."""
        if self._channel is None:
            raise PluginError(self._not_started(what))
        return self._client

    def _not_started(self, what: str) -> str:
        if self._killed:
            return f"AsyncClient.{what}: this plugin client was killed"
        return f"AsyncClient.{what}: the plugin is not started yet (await client.start() first)"


__all__ = ["AsyncClient"]
