"""``async def`` callbacks through the GRPCBroker, against Go: go-plugin's bidirectional Counter.

- Go Counter hosts (go-plugin v1.8.0's example; tests/go's counter-host of v1.8.0 and v1.0.1,
  plaintext and under AutoMTLS, where the host's AddHelper presents a P-521 certificate) drive
  an ``async def`` Python Counter that dials the host's AddHelper with ``adial_add_helper``.
- A Python ``AsyncClient`` host drives go-plugin's Go Counter plugin and serves it an ``async
  def`` AddHelper on the host's event loop, under AutoMTLS (the Go plugin's P-521 certificate).

A count that comes back proves every sum went through the callback.
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import pytest

from ..conftest import RunExampleHost, run_program
from ..support.gobuild import GoExampleBinaries

pytestmark = pytest.mark.interop

REPO = Path(__file__).resolve().parents[3]
ASYNC_COUNTER = [sys.executable, str(REPO / "tests" / "interop" / "plugins" / "async_counter.py")]
ASYNC_HOST = [sys.executable, str(REPO / "tests" / "interop" / "hosts" / "async_counter_host.py")]


def count(run: RunExampleHost, flags: list[str], cwd: Path) -> list[tuple[int, str]]:
    """``put hello 1``, ``put hello 2``, ``get hello``: 3 only if both callbacks ran."""
    runs = [
        run(ASYNC_COUNTER, *flags, "put", "hello", "1", cwd=cwd),
        run(ASYNC_COUNTER, *flags, "put", "hello", "2", cwd=cwd),
        run(ASYNC_COUNTER, *flags, "get", "hello", cwd=cwd),
    ]
    for result in runs:
        assert "plugin failed to exit gracefully" not in result.stderr, result.stderr
    return [(r.returncode, r.stdout) for r in runs]


def test_go_example_host_sums_through_an_async_python_plugin_dialling_its_add_helper(
    run_counter_host: RunExampleHost, tmp_path: Path
) -> None:
    assert count(run_counter_host, [], tmp_path) == [(0, ""), (0, ""), (0, "3\n")]
    assert json.loads((tmp_path / "kv_hello").read_text()) == {"Value": 3}


@pytest.mark.parametrize("flags", [[], ["-automtls"]], ids=["plaintext", "automtls"])
def test_go_counter_host_of_each_version_serves_the_async_python_plugins_dial(
    run_go_counter_host: RunExampleHost, tmp_path: Path, flags: list[str]
) -> None:
    assert count(run_go_counter_host, flags, tmp_path) == [(0, ""), (0, ""), (0, "3\n")]


def test_async_python_host_serves_an_async_add_helper_to_the_go_counter_plugin(
    go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    env = {"COUNTER_PLUGIN": shlex.join([str(go_examples.counter_plugin)])}

    def host(*args: str) -> tuple[int, str]:
        done = run_program([*ASYNC_HOST, *args], env=env, cwd=tmp_path, timeout=60)
        assert "Traceback" not in done.stderr, done.stderr
        return done.returncode, done.stdout

    outcomes = [host("put", "hello", "1"), host("put", "hello", "2"), host("get", "hello")]

    assert outcomes == [(0, "sums: 1\n"), (0, "sums: 1\n"), (0, "3\n")]
