"""AutoMTLS certificates: making our own, and reading the other side's.

Each side of go-plugin's AutoMTLS makes a throwaway self-signed certificate and hands the other
side the public half (the host through ``PLUGIN_CLIENT_CERT``, the plugin in its handshake
line); each then trusts exactly that one certificate. Ours carry go-plugin's fields (CN and SAN
``localhost``, O ``HashiCorp``, client and server auth, CA, ~30 years) but a P-256 key, not
go-plugin's P-521: Go accepts any curve, P-256 is several times faster to make, and grpcio's TLS
1.3 cannot verify a P-521 signature at all (see :func:`grpcio_can_verify`).

Only a session that uses TLS imports this module, and with it ``cryptography``.
"""

from __future__ import annotations

import base64
import datetime
import os
from typing import NamedTuple

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

#: go-plugin's NotAfter: 262980 hours, about 30 years.
_LIFETIME = datetime.timedelta(hours=262980)
#: go-plugin backdates NotBefore by 30 s, for clocks that disagree a little.
_BACKDATE = datetime.timedelta(seconds=30)
_HOST = "localhost"
_BOTH_AUTHS = [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH]

#: The curves grpcio's TLS stack (BoringSSL) verifies signatures of, in TLS 1.3 as in 1.2.
_GRPCIO_CURVES = frozenset({"secp256r1", "secp384r1"})


class Certificate(NamedTuple):
    """A certificate and its private key, both PEM, as TLS configurations take them."""

    cert_pem: bytes
    key_pem: bytes

    def handshake_field(self) -> str:
        """The handshake line's 6th field: DER, standard base64 without padding (Go's
        ``RawStdEncoding``); go-plugin hosts refuse the padded form."""
        der = x509.load_pem_x509_certificate(self.cert_pem).public_bytes(serialization.Encoding.DER)
        return base64.b64encode(der).decode("ascii").rstrip("=")


def generate(curve: ec.EllipticCurve | None = None) -> Certificate:
    """A fresh self-signed certificate for one plugin session, as go-plugin's ``generateCert``.

    ``curve`` defaults to P-256; ``ec.SECP521R1()`` makes the certificate go-plugin makes.
    """
    curve = curve or ec.SECP256R1()
    key = ec.generate_private_key(curve)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, _HOST),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "HashiCorp"),
        ]
    )
    now = datetime.datetime.now(datetime.timezone.utc)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=True,
        data_encipherment=False,
        key_agreement=True,
        key_cert_sign=True,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        # A random serial below 2**128, as go-plugin's (os.urandom: secrets imports slowly).
        .serial_number(int.from_bytes(os.urandom(16), "big") or 1)
        .not_valid_before(now - _BACKDATE)
        .not_valid_after(now + _LIFETIME)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(_HOST)]), critical=False)
        .add_extension(x509.ExtendedKeyUsage(_BOTH_AUTHS), critical=False)
        .add_extension(usage, critical=True)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA512() if curve.key_size > 384 else hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,  # "EC PRIVATE KEY", as go-plugin's
        serialization.NoEncryption(),
    )
    return Certificate(cert.public_bytes(serialization.Encoding.PEM), key_pem)


class CertificateError(ValueError):
    """A certificate from the other side (or the user) could not be read."""


def load_pem(pem: bytes, what: str) -> list[x509.Certificate]:
    """Every certificate in a PEM bundle; at least one, or :class:`CertificateError`."""
    try:
        certs = x509.load_pem_x509_certificates(pem)
    except ValueError as error:
        raise CertificateError(f"{what} holds no readable PEM certificate: {error}") from None
    return certs


def pem_from_handshake_field(field: str) -> bytes:
    """The PEM of the certificate a plugin printed in its handshake line (unpadded base64 DER)."""
    try:
        der = base64.b64decode(field + "=" * (-len(field) % 4), validate=True)
        cert = x509.load_der_x509_certificate(der)
    except ValueError as error:
        raise CertificateError(f"error parsing server cert: {error}") from None
    return cert.public_bytes(serialization.Encoding.PEM)


def grpcio_can_verify(certs: list[x509.Certificate]) -> bool:
    """Whether grpcio's TLS can check signatures made with these certificates' keys.

    BoringSSL, inside grpcio, leaves ``ecdsa_secp521r1_sha512`` (and EdDSA) out of the signature
    algorithms it offers, so in TLS 1.3 a peer holding a P-521 key has nothing it may sign
    with: a Go host sends no client certificate, a Go plugin refuses the handshake. Every
    go-plugin certificate is P-521, so for those peers the session's TLS goes through Python's
    ``ssl`` module instead (``goplugin.tls_shim``), whose OpenSSL has no such gap.
    """
    for cert in certs:
        key = cert.public_key()
        if isinstance(key, ec.EllipticCurvePublicKey):
            if key.curve.name not in _GRPCIO_CURVES:
                return False
        elif not isinstance(key, rsa.RSAPublicKey):  # EdDSA, DSA: not offered either
            return False
    return True


def describe(cert: x509.Certificate) -> str:
    """A certificate as an error message names it: subject and SHA-256 fingerprint."""
    fingerprint = cert.fingerprint(hashes.SHA256()).hex(":")
    return f"{cert.subject.rfc4514_string()} (SHA-256 {fingerprint})"
