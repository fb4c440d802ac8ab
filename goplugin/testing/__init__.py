"""In-process plugin/host pairs for unit tests, as go-plugin's ``testing.go`` gives Go users.

A unit test of a plugin's implementation (or of host code against it) wants the real gRPC path
(serialization, status codes, the broker) without a subprocess to launch, wait for and reap.
:func:`plugin_pair` serves a plugin set on a private unix socket inside this process and hands
back a :class:`PairClient` with the host side of :class:`goplugin.Client`'s API: ``dispense``,
``broker``, ``ping``. Errors reach the test as the same :class:`goplugin.PluginError` subclasses
a real host sees. For fixtures that start a real plugin command, see
:mod:`goplugin.testing.pytest_plugin`.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from concurrent import futures
from typing import TYPE_CHECKING, Any, TypeVar, overload

import grpc
from grpc_health.v1 import health_pb2

from goplugin.broker import GRPCBroker
from goplugin.channels.client_channel import intercepted
from goplugin.constants import ENV_UNIX_SOCKET_DIR, GRPC_MESSAGE_OPTIONS, HEALTH_SERVICE
from goplugin.errors import PluginError, UnknownPluginError, rpc_error_for
from goplugin.grpcio_core.registry import GrpcioRegistry
from goplugin.plugin import PluginSet
from goplugin.plugin_process.health import SERVING, HealthService
from goplugin.plugin_process.listener import bind
from goplugin.plugin_process.server import RESERVED_SERVICES

if TYPE_CHECKING:
    from goplugin.channel import Channel
    from goplugin.host.client import HostPluginSet

_Interface = TypeVar("_Interface")

#: How long the pair waits for its own in-process server to accept the connection.
_READY_SECONDS = 10.0


class PairClient:
    """The host half of an in-process pair: what ``goplugin.Client`` offers once started."""

    def __init__(
        self, plugins: HostPluginSet, channel: Channel, broker: GRPCBroker, address: str
    ) -> None:
        self._plugins = plugins
        self._address = address
        self._channel = channel
        self._broker = broker

    @overload
    def dispense(self, name: str) -> Any: ...

    @overload
    def dispense(self, name: str, interface: type[_Interface] | None) -> _Interface: ...

    def dispense(self, name: str, interface: type[Any] | None = None) -> Any:
        """The named plugin's host-side object, as ``goplugin.Client.dispense`` returns it."""
        plugin = self._plugins.get(name)
        if plugin is None:
            known = ", ".join(sorted(self._plugins)) or "none"
            raise UnknownPluginError(f"unknown plugin type: {name!r} (plugins: {known})")
        instance = plugin() if isinstance(plugin, type) else plugin
        dispensed = instance.grpc_client(self._broker, self._channel)
        if interface is not None and not isinstance(dispensed, interface):
            raise TypeError(
                f"plugin {name!r}: {type(instance).__qualname__}.grpc_client returned a "
                f"{type(dispensed).__qualname__}, not an instance of {interface.__qualname__}"
            )
        return dispensed

    @property
    def broker(self) -> GRPCBroker:
        """The host's broker: serve host services to the plugin, dial the plugin's."""
        return self._broker

    @property
    def address(self) -> str:
        """The unix socket the in-process plugin server listens on."""
        return self._address

    @property
    def channel(self) -> Channel:
        """The connection to the in-process plugin server (go-plugin's ``TestGRPCConn``)."""
        return self._channel

    def ping(self) -> None:
        """Check the health service, as ``goplugin.Client.ping`` does."""
        check = self._channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=health_pb2.HealthCheckRequest.SerializeToString,
            response_deserializer=health_pb2.HealthCheckResponse.FromString,
        )
        reply = check(health_pb2.HealthCheckRequest(service=HEALTH_SERVICE), timeout=10.0)
        if reply.status != health_pb2.HealthCheckResponse.SERVING:
            raise PluginError("plugin health check: not serving")


@contextlib.contextmanager
def plugin_pair(
    plugins: PluginSet,
    host_plugins: HostPluginSet | None = None,
    *,
    max_workers: int | None = None,
) -> Iterator[PairClient]:
    """Serve ``plugins`` in this process and yield a host-side client connected to them.

    ``plugins`` carry their implementations (the plugin side); ``host_plugins`` is the host's
    set, by default the same objects (one ``GRPCPlugin`` class serves both halves). The pair
    talks plaintext gRPC over a unix socket in a private folder, broker included; leaving the
    ``with`` block stops both sides and removes the folder.
    """
    folder = tempfile.mkdtemp(prefix="goplugin-pair")
    listen_env = {ENV_UNIX_SOCKET_DIR: folder}
    executor = futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="pair-rpc")
    server = grpc.server(executor, options=GRPC_MESSAGE_OPTIONS)
    plugin_broker = GRPCBroker(listen_env=listen_env)
    host_broker = GRPCBroker(listen_env=listen_env)
    health = HealthService()
    channel: grpc.Channel | None = None
    try:
        for name in ("", HEALTH_SERVICE):
            health.set(name, SERVING)
        server.add_generic_rpc_handlers((health.generic_handler(), plugin_broker.generic_handler()))
        registry = GrpcioRegistry(server, plugin_broker, RESERVED_SERVICES)
        for plugin in plugins.values():
            plugin.grpc_server(plugin_broker, registry)
        listener = bind(server, "unix", listen_env)
        server.start()
        channel = grpc.insecure_channel(f"unix:{listener.address}", options=GRPC_MESSAGE_OPTIONS)
        grpc.channel_ready_future(channel).result(timeout=_READY_SECONDS)
        host_broker.connect(channel)
        wrapped = intercepted(channel, _as_plugin_error)
        host_set = plugins if host_plugins is None else host_plugins
        yield PairClient(host_set, wrapped, host_broker, listener.address)
    finally:
        host_broker.close()
        plugin_broker.close()
        if channel is not None:
            channel.close()
        health.close()
        server.stop(grace=None).wait()
        executor.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)


def _as_plugin_error(error: grpc.RpcError, method: str) -> PluginError:
    """No process to inspect here: a failed call is its status, as a real host reports it."""
    code: grpc.StatusCode = error.code()
    return rpc_error_for(code, error.details() or "")


__all__ = ["PairClient", "plugin_pair"]
