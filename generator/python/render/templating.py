"""The render stage's jinja2 environment, with the templates shipped compiled to Python.

Compiling the templates cost a cold run about 30 ms here, two thirds of a whole protoc run, so
they ship compiled: ``compiled_templates/`` beside this module holds, per template, the Python
module jinja2 itself compiles it to, stamped with the checksum of the template text it came from.
The development tool ``tools/templates.py`` (outside the shipped package) writes them:

    .venv/bin/python -m tools.templates            # compare: exit 1 if one is stale
    .venv/bin/python -m tools.templates --update   # recompile them from templates/

A compiled module is used only if its stamp matches the template on disk and the jinja2
feature release in use (the release it was compiled and tested with; its code calls into
``template_runtime.py``, which follows that release's ``jinja2.runtime``); otherwise (say, a
template edited in a checkout and not yet recompiled) the template is compiled from source, as
jinja2 does by default, so an edit always takes effect.
A test fails while any compiled module is stale, and another renders every golden case both ways.
"""

from __future__ import annotations

import importlib.util
import os
import re
import zlib
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any, cast

from . import pytext
from .resources import templates_folder as templates_folder  # lite.py reads it from here

if TYPE_CHECKING:
    import jinja2

#: Where the compiled modules live: a package next to this module.
COMPILED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "compiled_templates")

#: The filters and globals of our own that templates use, in either environment.
FILTERS: dict[str, Callable[..., Any]] = {
    "docstring": pytext.docstring,
    "indented_docstring": lambda text, indent: " " * indent + pytext.docstring(text, indent),
    "pystr": pytext.string_literal,
}
GLOBALS: dict[str, Callable[..., Any]] = {
    "define": pytext.define,
    "annotated": pytext.annotated,
    "class_header": pytext.class_header,
    "call": pytext.call,
    "from_import": pytext.from_import,
}


def _jinja2_release() -> str:
    """jinja2's feature release, read from its ``__init__.py`` so that jinja2 stays unimported
    (``lite.py`` renders compiled templates with its runtime alone); "" if not installed."""
    spec = importlib.util.find_spec("jinja2")
    if spec is None or spec.origin is None:
        return ""
    with open(spec.origin, encoding="utf-8") as stream:
        found = re.search(r'^__version__ = "(\d+\.\d+)', stream.read(), re.MULTILINE)
    return found[1] if found else ""


#: Compiled code calls into ``jinja2.runtime``, stable within a feature release.
_JINJA2_RELEASE = _jinja2_release()


def environment(*, precompiled: bool = True) -> jinja2.Environment:
    """The environment templates render in; ``precompiled=False`` always compiles from source."""
    import jinja2

    result = jinja2.Environment(
        loader=cast("jinja2.BaseLoader", Loader(precompiled=precompiled)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    result.filters.update(FILTERS)
    result.globals.update(GLOBALS)
    return result


def module_name(template: str) -> str:
    """The compiled module's file name: ``plugin.py.j2`` -> ``plugin_py.py``."""
    return template.removesuffix(".j2").replace(".", "_") + ".py"


def stamp(name: str, source: str) -> str:
    """The first lines of a compiled module: the template text and the compiler it came from."""
    data = source.encode("utf-8")
    # CRC-32 tells an edited template from its compiled one as surely as a cryptographic hash
    # here (nobody forges templates), and zlib imports in a tenth of hashlib's 2.5 ms.
    return (
        f"# Compiled by jinja2 {_JINJA2_RELEASE} from templates/{name}: do not edit; see "
        f"tools/templates.py.\n# CRC-32 and size of the template: {zlib.crc32(data):08x}, "
        f"{len(data)} bytes\n"
    )


class Loader:
    """Templates from ``templates/``; their code from the compiled module when it is current.

    It has all of ``jinja2.BaseLoader``'s methods, without subclassing it: this module is
    imported where jinja2 itself must not be (see ``lite.py``).
    """

    def __init__(self, *, precompiled: bool) -> None:
        self.precompiled = precompiled

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = os.path.join(templates_folder(), template)
        try:
            with open(path, encoding="utf-8") as stream:
                source = stream.read()
        except FileNotFoundError:
            import jinja2

            raise jinja2.TemplateNotFound(template) from None
        return source, path, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(name for name in os.listdir(templates_folder()) if name.endswith(".j2"))

    def load(
        self,
        environment: jinja2.Environment,
        name: str,
        globals: MutableMapping[str, Any] | None = None,
    ) -> jinja2.Template:
        source, filename, uptodate = self.get_source(environment, name)
        namespace = compiled_module(name, source) if self.precompiled else None
        if namespace is not None:
            return environment.template_class.from_module_dict(
                environment, namespace, globals or {}
            )
        code = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


def compiled_module(name: str, source: str) -> MutableMapping[str, Any] | None:
    """The namespace of ``name``'s compiled module if it was compiled from ``source``, else None.

    The stamp is checked before anything runs. Each load executes the module afresh (from its
    cached bytecode), because jinja2 binds the environment into the namespace it makes a
    template from.
    """
    path = os.path.join(COMPILED, module_name(name))
    expected = stamp(name, source)
    try:
        with open(path, encoding="utf-8") as stream:
            if stream.read(len(expected)) != expected:
                return None
    except FileNotFoundError:
        return None
    qualified = f"{__package__}.compiled_templates.{module_name(name).removesuffix('.py')}"
    spec = importlib.util.spec_from_file_location(qualified, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)
