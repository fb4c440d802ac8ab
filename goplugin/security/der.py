"""Just enough ASN.1 DER to write an AutoMTLS certificate and to read a peer's key type.

``cryptography``'s X.509 layer costs a plugin ~30 ms of imports, more than the rest of an
AutoMTLS start-up; the certificate go-plugin's AutoMTLS needs has a fixed shape, so it is
written here, and only the key and the signature come from ``cryptography``'s EC primitives.
"""

from __future__ import annotations

import datetime

SEQUENCE = 0x30
SET = 0x31
INTEGER = 0x02
BIT_STRING = 0x03
OCTET_STRING = 0x04
OBJECT_IDENTIFIER = 0x06
BOOLEAN = 0x01
PRINTABLE_STRING = 0x13
UTC_TIME = 0x17
GENERALIZED_TIME = 0x18


class DERError(ValueError):
    """Bytes that are not the DER structure expected."""


def tlv(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length, content."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + content


def sequence(*items: bytes) -> bytes:
    return tlv(SEQUENCE, b"".join(items))


def integer(value: int) -> bytes:
    """A non-negative INTEGER (a leading zero byte keeps the top bit from meaning negative)."""
    return tlv(INTEGER, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def oid(dotted: str) -> bytes:
    first, second, *rest = (int(part) for part in dotted.split("."))
    body = bytearray()
    for arc in (40 * first + second, *rest):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return tlv(OBJECT_IDENTIFIER, bytes(body))


def bit_string(data: bytes, unused_bits: int = 0) -> bytes:
    return tlv(BIT_STRING, bytes((unused_bits,)) + data)


def time(moment: datetime.datetime) -> bytes:
    """UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5)."""
    if moment.year < 2050:
        return tlv(UTC_TIME, moment.strftime("%y%m%d%H%M%SZ").encode())
    return tlv(GENERALIZED_TIME, moment.strftime("%Y%m%d%H%M%SZ").encode())


def explicit(number: int, content: bytes) -> bytes:
    """A context-specific constructed tag ``[number]`` around ``content``."""
    return tlv(0xA0 | number, content)


def read(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """The element at ``offset``: (tag, content, offset of the next element)."""
    try:
        tag, size = data[offset], data[offset + 1]
        offset += 2
        if size & 0x80:
            count = size & 0x7F
            if not 0 < count <= 4:
                raise DERError("unsupported DER length")
            size = int.from_bytes(data[offset : offset + count], "big")
            offset += count
    except IndexError:
        raise DERError("truncated DER") from None
    end = offset + size
    if end > len(data):
        raise DERError("truncated DER")
    return tag, data[offset:end], end


def children(content: bytes) -> list[tuple[int, bytes]]:
    """The (tag, content) elements inside a constructed element's content."""
    items = []
    offset = 0
    while offset < len(content):
        tag, body, offset = read(content, offset)
        items.append((tag, body))
    return items


def public_key_algorithm(certificate: bytes) -> tuple[bytes, bytes]:
    """The certificate's key type: (algorithm OID content, parameter content or b"")."""
    tag, cert, _ = read(certificate)
    if tag != SEQUENCE:
        raise DERError("not a certificate")
    tbs_tag, tbs = children(cert)[0]
    fields = children(tbs)
    if tbs_tag != SEQUENCE or len(fields) < 7:
        raise DERError("not a certificate")
    if fields[0][0] == 0xA0:  # the version is optional
        fields = fields[1:]
    spki_tag, spki = fields[5]
    algorithm = children(children(spki)[0][1]) if spki_tag == SEQUENCE else []
    if not algorithm or algorithm[0][0] != OBJECT_IDENTIFIER:
        raise DERError("certificate has no public key algorithm")
    parameters = algorithm[1][1] if len(algorithm) > 1 else b""
    return algorithm[0][1], parameters
