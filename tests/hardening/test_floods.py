"""A plugin flooding stdout or stderr costs its host, and itself, bounded memory, and its calls
keep being answered (issue 10, item 4). Each case is a real host process (flood_host.py) with a
real plugin; the figures it reports are peak resident memory, from the kernel."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

FLOOD_HOST = str(Path(__file__).parent / "hosts" / "flood_host.py")
#: A Python plugin or host at rest is about 50 MiB; the floods below are 200-300 MB.
MEMORY_BOUND_MIB = 150


def flood(**settings: str) -> dict[str, object]:
    args = [f"{key}={value}" for key, value in settings.items()]
    result = subprocess.run(
        [sys.executable, FLOOD_HOST, *args], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    print({k: v for k, v in report.items() if k != "error"})
    return report


@pytest.mark.parametrize("newlines", [True, False], ids=["lines", "one-long-line"])
def test_a_stdout_flood_costs_the_plugin_bounded_memory(newlines: bool) -> None:
    report = flood(
        FLOOD="stdout",
        FLOOD_LINE="65536",
        FLOOD_BYTES=str(300_000_000),
        **({} if newlines else {"FLOOD_NO_NEWLINES": "1"}),
    )
    assert report["error"] is None
    assert isinstance(report["received"], int) and report["received"] > 200_000_000
    assert isinstance(report["calls"], int) and report["calls"] > 0
    assert float(str(report["plugin_peak_mib"])) < MEMORY_BOUND_MIB
    assert float(str(report["host_peak_mib"])) < MEMORY_BOUND_MIB


@pytest.mark.parametrize("stream", ["stderr", "tee"])
def test_a_stderr_flood_without_newlines_costs_bounded_memory(stream: str) -> None:
    """200 MB on stderr in one line (the issue's case: the host grew to 633 MB); ``tee`` writes
    through ``sys.stderr``, which also copies to the host's stdio stream."""
    report = flood(
        FLOOD=stream, FLOOD_LINE="65536", FLOOD_NO_NEWLINES="1", FLOOD_BYTES=str(200_000_000)
    )
    assert report["error"] is None
    assert isinstance(report["stderr_received"], int) and report["stderr_received"] > 190_000_000
    assert float(str(report["plugin_peak_mib"])) < MEMORY_BOUND_MIB
    assert float(str(report["host_peak_mib"])) < MEMORY_BOUND_MIB


def test_a_crash_after_a_50_mb_line_gives_a_short_error() -> None:
    """The issue saw a 52-million-character PluginExitedError: the tail quoted must be capped."""
    report = flood(
        FLOOD="stderr",
        FLOOD_LINE="65536",
        FLOOD_NO_NEWLINES="1",
        FLOOD_BYTES=str(50_000_000),
        FLOOD_THEN_CRASH="1",
    )
    assert report["error_type"] == "PluginExitedError"
    error = str(report["error"])
    assert "exit status 7" in error
    assert len(error) < 16 * 1024
    assert float(str(report["host_peak_mib"])) < MEMORY_BOUND_MIB
