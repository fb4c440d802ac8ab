"""Move protoc's Python modules into the emitted package and fix their imports.

protoc names a module after its file's path (``greeter.proto`` -> top-level ``greeter_pb2``)
and imports its dependencies by that path, rooted at the ``-I`` folder: the imports only work
when that folder is on ``sys.path`` (grpc#29390, open for years; people sed their way out).
We place modules by proto *package* instead, so the import lines are rewritten to the new
places: relative within one top-level package, absolute across packages. Nothing else in the
modules changes except the module name the messages record (``__module__``), so pickling and
reprs name the module that really holds them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import naming

_FROM_IMPORT = re.compile(r"^from ([\w.]+) import (\w+)( as \w+)?$")
_FROM_MODULE = re.compile(r"^from ([\w.]+) import (.+)$")
_IMPORT_AS = re.compile(r"^import ([\w.]+) as (\w+)$")
_BUILDER = re.compile(r"^(_builder\.BuildTopDescriptorsAndMessages\(DESCRIPTOR, )'[\w.]+'")


def relocate(source: str, module: str, modules: Mapping[str, str]) -> str:
    """Rewrite ``source`` (a protoc module now living at ``module``) for the new layout.

    ``modules`` maps protoc's module names to ours; import lines naming anything else (the
    protobuf runtime, grpc, typing) are left as they are.
    """
    package = module.rpartition(".")[0]
    lines = source.split("\n")
    for number, line in enumerate(lines):
        if line.startswith(("from ", "import ")):
            lines[number] = _rewrite_import(line, package, modules)
        elif line.startswith("_builder.BuildTopDescriptorsAndMessages"):
            lines[number] = _BUILDER.sub(rf"\1'{module}'", line)
    return "\n".join(lines)


def _rewrite_import(line: str, package: str, modules: Mapping[str, str]) -> str:
    match = _FROM_IMPORT.match(line)
    if match and f"{match[1]}.{match[2]}" in modules:
        target = modules[f"{match[1]}.{match[2]}"]
        return _import_module(package, target, match[3] or "")
    match = _IMPORT_AS.match(line)
    if match and match[1] in modules:
        return _import_module(package, modules[match[1]], f" as {match[2]}")
    match = _FROM_MODULE.match(line)
    if match and match[1] in modules:  # public imports: from a.b_pb2 import *
        source, name = naming.import_from(package, modules[match[1]])
        dotted = f"{source}{name}" if source.endswith(".") else f"{source}.{name}"
        return f"from {dotted} import {match[2]}"
    return line


def _import_module(package: str, target: str, alias: str) -> str:
    source, name = naming.import_from(package, target)
    return f"from {source} import {name}{alias}"
