"""go-plugin's AutoMTLS, both roles, and a user's own TLS: which transport a session gets.

The host makes a certificate and passes its PEM in ``PLUGIN_CLIENT_CERT``; the plugin makes one,
serves TLS that requires the host's, and prints its own as the handshake line's 6th field; the
host then trusts exactly that one. Each side also decides here whether grpcio's TLS can verify
the other's certificate (ours: yes; go-plugin's P-521 ones: no, so the ``ssl`` shim does it).

Imported only when a session uses TLS: it loads ``cryptography``.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from goplugin.constants import ENV_CLIENT_CERT, ENV_UNIX_SOCKET_DIR
from goplugin.errors import PluginStartError
from goplugin.security import certs
from goplugin.security.tls import TLSConfig, validate_tls_config
from goplugin.security.tls_transport import TLSTransport

#: go-plugin hosts ignore a 6th field of 50 characters or fewer; no real certificate is that short.
_MIN_CERT_FIELD = 51

NO_CERTIFICATE_MESSAGE = (
    "the plugin answered AutoMTLS without a certificate: its handshake line has no 6th field, "
    "so it ignored {env} and serves without TLS (go-plugin's examples/grpc/plugin-python does "
    "this). This host does not fall back to plaintext. To run this plugin without TLS, create "
    "the Client with auto_mtls=False."
)


def plugin_transport(
    client_cert: str, tls_provider: Callable[[], TLSConfig] | None
) -> tuple[TLSTransport, str]:
    """The plugin's transport and the handshake line's certificate field.

    A user's ``tls_provider`` wins over AutoMTLS, as go-plugin's ``TLSProvider`` does, and
    then the field is empty. Raises :class:`ValueError` naming what is wrong.
    """
    if tls_provider is not None:
        config = tls_provider()
        validate_tls_config(config, "serve(tls_provider=...)")
        if config.cert_chain is None:
            raise ValueError("serve(tls_provider=...): a plugin's TLSConfig needs cert_chain")
        return _transport(config, "serve(tls_provider=...) root_certificates", _socket_dir()), ""
    host_pem = client_cert.encode()
    own = certs.generate()
    config = TLSConfig(own.cert_pem, own.key_pem, host_pem, "localhost")
    return _transport(config, ENV_CLIENT_CERT, _socket_dir()), own.handshake_field()


def _socket_dir() -> str | None:
    """The host's socket dir for this plugin, if it gave one (go-plugin >= 1.5 with a runner,
    and every Python host): a private dir there is removed by the host, however we exit."""
    return os.environ.get(ENV_UNIX_SOCKET_DIR) or None


def host_certificate() -> certs.Certificate:
    """The host's certificate for one plugin launch; its PEM goes into ``PLUGIN_CLIENT_CERT``."""
    return certs.generate()


def host_transport(
    own: certs.Certificate, cert_field: str, private_parent: str | None = None
) -> TLSTransport:
    """The host's transport once the plugin's handshake line has arrived (AutoMTLS)."""
    if len(cert_field) < _MIN_CERT_FIELD:
        raise PluginStartError(NO_CERTIFICATE_MESSAGE.format(env=ENV_CLIENT_CERT))
    try:
        plugin_pem = certs.pem_from_handshake_field(cert_field)
    except certs.CertificateError as error:
        raise PluginStartError(f"AutoMTLS: {error}") from None
    config = TLSConfig(own.cert_pem, own.key_pem, plugin_pem, "localhost")
    return _transport(config, "the plugin's handshake certificate", private_parent)


def user_host_transport(config: TLSConfig, private_parent: str | None = None) -> TLSTransport:
    """The host's transport from ``Client(tls_config=...)``."""
    validate_tls_config(config, "Client(tls_config=...)")
    return _transport(config, "Client(tls_config=...) root_certificates", private_parent)


def _transport(config: TLSConfig, roots_source: str, private_parent: str | None) -> TLSTransport:
    roots = config.root_certificates
    if roots is None:
        return TLSTransport(config, use_ssl_module=False, private_parent=private_parent)
    trusted = certs.load_pem(roots, roots_source)
    return TLSTransport(
        config,
        use_ssl_module=not certs.grpcio_can_verify(trusted),
        trusted=f"{roots_source} ({', '.join(certs.describe(cert) for cert in trusted)})",
        private_parent=private_parent,
    )
