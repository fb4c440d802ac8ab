"""Compile the templates into the modules the generator ships, or check that they are current.

    .venv/bin/python -m tools.templates            # compare: exit 1 if one is stale
    .venv/bin/python -m tools.templates --update   # recompile them from templates/

The generator loads a compiled module only while its stamp matches the template (see
``pygoplugin_gen.python.render.templating``); this tool writes them into the repository's
``generator/python/render/compiled_templates/``, never into an installed copy. jinja2 compiles
them; each then imports ``render/template_runtime.py`` instead of ``jinja2.runtime``, so that
rendering them imports no jinja2 at all.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pygoplugin_gen.python.render import templating

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: The compiled modules in this checkout.
COMPILED = os.path.join(REPO, "generator", "python", "render", "compiled_templates")
#: The templates in this checkout.
TEMPLATES = os.path.join(REPO, "templates")
#: The compiled code imports this runtime (``render/template_runtime.py``), not jinja2's.
_JINJA2_RUNTIME = "from jinja2.runtime import "
_OUR_RUNTIME = "from ..template_runtime import "


def compiled_modules() -> dict[str, str]:
    """What ``compiled_templates/`` must hold: file name -> text, ``__init__.py`` included."""
    environment = templating.environment(precompiled=False)
    modules = {"__init__.py": '"""Templates compiled by jinja2: see tools/templates.py."""\n'}
    for name in sorted(entry for entry in os.listdir(TEMPLATES) if entry.endswith(".j2")):
        path = os.path.join(TEMPLATES, name)
        with open(path, encoding="utf-8") as stream:
            source = stream.read()
        code = environment.compile(source, name, path, raw=True, defer_init=True)
        if code.count(_JINJA2_RUNTIME) != 1:
            raise SystemExit(
                f"{name}: jinja2's compiled code no longer has one {_JINJA2_RUNTIME!r}"
            )
        code = code.replace(_JINJA2_RUNTIME, _OUR_RUNTIME)
        modules[templating.module_name(name)] = templating.stamp(name, source) + code + "\n"
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
    """``python -m tools.templates [--update]``; the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.templates",
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
            "run `.venv/bin/python -m tools.templates --update`",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
