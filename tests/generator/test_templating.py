"""The templates ship compiled: current, used only while current, and rendering the same bytes.

On failure of the first test: run ``.venv/bin/python -m tools.templates --update`` (or
``python -m tools.goldens --update``, which does it too) and commit the result.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from pygoplugin_gen.python.render import render, templating
from pygoplugin_gen.python.render.resources import templates_folder
from tools import goldens
from tools import templates as tools_templates

NO_FILES = SimpleNamespace(files=[])


def test_the_compiled_templates_are_compiled_from_the_templates_as_they_are() -> None:
    assert tools_templates.stale() == [], "run .venv/bin/python -m tools.templates --update"
    assert tools_templates.main([]) == 0


def test_every_template_loads_from_its_compiled_module() -> None:
    environment = templating.environment()
    for name in environment.list_templates():
        loaded = environment.get_template(name).filename
        assert loaded == os.path.join(templating.COMPILED, templating.module_name(name))


@pytest.mark.parametrize("case", goldens.cases(), ids=lambda case: case.name)
def test_templates_compiled_from_source_render_every_golden_byte_for_byte(
    case: goldens.Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_source = templating.environment(precompiled=False)
    assert from_source.get_template("plugin.py.j2").filename.endswith("plugin.py.j2")
    monkeypatch.setattr(render, "_environment", lambda: from_source)
    generated = goldens.generate(case)
    on_disk = goldens.read_tree(os.path.join(goldens.GOLDEN, case.name))
    assert goldens.tree_diff(generated, on_disk, f"golden/{case.name}") == ""


def test_an_edited_template_is_compiled_from_source_until_recompiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    shutil.copytree(templates_folder(), templates)
    monkeypatch.setattr(templating, "templates_folder", lambda: str(templates))
    monkeypatch.setattr(templating, "COMPILED", str(compiled))
    monkeypatch.setattr(tools_templates, "TEMPLATES", str(templates))
    monkeypatch.setattr(tools_templates, "COMPILED", str(compiled))
    assert "header.py" in tools_templates.update()
    header = templates / "header.j2"
    header.write_text(header.read_text().replace("DO NOT EDIT", "HANDS OFF"))

    edited = templating.environment()
    assert edited.get_template("header.j2").filename == str(header)
    assert edited.get_template("main.py.j2").filename == str(compiled / "main_py.py")
    assert "HANDS OFF" in edited.get_template("header.j2").render(package=NO_FILES)

    (compiled / "orphan.py").write_text("")
    assert tools_templates.stale() == ["header.py", "orphan.py"]
    assert tools_templates.update() == ["header.py", "orphan.py"]
    assert not (compiled / "orphan.py").exists()
    recompiled = templating.environment()
    assert recompiled.get_template("header.j2").filename == str(compiled / "header.py")
    assert "HANDS OFF" in recompiled.get_template("header.j2").render(package=NO_FILES)


def test_modules_compiled_by_another_jinja2_release_are_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(templating, "_JINJA2_RELEASE", "2.11")
    environment = templating.environment()
    for name in environment.list_templates():
        assert environment.get_template(name).filename == os.path.join(templates_folder(), name)
