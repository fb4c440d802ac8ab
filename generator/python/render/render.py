"""The render stage: model to source text through ``templates/*.j2``, one template per file kind.

Pure: no disk, stdin or stdout besides reading the templates. Undefined template variables are
errors (``StrictUndefined``), so a renamed model property cannot silently render as nothing.
The templates ship compiled to Python (see :mod:`generator.templating`), because compiling them
costs more than rendering them.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from ...core.model import Model, Package, ProtoFile
from ...core.versioning import VersionedSet
from .. import spelling
from . import templating


@functools.cache
def _environment() -> jinja2.Environment:
    return templating.environment()


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def package_init(package: Package) -> str:
    """``__init__.py`` of a generated package."""
    return _render("init.py.j2", package=package)


def interface(package: Package) -> str:
    """``interface.py``: one abstract class per service."""
    spelled = spelling.in_package(package, package.services)
    return _render("interface.py.j2", package=package, spelling=spelled)


def plugin(package: Package) -> str:
    """``plugin.py``: handshake, server and client adapters, GRPCPlugins, plugin set."""
    spelled = spelling.in_package(package, package.services)
    return _render("plugin.py.j2", package=package, spelling=spelled)


def grpc_stub(package: Package, file: ProtoFile) -> str:
    """``<file>_pb2_grpc.pyi``: types for grpcio-tools' untyped gRPC module."""
    spelled = spelling.in_package(package, file.services)
    one_file = Package(
        proto_package=package.proto_package,
        module=package.module,
        files=(file,),
        handshake=package.handshake,
    )
    return _render(
        "grpc.pyi.j2",
        package=one_file,
        spelling=spelled,
        module_name=file.grpc_module.rpartition(".")[2],
    )


def main(model: Model, versioned: VersionedSet | None = None) -> str:
    """``main.py``: the scaffold a plugin author fills in (serving every version, if several)."""
    spelled = spelling.for_main(model, versioned)
    sources = ", ".join(file.name for package in spelled.packages for file in package.package.files)
    return _render("main.py.j2", main=spelled, sources=sources)


def versions(versioned: VersionedSet) -> str:
    """``versions.py``: the shared ``HANDSHAKE`` and ``VERSIONED_PLUGINS`` of several versions."""
    spelled = spelling.for_versions(versioned)
    return _render("versions.py.j2", package=versioned, versioned=versioned, spelling=spelled)
