"""A go-plugin v1.8.0 host reattaches to a Python plugin started by hand in debug mode."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.interop.support.gobuild import OLDEST, build_go_greeter
from tests.testing.test_reattach import Output

pytestmark = pytest.mark.interop


@pytest.fixture
def greeter_in_debug_mode(python_greeter_plugin_cmd: list[str]) -> Iterator[tuple[int, str]]:
    """The Python greeter example, started by hand; yields its pid and the JSON it printed."""
    env = {**os.environ, "GOPLUGIN_DEBUG": "1"}
    proc = subprocess.Popen(python_greeter_plugin_cmd, env=env, stdout=subprocess.PIPE)
    assert proc.stdout is not None
    try:
        output = Output(proc)
        output.until("GOPLUGIN_REATTACH='")
        yield proc.pid, output.until("'\n").removesuffix("'\n")
        assert proc.poll() is None  # the host's Kill left a Test-mode plugin running
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        proc.stdout.close()


def run_host(host: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(host), "-log-level", "error", *args], capture_output=True, text=True, timeout=60
    )


def test_a_go_host_reattaches_twice_with_the_printed_config(
    greeter_in_debug_mode: tuple[int, str],
) -> None:
    _, reattach = greeter_in_debug_mode
    host = build_go_greeter().host
    for name in ("first", "second"):
        done = run_host(host, "-stream=false", "-name", name, "-reattach", reattach)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines() == [
            "negotiated: 1",
            "ping: ok",
            f"greet: Hello, {name}!",
            "kill: ok",
            "exited: false",
        ]


def test_a_host_built_with_go_plugin_1_0_1_refuses_reattach_by_name(
    greeter_in_debug_mode: tuple[int, str],
) -> None:
    _, reattach = greeter_in_debug_mode
    done = run_host(build_go_greeter(OLDEST).host, "-reattach", reattach)
    assert done.returncode == 2
    assert "-reattach: ReattachConfig.Test and ProtocolVersion are missing" in done.stderr
