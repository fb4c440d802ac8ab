"""The templates ship compiled: current, used only while current, and rendering the same bytes.

On failure of the first test: run ``.venv/bin/python -m tools.templates --update`` (or
``python -m tools.goldens --update``, which does it too) and commit the result.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from pygoplugin_gen.python.render import lite, render, templating
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
    assert "HANDS OFF" in lite.Environment().get_template("header.j2").render(package=NO_FILES)
    assert isinstance(lite.Environment().get_template("main.py.j2"), lite.Template)

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


FRESH_RUN = """
import sys
from pygoplugin_gen.front import gen_plugin
gen_plugin.main(["-I", sys.argv[1], sys.argv[2], "-o", sys.argv[3]])
print(sorted(name for name in sys.modules if name.startswith("jinja2")))
"""


def test_a_run_renders_without_jinja2_and_jinja2_still_imports_after(
    tmp_path: Path,
) -> None:
    """No part of jinja2 is loaded (lite.py, template_runtime.py), and the output is the
    golden's."""
    protos = Path(goldens.PROTOS)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-c",
        FRESH_RUN,
        str(protos),
        str(protos / "kinds.proto"),
        str(out),
    ]
    environment = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}
    done = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip()
    assert loaded == "[]", loaded
    assert goldens.read_tree(str(out)) == goldens.read_tree(os.path.join(goldens.GOLDEN, "kinds"))
    after = "from pygoplugin_gen.python.render import lite; lite.Environment(); import jinja2; "
    after += "print(jinja2.Environment().from_string('{{ 1 + 1 }}').render())"
    done = subprocess.run([sys.executable, "-c", after], capture_output=True, text=True, timeout=60)
    assert done.stdout == "2\n", done.stderr
