"""protoc's ``_pb2.pyi`` made acceptable to ``mypy --strict``: two proto2 constructs it mistypes.

protoc's stub generator writes, for proto2 extensions,

* ``NOTE_FIELD_NUMBER: _ClassVar[int]`` at module level, where ``ClassVar`` is an error, and
* ``Extensions: _python_message._ExtensionDict`` in an extendable message, a name typeshed's
  protobuf stubs do not have; ``Message`` already declares ``Extensions``, typed.

Both are rewritten (to ``int``, and left to ``Message``); everything else stays protoc's. The
keyword repairs live in :mod:`generator.keywords`.
"""

from __future__ import annotations

import re

_MODULE_CLASSVAR = re.compile(r"^(\w+): _ClassVar\[(\w+)\]$", re.M)
_EXTENSIONS = re.compile(r"^[ \t]+Extensions: _python_message\._ExtensionDict\n", re.M)


def repair(source: str) -> str:
    """``source`` (a protoc ``.pyi``) with the constructs above rewritten."""
    if "_FIELD_NUMBER: _ClassVar" not in source and "_ExtensionDict" not in source:
        return source
    source = _MODULE_CLASSVAR.sub(r"\1: \2", source)
    return _EXTENSIONS.sub("", source)
