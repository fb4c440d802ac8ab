"""A user's own TLS settings, as go-plugin's ``ClientConfig.TLSConfig`` and ``TLSProvider``.

Most hosts need none of this: a :class:`goplugin.Client` secures its plugin with AutoMTLS by
default. A :class:`TLSConfig` is for certificates managed elsewhere (a company CA, a plugin that
must prove a known identity). It is plain PEM data, so this module imports nothing heavy.
"""

from __future__ import annotations

from typing import NamedTuple


class TLSConfig(NamedTuple):
    """TLS for one side of a plugin connection, as PEM bytes.

    ``cert_chain`` and ``private_key`` are this side's certificate (leaf first) and key: a
    plugin must have them, a host needs them when the plugin asks for a client certificate or
    the host serves broker connections. ``root_certificates`` is whom this side trusts: a host
    checks the plugin against it (``None``: the system's roots); a plugin given roots requires
    the host's certificate to chain to them (``None``: it asks for no client certificate).
    ``server_name`` is the name the plugin's certificate must carry, as seen from the host.
    """

    cert_chain: bytes | None = None
    private_key: bytes | None = None
    root_certificates: bytes | None = None
    server_name: str = "localhost"


def validate_tls_config(config: TLSConfig, role: str) -> None:
    """Refuse a configuration that cannot work, naming what is missing."""
    if not isinstance(config, TLSConfig):
        raise TypeError(f"{role}: expected a goplugin.TLSConfig, got {type(config).__name__}")
    if (config.cert_chain is None) != (config.private_key is None):
        raise ValueError(f"{role}: TLSConfig needs cert_chain and private_key together")
    for field in ("cert_chain", "private_key", "root_certificates"):
        value = getattr(config, field)
        if value is not None and not isinstance(value, bytes):
            raise TypeError(f"{role}: TLSConfig.{field} must be PEM bytes")
