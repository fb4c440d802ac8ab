"""AutoMTLS certificates: making our own, and reading the other side's.

Each side of go-plugin's AutoMTLS makes a throwaway self-signed certificate and hands the other
side the public half (the host through ``PLUGIN_CLIENT_CERT``, the plugin in its handshake
line); each then trusts exactly that one certificate. Ours carry go-plugin's fields (CN and SAN
``localhost``, O ``HashiCorp``, client and server auth, CA, ~30 years, NotBefore 30 s back) but
a P-256 key, not go-plugin's P-521: Go accepts any curve, P-256 is several times faster to make,
and grpcio's TLS 1.3 cannot verify a P-521 signature at all (see :func:`grpcio_can_verify`).

Only a session that uses TLS imports this module. The key and signature come from
``cryptography``'s EC primitives; the certificate itself is written with ``goplugin.security.der``,
which spares a plugin the import of ``cryptography.x509`` (start-up time is a product figure).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import os
import re
from typing import NamedTuple

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from goplugin.security import der

#: go-plugin's NotAfter: 262980 hours, about 30 years.
_LIFETIME = datetime.timedelta(hours=262980)
#: go-plugin backdates NotBefore by 30 s, for clocks that disagree a little.
_BACKDATE = datetime.timedelta(seconds=30)
_HOST = b"localhost"

_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
_RSA = der.oid("1.2.840.113549.1.1.1")[2:]
#: Curve OIDs by ``cryptography`` curve name; grpcio's TLS verifies only the first two.
_CURVES = {
    "secp256r1": "1.2.840.10045.3.1.7",
    "secp384r1": "1.3.132.0.34",
    "secp521r1": "1.3.132.0.35",
}
_GRPCIO_CURVES = frozenset(der.oid(_CURVES[name])[2:] for name in ("secp256r1", "secp384r1"))
_ECDSA_SHA256, _ECDSA_SHA512 = "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.4"

_PEM_CERT = re.compile(rb"-----BEGIN CERTIFICATE-----\s*(.*?)\s*-----END CERTIFICATE-----", re.S)


class Certificate(NamedTuple):
    """A certificate and its private key, both PEM, as TLS configurations take them."""

    cert_pem: bytes
    key_pem: bytes

    def handshake_field(self) -> str:
        """The handshake line's 6th field: DER, standard base64 without padding (Go's
        ``RawStdEncoding``); go-plugin hosts refuse the padded form."""
        return base64.b64encode(load_pem(self.cert_pem, "certificate")[0]).decode().rstrip("=")


def generate(curve: ec.EllipticCurve | None = None) -> Certificate:
    """A fresh self-signed certificate for one plugin session, as go-plugin's ``generateCert``.

    ``curve`` defaults to P-256; ``ec.SECP521R1()`` makes the certificate go-plugin makes.
    """
    curve = curve or ec.SECP256R1()
    key = ec.generate_private_key(curve)
    numbers = key.public_key().public_numbers()
    size = (curve.key_size + 7) // 8
    point = b"\x04" + numbers.x.to_bytes(size, "big") + numbers.y.to_bytes(size, "big")
    curve_oid = der.oid(_CURVES[curve.name])
    wide = curve.key_size > 384
    signature_algorithm = der.sequence(der.oid(_ECDSA_SHA512 if wide else _ECDSA_SHA256))
    name = der.sequence(
        der.tlv(
            der.SET, der.sequence(der.oid("2.5.4.10"), der.tlv(der.PRINTABLE_STRING, b"HashiCorp"))
        ),
        der.tlv(der.SET, der.sequence(der.oid("2.5.4.3"), der.tlv(der.PRINTABLE_STRING, _HOST))),
    )
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    tbs = der.sequence(
        der.explicit(0, der.integer(2)),  # X.509 v3
        # A random serial below 2**128, as go-plugin's (os.urandom: secrets imports slowly).
        der.integer(int.from_bytes(os.urandom(16), "big") or 1),
        signature_algorithm,
        name,
        der.sequence(der.time(now - _BACKDATE), der.time(now + _LIFETIME)),
        name,
        der.sequence(der.sequence(der.oid(_EC_PUBLIC_KEY), curve_oid), der.bit_string(point)),
        der.explicit(3, der.sequence(*_EXTENSIONS)),
    )
    signature = key.sign(tbs, ec.ECDSA(hashes.SHA512() if wide else hashes.SHA256()))
    cert = der.sequence(tbs, signature_algorithm, der.bit_string(signature))
    private_value = key.private_numbers().private_value.to_bytes(size, "big")
    sec1 = der.sequence(  # "EC PRIVATE KEY" (RFC 5915), as go-plugin's
        der.integer(1),
        der.tlv(der.OCTET_STRING, private_value),
        der.explicit(0, curve_oid),
        der.explicit(1, der.bit_string(point)),
    )
    return Certificate(_pem("CERTIFICATE", cert), _pem("EC PRIVATE KEY", sec1))


def _extension(dotted: str, value: bytes, *, critical: bool = False) -> bytes:
    flag = der.tlv(der.BOOLEAN, b"\xff") if critical else b""
    return der.sequence(der.oid(dotted), flag, der.tlv(der.OCTET_STRING, value))


_EXTENSIONS = (
    # KeyUsage: digitalSignature, keyEncipherment, keyAgreement, keyCertSign.
    _extension("2.5.29.15", der.bit_string(b"\xac", unused_bits=2), critical=True),
    # ExtKeyUsage: serverAuth, clientAuth.
    _extension(
        "2.5.29.37", der.sequence(der.oid("1.3.6.1.5.5.7.3.1"), der.oid("1.3.6.1.5.5.7.3.2"))
    ),
    # BasicConstraints: CA (a self-signed certificate that is its own trust root).
    _extension("2.5.29.19", der.sequence(der.tlv(der.BOOLEAN, b"\xff")), critical=True),
    # SubjectAltName: DNS localhost, the name both sides check.
    _extension("2.5.29.17", der.sequence(der.tlv(0x82, _HOST))),
)


def _pem(label: str, data: bytes) -> bytes:
    body = base64.encodebytes(data).replace(b"\n", b"")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return b"\n".join(
        [f"-----BEGIN {label}-----".encode(), *lines, f"-----END {label}-----".encode(), b""]
    )


class CertificateError(ValueError):
    """A certificate from the other side (or the user) could not be read."""


def load_pem(pem: bytes, what: str) -> list[bytes]:
    """The DER of every certificate in a PEM bundle; at least one, or CertificateError."""
    found = []
    for block in _PEM_CERT.findall(pem):
        try:
            data = base64.b64decode(block, validate=False)
            der.public_key_algorithm(data)
        except ValueError as error:
            raise CertificateError(f"{what} holds an unreadable certificate: {error}") from None
        found.append(data)
    if not found:
        raise CertificateError(f"{what} holds no PEM certificate")
    return found


def pem_from_handshake_field(field: str) -> bytes:
    """The PEM of the certificate a plugin printed in its handshake line (unpadded base64 DER)."""
    try:
        data = base64.b64decode(field + "=" * (-len(field) % 4), validate=True)
        der.public_key_algorithm(data)
    except ValueError as error:
        raise CertificateError(f"error parsing server cert: {error}") from None
    return _pem("CERTIFICATE", data)


def grpcio_can_verify(certs: list[bytes]) -> bool:
    """Whether grpcio's TLS can check signatures made with these certificates' keys.

    BoringSSL, inside grpcio, leaves ``ecdsa_secp521r1_sha512`` (and EdDSA) out of the signature
    algorithms it offers, so in TLS 1.3 a peer holding a P-521 key has nothing it may sign
    with: a Go host sends no client certificate, a Go plugin refuses the handshake. Every
    go-plugin certificate is P-521, so for those peers the session's TLS goes through Python's
    ``ssl`` module instead (``goplugin.security.tls_shim``), whose OpenSSL has no such gap.
    """
    for cert in certs:
        algorithm, parameters = der.public_key_algorithm(cert)
        if algorithm == der.oid(_EC_PUBLIC_KEY)[2:]:
            if parameters not in _GRPCIO_CURVES:
                return False
        elif algorithm != _RSA:  # EdDSA, DSA: not offered either
            return False
    return True


def describe(cert: bytes) -> str:
    """A certificate as log lines name it: its SHA-256 fingerprint."""
    return "SHA-256 " + hashlib.sha256(cert).digest().hex(":")
