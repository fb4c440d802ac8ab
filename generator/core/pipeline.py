"""The pipeline both front doors share: descriptors and settings in, output files out.

Model, protoc's modules, render, format: everything that decides the bytes happens here and
nowhere else, so ``gen-plugin`` and ``protoc --pyplugin_out`` cannot drift apart. Nothing is
written; the caller decides what to do with the files (write them, compare them, or put them in
a ``CodeGeneratorResponse``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from google.protobuf import descriptor_pb2

from ..python import naming
from ..python.protoc import grpc_docstrings, keywords, relocate, stubs
from ..python.render import render
from ..python.render.format import format_python
from . import load, model, versioning
from .errors import GeneratorError
from .files import MAIN, OutputFile
from .settings import Settings


def generate(
    files: Sequence[descriptor_pb2.FileDescriptorProto],
    to_generate: Sequence[str],
    settings: Settings,
    *,
    include_main: bool,
) -> list[OutputFile]:
    """All output files for ``to_generate``, sorted by path.

    ``files`` holds every file involved, imports included, in dependency order (as both a
    descriptor set built with ``--include_imports`` and a ``CodeGeneratorRequest`` have them).
    """
    built = model.build(files, to_generate, settings)
    names = [file.name for file in built.files]
    protoc_output = load.python_modules(files, names)
    by_name = {file.name: file for file in files}
    outputs: list[OutputFile] = []
    for package in built.packages:
        for file in package.files:
            outputs.extend(
                _protoc_modules(by_name[file.name], file.module, protoc_output, built.modules)
            )
            outputs.append(
                OutputFile(
                    naming.module_path(file.grpc_module, ".pyi"),
                    format_python(render.grpc_stub(package, file), stub=True),
                )
            )
        folder = naming.module_path(package.module, "/")
        outputs.append(
            OutputFile(folder + "__init__.py", format_python(render.package_init(package)))
        )
        if package.services:
            outputs.append(
                OutputFile(folder + "interface.py", format_python(render.interface(package)))
            )
            outputs.append(OutputFile(folder + "plugin.py", format_python(render.plugin(package))))
    versioned = versioning.plan(built)
    if versioned is not None:
        path = naming.module_path(versioned.module)
        outputs.append(OutputFile(path, format_python(render.versions(versioned))))
    if include_main:
        if versioned is None:
            _check_one_program(built)
        outputs.append(OutputFile(MAIN, format_python(render.main(built, versioned))))
    return sorted(outputs, key=lambda output: output.path)


def _protoc_modules(
    file: descriptor_pb2.FileDescriptorProto,
    module: str,
    protoc_output: Mapping[str, str],
    modules: Mapping[str, str],
) -> list[OutputFile]:
    """protoc's three modules for one file, moved to ``module``, imports and keywords fixed."""
    stem = naming.protoc_module(file.name)[: -len("_pb2")].replace(".", "/")
    pb2, pyi, grpc = (
        protoc_output[stem + suffix] for suffix in ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")
    )
    return [
        OutputFile(
            naming.module_path(module),
            keywords.repair_pb2(relocate.relocate(pb2, module, modules), file),
        ),
        OutputFile(
            naming.module_path(module, ".pyi"),
            stubs.repair(keywords.repair_pyi(relocate.relocate(pyi, module, modules))),
        ),
        OutputFile(
            naming.module_path(module + "_grpc"),
            keywords.repair_grpc(
                grpc_docstrings.repair(relocate.relocate(grpc, module + "_grpc", modules))
            ),
        ),
    ]


def _describe(handshake: model.Handshake) -> str:
    value = handshake.magic_cookie_value
    shown = value if len(value) <= 12 else value[:8] + "..."
    return f"{handshake.magic_cookie_key}={shown}, version {handshake.protocol_version}"


def _check_one_program(built: model.Model) -> None:
    """``main.py`` is one plugin program: one handshake, distinct plugin names.

    Several versions of one protocol are one program too; :mod:`generator.versioning` checks
    those (one cookie, distinct plugin names per version).
    """
    packages = [package for package in built.packages if package.plugin_services]
    if not packages:
        names = ", ".join(service.full_name for service in built.services)
        raise GeneratorError(
            f"every service of this run is a broker service ({names}): main.py serves plugins, "
            "so leave at least one service unmarked by --broker-service, or generate without "
            "main.py (protoc-gen-pyplugin without force_main)"
        )
    handshakes = {package.handshake for package in packages}
    if len(handshakes) > 1:
        listed = ", ".join(
            f"{package.proto_package or package.module} ({_describe(package.handshake)})"
            for package in packages
        )
        raise GeneratorError(
            f"one main.py cannot serve packages with different handshakes: {listed}; generate "
            "them into separate output folders, or give them one handshake with "
            "--magic-cookie-key/--magic-cookie-value/--protocol-version (versions of one "
            "protocol share the cookie and differ in version: NAME.v1, NAME.v2)"
        )
    seen: dict[str, str] = {}
    for service in built.plugin_services:
        other = seen.setdefault(service.plugin_name, service.full_name)
        if other != service.full_name:
            raise GeneratorError(
                f"{other} and {service.full_name} would both be served as plugin "
                f"{service.plugin_name!r} by main.py: generate them into separate output folders"
            )
