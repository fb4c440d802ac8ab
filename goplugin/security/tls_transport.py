"""TLS for every connection of a session: grpcio's own where it can, the ``ssl`` shim where not.

One :class:`TLSTransport` per session holds this side's certificate, whom it trusts, and the
one decision that matters for interop: whether grpcio's TLS can verify the peer's certificate.
It can for ours (P-256), so a Python host and a Python plugin use grpcio's TLS end to end. It
cannot for go-plugin's (P-521): then each server listens in plaintext on a private unix socket
and each channel connects to one, and ``goplugin.security.tls_shim`` does the TLS with
Python's ``ssl``.
The private sockets live in a 0700 temp dir that :meth:`TLSTransport.close` removes.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import socket
import ssl
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from goplugin.plugin_process.listener import ListenError, bind
from goplugin.security.tls import TLSConfig

if TYPE_CHECKING:  # grpcio loads only where a grpcio server or channel is made
    import grpc
    import grpc.aio

    from goplugin.security.tls_shim import TLSShim
from goplugin.security.transport import Bound, Transport

_log = logging.getLogger("goplugin.tls")


class TLSTransport(Transport):
    """Servers that require the peer's certificate and channels that verify the peer's.

    ``use_ssl_module`` routes the TLS through ``goplugin.security.tls_shim``; ``trusted`` names the
    certificate(s) this side accepts, for the log line about a refused connection. The private
    sockets go in a fresh dir under ``private_parent`` (default: the temp dir); a plugin uses
    its host's socket dir, which the host removes even when it had to SIGKILL the plugin.
    """

    tls = True

    def __init__(
        self,
        config: TLSConfig,
        *,
        use_ssl_module: bool,
        trusted: str = "",
        private_parent: str | None = None,
    ) -> None:
        self._config = config
        self._private_parent = private_parent or None
        self._use_ssl_module = use_ssl_module
        self._trusted = trusted
        # Broker dials and serves come from any thread: one shim and one dir per session.
        self._lock = threading.Lock()
        self._shim: TLSShim | None = None
        self._closed = False
        self._private_dir: str | None = None
        self._names = itertools.count(1)
        self._server_context: ssl.SSLContext | None = None
        self._client_context: ssl.SSLContext | None = None

    @property
    def via_ssl_module(self) -> bool:
        """Whether this session's TLS runs through the stdlib ``ssl`` shim."""
        return self._use_ssl_module

    def listen(self, server: grpc.Server, network: str, env: Mapping[str, str]) -> Bound:
        config = self._config
        if config.cert_chain is None or config.private_key is None:
            raise ListenError("serving TLS needs a certificate: TLSConfig has no cert_chain")
        import grpc

        if not self._use_ssl_module:
            credentials = grpc.ssl_server_credentials(
                [(config.private_key, config.cert_chain)],
                root_certificates=config.root_certificates,
                require_client_auth=config.root_certificates is not None,
            )
            return bind(cast(grpc.Server, _SecurePorts(server, credentials)), network, env)
        backend = self._private_path("s")
        if not server.add_insecure_port(f"unix:{backend}"):
            raise ListenError(f"could not listen on the private socket {backend}")
        ports = _ShimPorts(self._get_shim(), self._get_server_context(), backend, self._refused)
        public = bind(cast(grpc.Server, ports), network, env)
        return _ShimListener(public.network, public.address, public, ports, backend)

    def channel(self, target: str, options: Sequence[tuple[str, Any]]) -> grpc.Channel:
        import grpc

        if not self._use_ssl_module:
            credentials, options = self._credentials(options)
            return grpc.secure_channel(target, credentials, options=options)
        return grpc.insecure_channel(self._through_shim(target), options=options)

    def aio_channel(
        self,
        target: str,
        options: Sequence[tuple[str, Any]],
        interceptors: Sequence[grpc.aio.ClientInterceptor] = (),
    ) -> grpc.aio.Channel:
        import grpc.aio

        chain = list(interceptors) or None
        if not self._use_ssl_module:
            credentials, options = self._credentials(options)
            return grpc.aio.secure_channel(target, credentials, options=options, interceptors=chain)
        return grpc.aio.insecure_channel(
            self._through_shim(target), options=options, interceptors=chain
        )

    def _credentials(
        self, options: Sequence[tuple[str, Any]]
    ) -> tuple[grpc.ChannelCredentials, Sequence[tuple[str, Any]]]:
        """grpcio's TLS for a channel, and the options naming the server it must verify."""
        import grpc

        config = self._config
        credentials = grpc.ssl_channel_credentials(
            root_certificates=config.root_certificates,
            private_key=config.private_key,
            certificate_chain=config.cert_chain,
        )
        return credentials, (*options, ("grpc.ssl_target_name_override", config.server_name))

    def _through_shim(self, target: str) -> str:
        """A private plaintext socket the ``ssl`` shim forwards, under TLS, to ``target``."""
        network, address = ("unix", target[5:]) if target.startswith("unix:") else ("tcp", target)
        local = self._private_path("c")
        self._get_shim().connect_tls(
            local, self._get_client_context(), network, address, self._config.server_name
        )
        return f"unix:{local}"

    def failure(self) -> str | None:
        return self._shim.failure() if self._shim is not None else None

    def server_ssl_context(self) -> ssl.SSLContext:
        """The stdlib TLS context of a server on this session: the peer's certificate required
        (when there are roots to check it against), ALPN h2. grpclib serves with it directly.

        Making it wrote the certificate to a private folder for a moment; with no shim to
        hold sockets there, the folder goes at once rather than at shutdown."""
        context = self._get_server_context()
        with self._lock:
            if self._shim is None and self._private_dir is not None:
                shutil.rmtree(self._private_dir, ignore_errors=True)
                self._private_dir = None
        return context

    def client_ssl_context(self) -> ssl.SSLContext:
        """The stdlib TLS context of a channel on this session (it verifies the peer's chain and
        :attr:`server_name`): grpclib dials with it directly, P-521 peers included."""
        context = self._get_client_context()
        with self._lock:
            if self._shim is None and self._private_dir is not None:
                shutil.rmtree(self._private_dir, ignore_errors=True)
                self._private_dir = None
        return context

    @property
    def server_name(self) -> str:
        """The name the peer's certificate must carry when this side dials."""
        return self._config.server_name

    def remove_sockets(self) -> None:
        """Remove the private socket dir; open connections carry on (used at shutdown, so a
        process cut short by its watchdog leaves nothing behind)."""
        if self._private_dir is not None:
            shutil.rmtree(self._private_dir, ignore_errors=True)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            shim = self._shim
        if shim is not None:
            shim.close()
        self.remove_sockets()

    # -- the shim's parts, made on first use ----------------------------------------------------

    def _get_shim(self) -> TLSShim:
        with self._lock:
            if self._closed:
                raise RuntimeError("this plugin session has ended: its TLS connections are closed")
            if self._shim is None:
                from goplugin.security.tls_shim import TLSShim

                self._shim = TLSShim()
            return self._shim

    def _private_path(self, kind: str) -> str:
        with self._lock:
            if self._private_dir is None:
                self._private_dir = tempfile.mkdtemp(
                    prefix="goplugin-tls", dir=self._private_parent
                )
            return os.path.join(self._private_dir, f"{kind}{next(self._names)}")

    def _get_server_context(self) -> ssl.SSLContext:
        if self._server_context is None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self._prepare(context)
            if self._config.root_certificates is not None:
                context.verify_mode = ssl.CERT_REQUIRED
                context.load_verify_locations(cadata=self._config.root_certificates.decode())
            self._server_context = context
        return self._server_context

    def _get_client_context(self) -> ssl.SSLContext:
        if self._client_context is None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # verifies the name and chain
            self._prepare(context)
            if self._config.root_certificates is not None:
                context.load_verify_locations(cadata=self._config.root_certificates.decode())
            else:
                context.load_default_certs()
            self._client_context = context
        return self._client_context

    def _prepare(self, context: ssl.SSLContext) -> None:
        """What both ends share: TLS 1.2 or later (as go-plugin), ALPN h2 (gRPC), our cert."""
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.set_alpn_protocols(["h2"])
        config = self._config
        if config.cert_chain is None or config.private_key is None:
            return
        # ssl loads a certificate only from files: write them for a moment, 0600 in our 0700 dir.
        cert_path, key_path = self._private_path("cert"), self._private_path("key")
        try:
            for path, data in ((cert_path, config.cert_chain), (key_path, config.private_key)):
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as file:
                    file.write(data)
            context.load_cert_chain(cert_path, key_path)
        finally:
            for path in (cert_path, key_path):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)

    def log_refused(self, address: str, error: BaseException) -> None:
        """Say in the log (a plugin's stderr) why a TLS connection was turned away."""
        self._refused(address, error)

    def _refused(self, address: str, error: BaseException) -> None:
        """Say in the log (a plugin's stderr) why a connection was turned away."""
        from goplugin.security.tls_shim import reason

        why = reason(error)
        if isinstance(error, ssl.SSLCertVerificationError) or "CERTIFICATE" in why.upper():
            if "ALERT" in why.upper():
                what = "the client did not accept this side's certificate"
            else:
                trusted = f"; the only one trusted is {self._trusted}" if self._trusted else ""
                what = f"refused the client's TLS certificate{trusted}"
        else:
            what = "the TLS handshake failed"
        _log.error("TLS connection on %s: %s (%s)", address, what, why)


class _SecurePorts:
    """Hands ``listener.bind`` a server whose "insecure" ports are TLS ports: the listener
    rules (socket dir, group, port range) stay in one place."""

    def __init__(self, server: grpc.Server, credentials: grpc.ServerCredentials) -> None:
        self._server = server
        self._credentials = credentials

    def add_insecure_port(self, address: str) -> int:
        return self._server.add_secure_port(address, self._credentials)


class _ShimPorts:
    """Hands ``listener.bind`` a "server" whose ports are sockets the TLS shim accepts on."""

    def __init__(
        self,
        shim: TLSShim,
        context: ssl.SSLContext,
        backend: str,
        refused: Callable[[str, BaseException], None],
    ) -> None:
        self._shim = shim
        self._context = context
        self._backend = backend
        self._refused = refused
        self._stops: list[Callable[[], None]] = []

    def add_insecure_port(self, address: str) -> int:
        """Bind and listen like grpcio would: a RuntimeError when the address is taken."""
        if address.startswith("unix:"):
            listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            where: Any = address[5:]
        else:
            host, _, port = address.rpartition(":")
            listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            where = (host, int(port))
        try:
            listening.bind(where)
            listening.listen(128)
        except OSError as error:
            listening.close()
            raise RuntimeError(f"could not listen on {address}: {error}") from None
        listening.setblocking(False)
        bound = listening.getsockname()
        self._stops.append(
            self._shim.accept_tls(
                listening,
                self._context,
                self._backend,
                lambda error: self._refused(address, error),
            )
        )
        return int(bound[1]) if isinstance(bound, tuple) else 1

    def stop(self) -> None:
        for stop in self._stops:
            stop()


class _ShimListener:
    """The announced address of a server behind the shim, and how to stop listening there."""

    def __init__(
        self, network: str, address: str, public: Bound, ports: _ShimPorts, backend: str
    ) -> None:
        self.network = network
        self.address = address
        self._public = public
        self._ports = ports
        self._backend = backend

    def remove(self) -> None:
        self._ports.stop()
        self._public.remove()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._backend)
