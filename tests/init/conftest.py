"""Fixtures of the ``gen-plugin init`` tests: pygoplugin's wheel, and fresh virtualenvs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .freshvenv import Shell, build_wheel, fresh_venv

#: fresh_shell() -> a Shell in a new virtualenv holding pygoplugin[gen]
FreshShell = Callable[[], Shell]


@pytest.fixture(scope="session")
def pygoplugin_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout as a wheel, built once per session."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))


@pytest.fixture
def fresh_shell(pygoplugin_wheel: Path, tmp_path: Path) -> FreshShell:
    """A new virtualenv per call, with pygoplugin[gen] installed from this checkout."""

    def make() -> Shell:
        return fresh_venv(tmp_path / "venv", pygoplugin_wheel)

    return make
