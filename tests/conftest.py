"""Fixtures shared by every test folder."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.versioning.hosts import VersionedHosts

REPO = Path(__file__).resolve().parents[1]

#: The greeter example's plugin program. Its one home: the example is due to move to
#: examples/greeter/main.py, and only this line should have to change when it does.
PYTHON_GREETER_PLUGIN = REPO / "examples" / "greeter" / "main.py"


@pytest.fixture(scope="session")
def python_greeter_plugin_cmd() -> list[str]:
    """The command that starts the Python greeter example plugin, as a host would run it."""
    if not PYTHON_GREETER_PLUGIN.is_file():
        pytest.fail(f"the Python greeter example plugin is missing: {PYTHON_GREETER_PLUGIN}")
    return [sys.executable, str(PYTHON_GREETER_PLUGIN)]


@pytest.fixture(scope="session")
def versioned_hosts() -> Iterator[VersionedHosts]:
    """Python hosts offering any versions of the versioned greeter example (tests/versioning)."""
    from tests.versioning.hosts import versioned_hosts

    with versioned_hosts() as hosts:
        yield hosts
