"""The Python target: per proto package, a Python package; per run, maybe ``main.py``.

For each proto file, protoc's own ``_pb2.py``, ``_pb2.pyi`` and ``_pb2_grpc.py`` (moved and
repaired, ``protoc/``) and a typed ``_pb2_grpc.pyi``; for each package, ``__init__.py``,
``interface.py`` and ``plugin.py``; for a versioned run, ``versions.py``; and the ``main.py``
scaffold when asked. Every text is in black's form (``render/format.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..core.files import MAIN, OutputFile
from ..core.model import Model
from ..core.versioning import VersionedSet
from ..schema import descriptors
from . import model as py_model
from . import naming
from .protoc import modules as protoc_modules
from .render import render
from .render.format import format_python


def generate(
    model: Model,
    versioned: VersionedSet | None,
    files: Sequence[descriptors.FileDescriptorProto],
    *,
    include_main: bool,
) -> list[OutputFile]:
    """Every Python file for ``model``, unsorted (the pipeline's :class:`Target`)."""
    names = py_model.build(model, files)
    message_files = dict(names.message_files)
    protoc_output = protoc_modules.generate(
        files, [*(file.file.name for file in names.files), *message_files]
    )
    by_name = {file.name: file for file in files}
    outputs: list[OutputFile] = []
    inits: dict[str, OutputFile] = {}
    for package in names.packages:
        for file in package.files:
            outputs.extend(
                protoc_modules.moved(
                    by_name[file.file.name], file.module, protoc_output, names.modules, by_name
                )
            )
            outputs.append(
                OutputFile(
                    naming.module_path(file.grpc_module, ".pyi"),
                    format_python(render.grpc_stub(names, package, file), stub=True),
                )
            )
        folder = naming.module_path(package.module, "/")
        sources = [file.file.name for file in package.files]
        kind = "plugin" if package.services else "package"
        text = render.package_init(kind, package.package.proto_package, sources)
        inits[package.module] = OutputFile(folder + "__init__.py", format_python(text))
        if package.services:
            outputs.append(
                OutputFile(folder + "interface.py", format_python(render.interface(names, package)))
            )
            outputs.append(
                OutputFile(folder + "plugin.py", format_python(render.plugin(names, package)))
            )
    for name, module in message_files.items():
        outputs.extend(
            protoc_modules.moved(
                by_name[name],
                module,
                protoc_output,
                names.modules,
                by_name,
                messages_only=True,
            )
        )
        home = module.rpartition(".")[0]
        if home not in inits:
            text = render.package_init("messages", by_name[name].package, [name])
            inits[home] = OutputFile(naming.module_path(home, "/__init__.py"), format_python(text))
    versions = None if versioned is None else py_model.versions(names, versioned)
    if versions is not None:
        path = naming.module_path(versions.module)
        outputs.append(OutputFile(path, format_python(render.versions(versions))))
    if include_main:
        outputs.append(OutputFile(MAIN, format_python(render.main(names, versions))))
    return outputs + list(inits.values()) + _folder_inits(inits)


def _folder_inits(inits: Mapping[str, OutputFile]) -> list[OutputFile]:
    """An ``__init__.py`` for every folder above the emitted packages that has none.

    Every emitted folder is a regular package: a namespace package would lose to any regular
    package of the same name on ``sys.path``, such as the standard library's ``test``. These
    folders may be the user's own packages, so their ``__init__.py`` is only written if missing.
    """
    folders = sorted(
        {
            ".".join(parts[:end])
            for module in inits
            for parts in [module.split(".")]
            for end in range(1, len(parts))
        }
        - set(inits)
    )
    text = format_python(render.package_init("folder"))
    return [
        OutputFile(naming.module_path(folder, "/__init__.py"), text, keep=True)
        for folder in folders
    ]
