"""How a gRPC server listens and a channel connects: in plaintext, or under the session's TLS.

A plugin session decides once how its connections are secured (plaintext, or TLS from AutoMTLS or
a user's configuration), and every connection of the session follows that decision: the main
one, and each one the broker opens either way. Host, plugin and broker therefore make their
servers listen and their channels connect only through a :class:`Transport`. This module is the
plaintext one and stays import-light; the TLS one (``goplugin.security.tls_transport``) loads
only when a session uses TLS.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from goplugin.plugin_process.listener import bind

if TYPE_CHECKING:  # grpcio loads only where a grpcio server or channel is made
    import grpc
    import grpc.aio


class Bound(Protocol):
    """Where a server listens, as announced to the other side, and how to stop listening there."""

    @property
    def network(self) -> str: ...

    @property
    def address(self) -> str: ...

    def remove(self) -> None: ...


class Transport:
    """Plaintext connections, as go-plugin makes them without AutoMTLS or a TLS config."""

    #: Whether connections are TLS: a plaintext peer and a TLS peer never understand each other.
    tls = False

    def listen(self, server: grpc.Server, network: str, env: Mapping[str, str]) -> Bound:
        """Make ``server`` listen as go-plugin's listener rules say (before ``server.start()``)."""
        return bind(server, network, env)

    def channel(self, target: str, options: Sequence[tuple[str, Any]]) -> grpc.Channel:
        """A grpcio channel to ``target`` (``unix:/path`` or ``host:port``)."""
        import grpc

        return grpc.insecure_channel(target, options=options)

    def aio_channel(
        self,
        target: str,
        options: Sequence[tuple[str, Any]],
        interceptors: Sequence[grpc.aio.ClientInterceptor] = (),
    ) -> grpc.aio.Channel:
        """The same connection for grpc.aio (``goplugin.AsyncClient``'s calls), with the
        host's grpc.aio interceptors (grpc.aio takes them only when a channel is made)."""
        import grpc.aio

        return grpc.aio.insecure_channel(
            target, options=options, interceptors=list(interceptors) or None
        )

    def failure(self) -> str | None:
        """Why the last TLS handshake failed, when grpcio cannot say (see ``tls_shim``)."""
        return None

    def remove_sockets(self) -> None:
        """Remove private socket files (open connections carry on): the first step of a
        shutdown, so a process cut short afterwards leaves nothing behind."""

    def close(self) -> None:
        """Release what the transport holds beyond its servers and channels."""


#: The transport of every session without TLS; it holds nothing, so one instance serves all.
PLAINTEXT = Transport()
