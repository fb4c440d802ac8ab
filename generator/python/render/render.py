"""The render stage: model to source text through ``templates/*.j2``, one template per file kind.

Pure: no disk, stdin or stdout besides reading the templates. Undefined template variables are
errors (``StrictUndefined``), so a renamed model property cannot silently render as nothing.
The templates ship compiled to Python (see ``templating.py``), because compiling them
costs more than rendering them, and render without importing jinja2 (``lite.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ...core.model import Package
from ...core.records import record
from .. import naming, spelling
from ..model import PyFile, PyModel, PyPackage, PyVersions
from . import grpc_stub as grpc_stub_names
from . import lite


@functools.cache
def _environment() -> lite.Environment:
    return lite.Environment()


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


@record
class _Source:
    name: str


@record
class _Sources:
    """What ``header.j2`` lists: the proto files a module comes from."""

    files: tuple[_Source, ...]


def package_init(kind: str, proto_package: str = "", sources: Sequence[str] = ()) -> str:
    """``__init__.py`` of an emitted folder, every one a regular package.

    ``kind`` is ``plugin`` (a plugin protocol's package), ``package`` (a generated proto package
    without services), ``messages`` (the package of imported files' message modules) or
    ``folder`` (a folder above generated packages, with no proto package of its own).
    """
    return _render(
        "init.py.j2",
        kind=kind,
        proto_package=proto_package,
        package=_Sources(tuple(_Source(name) for name in sources)),
    )


def interface(model: PyModel, package: PyPackage) -> str:
    """``interface.py``: one abstract class per service."""
    spelled = spelling.in_package(model, package, package.services)
    return _render("interface.py.j2", package=package.package, spelling=spelled)


def plugin(model: PyModel, package: PyPackage) -> str:
    """``plugin.py``: handshake, server and client adapters, GRPCPlugins, plugin set."""
    spelled = spelling.in_package(model, package, package.services)
    return _render("plugin.py.j2", package=package.package, spelling=spelled)


def grpc_stub(model: PyModel, package: PyPackage, file: PyFile) -> str:
    """``<file>_pb2_grpc.pyi``: types for grpcio-tools' untyped gRPC module."""
    rpcs = {naming.grpc_attribute(m.name) for s in file.services for m in s.service.methods}
    spelled = spelling.in_package(model, package, file.services, rpcs)
    one_file = Package(
        proto_package=package.package.proto_package,
        files=(file.file,),
        handshake=package.handshake,
    )
    return _render(
        "grpc.pyi.j2",
        package=one_file,
        spelling=spelled,
        stub=grpc_stub_names.names(spelled),
        module_name=file.grpc_module.rpartition(".")[2],
    )


def main(model: PyModel, versioned: PyVersions | None = None) -> str:
    """``main.py``: the scaffold a plugin author fills in (serving every version, if several)."""
    spelled = spelling.for_main(model, versioned)
    sources = ", ".join(
        file.file.name for package in spelled.packages for file in package.package.files
    )
    return _render("main.py.j2", main=spelled, sources=sources)


def versions(versioned: PyVersions) -> str:
    """``versions.py``: the shared ``HANDSHAKE`` and ``VERSIONED_PLUGINS`` of several versions."""
    spelled = spelling.for_versions(versioned)
    return _render("versions.py.j2", package=versioned, versioned=versioned, spelling=spelled)
