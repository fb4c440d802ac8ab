"""After ``scripts/bootstrap.sh`` (an editable install), type checkers see the packages.

setuptools' editable install finds them through an import hook that mypy and pyright never run,
so a user's plugin, type-checked outside this repository, could not find ``goplugin``; the
bootstrap script adds a path entry type checkers read (issue 12's finding).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

USER_CODE = """
import goplugin
from pygoplugin_gen.core.errors import GeneratorError

HANDSHAKE = goplugin.HandshakeConfig(
    protocol_version=1, magic_cookie_key="K", magic_cookie_value="v"
)
version: int = HANDSHAKE.protocol_version
error: Exception = GeneratorError("a message")
"""


def test_mypy_strict_outside_the_repository_sees_the_installed_packages(tmp_path: Path) -> None:
    (tmp_path / "user_plugin.py").write_text(USER_CODE)
    mypy = Path(sys.executable).parent / "mypy"
    command = [str(mypy), "--strict", "--cache-dir", str(tmp_path / "cache"), "user_plugin.py"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert "Success: no issues found in 1 source file" in result.stdout


def test_every_folder_of_the_generator_is_a_package_the_wheel_ships() -> None:
    import tomllib

    repo = Path(__file__).resolve().parents[3]
    with open(repo / "pyproject.toml", "rb") as stream:
        listed = set(tomllib.load(stream)["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(("pygoplugin_gen", *init.parent.relative_to(repo / "generator").parts))
        for init in (repo / "generator").rglob("__init__.py")
    }
    assert folders <= listed
    assert {"pygoplugin_gen.templates", "goplugin"} <= listed
