"""The proto files a new repository starts from: the starter, or a user's file with its imports.

A repository keeps its contract in ``proto/``, every file at its import path, so ``-I proto``
compiles it and the ``import`` lines need no edit. For ``--proto FILE`` that means copying the
file and every file it imports (well-known types excepted: protoc brings those), found through
the same ``-I`` folders ``gen-plugin`` would use.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..core.errors import GeneratorError
from ..core.records import record
from .names import Names


@record
class Protos:
    """The files of ``proto/`` by import path, and which of them the plugin serves."""

    files: tuple[tuple[str, str], ...]
    #: The import path of the file whose services the plugin implements.
    main: str


def starter(names: Names, text: str) -> Protos:
    """The starter proto (``text``, rendered by the caller) at ``<package>/v1/<package>.proto``."""
    path = f"{names.proto_package}/v1/{names.proto_package}.proto"
    return Protos(files=((path, text),), main=path)


def from_user(proto: str, includes: Sequence[str]) -> Protos:
    """``proto`` and the files it imports, read from where protoc found them."""
    from google.protobuf import descriptor_pb2

    from ..schema import load

    if not os.path.isfile(proto):
        raise GeneratorError("no such proto file (--proto)", proto)
    search = list(includes) or load.default_includes([proto])
    data, names = load.compile_protos([proto], search)
    descriptors = descriptor_pb2.FileDescriptorSet.FromString(data).file
    well_known = load.well_known_include()
    files = []
    for descriptor in descriptors:
        source = _found(descriptor.name, search)
        if source is None:
            if os.path.isfile(os.path.join(well_known, descriptor.name)):
                continue  # google/protobuf/*.proto: protoc ships them
            raise GeneratorError(f"imported file {descriptor.name} not found in -I folders", proto)
        with open(source, encoding="utf-8") as stream:
            files.append((descriptor.name, stream.read()))
    return Protos(files=tuple(files), main=names[0])


def _found(name: str, search: Sequence[str]) -> str | None:
    for folder in search:
        candidate = os.path.join(folder, *name.split("/"))
        if os.path.isfile(candidate):
            return candidate
    return None
