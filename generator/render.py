"""The render stage: model to source text through ``templates/*.j2``, one template per file kind.

Pure: no disk, stdin or stdout besides reading the templates. Undefined template variables are
errors (``StrictUndefined``), so a renamed model property cannot silently render as nothing.
Compiled templates are cached on disk by jinja2 (see :mod:`generator.cache`), because compiling
them costs more than rendering them.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from generator import cache, pytext, spelling
from generator.model import Model, Package, ProtoFile
from generator.resources import templates_folder

if TYPE_CHECKING:
    import jinja2


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    folder = templates_folder()
    cache_dir = cache.directory("templates")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=jinja2.FileSystemBytecodeCache(cache_dir) if cache_dir else None,
    )
    environment.filters["docstring"] = pytext.docstring
    environment.filters["indented_docstring"] = _indented_docstring
    environment.filters["pystr"] = pytext.string_literal
    environment.globals["define"] = pytext.define
    environment.globals["annotated"] = pytext.annotated
    return environment


def _indented_docstring(text: str, indent: int) -> str:
    """For ``{% filter %}`` blocks, whose tag cannot carry the indentation (lstrip_blocks)."""
    return " " * indent + pytext.docstring(text, indent)


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def package_init(package: Package) -> str:
    """``__init__.py`` of a generated package."""
    return _render("init.py.j2", package=package)


def interface(package: Package) -> str:
    """``interface.py``: one abstract class per service."""
    spelled = spelling.in_package(package, package.services, grpc=False)
    return _render("interface.py.j2", package=package, spelling=spelled)


def plugin(package: Package) -> str:
    """``plugin.py``: handshake, server and client adapters, GRPCPlugins, plugin set."""
    spelled = spelling.in_package(package, package.services, grpc=True)
    return _render("plugin.py.j2", package=package, spelling=spelled)


def grpc_stub(package: Package, file: ProtoFile) -> str:
    """``<file>_pb2_grpc.pyi``: types for grpcio-tools' untyped gRPC module."""
    spelled = spelling.in_package(package, file.services, grpc=False)
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


def main(model: Model) -> str:
    """``main.py``: the scaffold a plugin author fills in."""
    spelled = spelling.for_main(model)
    sources = ", ".join(file.name for package in spelled.packages for file in package.package.files)
    return _render("main.py.j2", main=spelled, sources=sources)
