"""The Go target: per proto package with services, a Go package beside its messages.

protoc-gen-go and protoc-gen-go-grpc write a proto package's messages and gRPC stubs into the
Go package its ``go_package`` names; this target writes, in a folder below it, the go-plugin
wiring a Go host or plugin needs (``render.py`` says what is in each file), and for a versioned
run one more package with ``VersionedPlugins``. Paths are import paths, as protoc-gen-go's
default ``paths=import`` lays them out, less the ``--go-module`` prefix when one is given (its
``module=``), so ``--go-out`` can be the very folder given to ``--go_out``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.errors import GeneratorError
from ..core.files import OutputFile
from ..core.model import Model
from ..core.pipeline import Target
from ..core.settings import Settings
from ..core.versioning import VersionedSet
from ..schema import descriptors
from . import model as go_model
from . import render


def for_settings(settings: Settings) -> Target:
    """The Go target for a run with ``settings`` (its Go options: import paths, module)."""

    def generate(
        model: Model,
        versioned: VersionedSet | None,
        files: Sequence[descriptors.FileDescriptorProto],
        *,
        include_main: bool,
    ) -> list[OutputFile]:
        """Every Go file for ``model``, unsorted; ``include_main`` has no Go meaning (a Go
        program's main is the user's own)."""
        del include_main
        names = go_model.build(model, versioned, files, settings)
        outputs = []
        for package in names.packages:
            folder = output_folder(package.import_path, settings.go_module)
            outputs += [
                OutputFile(f"{folder}/{name}", text) for name, text in render.files(package)
            ]
        if names.versions is not None:
            folder = output_folder(names.versions.import_path, settings.go_module)
            outputs.append(
                OutputFile(f"{folder}/versions.go", render.versions_file(names.versions))
            )
        return outputs

    return generate


def output_folder(import_path: str, module: str | None) -> str:
    """Where a package's files go below the output folder: its import path, less the module."""
    if module is None:
        return import_path
    if import_path.startswith(module + "/"):
        return import_path[len(module) + 1 :]
    raise GeneratorError(
        f"Go package {import_path} is not inside module {module} (--go-module): its path must "
        f"start with {module}/; check go_package and --go-import, or leave --go-module out"
    )
