"""Go hosts (go-plugin v1.8.0 and v1.0.1) run the Python greeter example plugin, unchanged."""

from __future__ import annotations

import sys

import pytest

from ..conftest import PLUGINS, RunGoHost

pytestmark = pytest.mark.interop


def test_go_host_pings_greets_streams_and_kills_the_python_plugin(
    run_go_host: RunGoHost, python_greeter_plugin_cmd: list[str]
) -> None:
    result = run_go_host(python_greeter_plugin_cmd, "-name", "Ada")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["negotiated: 1", "ping: ok"], result.stdout
    assert lines[2].startswith("greet: ") and "Ada" in lines[2], result.stdout
    stream = lines[3:8]
    assert [line.split(": ", 1)[0] for line in stream] == [f"stream[{i}]" for i in range(5)]
    assert all("Ada" in line for line in stream), result.stdout
    assert lines[8:] == ["stream: 5 messages", "kill: ok", "exited: true"]


def test_go_host_log_shows_a_clean_session_with_the_python_plugin(
    run_go_host: RunGoHost, python_greeter_plugin_cmd: list[str]
) -> None:
    result = run_go_host(python_greeter_plugin_cmd, "-stream=false")

    assert result.returncode == 0, result.stderr
    # Kill() got its Shutdown answered and saw the process leave within go-plugin's 2 s grace.
    assert "plugin failed to exit gracefully" not in result.stderr
    assert "plugin exited" in result.stderr
    # No go-plugin service (controller, broker, health) is missing on the Python side.
    assert "Method not found" not in result.stderr
    assert "Unimplemented" not in result.stderr


def test_go_host_survives_a_python_plugin_crash_and_logs_its_stderr(
    run_go_host: RunGoHost,
) -> None:
    crashing = [sys.executable, str(PLUGINS / "crashing_greeter.py")]
    result = run_go_host(crashing, env={"GREETER_CRASH_ON": "greet"})

    assert result.returncode == 1
    assert "greeter-host: greet: rpc error: code = Unavailable" in result.stderr
    # go-plugin logs each plugin stderr line: the plugin's last words reach the Go host's log.
    assert "crashing in greet" in result.stderr
