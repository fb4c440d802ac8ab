"""A plugin process served by grpclib: one event loop, every call and stream a task on it.

The same steps as the grpcio core (``server.py``) in the same order: register the runtime's
services and the plugins', listen as go-plugin's listener rules say, print the handshake line,
serve until ``Shutdown`` or SIGTERM, then stop within the host's grace period. Open streams hold
no thread here, so any number of them progress together and unary calls never queue behind
them. TLS (AutoMTLS or a ``tls_provider``) is the stdlib ``ssl`` module's, which verifies
go-plugin's P-521 certificates itself: no forwarding shim.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from concurrent import futures
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from grpclib.protocol import AbstractHandler, H2Protocol
from grpclib.server import Handler, Server
from h2.settings import SettingCodes

from goplugin._proto.grpc_controller_pb2 import Empty as ControllerEmpty
from goplugin.broker import GRPCBroker
from goplugin.constants import ENV_MULTIPLEX_GRPC, HEALTH_SERVICE, PROTOCOL_GRPC
from goplugin.grpclib_core.broker import AioBrokerCore
from goplugin.grpclib_core.lean.header_blocks import decode_repeating_blocks_once
from goplugin.grpclib_core.lean.reads import LeanReads
from goplugin.grpclib_core.lean.unary import LeanHandler, UnaryMethods
from goplugin.grpclib_core.registry import AioRegistry, Codec
from goplugin.handshake import HandshakeLine
from goplugin.interceptors import AnyServerInterceptor
from goplugin.plugin import PluginSet
from goplugin.plugin_process.health import SERVICE_NAME as HEALTH_SERVICE_NAME
from goplugin.plugin_process.health import SERVING, HealthService
from goplugin.plugin_process.listener import ListenError, bind
from goplugin.plugin_process.reflection import METHODS as REFLECTION_METHODS
from goplugin.plugin_process.reflection import LazyReflection
from goplugin.plugin_process.server import close_side_services
from goplugin.plugin_process.stdio import StdioHub, capture_process_stdout
from goplugin.security.transport import PLAINTEXT, Transport
from goplugin.services import ServiceSpec, unary_unary

if TYPE_CHECKING:
    import ssl

    from goplugin.security.transport import Bound

_STOP_GRACE_SECONDS = 0.5
_STDIO_FLUSH_SECONDS = 0.5
#: Threads for sync implementation code; made on demand, held only while user code runs (or a
#: sync generator waits for a slow reader), so the bound only caps a pathological load.
DEFAULT_BRIDGE_THREADS = 1024

_CONTROLLER = ServiceSpec(
    "plugin.GRPCController", unary_unary("Shutdown", ControllerEmpty, ControllerEmpty)
)


class AioPluginServer:
    """One serving plugin process on grpclib (``debug``: started by hand, see debug_server)."""

    def __init__(
        self,
        plugins: PluginSet,
        max_workers: int | None,
        transport: Transport | None,
        reserved: frozenset[str],
        *,
        debug: bool = False,
        interceptors: tuple[AnyServerInterceptor, ...] = (),
    ) -> None:
        self._plugins = plugins
        self._interceptors = interceptors
        self._transport = transport or PLAINTEXT
        self._pool = futures.ThreadPoolExecutor(
            max_workers=max_workers or DEFAULT_BRIDGE_THREADS, thread_name_prefix="goplugin-rpc"
        )
        # In debug mode stdout stays on the terminal: nothing is captured, the stream is empty.
        self._capture = None if debug else capture_process_stdout()
        self._stdio = StdioHub(raw_stderr_fd=2) if self._capture is None else self._capture.hub
        self._health = HealthService()
        self._reserved = reserved
        self._stop: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def run(self, network: str, version: int, cert_field: str) -> NoReturn:
        """Serve until Shutdown or SIGTERM, then exit (status 1 if listening failed)."""
        assert self._capture is not None
        handshake_fd = self._capture.handshake_fd

        def announce(bound_network: str, address: str) -> None:
            line = HandshakeLine(
                version,
                bound_network,
                address,
                PROTOCOL_GRPC,
                cert_field,
                multiplex=False if os.environ.get(ENV_MULTIPLEX_GRPC) else None,
            )
            self._stdio.hold_for_host()
            os.write(handshake_fd, line.format().encode())

        self._run(network, announce)

    def run_debug(self, network: str, version: int, announce: Announce) -> NoReturn:
        """Debug mode: ``announce`` prints the reattach config; Ctrl-C stops the plugin too."""
        self._run(network, announce)

    def _run(self, network: str, announce: Announce) -> NoReturn:
        try:
            asyncio.run(self._main(network, announce))
        except ListenError as error:
            sys.stderr.write(f"plugin failed to start: {error}\n")
            sys.exit(1)
        sys.exit(0)

    async def _main(self, network: str, announce: Announce) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        self._broker = GRPCBroker(
            transport=self._transport, core=AioBrokerCore(self._loop, self._pool)
        )
        registry = AioRegistry(self._pool, self._broker, interceptors=self._interceptors)
        self._register_builtin_services(registry)
        registry.names.clear()  # reflection lists go-plugin's services itself
        registry.reserved = self._reserved
        for plugin in self._plugins.values():
            plugin.grpc_server(self._broker, registry)
        reflection = LazyReflection([*registry.names, HEALTH_SERVICE_NAME])
        for path in REFLECTION_METHODS:
            registry.add_lazy_stream_stream(path, reflection)
        server = _Server([registry], codec=Codec())
        server.unary = registry.unary
        ports = _Sockets()
        listener = bind(ports, network, os.environ)  # type: ignore[arg-type]
        if self._transport.tls:
            tls: Any = self._transport
            server.tls = _TLS(tls.server_ssl_context(), listener.address, tls.log_refused)
        await server.start(sock=ports.socket)
        self._loop.add_signal_handler(signal.SIGTERM, self._stop.set)
        if self._capture is None:  # debug mode: the human's Ctrl-C ends the plugin
            self._loop.add_signal_handler(signal.SIGINT, self._stop.set)
        announce(listener.network, listener.address)
        await self._stop.wait()
        await self._shut_down(server, listener)

    def _register_builtin_services(self, registry: AioRegistry) -> None:
        for name in ("", HEALTH_SERVICE):
            self._health.set(name, SERVING)
        for service in (self._health, self._stdio, self._broker):
            service.register(registry)
        registry.register(_CONTROLLER, {"Shutdown": self._shutdown})

    async def _shutdown(self, request: ControllerEmpty) -> ControllerEmpty:
        """``plugin.GRPCController/Shutdown``: reply first, then stop (the host waits 2 s)."""
        loop = asyncio.get_running_loop()
        if self._capture is not None:
            await loop.run_in_executor(self._pool, self._flush_stdio)
        assert self._stop is not None
        loop.call_later(0.01, self._stop.set)
        return ControllerEmpty()

    def _flush_stdio(self) -> None:
        assert self._capture is not None
        self._capture.drain()
        self._stdio.wait_sent(timeout=_STDIO_FLUSH_SECONDS)

    async def _shut_down(self, server: Server, listener: Bound) -> None:
        listener.remove()
        if self._capture is not None:
            close_side_services(self._transport, self._health, self._capture, self._broker)
        else:
            self._health.close()
            self._stdio.close()
            self._broker.close()
        await asyncio.sleep(0.01)  # the side streams' ends go out
        server.close()
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(server.wait_closed(), _STOP_GRACE_SECONDS)
        self._transport.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


#: Prints what tells hosts where the plugin listens (network, address): the handshake line, or
#: in debug mode the reattach config.
Announce = Callable[[str, str], None]


#: Streams a host may open at once on one connection. h2's default (100) would make the 101st
#: stream wait for one to end; Go's gRPC servers allow 2**32 - 1.
MAX_CONCURRENT_STREAMS = 2**31 - 1


class _TLS(NamedTuple):
    """How the server's connections are secured, and where a refused handshake is reported."""

    context: ssl.SSLContext
    address: str
    log_refused: Callable[[str, BaseException], None]


class _Server(Server):
    """grpclib's server, with no practical limit on concurrently open streams, and TLS whose
    refused handshakes are logged (asyncio's own TLS says nothing of them)."""

    tls: _TLS | None = None
    #: Unary-unary methods served on the lean path (``unary``); None: all through grpclib.
    unary: UnaryMethods | None = None

    def _protocol_factory(self) -> Any:
        plain = super()._protocol_factory()
        handler = plain.handler
        if self.unary is not None:  # lean methods, and the lean reader for every call
            assert isinstance(handler, Handler)
            handler = LeanHandler(handler, self.unary, self._codec)
        protocol = _Protocol(plain, handler)
        if self.tls is None:
            return protocol
        return _tls_protocol(self.tls, protocol)


def _tls_protocol(tls: _TLS, app: H2Protocol) -> Any:
    """asyncio's server-side TLS under ``app``, reporting a refused handshake."""
    import ssl
    from asyncio import sslproto

    class TLSProtocol(sslproto.SSLProtocol):
        def _on_handshake_complete(self, handshake_exc: BaseException | None) -> None:
            if isinstance(handshake_exc, ssl.SSLError):  # not a mere reset or timeout
                tls.log_refused(tls.address, handshake_exc)
            super()._on_handshake_complete(handshake_exc)

    waiter: Any = None  # nobody waits for the handshake: h2 starts once it is done
    return TLSProtocol(asyncio.get_running_loop(), app, tls.context, waiter, server_side=True)


class _Protocol(H2Protocol):
    def __init__(self, plain: H2Protocol, handler: AbstractHandler) -> None:
        super().__init__(handler, plain.config, plain.h2_config)
        self._lean = handler if isinstance(handler, LeanHandler) else None
        self._lean_reads: LeanReads | None = None

    def data_received(self, data: bytes) -> None:
        if self._lean_reads is None or not self._lean_reads.take(data):
            super().data_received(data)
        if self._lean is not None:  # the lean calls this read brought
            self._lean.start_arrived()

    def connection_made(self, transport: Any) -> None:
        coalesced: Any = _CoalescedWrites(transport, asyncio.get_running_loop())
        super().connection_made(coalesced)
        h2_connection = self.connection._connection
        decode_repeating_blocks_once(h2_connection)
        h2_connection.update_settings({SettingCodes.MAX_CONCURRENT_STREAMS: MAX_CONCURRENT_STREAMS})
        self.connection.flush()
        if self._lean is not None:
            self._lean.processor = self.processor
            self._lean_reads = LeanReads(self.processor, self._lean)


class _CoalescedWrites:
    """A transport whose writes made during one turn of the loop leave as one.

    grpclib writes each HTTP/2 frame group as it makes it: a unary reply is three writes
    (headers, message, trailers), and every open stream's batch is one more. Joined, a reply is
    one send, and the host wakes once to read it. Everything else is the transport's own.
    """

    def __init__(self, transport: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] = []
        self._scheduled: asyncio.Handle | None = None

    def write(self, data: bytes) -> None:
        if not data:
            return
        if not self._pending:
            self._scheduled = self._loop.call_soon(self.flush)
        self._pending.append(data)

    def flush(self) -> None:
        """Write what is pending now (a call that just ended: ``registry._finish``)."""
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        pending, self._pending = self._pending, []
        if pending and not self._transport.is_closing():
            self._transport.write(pending[0] if len(pending) == 1 else b"".join(pending))

    def write_now(self, data: bytes) -> None:
        """Write ``data`` at once, after what is pending (from a sync method's thread while the
        loop is blocked waiting for it: nothing is scheduled on the loop)."""
        pending, self._pending = self._pending, []
        if self._scheduled is not None:
            self._scheduled.cancel()
            self._scheduled = None
        if not self._transport.is_closing():
            self._transport.write(b"".join((*pending, data)) if pending else data)

    def close(self) -> None:
        self.flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class _Sockets:
    """The listener rules' ``add_insecure_port``, binding a socket grpclib then serves."""

    def __init__(self) -> None:
        self.socket: socket.socket | None = None

    def add_insecure_port(self, address: str) -> int:
        if address.startswith("unix:"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.bind(address[5:])
            except OSError as error:
                sock.close()
                raise RuntimeError(str(error)) from None
            port = 1
        else:
            host, _, port_text = address.rpartition(":")
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.bind((host, int(port_text)))
            except OSError:
                sock.close()
                return 0
            port = sock.getsockname()[1]
        sock.listen(128)
        self.socket = sock
        return port
