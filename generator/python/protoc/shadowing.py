"""protoc's ``_pb2.pyi`` made valid when a message's field names shadow the names its stub uses.

Inside ``class Response`` of a stub, an annotation is looked up in the class first: a field
named ``bytes``, ``float`` or ``Attr`` (a sibling message) turns ``bytes: bytes`` and the
constructor's ``bytes: _Optional[bytes]`` into references to the field itself, which mypy
rejects (``Variable "...Response.bytes" is not valid as a type``). protoc also names the
constructor's first parameter ``self_`` when a field is named ``self`` (pyright --strict wants
``self``, or a private name), and a field such as ``__2conflict`` becomes a parameter that
type checkers read as position-only, after parameters that are not.

So, only for files that have such names (a look at the descriptors first), each shadowed name
in a class's annotations is spelled another way: a builtin as ``_builtins.bytes``, a name of
the stub's module as a module-level alias (``_shadowed_Attr = Attr``); the first parameter is
``_self``; and a constructor with a ``__``-prefixed field takes its fields by keyword only,
as message constructors do at run time. Everything else is protoc's text, untouched.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from google.protobuf import descriptor_pb2

from .. import naming

_BUILTINS_IMPORT = "import builtins as _builtins\n"
_ALIAS_PREFIX = "_shadowed_"


def needing_repair(file: descriptor_pb2.FileDescriptorProto) -> set[str]:
    """The stub's class names of the top-level messages of ``file`` with a member (theirs or a
    nested message's) that can shadow a name their stub uses; only those classes are parsed (a
    whole big stub: 10 ms)."""
    top = {message.name for message in file.message_type} | {e.name for e in file.enum_type}
    top |= {value.name for enum in file.enum_type for value in enum.value}
    found = set()
    for outer in file.message_type:
        messages = [outer]
        while messages:
            message = messages.pop()
            messages.extend(message.nested_type)
            members = {field.name for field in message.field}
            members |= {nested.name for nested in message.nested_type}
            members |= {enum.name for enum in message.enum_type}
            members |= {value.name for enum in message.enum_type for value in enum.value}
            if any(
                name in naming.BUILTINS or name in top or name == "self" or name.startswith("_")
                for name in members
            ):
                found.add(naming.type_attribute(outer.name))  # class else_ for message else
                break
    return found


def repair(source: str, messages: set[str]) -> str:
    """``source`` (a protoc ``.pyi``) with shadowed names and awkward parameters respelled in
    the classes of ``messages``."""
    lines = source.split("\n")
    module_names = set(_module_names(lines))
    edits: list[tuple[int, int, int, str]] = []  # (line, start, end, text), 1-based lines
    aliases: set[str] = set()
    uses_builtins = False
    for cls in _classes([node for block in _blocks(lines, messages) for node in block]):
        members = set(_defined(cls.body))
        for node in _annotation_names(cls):
            if node.id not in members:
                continue
            if node.id in module_names:
                aliases.add(node.id)
                replacement = _ALIAS_PREFIX + node.id
            elif node.id in naming.BUILTINS:
                uses_builtins = True
                replacement = f"_builtins.{node.id}"
            else:
                continue
            edits.append((node.lineno, node.col_offset, _end(node), replacement))
        edits.extend(_constructor_edits(cls))
    if not edits:
        return source
    for line, start, end, text in sorted(edits, reverse=True):
        encoded = lines[line - 1].encode("utf-8")
        lines[line - 1] = (encoded[:start] + text.encode("utf-8") + encoded[end:]).decode("utf-8")
    result = "\n".join(lines)
    if aliases:
        result = result.rstrip("\n") + "\n\n"
        result += "".join(f"{_ALIAS_PREFIX}{name} = {name}\n" for name in sorted(aliases))
    return _BUILTINS_IMPORT + result if uses_builtins else result  # protoc's stubs: no docstring


_TOP_LEVEL = re.compile(r"^(?:class (\w+)|(\w+) *[:=])")
_IMPORTED = re.compile(r"(?:^| )(?:[\w.]+ as )?(\w+)(?:,|$)")


def _module_names(lines: list[str]) -> Iterator[str]:
    """The names a stub binds at module level: classes, constants, aliases, imports."""
    for line in lines:
        if line.startswith(("import ", "from ")):
            imported = line.partition(" import ")[2] if line.startswith("from ") else line[7:]
            yield from _IMPORTED.findall(imported)
        elif match := _TOP_LEVEL.match(line):
            yield match[1] or match[2]


def _blocks(lines: list[str], messages: set[str]) -> Iterator[list[ast.stmt]]:
    """The parsed top-level class of each of ``messages``, with the stub's line numbers."""
    starts = [row for row, line in enumerate(lines) if line[:1] not in ("", " ", "\t")]
    for index, row in enumerate(starts):
        match = re.match(r"class (\w+)\(", lines[row])
        if not match or match[1] not in messages:
            continue
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        block = ast.parse("\n".join(lines[row:end]))
        ast.increment_lineno(block, row)
        yield block.body


def _end(node: ast.expr) -> int:
    if node.end_col_offset is None:
        raise ValueError("ast.parse gives every expression an end")
    return node.end_col_offset


def _defined(body: list[ast.stmt]) -> Iterator[str]:
    """The names a module or class body binds."""
    for statement in body:
        if isinstance(statement, ast.ClassDef | ast.FunctionDef):
            yield statement.name
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id
        elif isinstance(statement, ast.Assign):
            yield from (target.id for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.Import | ast.ImportFrom):
            yield from (alias.asname or alias.name.split(".")[0] for alias in statement.names)


def _classes(body: list[ast.stmt]) -> Iterator[ast.ClassDef]:
    for statement in body:
        if isinstance(statement, ast.ClassDef):
            yield statement
            yield from _classes(statement.body)


def _annotation_names(cls: ast.ClassDef) -> Iterator[ast.Name]:
    """The names evaluated in ``cls``'s own scope: its annotations, its nested classes' bases."""
    annotations: list[ast.expr] = []
    for statement in cls.body:
        if isinstance(statement, ast.ClassDef):  # class Mode(int, metaclass=...) in a message
            annotations += [*statement.bases, *(keyword.value for keyword in statement.keywords)]
        elif isinstance(statement, ast.AnnAssign):
            annotations.append(statement.annotation)
        elif isinstance(statement, ast.FunctionDef):
            arguments = statement.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
            annotations += [arg.annotation for arg in every if arg.annotation is not None]
            if statement.returns is not None:
                annotations.append(statement.returns)
    for annotation in annotations:
        yield from (node for node in ast.walk(annotation) if isinstance(node, ast.Name))


def _constructor_edits(cls: ast.ClassDef) -> Iterator[tuple[int, int, int, str]]:
    """``self_`` as ``_self``; keyword-only fields when one would read as position-only."""
    for statement in cls.body:
        if not (isinstance(statement, ast.FunctionDef) and statement.name == "__init__"):
            continue
        first, *rest = statement.args.args
        if first.arg != "self":
            yield (first.lineno, first.col_offset, first.col_offset + len(first.arg), "_self")
        private = [arg for arg in rest if arg.arg.startswith("__") and not arg.arg.endswith("__")]
        if private and rest:
            yield (first.lineno, _end_of(first), _end_of(first), ", *")


def _end_of(arg: ast.arg) -> int:
    if arg.end_col_offset is None:
        raise ValueError("ast.parse gives every argument an end")
    return arg.end_col_offset
