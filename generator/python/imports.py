"""Where an imported proto file's Python code comes from, and what the runtime already holds.

A generated file's imports are, in order of precedence: the protobuf runtime's own modules
(well-known types, ``google.protobuf.*_pb2``); modules that already exist, mapped by the user
(``--python-module a/b.proto=sdk.b_pb2``, or a whole package: ``a.b=sdk.b``) or by default for
the files goplugin's runtime itself loads; and otherwise message modules emitted beside the
plugin (``_pb2.py`` and ``.pyi``, never a plugin), so the output imports and runs for any proto
as given.

Every process that imports ``goplugin`` has already registered some files' symbols in protobuf's
default pool (``grpc.health.v1`` for go-plugin's health service); a generated module declaring
one of them again fails at import with "duplicate symbol", so that is refused at generation time
with the fix (:func:`check_runtime_clash`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import GeneratorError
from ..core.naming import file_stem
from ..core.settings import Settings
from ..schema import descriptors
from . import naming

#: Files the runtime loads (into protobuf's default pool), by the name they are registered
#: under, and the module that holds them: an import of that very file uses that module.
RUNTIME_MODULES = {
    "grpc_health/v1/health.proto": "grpc_health.v1.health_pb2",
    "grpc_reflection/v1alpha/reflection.proto": "grpc_reflection.v1alpha.reflection_pb2",
}

#: Every top-level symbol those files register, and its file (checked against the installed
#: modules by ``tests/generator/names/test_imports.py``).
RUNTIME_SYMBOLS = {
    **{
        f"grpc.health.v1.{name}": "grpc_health/v1/health.proto"
        for name in (
            "HealthCheckRequest",
            "HealthCheckResponse",
            "HealthListRequest",
            "HealthListResponse",
            "Health",
        )
    },
    **{
        f"grpc.reflection.v1alpha.{name}": "grpc_reflection/v1alpha/reflection.proto"
        for name in (
            "ServerReflectionRequest",
            "ExtensionRequest",
            "ServerReflectionResponse",
            "FileDescriptorResponse",
            "ExtensionNumberResponse",
            "ListServiceResponse",
            "ServiceResponse",
            "ErrorResponse",
            "ServerReflection",
        )
    },
}


def existing_module(file: descriptors.FileDescriptorProto, settings: Settings) -> str | None:
    """The module that already holds ``file``'s Python code, or ``None`` to emit it.

    A mapping of the file itself wins over one of its package.
    """
    by_file = {
        proto: module for proto, module in settings.python_module if proto.endswith(".proto")
    }
    if file.name in by_file:
        return by_file[file.name]
    for proto, module in settings.python_module:
        if not proto.endswith(".proto") and proto == file.package:
            return f"{module}.{file_stem(file.name)}{naming.PB2_SUFFIX}"
    return RUNTIME_MODULES.get(file.name)


def check_mappings(
    settings: Settings,
    files: Iterable[descriptors.FileDescriptorProto],
    generated: Iterable[str],
    emitted_packages: Iterable[str],
) -> None:
    """A mapping must name an import of this run, never a generated file, and must point
    outside the packages this run writes (a relative import would look for it there)."""
    generated = set(generated)
    by_name = {file.name: file for file in files}
    packages = {file.package for file in by_name.values()}
    tops = {package.split(".")[0] for package in emitted_packages}
    for proto, module in settings.python_module:
        known = proto in by_name if proto.endswith(".proto") else proto in packages
        if not known:
            raise GeneratorError(
                f"python_module maps {proto}, which no proto of this run imports: give an "
                "imported file as its import line spells it (a/b.proto), or its package"
            )
        if proto in generated or any(
            by_name[name].package == proto for name in generated if name in by_name
        ):
            raise GeneratorError(
                f"python_module maps {proto}, which this run generates: a mapping is for files "
                "the generated ones import; leave it off the command line to map it"
            )
        if module.split(".")[0] in tops:
            raise GeneratorError(
                f"python_module maps {proto} to {module}, inside the package "
                f"{module.split('.')[0]} that this run writes, which would hide it: generate "
                "into a package of another name, or map it to a module outside it"
            )


def check_runtime_clash(file: descriptors.FileDescriptorProto) -> None:
    """Refuse a file that declares a symbol the runtime registers (see the module docstring)."""
    prefix = f"{file.package}." if file.package else ""
    names = [
        *(message.name for message in file.message_type),
        *(enum.name for enum in file.enum_type),
        *(service.name for service in file.service),
    ]
    for name in names:
        owner = RUNTIME_SYMBOLS.get(prefix + name)
        if owner is not None:
            raise GeneratorError(
                f"{prefix + name} is already registered by goplugin, which every plugin and host "
                f"imports: it loads {owner} ({RUNTIME_MODULES[owner]}) for go-plugin's own "
                "services, so a second declaration would fail at import with 'duplicate "
                "symbol'. Put this file in a package of your own (e.g. "
                f"acme.{file.package or 'health'}); goplugin already serves those services "
                "for every plugin",
                file.name,
            )
