"""GRPCPlugin: the one class a plugin author (or the generator) subclasses per service.

Like go-plugin's ``GRPCPlugin`` interface it has two halves: ``grpc_server`` runs in the plugin
process and registers the real implementation on the gRPC server; ``grpc_client`` runs in the
host and wraps the connection in an object with the same interface. The same class serves both
sides, which is why the implementation is optional: a host never has one.
"""

from __future__ import annotations

import abc
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goplugin.broker import GRPCBroker
    from goplugin.channel import AsyncChannel, Channel
    from goplugin.services import ServiceRegistry


class GRPCPlugin(abc.ABC):
    """A plugin kind that speaks gRPC, as go-plugin's ``plugin.GRPCPlugin``."""

    @abc.abstractmethod
    def grpc_server(self, broker: GRPCBroker, server: ServiceRegistry) -> None:
        """Register this plugin's services on ``server`` (plugin side).

        ``server.register(spec, handlers)`` serves a :class:`goplugin.ServiceSpec`; grpcio's
        ``server.add_generic_rpc_handlers(...)`` is still accepted from hand-written plugins.
        """

    @abc.abstractmethod
    def grpc_client(self, broker: GRPCBroker, channel: Channel) -> Any:
        """Return the host-side object that calls the plugin through ``channel``."""

    def grpc_async_client(self, broker: GRPCBroker, channel: AsyncChannel) -> Any:
        """Return the object an async host (``goplugin.AsyncClient``) calls the plugin through.

        Generated plugins return their ``Async<Service>GRPCClient``; a hand-written plugin
        without one is refused by name when an async host dispenses it.
        """
        raise TypeError(
            f"{type(self).__qualname__} has no async client: goplugin.AsyncClient needs "
            "grpc_async_client() (code generated before it existed: generate it again)"
        )


#: A plugin set: plugin name -> plugin, as go-plugin's ``PluginSet``.
PluginSet = Mapping[str, GRPCPlugin]
