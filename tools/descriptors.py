"""Write the generator's descriptor classes from protobuf's own, or check that they are current.

    .venv/bin/python -m tools.descriptors            # compare: exit 1 if stale
    .venv/bin/python -m tools.descriptors --update   # rewrite generator/schema/descriptors.py

``pygoplugin_gen.schema.descriptors`` declares, for every message a ``FileDescriptorSet`` or a
``CodeGeneratorRequest`` can hold, its fields (names, proto2 defaults, numbers, kinds), its
enum values and ``*_FIELD_NUMBER`` constants, as ``descriptor_pb2`` and ``plugin_pb2`` have
them; ``schema/wire.py`` reads them. Written from those modules' descriptors, not by hand, so no
field is missed or misnumbered; black lays the text out. The text names no protobuf release: a
new one changes it only if descriptor.proto or plugin.proto changed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence

import black
from google.protobuf import descriptor, descriptor_pb2
from google.protobuf.compiler import plugin_pb2

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The module in this checkout.
TARGET = os.path.join(REPO, "generator", "schema", "descriptors.py")

_F = descriptor.FieldDescriptor
_KINDS = {
    _F.TYPE_INT32: "INT",
    _F.TYPE_INT64: "INT",
    _F.TYPE_ENUM: "INT",
    _F.TYPE_UINT32: "UINT",
    _F.TYPE_UINT64: "UINT",
    _F.TYPE_SINT32: "SINT",
    _F.TYPE_SINT64: "SINT",
    _F.TYPE_BOOL: "BOOL",
    _F.TYPE_STRING: "STRING",
    _F.TYPE_BYTES: "BYTES",
    _F.TYPE_MESSAGE: "MESSAGE",
    _F.TYPE_DOUBLE: "DOUBLE",
    _F.TYPE_FLOAT: "FLOAT",
}
_PYTHON_TYPES = {
    "INT": "int",
    "UINT": "int",
    "SINT": "int",
    "BOOL": "bool",
    "STRING": "str",
    "BYTES": "bytes",
    "DOUBLE": "float",
    "FLOAT": "float",
}

_HEADER = '''"""descriptor.proto's and plugin.proto's messages as ``schema/wire.py`` reads them.

Written by ``python -m tools.descriptors`` from protobuf's ``descriptor_pb2`` and
``plugin_pb2``: do not edit. Field names, defaults, numbers and enum values are theirs; a nested
message ``A.B`` is the class ``AB``, also reachable as ``A.B``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeAlias

from .wire import {kinds}, Message
'''


def _class_name(message: descriptor.Descriptor) -> str:
    """``google.protobuf.SourceCodeInfo.Location`` -> ``SourceCodeInfoLocation``."""
    return message.full_name[len(message.file.package) + 1 :].replace(".", "")


def _reachable(roots: Sequence[descriptor.Descriptor]) -> list[descriptor.Descriptor]:
    """Every message the roots can hold, each after its nested messages and the messages its
    singular fields hold: a class body then names its nested classes and its fields' default
    instances, all defined before it."""
    ordered: list[descriptor.Descriptor] = []
    seen: set[str] = set()

    def visit(message: descriptor.Descriptor) -> None:
        if message.full_name in seen:
            return
        seen.add(message.full_name)
        for nested in message.nested_types:
            visit(nested)
        for field in message.fields:
            if field.message_type is not None and not field.is_repeated:
                visit(field.message_type)
        ordered.append(message)
        for field in message.fields:
            if field.message_type is not None and field.is_repeated:
                visit(field.message_type)

    for root in roots:
        visit(root)
    return ordered


def _default(field: descriptor.FieldDescriptor) -> str:
    if field.is_repeated:
        return "()"
    if field.message_type is not None:
        return f"{_class_name(field.message_type)}()"
    return repr(field.default_value)


def _annotation(field: descriptor.FieldDescriptor) -> str:
    if field.message_type is not None:
        single = _class_name(field.message_type)
    else:
        single = _PYTHON_TYPES[_KINDS[field.type]]
    return f"Sequence[{single}]" if field.is_repeated else single


def _class(message: descriptor.Descriptor) -> Iterator[str]:
    name = _class_name(message)
    yield f"class {name}(Message):"
    yield f'    """``{message.full_name}``."""'
    yield ""
    for nested in message.nested_types:
        yield f"    {nested.name}: TypeAlias = {_class_name(nested)}"
    for enum in message.enum_types:
        for value in enum.values:
            yield f"    {value.name}: Final = {value.number}"
    for field in message.fields:
        yield f"    {field.name.upper()}_FIELD_NUMBER: Final = {field.number}"
    for field in message.fields:
        yield f"    {field.name}: {_annotation(field)} = {_default(field)}"
    yield ""
    yield ""


def _schema(message: descriptor.Descriptor) -> Iterator[str]:
    yield f"{_class_name(message)}.SCHEMA = {{"
    for field in message.fields:
        nested = _class_name(field.message_type) if field.message_type is not None else "None"
        kind = _KINDS[field.type]
        yield f"    {field.number}: ({field.name!r}, {kind}, {field.is_repeated}, {nested}),"
    yield "}"


def source() -> str:
    """What ``generator/schema/descriptors.py`` must hold."""
    roots = [
        descriptor_pb2.FileDescriptorSet.DESCRIPTOR,
        plugin_pb2.CodeGeneratorRequest.DESCRIPTOR,
    ]
    messages = _reachable(roots)
    kinds = sorted({_KINDS[field.type] for message in messages for field in message.fields})
    lines = [_HEADER.format(kinds=", ".join(kinds))]
    for file in (descriptor_pb2.DESCRIPTOR, plugin_pb2.DESCRIPTOR):
        for enum in file.enum_types_by_name.values():
            for value in enum.values:
                lines.append(f"{value.name}: Final = {value.number}")
    lines += ["", ""]
    for message in messages:
        lines.extend(_class(message))
    lines.append("")
    for message in messages:
        lines.extend(_schema(message))
    text = "\n".join(lines) + "\n"
    return black.format_str(text, mode=black.Mode(line_length=100))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m tools.descriptors [--update]``; the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.descriptors",
        description="Check (or with --update, rewrite) generator/schema/descriptors.py.",
    )
    parser.add_argument("--update", action="store_true", help="rewrite it")
    arguments = parser.parse_args(argv)
    wanted = source()
    try:
        with open(TARGET, encoding="utf-8") as stream:
            current: str | None = stream.read()
    except FileNotFoundError:
        current = None
    if arguments.update:
        if current != wanted:
            with open(TARGET, "w", encoding="utf-8") as stream:
                stream.write(wanted)
        print(f"descriptors: {'rewritten' if current != wanted else 'current'}")
        return 0
    if current != wanted:
        print(
            "stale generator/schema/descriptors.py: run `.venv/bin/python -m tools.descriptors "
            "--update`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
