"""Python keywords as proto names: the repairs protoc's and grpcio-tools' modules need.

A proto may name a message ``class``, an enum ``def`` or an RPC ``lambda``. protoc's ``_pb2``
binds such a type only as ``globals()["class"]``, its ``.pyi`` declares ``class class(...)``
(a syntax error) and refers to it as ``globals()['class']`` (no type), and grpcio-tools'
``_pb2_grpc`` writes ``def lambda(...)`` and ``kw_pb2.class.FromString``: a module that does not
even compile. Without repair one keyword makes a whole package unimportable and untyped.

The repair is PEP 8's escape, the one ``python/naming.py`` uses everywhere: ``class_``.

* ``_pb2.py`` gains one alias line per keyword-named type (``class_ = _globals['class']``,
  ``Outer.import_ = getattr(Outer, 'import')``): the same class under a name Python can spell.
* ``_pb2.pyi`` (written by ``render/pb2_stub.py``) declares and references those aliases.
  Enum values named after keywords are left out of it, as protoc leaves out keyword fields:
  Python cannot declare them, and they stay reachable as ``Mode.Value("None")``.
* ``_pb2_grpc.py`` (not imported by pygoplugin's own modules, emitted for users of protoc's
  stubs) gets the escape wherever a keyword stands as an attribute, function or class name.

Files without keyword names are returned unchanged, after one cheap look.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence

from ...core.errors import GeneratorError
from ...schema import descriptors
from .. import naming

_KEYWORDS = "|".join(sorted(naming.HARD_KEYWORDS))
#: Anything protoc or grpcio-tools write only when a name is a keyword.
_SUSPECT = re.compile(
    rf"globals\(\)\[|getattr\(|\*\*kwargs\)|\b(?:def|class)[ \t]+(?:{_KEYWORDS})[ \t]*[(:]"
    rf"|[\w)\]]\.(?:{_KEYWORDS})\b|^[ \t]*(?:{_KEYWORDS}): ",
    re.M,
)
_INSERTION_POINT = "# @@protoc_insertion_point(module_scope)"


def names_a_keyword(file: descriptors.FileDescriptorProto) -> bool:
    """Whether a name ``file`` declares or refers to is a Python keyword.

    Only then can protoc's stub or grpcio-tools' module need a repair; a walk over the
    descriptors costs far less than scanning the generated text (milliseconds on a big file).
    """
    words = set(file.package.split("."))
    words.update(part for dependency in file.dependency for part in re.split(r"[./]", dependency))
    messages = list(file.message_type)
    enums = list(file.enum_type)
    fields = list(file.extension)
    for service in file.service:
        words.add(service.name)
        for method in service.method:
            words.add(method.name)
            words.update(method.input_type.split("."), method.output_type.split("."))
    while messages:
        message = messages.pop()
        words.add(message.name)
        words.update(oneof.name for oneof in message.oneof_decl)
        messages.extend(message.nested_type)
        enums.extend(message.enum_type)
        fields.extend((*message.field, *message.extension))
    for field in fields:
        words.add(field.name)
        words.update(field.type_name.split("."), field.extendee.split("."))
    for enum in enums:
        words.add(enum.name)
        words.update(value.name for value in enum.value)
    return not words.isdisjoint(naming.HARD_KEYWORDS)


def type_aliases(file: descriptors.FileDescriptorProto) -> list[tuple[str, str, str]]:
    """``(owner, alias, name)`` for each keyword-named type of ``file``, parents first.

    ``owner`` is the (already aliased) enclosing class, ``""`` for the module. Raises
    :class:`GeneratorError` when the alias is a name the scope already has.
    """
    aliases: list[tuple[str, str, str]] = []
    _scope(file.name, "", _module_members(file), file.message_type, file.enum_type, aliases)
    return aliases


def _module_members(file: descriptors.FileDescriptorProto) -> set[str]:
    members = {message.name for message in file.message_type}
    members |= {enum.name for enum in file.enum_type}
    members |= {value.name for enum in file.enum_type for value in enum.value}
    members |= {extension.name for extension in file.extension}
    return members


def _message_members(message: descriptors.DescriptorProto) -> set[str]:
    members = {field.name for field in message.field}
    members |= {nested.name for nested in message.nested_type}
    members |= {enum.name for enum in message.enum_type}
    members |= {value.name for enum in message.enum_type for value in enum.value}
    members |= {extension.name for extension in message.extension}
    return members


def _scope(
    file_name: str,
    owner: str,
    members: set[str],
    messages: Sequence[descriptors.DescriptorProto],
    enums: Sequence[descriptors.EnumDescriptorProto],
    aliases: list[tuple[str, str, str]],
) -> None:
    for name in [*(message.name for message in messages), *(enum.name for enum in enums)]:
        alias = naming.type_attribute(name)
        if alias == name:
            continue
        if alias in members:
            where = f"{owner}.{alias}" if owner else alias
            raise GeneratorError(
                f"type {name!r} is a Python keyword and its escaped name {where!r} is taken "
                f"in {file_name}: rename one of them",
                file_name,
            )
        aliases.append((owner, alias, name))
    for message in messages:
        path = f"{owner}.{naming.type_attribute(message.name)}" if owner else None
        inner = path or naming.type_attribute(message.name)
        _scope(
            file_name,
            inner,
            _message_members(message),
            message.nested_type,
            message.enum_type,
            aliases,
        )


def repair_pb2(source: str, file: descriptors.FileDescriptorProto) -> str:
    """protoc's ``_pb2.py`` with an alias for every keyword-named type."""
    aliases = type_aliases(file)
    if not aliases:
        return source
    lines = [
        "# pygoplugin: types named after Python keywords, also bound under PEP 8's escape",
        "# (``class_`` is ``class``), so code and stubs can name them.",
    ]
    for owner, alias, name in aliases:
        if owner:
            lines.append(f"{owner}.{alias} = getattr({owner}, {name!r})")
        else:
            lines.append(f"{alias} = _globals[{name!r}]")
    block = "\n".join(lines) + "\n"
    if _INSERTION_POINT in source:
        return source.replace(_INSERTION_POINT, block + _INSERTION_POINT, 1)
    return source.rstrip("\n") + "\n" + block


def repair_grpc(source: str) -> str:
    """grpcio-tools' ``_pb2_grpc.py`` made valid: keywords escaped where they name things.

    A keyword is escaped after ``def`` or ``class``, and after a ``.`` that follows a name or a
    bracket (attribute access: ``self.lambda``, ``kw__pb2.class``); string literals, such as
    the method paths sent on the wire, are never touched.
    """
    if not _SUSPECT.search(source):
        return source
    edits = list(_keyword_names(source))
    if not edits:
        return source
    lines = source.split("\n")
    for row, column in reversed(edits):
        line = lines[row - 1]
        end = column + len(re.match(r"\w+", line[column:])[0])  # type: ignore[index]
        lines[row - 1] = line[:end] + "_" + line[end:]
    return "\n".join(lines)


def _keyword_names(source: str) -> Iterator[tuple[int, int]]:
    """Positions (row, column) of keywords used as names in ``source``."""
    import tokenize  # here, not above: only a module using a keyword is tokenized

    skip = (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT)
    before_last = last = ""  # "operand", "def", "." or "" for anything else
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in skip:
            continue
        kind = ""
        if token.type == tokenize.NAME and token.string in naming.HARD_KEYWORDS:
            if last == "def" or (last == "." and before_last == "operand"):
                yield token.start
                kind = "operand"
            elif token.string in ("def", "class"):
                kind = "def"
        elif token.type == tokenize.NAME or token.string in (")", "]"):
            kind = "operand"
        elif token.string == ".":
            kind = "."
        before_last, last = last, kind
