"""The echo plugin, with switches that make it a good or bad AutoMTLS peer.

TLS_PLUGIN_MODE (comma-separated, e.g. ``go-like,lie``):
- ``ignore``: drop PLUGIN_CLIENT_CERT before serve(), as a plugin without AutoMTLS support
  (go-plugin's examples/grpc/plugin-python) ignores it: no TLS, no certificate in the handshake;
- ``lie``: announce a different certificate in the handshake line than the one it serves with;
- ``distrust``: trust some other certificate instead of the host's;
- ``go-like``: make P-521 certificates and do all TLS through the ``ssl`` shim, as a Go peer
  would need it (a Python host must then use the shim for this plugin);
- ``provider``: serve with ``tls_provider``, from the PEM files named in TLS_PLUGIN_CERT,
  TLS_PLUGIN_KEY and TLS_PLUGIN_ROOTS.
TLS_PLUGIN_NETWORK=tcp listens on TCP. Echo("modules?") answers which TLS modules the process
has imported.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin

TLS_MODULES = (
    "cryptography",
    "goplugin.security.automtls",
    "goplugin.security.certs",
    "goplugin.security.tls_shim",
)


class ReportingImpl(EchoImpl):
    def echo(self, text: str) -> str:
        if text == "modules?":
            return ",".join(name for name in TLS_MODULES if name in sys.modules) or "none"
        return super().echo(text)


def _read(env: str) -> bytes:
    with open(os.environ[env], "rb") as file:
        return file.read()


def main() -> None:
    modes = set(os.environ.get("TLS_PLUGIN_MODE", "").split(","))
    tls_provider = None
    if "ignore" in modes:
        os.environ.pop("PLUGIN_CLIENT_CERT", None)
    elif modes & {"lie", "distrust", "go-like"}:
        from cryptography.hazmat.primitives.asymmetric import ec

        from goplugin.security import certs

        curve = ec.SECP521R1() if "go-like" in modes else None
        other = certs.generate(curve)
        real_generate = certs.generate
        certs.generate = lambda _curve=None: real_generate(curve)  # type: ignore[assignment]
        if "go-like" in modes:
            certs.grpcio_can_verify = lambda _certs: False  # type: ignore[assignment]
        if "lie" in modes:
            field = other.handshake_field()
            certs.Certificate.handshake_field = lambda _self: field  # type: ignore[method-assign,assignment]
        if "distrust" in modes:
            os.environ["PLUGIN_CLIENT_CERT"] = other.cert_pem.decode()
    elif "provider" in modes:
        config = goplugin.TLSConfig(
            _read("TLS_PLUGIN_CERT"), _read("TLS_PLUGIN_KEY"), _read("TLS_PLUGIN_ROOTS")
        )
        tls_provider = lambda: config  # noqa: E731
    goplugin.serve(
        handshake_config=HANDSHAKE,
        plugins={"echo": EchoPlugin(ReportingImpl())},
        tls_provider=tls_provider,
        network=os.environ.get("TLS_PLUGIN_NETWORK") or None,
    )


if __name__ == "__main__":
    main()
