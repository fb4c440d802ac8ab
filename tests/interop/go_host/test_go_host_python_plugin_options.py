"""go-plugin >= 1.5 host options, against the Python plugin: stdio, broker multiplexing, sockets."""

from __future__ import annotations

import grp
import os
import sys
from pathlib import Path

import pytest

from ..conftest import PLUGINS, GoBinariesFor, run_host
from ..support.gobuild import CURRENT

pytestmark = pytest.mark.interop

PROBE = [sys.executable, str(PLUGINS / "probe_greeter.py")]


def test_go_host_reads_every_printed_line_once_and_in_order_through_grpc_stdio(
    go_binaries_for: GoBinariesFor,
) -> None:
    host = go_binaries_for(CURRENT).host
    result = run_host(
        host,
        PROBE,
        ["-stdio", "-stream=false", "-log-level", "warn"],
        env={"PROBE_PRINT_LINES": "300"},
        timeout=60.0,
    )

    assert result.returncode == 0, result.stderr
    streamed_out = [line for line in result.stdout.splitlines() if line.startswith("stdout: ")]
    streamed_err = [line for line in result.stderr.splitlines() if line.startswith("stderr: ")]
    assert streamed_out == [f"stdout: out {n}" for n in range(300)]
    assert streamed_err == [f"stderr: err {n}" for n in range(300)]
    assert "greet: Hello, world!" in result.stdout.splitlines()


def test_go_host_requiring_broker_multiplexing_refuses_the_plugin_with_its_own_error(
    go_binaries_for: GoBinariesFor,
) -> None:
    host = go_binaries_for(CURRENT).host
    result = run_host(host, PROBE, ["-mux"], env=None, timeout=60.0)

    assert result.returncode == 1
    assert (
        "greeter-host: start: client requested gRPC broker multiplexing but plugin does not "
        "support the feature"
    ) in result.stderr


def test_go_host_socket_group_gets_the_python_plugins_socket(
    go_binaries_for: GoBinariesFor, tmp_path: Path
) -> None:
    host = go_binaries_for(CURRENT).host
    group = grp.getgrnam("daemon")
    result = run_host(
        host,
        PROBE,
        ["-socket-dir", str(tmp_path), "-socket-group", group.gr_name, "-stream=false"],
        env={"PROBE_REPORT_SOCKET": "1"},
        timeout=60.0,
    )

    assert result.returncode == 0, result.stderr
    greeting = next(line for line in result.stdout.splitlines() if line.startswith("greet: "))
    assert greeting.endswith(f" mode=0660 gid={group.gr_gid}"), greeting
    assert greeting.startswith("greet: plugin")
    assert os.listdir(tmp_path) == []  # go-plugin removed its socket dir, and the socket with it
