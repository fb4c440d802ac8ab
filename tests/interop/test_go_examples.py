"""The harness itself: go-plugin v1.8.0's own KV and Counter examples, Go host against Go plugin.

These are the programs as go-plugin ships them (examples/grpc and examples/bidirectional, built
unmodified from the module); what they print here is what the Python plugins and hosts generated
from the examples' protos must reproduce.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import RunExampleHost
from .gobuild import GoExampleBinaries

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
