"""The pipeline both front doors share: descriptors and settings in, output files out.

    descriptors ─ model.build ─> Model ─ versioning ─> target(s) ─> OutputFiles (sorted by path)

Everything that decides the bytes happens here and in the targets it is given, nowhere else, so
``gen-plugin`` and ``protoc --pyplugin_out`` cannot drift apart. Nothing is written; the caller
decides what to do with the files (write them, compare them, or put them in a
``CodeGeneratorResponse``). A target is a function of the model (see :class:`Target`): the
Python target is ``python/target.py``; a Go target takes the same model and checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..schema import descriptors
from . import model, versioning
from .files import OutputFile
from .settings import Settings


class Target(Protocol):
    """A target language: the model in, its files out (paths relative to the output folder)."""

    def __call__(
        self,
        model: model.Model,
        versioned: versioning.VersionedSet | None,
        files: Sequence[descriptors.FileDescriptorProto],
        *,
        include_main: bool,
    ) -> list[OutputFile]: ...


def generate(
    files: Sequence[descriptors.FileDescriptorProto],
    to_generate: Sequence[str],
    settings: Settings,
    *,
    target: Target,
    include_main: bool,
) -> list[OutputFile]:
    """All output files for ``to_generate``, sorted by path.

    ``files`` holds every file involved, imports included, in dependency order (as both a
    descriptor set built with ``--include_imports`` and a ``CodeGeneratorRequest`` have them).
    ``include_main`` asks for the plugin program's scaffold too, which must then serve one
    handshake.
    """
    built = model.build(files, to_generate, settings)
    versioned = versioning.plan(built)
    if include_main and versioned is None:
        versioning.check_one_program(built)
    outputs = target(built, versioned, files, include_main=include_main)
    return sorted(outputs, key=lambda output: output.path)
