"""goplugin.AsyncClient runs Go plugins built with go-plugin v1.8.0 (AutoMTLS on, so the grpc.aio
channel goes through the ``ssl`` shim for their P-521 certificates): go-plugin's own KV example
plugin (plugin-go-grpc, unary), the generated Go kinds plugin (every RPC kind) and the Go greeter
(a server stream, and a deadline the Go plugin honours)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ..conftest import HOSTS, GoBinariesFor, HostRun, run_program
from ..support.gengo import GeneratedGoBinaries
from ..support.gobuild import GoExampleBinaries

pytestmark = pytest.mark.interop

HOST = HOSTS / "async_go_host.py"


def run_async_host(
    command: str, plugin: Path, cwd: Path, env: dict[str, str] | None = None
) -> HostRun:
    return run_program(
        [sys.executable, str(HOST), command, str(plugin)], env=env, cwd=cwd, timeout=90
    )


def test_async_host_puts_and_gets_through_go_plugins_kv_example(
    go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    run = run_async_host("kv", go_examples.kv_plugin, tmp_path)  # the plugin writes kv_hello here

    assert (run.returncode, run.stdout) == (0, "world\n\nWritten from plugin-go-grpc\n"), run.stderr


def test_async_host_calls_every_rpc_kind_of_the_generated_go_plugin(
    generated_go: GeneratedGoBinaries, tmp_path: Path
) -> None:
    run = run_async_host("kinds", generated_go["kinds-plugin"], tmp_path)

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "get 3",
        "list apple apricot",
        "put 2",
        "sync fig=4",
        "get 1",
        'NotFoundError no item "nothing"',
    ]


def test_async_host_streams_from_the_go_greeter_and_its_deadline_reaches_go(
    go_binaries_for: GoBinariesFor, tmp_path: Path
) -> None:
    plugin = go_binaries_for("v1.8.0").plugin
    run = run_async_host("greeter", plugin, tmp_path, env={"GREETER_GREET_DELAY": "2s"})

    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        *(f"Hello Ada, message {i}" for i in range(5)),
        "Hello, Ada!",
        "DeadlineExceededError",
    ]
