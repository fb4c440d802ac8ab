"""The harness itself: the Go host drives the Go plugin, both built with the same go-plugin.

These pin down what the Go binaries do on their own, so that a failure in the Python-facing
interop tests can be blamed on the Python side with confidence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import RunGoHost

pytestmark = pytest.mark.interop

GRACEFUL_EXIT_FAILED = "plugin failed to exit gracefully"


def test_go_host_greets_through_go_plugin_and_kills_it_gracefully(
    run_go_host: RunGoHost, go_greeter_plugin: Path
) -> None:
    result = run_go_host([str(go_greeter_plugin)], "-name", "world", "-locale", "en-US")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "negotiated: 1",
        "ping: ok",
        "greet: Hello, world! (locale: en-US)",
        *(f"stream[{i}]: Hello world, message {i}" for i in range(5)),
        "stream: 5 messages",
        "kill: ok",
        "exited: true",
    ]
    # go-plugin logs the plugin's stderr lines; the plugin's stdout chatter did not break it.
    assert 'greeter-plugin stderr: Greet name="world" locale="en-US"' in result.stderr
    assert GRACEFUL_EXIT_FAILED not in result.stderr


def test_go_host_negotiates_the_highest_version_both_sides_serve(
    run_go_host: RunGoHost, go_greeter_plugin: Path
) -> None:
    result = run_go_host(
        [str(go_greeter_plugin)],
        "-versions",
        "1,2",
        "-stream=false",
        env={"GREETER_PLUGIN_VERSIONS": "1,2,3"},
    )

    assert result.returncode == 0, result.stderr
    assert "negotiated: 2" in result.stdout.splitlines()
    assert "greet: Hello, world! (protocol v2)" in result.stdout.splitlines()


def test_go_host_reports_a_go_plugin_crash_mid_call(
    run_go_host: RunGoHost, go_greeter_plugin: Path
) -> None:
    result = run_go_host([str(go_greeter_plugin)], env={"GREETER_CRASH_ON": "greet"})

    assert result.returncode == 1
    assert "greet: Hello" not in result.stdout
    assert "greeter-host: greet: rpc error: code = Unavailable" in result.stderr
    assert "crashing on greet as GREETER_CRASH_ON asked" in result.stderr
