"""The harness itself: go-plugin v1.8.0's own KV and Counter examples, Go host against Go plugin.

These are the programs as go-plugin ships them (examples/grpc and examples/bidirectional, built
unmodified from the module); what they print here is what the Python plugins and hosts generated
from the examples' protos must reproduce.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest

from ..conftest import HostRun, RunExampleHost, run_program
from ..support.gobuild import GoExampleBinaries

pytestmark = pytest.mark.interop


def test_kv_host_puts_and_gets_through_the_go_grpc_plugin(
    run_kv_host: RunExampleHost, go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    plugin = [str(go_examples.kv_plugin)]

    put = run_kv_host(plugin, "put", "hello", "world", cwd=tmp_path)
    got = run_kv_host(plugin, "get", "hello", cwd=tmp_path)

    assert (put.returncode, put.stdout) == (0, ""), put.stderr
    assert (got.returncode, got.stdout) == (0, "world\n\nWritten from plugin-go-grpc\n"), got.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["kv_hello"]  # where the Go plugin keeps it


def test_counter_host_adds_through_its_add_helper_over_the_broker(
    run_counter_host: RunExampleHost, go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    plugin = [str(go_examples.counter_plugin)]

    puts = [run_counter_host(plugin, "put", "hello", n, cwd=tmp_path) for n in ("1", "2")]
    got = run_counter_host(plugin, "get", "hello", cwd=tmp_path)

    assert [(p.returncode, p.stdout) for p in puts] == [(0, ""), (0, "")], puts[-1].stderr
    assert (got.returncode, got.stdout) == (0, "3\n"), got.stderr


def test_kv_host_reports_a_plugin_command_that_does_not_start(
    run_kv_host: RunExampleHost, tmp_path: Path
) -> None:
    result = run_kv_host([str(tmp_path / "missing-plugin")], "get", "hello", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stdout.startswith("error: ")


# -- the same programs with the Python side generated from the examples' own protos ----------

REPO = Path(__file__).resolve().parents[3]
KV_EXAMPLE = REPO / "examples" / "kv"
COUNTER_EXAMPLE = REPO / "examples" / "bidirectional"


def processes_running(program: Path) -> list[str]:
    """Command lines of live processes started from ``program`` (a plugin left behind)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
            executable = os.readlink(entry / "exe")
        except OSError:
            continue
        if os.fsencode(program) in argv or executable == str(program):
            found.append(" ".join(part.decode(errors="replace") for part in argv))
    return found


def run_python_host(example: Path, *args: str, env: dict[str, str], cwd: Path) -> HostRun:
    """Run an example's Python host (``host.py``) the way a user does."""
    return run_program(
        [sys.executable, str(example / "host.py"), *args], env=env, cwd=cwd, timeout=60
    )


def test_go_kv_host_stores_and_reads_through_the_python_kv_plugin(
    run_kv_host: RunExampleHost, tmp_path: Path
) -> None:
    plugin = [sys.executable, str(KV_EXAMPLE / "main.py")]

    put = run_kv_host(plugin, "put", "hello", "world", cwd=tmp_path)
    got = run_kv_host(plugin, "get", "hello", cwd=tmp_path)

    assert (put.returncode, put.stdout) == (0, ""), put.stderr
    assert (got.returncode, got.stdout) == (0, "world\n"), got.stderr
    assert (tmp_path / "kv_hello").read_bytes() == b"world"
    assert processes_running(KV_EXAMPLE / "main.py") == []


def test_go_kv_host_reports_the_python_plugins_error_for_a_missing_key(
    run_kv_host: RunExampleHost, tmp_path: Path
) -> None:
    got = run_kv_host([sys.executable, str(KV_EXAMPLE / "main.py")], "get", "nope", cwd=tmp_path)

    assert got.returncode == 1
    assert got.stdout == (
        "error: rpc error: code = NotFound desc = no value for key 'nope'\n"
    ), got.stderr


def test_go_counter_host_sums_through_its_add_helper_dialled_by_the_python_plugin(
    run_counter_host: RunExampleHost, tmp_path: Path
) -> None:
    plugin = [sys.executable, str(COUNTER_EXAMPLE / "main.py")]

    puts = [run_counter_host(plugin, "put", "hello", "1", cwd=tmp_path) for _ in range(2)]
    got = run_counter_host(plugin, "get", "hello", cwd=tmp_path)

    assert [(p.returncode, p.stdout) for p in puts] == [(0, ""), (0, "")], puts[-1].stderr
    assert (got.returncode, got.stdout) == (0, "2\n"), got.stderr
    assert processes_running(COUNTER_EXAMPLE / "main.py") == []


def test_python_kv_host_drives_the_go_kv_plugin(
    go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    env = {"KV_PLUGIN": shlex.join([str(go_examples.kv_plugin)]), "KV_PROTO": "grpc"}

    put = run_python_host(KV_EXAMPLE, "put", "hello", "world", env=env, cwd=tmp_path)
    got = run_python_host(KV_EXAMPLE, "get", "hello", env=env, cwd=tmp_path)

    assert (put.returncode, put.stdout) == (0, ""), put.stderr
    assert (got.returncode, got.stdout) == (0, "world\n\nWritten from plugin-go-grpc\n"), got.stderr
    assert processes_running(go_examples.kv_plugin) == []


def test_python_counter_host_serves_add_helper_to_the_go_counter_plugin(
    go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    env = {"COUNTER_PLUGIN": shlex.join([str(go_examples.counter_plugin)])}

    puts = [
        run_python_host(COUNTER_EXAMPLE, "put", "hello", n, env=env, cwd=tmp_path)
        for n in ("1", "2")
    ]
    got = run_python_host(COUNTER_EXAMPLE, "get", "hello", env=env, cwd=tmp_path)

    assert [(p.returncode, p.stdout) for p in puts] == [(0, ""), (0, "")], puts[-1].stderr
    assert (got.returncode, got.stdout) == (0, "3\n"), got.stderr
    assert processes_running(go_examples.counter_plugin) == []


def test_a_count_kept_by_the_go_plugin_is_read_by_the_python_plugin(
    run_counter_host: RunExampleHost, go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    go_put = run_counter_host([str(go_examples.counter_plugin)], "put", "n", "5", cwd=tmp_path)
    python = [sys.executable, str(COUNTER_EXAMPLE / "main.py")]
    python_put = run_counter_host(python, "put", "n", "1", cwd=tmp_path)
    got = run_counter_host([str(go_examples.counter_plugin)], "get", "n", cwd=tmp_path)

    assert (go_put.returncode, python_put.returncode) == (0, 0), python_put.stderr
    assert (got.returncode, got.stdout) == (0, "6\n"), got.stderr
