"""The harness itself: what each go-plugin switch of the Go greeter host does, Go against Go.

The Python-facing tests turn these switches on against Python plugins; here the Go plugin built
with the same go-plugin shows what go-plugin itself does with them, so a difference there can
be blamed on the Python side.
"""

from __future__ import annotations

import grp
import os
import re
from pathlib import Path

import pytest

from ..conftest import GoBinariesFor, RunGoHost, run_host
from ..support.gobuild import CURRENT, OLDEST, SWITCH_SINCE, host_supports

pytestmark = pytest.mark.interop

GREETED = ["negotiated: 1", "ping: ok", "greet: Hello, world!", "kill: ok", "exited: true"]


def _requiring(plugin: Path, condition: str) -> list[str]:
    """A plugin command that runs ``plugin`` only when the shell ``condition`` holds."""
    return [
        "sh",
        "-c",
        f'{condition} || {{ echo "{condition} failed" >&2; exit 9; }}; exec "$0"',
        str(plugin),
    ]


@pytest.mark.parametrize("automtls", [True, False], ids=["automtls", "plaintext"])
def test_automtls_hands_the_plugin_a_client_certificate_and_still_greets(
    run_go_host: RunGoHost, go_greeter_plugin: Path, automtls: bool
) -> None:
    condition = 'test -n "$PLUGIN_CLIENT_CERT"' if automtls else 'test -z "$PLUGIN_CLIENT_CERT"'
    flags = ["-automtls"] if automtls else []

    result = run_go_host(_requiring(go_greeter_plugin, condition), *flags, "-stream=false")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == GREETED


def test_stdio_prints_what_the_plugin_wrote_through_grpc_stdio(
    go_binaries_for: GoBinariesFor,
) -> None:
    go = go_binaries_for(CURRENT)
    result = run_host(
        go.host,
        [str(go.plugin)],
        ["-stdio", "-stream=false", "-log-level", "warn"],
        env={"GREETER_SYNCED_OUTPUT": "1"},
        timeout=60.0,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # A Go plugin's last line can be lost: go-plugin's Kill closes the connection without waiting
    # for the plugin's stdio copier (the race goplugin's Shutdown flushes on the Python side), and
    # under load it shows. Every line that arrives is whole, once and in order.
    expected = ["host connected", 'Greet name="world" locale="" version=1']
    synced = [line for line in lines if line.startswith("stdout: ")]
    assert synced[0] == "stdout: greeter-plugin synced stdout: host connected"
    assert synced == [f"stdout: greeter-plugin synced stdout: {e}" for e in expected][: len(synced)]
    assert lines.index(synced[-1]) < lines.index("kill: ok")
    assert [line for line in lines if not line.startswith("stdout: ")] == GREETED
    synced_err = [line for line in result.stderr.splitlines() if line.startswith("stderr: ")]
    assert synced_err[0] == "stderr: greeter-plugin synced stderr: host connected"
    assert (
        synced_err
        == [f"stderr: greeter-plugin synced stderr: {e}" for e in expected][: len(synced_err)]
    )


def test_socket_dir_and_group_put_the_plugin_socket_in_a_directory_go_plugin_removes(
    go_binaries_for: GoBinariesFor, tmp_path: Path
) -> None:
    go = go_binaries_for(CURRENT)
    group = grp.getgrgid(os.getgid()).gr_name
    condition = f'test "$PLUGIN_UNIX_SOCKET_GROUP" = "{group}"'
    result = run_host(
        go.host,
        _requiring(go.plugin, condition),
        ["-socket-dir", str(tmp_path), "-socket-group", group, "-stream=false"],
        env=None,
        timeout=60.0,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == GREETED
    address = re.search(r"plugin address:.*? address=(\S+)", result.stderr)  # any field order
    assert address is not None, result.stderr
    assert Path(address.group(1)).parent.parent == tmp_path
    assert Path(address.group(1)).parent.name.startswith("plugin-dir")
    assert list(tmp_path.iterdir()) == []


def test_mux_greets_a_plugin_built_with_the_same_go_plugin(
    go_binaries_for: GoBinariesFor,
) -> None:
    go = go_binaries_for(CURRENT)
    result = run_host(go.host, [str(go.plugin)], ["-mux", "-stream=false"], env=None, timeout=60.0)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == GREETED
    assert "client muxer connected" in result.stderr


def test_mux_against_a_plugin_without_it_fails_with_go_plugins_own_error(
    go_binaries_for: GoBinariesFor,
) -> None:
    host = go_binaries_for(CURRENT).host
    old_plugin = go_binaries_for(OLDEST).plugin
    result = run_host(host, [str(old_plugin)], ["-mux"], env=None, timeout=60.0)

    assert result.returncode == 1
    assert result.stdout == ""
    assert (
        "greeter-host: start: client requested gRPC broker multiplexing but plugin does not "
        "support the feature"
    ) in result.stderr


@pytest.mark.parametrize(
    "flags",
    [["-stdio"], ["-socket-dir", "/tmp"], ["-socket-group", "root"], ["-mux"]],
    ids=lambda flags: flags[0],
)
def test_old_host_refuses_switches_its_go_plugin_lacks(
    go_binaries_for: GoBinariesFor, flags: list[str]
) -> None:
    assert not host_supports(OLDEST, flags[0])
    go = go_binaries_for(OLDEST)
    result = run_host(go.host, [str(go.plugin)], flags, env=None, timeout=60.0)

    assert result.returncode == 2
    assert result.stdout == ""
    assert re.fullmatch(
        rf"greeter-host: {flags[0]}: .+ needs go-plugin {SWITCH_SINCE[flags[0]]} or later; "
        rf"this host is built with go-plugin {OLDEST}\n",
        result.stderr,
    ), result.stderr


def test_hosts_report_the_go_plugin_they_link(run_go_host: RunGoHost, go_version: str) -> None:
    result = run_go_host([], "-version")

    assert (result.returncode, result.stdout) == (0, f"go-plugin {go_version}\n")
