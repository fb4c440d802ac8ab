"""TLS through Python's ``ssl`` module, for peers whose certificates grpcio's TLS cannot handle.

grpcio's TLS (BoringSSL) cannot verify a P-521 signature in TLS 1.3, and every certificate
go-plugin makes is P-521 (see ``goplugin.security.certs.grpcio_can_verify``). With such a
peer, grpcio talks plaintext HTTP/2 over a private unix socket (in a 0700 directory that only
this process uses) to this shim, and the shim does the TLS with the stdlib ``ssl`` module
(OpenSSL), which verifies P-521 fine, forwarding bytes both ways:

- serving: TLS connections accepted on the announced address are forwarded to the gRPC server's
  private socket;
- dialling: plaintext connections grpcio makes to a private socket are forwarded over TLS to the
  peer's address.

All of it runs on one asyncio event loop in one daemon thread, started only by a session that
needs it, and stopped (every socket closed, the thread joined) by :meth:`TLSShim.close`.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import socket
import ssl
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

#: How long a TLS handshake may take before the connection is dropped.
HANDSHAKE_TIMEOUT_SECONDS = 10.0

_T = TypeVar("_T")


class TLSShim:
    """The forwarding loop of one session; thread-safe to call from anywhere."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._servers: list[asyncio.AbstractServer] = []
        self._transports: set[asyncio.BaseTransport] = set()
        self._failure: str | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._loop.run_forever, name="goplugin-tls")
        self._thread.daemon = True
        self._thread.start()

    def failure(self) -> str | None:
        """Why the last outgoing TLS connection failed (grpcio itself only sees it close)."""
        return self._failure

    def accept_tls(
        self,
        listening: socket.socket,
        context: ssl.SSLContext,
        backend_path: str,
        refused: Callable[[BaseException], None],
    ) -> Callable[[], None]:
        """Serve TLS on ``listening`` (bound and listening), forwarding to ``backend_path``.

        ``refused`` hears about every connection whose handshake failed. Returns a
        function that stops accepting (established connections carry on until :meth:`close`).
        """

        def inbound() -> _Pipe:
            pipe = _Pipe(self._transports)
            pipe.on_made = lambda raw: self._loop.create_task(
                self._serve_one(pipe, raw, context, backend_path, refused)
            )
            return pipe

        server = self._run(self._loop.create_server(inbound, sock=listening))
        return lambda: self._stop_server(server)

    def connect_tls(
        self,
        listen_path: str,
        context: ssl.SSLContext,
        network: str,
        address: str,
        server_hostname: str,
    ) -> Callable[[], None]:
        """Accept plaintext on the unix socket ``listen_path`` and carry each connection over
        TLS to ``address``; returns a function that stops accepting."""

        def local() -> _Pipe:
            pipe = _Pipe(self._transports)
            pipe.on_made = lambda _raw: self._loop.create_task(
                self._dial_one(pipe, context, network, address, server_hostname)
            )
            return pipe

        server = self._run(self._loop.create_unix_server(local, path=listen_path))
        return lambda: self._stop_server(server)

    def close(self) -> None:
        """Close every listener and connection and stop the loop's thread. Idempotent."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        with contextlib.suppress(RuntimeError):
            self._run(self._shut_down(), timeout=5.0, closing=True)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5.0)
        if not self._thread.is_alive():
            self._loop.close()

    # -- on the loop ---------------------------------------------------------------------------

    async def _serve_one(
        self,
        pipe: _Pipe,
        raw: asyncio.BaseTransport,
        context: ssl.SSLContext,
        backend_path: str,
        refused: Callable[[BaseException], None],
    ) -> None:
        assert isinstance(raw, asyncio.Transport)
        try:
            secured = await self._loop.start_tls(
                raw,
                pipe,
                context,
                server_side=True,
                ssl_handshake_timeout=HANDSHAKE_TIMEOUT_SECONDS,
            )
        except (OSError, asyncio.TimeoutError) as error:
            raw.close()
            refused(error)
            return
        if secured is None:  # the connection went away during the handshake
            raw.close()
            return
        pipe.attach(secured)
        try:
            _, backend = await self._loop.create_unix_connection(
                lambda: _Pipe(self._transports), backend_path
            )
        except OSError:
            secured.close()
            return
        _Pipe.join(pipe, backend)

    async def _dial_one(
        self,
        pipe: _Pipe,
        context: ssl.SSLContext,
        network: str,
        address: str,
        server_hostname: str,
    ) -> None:
        def remote_pipe() -> _Pipe:
            remote = _Pipe(self._transports)
            remote.on_lost = lambda error: self._note_lost(address, error)
            return remote

        try:
            if network == "unix":
                _, remote = await self._loop.create_unix_connection(
                    remote_pipe,
                    address,
                    ssl=context,
                    server_hostname=server_hostname,
                    ssl_handshake_timeout=HANDSHAKE_TIMEOUT_SECONDS,
                )
            else:
                host, _, port = address.rpartition(":")
                _, remote = await self._loop.create_connection(
                    remote_pipe,
                    host.strip("[]"),
                    int(port),
                    ssl=context,
                    server_hostname=server_hostname,
                    ssl_handshake_timeout=HANDSHAKE_TIMEOUT_SECONDS,
                )
        except (OSError, asyncio.TimeoutError, ValueError) as error:
            self._failure = f"TLS handshake with {address} failed: {reason(error)}"
            pipe.close()
            return
        _Pipe.join(pipe, remote)

    def _note_lost(self, address: str, error: Exception | None) -> None:
        if isinstance(error, ssl.SSLError):
            self._failure = (
                f"{address} ended the TLS connection: {reason(error)} "
                "(it did not accept this side's certificate)"
            )

    async def _shut_down(self) -> None:
        for server in self._servers:
            server.close()
        for transport in list(self._transports):
            if isinstance(transport, asyncio.Transport):
                transport.abort()
            else:
                transport.close()
        for server in self._servers:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server.wait_closed(), 1.0)
        # Let the aborted transports' connection_lost callbacks run before the loop stops.
        await asyncio.sleep(0)

    # -- from any thread -----------------------------------------------------------------------

    def _run(
        self, coro: Coroutine[Any, Any, _T], timeout: float = 10.0, *, closing: bool = False
    ) -> _T:
        if self._closed and not closing:
            coro.close()
            raise RuntimeError("the TLS shim is closed")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)

    def _stop_server(self, server: asyncio.AbstractServer) -> None:
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(server.close)


class _Pipe(asyncio.Protocol):
    """One end of a forwarded connection: what it reads, its partner writes, and the reverse.

    It starts paused and buffers until joined to its partner, so nothing is forwarded before
    the TLS side has been verified.
    """

    def __init__(self, registry: set[asyncio.BaseTransport]) -> None:
        self._registry = registry
        self.transport: asyncio.Transport | None = None
        self.partner: _Pipe | None = None
        self._pending: list[bytes] = []
        self._lost = False
        self.on_made: Callable[[asyncio.BaseTransport], object] | None = None
        self.on_lost: Callable[[Exception | None], None] | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._registry.add(transport)
        if self.on_made is not None:
            transport.pause_reading()
            self.on_made(transport)

    def attach(self, transport: asyncio.Transport) -> None:
        """Switch to ``transport`` (the TLS one that replaced the raw connection)."""
        if self.transport is not None:
            self._registry.discard(self.transport)
        self.transport = transport
        self._registry.add(transport)

    @staticmethod
    def join(first: _Pipe, second: _Pipe) -> None:
        first.partner, second.partner = second, first
        for pipe in (first, second):
            partner = pipe.partner
            assert partner is not None and partner.transport is not None
            if pipe._lost:
                partner.close()
                continue
            for data in pipe._pending:
                partner.transport.write(data)
            pipe._pending.clear()
            if pipe.transport is not None and not pipe.transport.is_reading():
                pipe.transport.resume_reading()

    def data_received(self, data: bytes) -> None:
        partner = self.partner
        if partner is not None and partner.transport is not None:
            partner.transport.write(data)
        else:
            self._pending.append(data)

    def eof_received(self) -> bool:
        return False  # HTTP/2 does not half-close: the end of one side ends both

    def connection_lost(self, exc: Exception | None) -> None:
        self._lost = True
        if self.transport is not None:
            self._registry.discard(self.transport)
        if self.on_lost is not None:
            self.on_lost(exc)
        if self.partner is not None:
            self.partner.close()

    def pause_writing(self) -> None:
        # Our transport's buffer is full: stop reading what the partner would have us write.
        if self.partner is not None and self.partner.transport is not None:
            self.partner.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.partner is not None and self.partner.transport is not None:
            self.partner.transport.resume_reading()

    def close(self) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.close()


_SOURCE_REF = re.compile(r"\s*\(_ssl\.c:\d+\)$")


def reason(error: BaseException) -> str:
    """An ``ssl`` error as a person reads it: no ``(_ssl.c:1006)`` suffix."""
    if isinstance(error, asyncio.TimeoutError):
        return "the TLS handshake timed out"
    text = str(error) or type(error).__name__
    return _SOURCE_REF.sub("", text)
