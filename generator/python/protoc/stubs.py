"""protoc's ``_pb2.pyi`` made acceptable to ``mypy --strict`` and ``pyright --strict``.

protoc's stub generator writes, for proto2 extensions,

* ``NOTE_FIELD_NUMBER: _ClassVar[int]`` at module level, where ``ClassVar`` is an error, and
* ``Extensions: _python_message._ExtensionDict`` in an extendable message, a name typeshed's
  protobuf stubs do not have; ``Message`` already declares ``Extensions``, typed.

Both are rewritten (to ``int``, and left to ``Message``). In every stub it also writes

* a bare ``_Mapping`` for the dict a message field accepts in a constructor
  (``location: _Optional[_Union[Point, _Mapping]]``): an unparameterized generic, which strict
  checkers reject and pyright reads as ``Mapping[Unknown, Unknown]``. The dict is the field's
  message given as keyword arguments (``Point(**value)``), so ``_Mapping[str, _Any]``; and
* imports it never uses (``_ClassVar`` in a stub with no fields, a dependency whose types no
  field names), which pyright --strict reports; a stub's imports run nothing, so they go.

Everything else stays protoc's. The keyword repairs live in ``keywords.py``.
"""

from __future__ import annotations

import re

_MODULE_CLASSVAR = re.compile(r"^(\w+): _ClassVar\[(\w+)\]$", re.M)
_EXTENSIONS = re.compile(r"^[ \t]+Extensions: _python_message\._ExtensionDict\n", re.M)
_BARE_MAPPING = re.compile(r"\b_Mapping\b(?!\[)")
_TYPING_IMPORT = re.compile(r"^from typing import ", re.M)
_IMPORT = re.compile(r"^(from [\w.]+ import |import )(.+)$")
_ALIAS = re.compile(r"[\w.]+ as (_\w+)$")


def repair(source: str) -> str:
    """``source`` (a protoc ``.pyi``) with the constructs above rewritten."""
    return _drop_unused_imports(_type_dict_initializers(_repair_extensions(source)))


def _repair_extensions(source: str) -> str:
    if "_FIELD_NUMBER: _ClassVar" not in source and "_ExtensionDict" not in source:
        return source
    source = _MODULE_CLASSVAR.sub(r"\1: \2", source)
    return _EXTENSIONS.sub("", source)


def _type_dict_initializers(source: str) -> str:
    """Every bare ``_Mapping`` outside the imports as ``_Mapping[str, _Any]``."""
    head, body = _split_imports(source)
    if not _BARE_MAPPING.search(body):
        return source
    body = _BARE_MAPPING.sub("_Mapping[str, _Any]", body)
    if _TYPING_IMPORT.search(head):  # protoc's names are sorted: Any comes first
        return _TYPING_IMPORT.sub("from typing import Any as _Any, ", head, count=1) + body
    return head + "from typing import Any as _Any\n" + body


def _drop_unused_imports(source: str) -> str:
    """Each private alias (``X as _x``) no line after the imports names, out of its import."""
    head, body = _split_imports(source)
    used = set(re.findall(r"\b_\w+", body))
    lines = []
    for line in head.split("\n"):
        match = _IMPORT.match(line)
        if match:
            names = [
                name
                for name in match[2].split(", ")
                if not (alias := _ALIAS.match(name)) or alias[1] in used
            ]
            if not names:
                continue
            line = match[1] + ", ".join(names)
        lines.append(line)
    return "\n".join(lines) + body


def _split_imports(source: str) -> tuple[str, str]:
    """``source`` cut after its last top-level import line (the head ends with its newline)."""
    imports = [m.end() for m in re.finditer(r"^(?:from|import) .+$", source, re.M)]
    cut = imports[-1] + 1 if imports else 0
    return source[:cut], source[cut:]
