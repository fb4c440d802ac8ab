"""The render stage's jinja2 environment, with the templates shipped compiled to Python.

Compiling the templates cost a cold run about 30 ms here, two thirds of a whole protoc run, so
they ship compiled: ``generator/compiled_templates/`` holds, per template, the Python module
jinja2 itself compiles it to, stamped with the hash of the template text it came from.

    .venv/bin/python -m generator.templating            # compare: exit 1 if one is stale
    .venv/bin/python -m generator.templating --update   # recompile them from templates/

A compiled module is used only if its stamp matches the template on disk and the jinja2
feature release in use (its code calls into ``jinja2.runtime``); otherwise (say, a template
edited in a checkout and not yet recompiled) the template is compiled from source, as jinja2
does by default, so an edit always takes effect.
A test fails while any compiled module is stale, and another renders every golden case both ways.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

import jinja2

from generator import pytext
from generator.resources import templates_folder

#: Where the compiled modules live: a package next to this module.
COMPILED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "compiled_templates")

#: Compiled code calls into ``jinja2.runtime``, stable within a feature release.
_JINJA2_RELEASE = ".".join(jinja2.__version__.split(".")[:2])


def environment(*, precompiled: bool = True) -> jinja2.Environment:
    """The environment templates render in; ``precompiled=False`` always compiles from source."""
    result = jinja2.Environment(
        loader=_Loader(precompiled=precompiled),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    result.filters["docstring"] = pytext.docstring
    result.filters["indented_docstring"] = _indented_docstring
    result.filters["pystr"] = pytext.string_literal
    result.globals["define"] = pytext.define
    result.globals["annotated"] = pytext.annotated
    return result


def _indented_docstring(text: str, indent: int) -> str:
    """For ``{% filter %}`` blocks, whose tag cannot carry the indentation (lstrip_blocks)."""
    return " " * indent + pytext.docstring(text, indent)


def module_name(template: str) -> str:
    """The compiled module's file name: ``plugin.py.j2`` -> ``plugin_py.py``."""
    return template.removesuffix(".j2").replace(".", "_") + ".py"


def _stamp(name: str, source: str) -> str:
    """The first lines of a compiled module: the template text and the compiler it came from."""
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()
    return (
        f"# Compiled by jinja2 {_JINJA2_RELEASE} from templates/{name}: do not edit; see "
        f"generator.templating.\n# sha256 of the template: {digest}\n"
    )


class _Loader(jinja2.BaseLoader):
    """Templates from ``templates/``; their code from the compiled module when it is current."""

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
        namespace = _compiled_module(name, source) if self.precompiled else None
        if namespace is not None:
            return environment.template_class.from_module_dict(
                environment, namespace, globals or {}
            )
        code = environment.compile(source, name, filename)
        return environment.template_class.from_code(environment, code, globals or {}, uptodate)


def _compiled_module(name: str, source: str) -> MutableMapping[str, Any] | None:
    """The namespace of ``name``'s compiled module if it was compiled from ``source``, else None.

    The stamp is checked before anything runs. Each load executes the module afresh (from its
    cached bytecode), because jinja2 binds the environment into the namespace it makes a
    template from.
    """
    path = os.path.join(COMPILED, module_name(name))
    stamp = _stamp(name, source)
    try:
        with open(path, encoding="utf-8") as stream:
            if stream.read(len(stamp)) != stamp:
                return None
    except FileNotFoundError:
        return None
    qualified = f"generator.compiled_templates.{module_name(name).removesuffix('.py')}"
    spec = importlib.util.spec_from_file_location(qualified, path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def compiled_modules() -> dict[str, str]:
    """What ``compiled_templates/`` must hold: file name -> text, ``__init__.py`` included."""
    env = environment(precompiled=False)
    loader = _Loader(precompiled=False)
    modules = {"__init__.py": '"""Templates compiled by jinja2: see generator.templating."""\n'}
    for name in loader.list_templates():
        source, filename, _ = loader.get_source(env, name)
        code = env.compile(source, name, filename, raw=True, defer_init=True)
        modules[module_name(name)] = _stamp(name, source) + code + "\n"
    return modules


def stale() -> list[str]:
    """The file names in ``compiled_templates/`` that differ from what they must hold."""
    wanted = compiled_modules()
    listed = os.listdir(COMPILED) if os.path.isdir(COMPILED) else []
    present = {name for name in listed if name.endswith(".py")}
    changed = []
    for name in sorted(set(wanted) | present):
        try:
            with open(os.path.join(COMPILED, name), encoding="utf-8") as stream:
                text: str | None = stream.read()
        except FileNotFoundError:
            text = None
        if text != wanted.get(name):
            changed.append(name)
    return changed


def update() -> list[str]:
    """Rewrite ``compiled_templates/`` from the templates; return the file names changed."""
    changed = stale()
    wanted = compiled_modules()
    os.makedirs(COMPILED, exist_ok=True)
    for name in changed:
        path = os.path.join(COMPILED, name)
        if name in wanted:
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(wanted[name])
        else:
            os.remove(path)
    return changed


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m generator.templating [--update]``; the exit status."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="python -m generator.templating",
        description="Check (or with --update, rewrite) the compiled templates.",
    )
    parser.add_argument("--update", action="store_true", help="recompile stale templates")
    arguments = parser.parse_args(argv)
    if arguments.update:
        changed = update()
        print(f"compiled templates: {len(changed)} rewritten {' '.join(changed)}".rstrip())
        return 0
    changed = stale()
    if changed:
        print(
            f"stale compiled templates: {' '.join(changed)}; "
            "run `.venv/bin/python -m generator.templating --update`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
