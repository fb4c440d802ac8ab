"""The compiled templates' environment: what their code asks of jinja2, without jinja2.

``import jinja2`` brings in the lexer, parser, compiler, filters and sandbox tests, about 25 ms
of a 70 ms cold run, and ``jinja2.runtime`` alone another 14 ms; a compiled template needs
none of them. Its code calls into the runtime (``template_runtime.py`` stands in for
``jinja2.runtime``: ``tools/templates.py`` compiles the modules to import it) and asks its
environment for a handful of things (``getattr``, ``undefined``, ``concat``, our filters,
``get_template`` for includes), which this module answers. A template whose compiled module is
stale (edited in a checkout, or another jinja2 feature release) comes from the full jinja2
environment instead, so an edit still takes effect. ``tests/generator/render/test_templating.py``
renders every golden case through both and runs a fresh process to check that jinja2 stays
unimported.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any, Protocol

from . import template_runtime, templating


class _Renderable(Protocol):
    def render(self, **context: Any) -> str: ...


def _indent(text: str, width: int = 4, first: bool = False, blank: bool = False) -> str:
    """jinja2's ``indent`` filter: every line but the first (``first``: it too), blank ones not."""
    pad = " " * width
    lines = (text + "\n").splitlines()
    if blank:
        result = ("\n" + pad).join(lines)
    else:
        result = lines[0] + "".join(f"\n{pad}{line}" if line else "\n" for line in lines[1:])
    return pad + result if first else result


class Template:
    """One compiled template bound to its environment, as jinja2's ``Template`` binds it."""

    def __init__(self, environment: Environment, namespace: MutableMapping[str, Any]) -> None:
        """``namespace`` is the compiled module's own: its code finds ``environment`` there."""
        self.environment = environment
        self.name: str = namespace["name"]
        self.blocks: dict[str, Any] = namespace["blocks"]
        self.root_render_func: Callable[[Any], Iterator[str]] = namespace["root"]
        namespace["environment"] = environment
        namespace["__jinja_template__"] = self

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> Any:
        return self.environment.runtime.new_context(
            self.environment, self.name, self.blocks, vars, shared, self.environment.globals, locals
        )

    def render(self, **context: Any) -> str:
        return self.environment.concat(self.root_render_func(self.new_context(context)))


class Environment:
    """The attributes and methods compiled template code and ``jinja2.runtime`` use."""

    is_async = False
    autoescape = False
    sandboxed = False

    def __init__(self) -> None:
        self.runtime = template_runtime
        self.undefined = template_runtime.StrictUndefined
        self.context_class = template_runtime.Context
        self.concat: Callable[[Iterator[str]], str] = "".join
        self.filters: dict[str, Callable[..., Any]] = {
            **templating.FILTERS,
            "indent": _indent,
            "length": len,
        }
        self.globals: dict[str, Any] = dict(templating.GLOBALS)
        self._templates: dict[str, Template | _Renderable] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        """As jinja2's: the attribute, else the item, else an undefined value naming both."""
        try:
            return getattr(obj, attribute)
        except AttributeError:
            pass
        try:
            return obj[attribute]
        except (TypeError, LookupError, AttributeError):
            return self.undefined(obj=obj, name=attribute)

    def get_template(self, name: str, parent: str | None = None) -> Template | _Renderable:
        """The compiled template, or (stale or missing) the full jinja2 environment's."""
        if name not in self._templates:
            path = os.path.join(templating.templates_folder(), name)
            with open(path, encoding="utf-8") as stream:
                namespace = templating.compiled_module(name, stream.read())
            if namespace is None:
                self._templates[name] = templating.environment().get_template(name)
            else:
                self._templates[name] = Template(self, namespace)
        return self._templates[name]
