"""The ``gen-plugin`` script and ``python -m pygoplugin_gen``, run as a user runs them.

A successful run ends with a quick exit that skips the interpreter's teardown: it must still
report, write every file and exit 0; failures and click's own exits must end as before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.generator.conftest import GREETER_PROTO, REPO, snapshot

SCRIPT = [str(Path(sys.executable).parent / "gen-plugin")]
MODULE = [sys.executable, "-m", "pygoplugin_gen"]
IDS = ["gen-plugin", "python -m pygoplugin_gen"]


def run(command: list[str], *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}
    return subprocess.run(
        [*command, *map(str, arguments)], cwd=REPO, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("command", [SCRIPT, MODULE], ids=IDS)
def test_a_run_reports_writes_everything_and_exits_0(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(command, GREETER_PROTO, "-o", out)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == f"gen-plugin: {out}: 8 written, 0 unchanged\n"
    assert len([data for data in snapshot(out).values() if data]) == 8
    checked = run(command, GREETER_PROTO, "-o", out, "--check")
    assert (checked.returncode, checked.stdout) == (0, "")


@pytest.mark.parametrize("command", [SCRIPT, MODULE], ids=IDS)
def test_failures_help_and_usage_errors_exit_as_before(command: list[str], tmp_path: Path) -> None:
    missing = run(command, tmp_path / "missing.proto", "-o", tmp_path / "out")
    assert missing.returncode == 1
    assert "missing.proto: file not found" in missing.stderr
    drift = run(command, GREETER_PROTO, "-o", tmp_path / "out", "--check")
    assert drift.returncode == 1
    assert drift.stdout.startswith("--- /dev/null\n+++ b/greeter/__init__.py\n")
    assert "8 generated file(s) would change" in drift.stderr
    assert run(command, "--help").returncode == 0
    assert run(command, GREETER_PROTO).returncode == 2
