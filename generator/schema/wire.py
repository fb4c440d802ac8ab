"""Protobuf's wire format, read in pure Python: the descriptors without protobuf's runtime.

A cold ``gen-plugin`` run needs the descriptors protoc writes, read-only, a few kilobytes of
them. ``google.protobuf.descriptor_pb2`` brings in protobuf's whole Python runtime for that
(descriptor pools, ``text_format``, the well-known types' helpers, ``datetime``, ``pickle``):
about 20 ms, more than protoc's own run. The message classes in ``descriptors.py`` (written by
``tools/descriptors.py`` from ``descriptor_pb2`` itself) declare their fields; :class:`Message`
reads them from bytes with the few rules a descriptor needs, and offers the part of the
generated classes' interface the generator uses: attributes with proto2 defaults, sequences
for repeated fields, ``HasField``, ``FromString`` and ``SerializeToString`` (the bytes it was
read from: these messages are never changed). Real ``descriptor_pb2`` messages have the same
interface, so tests may still hand those to the pipeline. :func:`fields` and
:func:`length_delimited` let a caller rewrite an encoding without a message class.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, TypeVar

_M = TypeVar("_M", bound="Message")

# How a field's value is read: the kinds of descriptor.proto's fields.
INT = 0  # int32, int64, enum: varint, two's complement
UINT = 1  # uint32, uint64: varint
BOOL = 2
STRING = 3
BYTES = 4
MESSAGE = 5
DOUBLE = 6  # fixed64
FLOAT = 7  # fixed32
SINT = 8  # sint32, sint64: zigzag varint

#: A field's number -> (attribute, kind, repeated, message class for MESSAGE fields).
Schema = dict[int, tuple[str, int, bool, "type[Message] | None"]]

_VARINT_KINDS = (INT, UINT, BOOL, SINT)


class DecodeError(ValueError):
    """The bytes are not a valid encoding of the message asked for."""


class Message:
    """A read-only protobuf message read from bytes; subclasses declare ``SCHEMA``."""

    SCHEMA: ClassVar[Schema] = {}
    _data: bytes
    _start: int
    _end: int

    @classmethod
    def FromString(cls: type[_M], data: bytes) -> _M:  # noqa: N802 (protobuf's spelling)
        """The message encoded in ``data``; :class:`DecodeError` names what is wrong."""
        data = bytes(data)
        try:
            return _read(cls, data, 0, len(data))
        except IndexError:
            raise DecodeError(f"truncated {cls.__name__}: the data ends inside a field") from None
        except UnicodeDecodeError as error:
            raise DecodeError(f"a string field of {cls.__name__} is not UTF-8: {error}") from None

    def SerializeToString(self) -> bytes:  # noqa: N802 (protobuf's spelling)
        """The message's encoding: the bytes it was read from."""
        if not hasattr(self, "_data"):
            return b""  # a default instance
        return self._data[self._start : self._end]

    def HasField(self, name: str) -> bool:  # noqa: N802 (protobuf's spelling)
        """Whether the singular field ``name`` was present in the bytes."""
        if not any(spec[0] == name and not spec[2] for spec in self.SCHEMA.values()):
            raise ValueError(f"{type(self).__name__} has no singular field {name!r}")
        return name in self.__dict__

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{name}={value!r}" for name, value in vars(self).items() if not name.startswith("_")
        )
        return f"{type(self).__name__}({fields})"


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    """The varint at ``pos`` and the position after it."""
    result = 0
    shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7
        if shift >= 70:
            raise DecodeError("a varint is longer than ten bytes")


def _skip_group(data: bytes, pos: int, end: int, number: int) -> int:
    """The position after the group ``number`` whose start tag ends at ``pos``."""
    while pos < end:
        tag, pos = _varint(data, pos)
        wire = tag & 7
        if wire == 4:
            if tag >> 3 != number:
                raise DecodeError("a group ends with another group's end tag")
            return pos
        pos = _skip(data, pos, end, wire, tag >> 3)
    raise DecodeError("a group has no end tag")


def _skip(data: bytes, pos: int, end: int, wire: int, number: int) -> int:
    """The position after a field of wire type ``wire`` whose tag ends at ``pos``."""
    if wire == 0:
        return _varint(data, pos)[1]
    if wire == 1:
        pos += 8
    elif wire == 2:
        length, pos = _varint(data, pos)
        pos += length
    elif wire == 5:
        pos += 4
    elif wire == 3:
        return _skip_group(data, pos, end, number)
    else:
        raise DecodeError(f"field {number} has the invalid wire type {wire}")
    if pos > end:
        raise IndexError
    return pos


def _signed(value: int) -> int:
    return value - (1 << 64) if value >= 1 << 63 else value


def _scalar(kind: int, value: int) -> Any:
    if kind == INT:
        return _signed(value)
    if kind == BOOL:
        return value != 0
    if kind == SINT:
        return (value >> 1) ^ -(value & 1)
    return value


def _packed(data: bytes, pos: int, end: int, kind: int) -> list[Any]:
    """The values of a packed repeated field held in ``data[pos:end]``."""
    values: list[Any]
    if kind in _VARINT_KINDS:
        chunk = data[pos:end]
        if chunk.isascii() and kind != SINT:  # every value one byte: paths and spans, mostly
            return list(chunk) if kind != BOOL else [byte != 0 for byte in chunk]
        values = []
        while pos < end:
            byte = data[pos]
            if byte < 0x80:
                value = byte
                pos += 1
            else:
                value, pos = _varint(data, pos)
            values.append(value if kind == UINT else _scalar(kind, value))
        if pos > end:
            raise IndexError
        return values
    import struct

    size, code = (8, "<d") if kind == DOUBLE else (4, "<f")
    if (end - pos) % size:
        raise DecodeError("a packed floating-point field has a partial value")
    return list(struct.unpack(f"<{(end - pos) // size}{code[1]}", data[pos:end]))


def _read(cls: type[_M], data: bytes, pos: int, end: int) -> _M:
    """A ``cls`` from ``data[pos:end]``; fields not in its schema are kept only as bytes."""
    message = cls.__new__(cls)
    values = message.__dict__
    values["_data"] = data
    values["_start"] = pos
    values["_end"] = end
    schema = cls.SCHEMA
    while pos < end:
        byte = data[pos]
        if byte < 0x80:
            tag = byte
            pos += 1
        else:
            tag, pos = _varint(data, pos)
        number = tag >> 3
        wire = tag & 7
        spec = schema.get(number)
        if spec is None:
            if number == 0:
                raise DecodeError(f"{cls.__name__} holds a field numbered 0")
            pos = _skip(data, pos, end, wire, number)
            continue
        name, kind, repeated, nested = spec
        value: Any
        if wire == 2:
            length, pos = _varint(data, pos)
            stop = pos + length
            if stop > end:
                raise IndexError
            if kind == STRING:
                value = data[pos:stop].decode("utf-8")
            elif kind == MESSAGE:
                assert nested is not None
                value = _read(nested, data, pos, stop)
            elif kind == BYTES:
                value = data[pos:stop]
            elif repeated:
                values.setdefault(name, []).extend(_packed(data, pos, stop, kind))
                pos = stop
                continue
            else:
                raise DecodeError(f"{cls.__name__}.{name} has the wrong wire type 2")
            pos = stop
        elif wire == 0 and kind in _VARINT_KINDS:
            if data[pos] < 0x80 and kind != SINT:
                value = data[pos] if kind != BOOL else data[pos] != 0
                pos += 1
            else:
                raw, pos = _varint(data, pos)
                value = _scalar(kind, raw)
        elif (wire == 1 and kind == DOUBLE) or (wire == 5 and kind == FLOAT):
            size = 8 if wire == 1 else 4
            value = _packed(data, pos, pos + size, kind)[0]
            pos += size
            if pos > end:
                raise IndexError
        else:
            raise DecodeError(f"{cls.__name__}.{name} has the wrong wire type {wire}")
        if repeated:
            values.setdefault(name, []).append(value)
        elif kind == MESSAGE and name in values:  # protoc never splits one; merging is not done
            raise DecodeError(f"{cls.__name__}.{name} is split in parts, which is not supported")
        else:
            values[name] = value
    if pos > end:
        raise IndexError
    return message


def fields(data: bytes) -> Iterator[tuple[int, int, int, int]]:
    """Each field of an encoded message, in order: its number, where it starts, where its value
    starts (after the length, for a length-delimited field) and where it ends."""
    pos = 0
    end = len(data)
    while pos < end:
        start = pos
        tag, pos = _varint(data, pos)
        if tag & 7 == 2:
            length, body = _varint(data, pos)
            pos = body + length
            if pos > end:
                raise DecodeError("truncated: a length-delimited field runs past the end")
        else:
            body = pos
            pos = _skip(data, pos, end, tag & 7, tag >> 3)
        yield tag >> 3, start, body, pos


def _encoded_varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def length_delimited(number: int, payload: bytes) -> bytes:
    """Field ``number`` holding ``payload`` (a string, bytes or an encoded message)."""
    return _encoded_varint(number << 3 | 2) + _encoded_varint(len(payload)) + payload
