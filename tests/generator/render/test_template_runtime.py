"""``template_runtime.py`` renders jinja2's compiled code as ``jinja2.runtime`` does.

The golden cases cover what our templates use today (``test_templating.py``); here each
construct the runtime answers is rendered from one small template both ways, including ones
no template uses yet, and its failures are shown to name their cause.
"""

from __future__ import annotations

from typing import Any

import pytest

from pygoplugin_gen.python.render import lite, template_runtime, templating
from tools import templates as tools_templates

OURS = "from pygoplugin_gen.python.render.template_runtime import "


def _ours(source: str) -> lite.Template:
    """``source`` compiled by jinja2, its code importing template_runtime (as tools/templates)."""
    environment = templating.environment(precompiled=False)
    code = environment.compile(source, "t.j2", None, raw=True, defer_init=True)
    assert code.count(tools_templates._JINJA2_RUNTIME) == 1
    namespace: dict[str, Any] = {}
    exec(compile(code.replace(tools_templates._JINJA2_RUNTIME, OURS), "t.j2", "exec"), namespace)
    return lite.Template(lite.Environment(), namespace)


def _both(source: str, **context: Any) -> tuple[str, str]:
    """``source`` rendered by jinja2 itself and by its compiled code on template_runtime."""
    expected = templating.environment(precompiled=False).from_string(source).render(**context)
    return expected, _ours(source).render(**context)


CASES: dict[str, tuple[str, dict[str, Any]]] = {
    "loop": (
        "{% for x in xs %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}"
        "{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}"
        "{{ loop.cycle('a', 'b') }}{% if not loop.first %}{{ loop.previtem }}{% endif %}"
        "{% if not loop.last %}{{ loop.nextitem }}{% endif %};{% endfor %}",
        {"xs": [3, 4, 5]},
    ),
    "empty loop, else": ("{% for x in xs %}{{ x }}{% else %}none{% endfor %}", {"xs": []}),
    "macro by position and keyword, defaults": (
        "{% macro m(a, b='B', c='C') %}{{ a }}-{{ b }}-{{ c }}{% endmacro %}"
        "{{ m(1) }} {{ m(1, 2) }} {{ m(1, c=3) }} {{ m(a=4, b=5, c=6) }}",
        {},
    ),
    "set, namespace-free scoping": (
        "{% set n = 1 %}{% for x in xs %}{% set n = x %}{{ n }}{% endfor %}{{ n }}",
        {"xs": [7, 8]},
    ),
    "inline if without else": ("[{{ 'yes' if flag }}][{{ 'no' if not flag }}]", {"flag": True}),
    "globals and filters": (
        "{{ 'ab' | pystr }} {{ 'x\ny' | indent(2) }} {{ items | length }} "
        "{{ from_import('.m', ['A', 'B']) }} {{ call(4, 'f', ['a'], tail=',') }}",
        {"items": [1, 2]},
    ),
    "attribute, then item": ("{{ d.key }} {{ o.real }}", {"d": {"key": "v"}, "o": 3}),
    "whitespace control": ("{% if true -%}\n  a\n{%- endif %}\n{{ 1 }}\n", {}),
}


@pytest.mark.parametrize("name", CASES)
def test_each_construct_renders_as_jinja2_renders_it(name: str) -> None:
    source, context = CASES[name]
    expected, actual = _both(source, **context)
    assert actual == expected


def test_an_undefined_variable_fails_naming_it() -> None:
    with pytest.raises(template_runtime.TemplateRuntimeError, match="'nothing' is undefined"):
        _ours("{{ nothing }}").render()
    with pytest.raises(template_runtime.TemplateRuntimeError, match="'nothing' is undefined"):
        _ours("{% for x in nothing %}{% endfor %}").render()


def test_a_missing_attribute_fails_naming_it() -> None:
    with pytest.raises(template_runtime.TemplateRuntimeError, match="no attribute 'absent'"):
        _ours("{{ d.absent }}").render(d={})


def test_a_macro_given_too_much_says_so() -> None:
    with pytest.raises(TypeError, match="takes not more than 1 argument"):
        _ours("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}").render()
    with pytest.raises(TypeError, match="no keyword argument 'z'"):
        _ours("{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, z=2) }}").render()


def test_features_it_lacks_fail_loudly() -> None:
    with pytest.raises(template_runtime.TemplateRuntimeError, match="varargs, kwargs or caller"):
        _ours("{% macro m() %}{{ varargs }}{% endmacro %}{{ m(1) }}").render()
    with pytest.raises(template_runtime.TemplateRuntimeError, match="recursive loops"):
        _ours("{% for x in xs recursive %}{{ x }}{% endfor %}").render(xs=[1])
