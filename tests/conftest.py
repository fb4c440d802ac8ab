"""Fixtures shared by every test folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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
