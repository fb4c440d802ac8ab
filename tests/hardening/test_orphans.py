"""No orphans: a plugin is gone soon after its host dies, however the host died, and leaves no
socket or socket folder behind (issue 10, item 1). The Go pairings are in
tests/interop/hardening/test_orphans_go.py."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hardening.procs import alive, wait_until
from tests.runtime.conftest import ECHO_PLUGIN

ORPHAN_HOST = str(Path(__file__).parent / "hosts" / "orphan_host.py")
#: Far longer than the 2 s the runtime promises: only a plugin that never leaves fails.
PATIENCE = 15.0


@pytest.fixture
def short_tmpdir() -> Iterator[str]:
    """A TMPDIR of our own (short: socket paths are limited to 107 bytes), so what is left
    behind in it is ours to count, whatever else runs on the machine."""
    directory = tempfile.mkdtemp(prefix="h10-", dir="/tmp")
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def start_python_host(
    plugin_cmd: list[str], cookie: tuple[str, str], tmpdir: str
) -> tuple[subprocess.Popen[str], dict[str, object]]:
    """orphan_host.py running ``plugin_cmd`` with TMPDIR=``tmpdir``, and what it printed."""
    host = subprocess.Popen(
        [sys.executable, ORPHAN_HOST, *cookie, *plugin_cmd],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "TMPDIR": tmpdir},
        text=True,
    )
    assert host.stdout is not None
    line = host.stdout.readline()
    assert line, "the host did not start its plugin"
    return host, json.loads(line)


def end_host(host: subprocess.Popen[str], how: str) -> None:
    assert host.stdin is not None
    if how == "os._exit":
        host.stdin.write("exit\n")
        host.stdin.flush()
    else:
        host.send_signal(getattr(signal, how))
    host.wait(timeout=30)


def assert_plugin_gone(pid: int, tmpdir: str) -> None:
    """The plugin is gone, and so is everything in the TMPDIR its host and it were given."""
    started = time.monotonic()
    took = wait_until(lambda: not alive(pid) and not os.listdir(tmpdir), PATIENCE)
    assert alive(pid) is False, f"plugin {pid} still running {PATIENCE}s after its host died"
    assert os.listdir(tmpdir) == [], "a socket or socket folder was left behind"
    assert took is not None
    print(f"plugin gone {time.monotonic() - started:.2f}s after the host died")


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGHUP", "os._exit"])
def test_python_plugin_of_a_python_host_goes_with_its_host(how: str, short_tmpdir: str) -> None:
    cookie = ("ECHO_PLUGIN", "echo")
    host, info = start_python_host([sys.executable, ECHO_PLUGIN], cookie, short_tmpdir)
    assert os.path.dirname(os.path.dirname(str(info["address"]))) == short_tmpdir
    end_host(host, how)
    assert_plugin_gone(int(str(info["pid"])), short_tmpdir)


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM"])
def test_python_plugin_notices_by_itself_a_host_that_does_nothing_for_it(
    how: str, short_tmpdir: str
) -> None:
    """A Go host dies without a word to its plugins: the plugin must watch for itself. This
    'host' launches the plugin as go-plugin does (cookie, socket folder) and nothing more."""
    socket_dir = tempfile.mkdtemp(prefix="plugin-dir", dir=short_tmpdir)
    bare_host = (
        "import os, subprocess, sys, time\n"
        "env = dict(os.environ, ECHO_PLUGIN='echo', PLUGIN_PROTOCOL_VERSIONS='1',\n"
        "           PLUGIN_MIN_PORT='10000', PLUGIN_MAX_PORT='25000',\n"
        f"           PLUGIN_UNIX_SOCKET_DIR={socket_dir!r})\n"
        f"plugin = subprocess.Popen([sys.executable, {ECHO_PLUGIN!r}], env=env,\n"
        "                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
        "print(plugin.pid, plugin.stdout.readline().decode().strip(), flush=True)\n"
        "time.sleep(600)\n"
    )
    host = subprocess.Popen(
        [sys.executable, "-c", bare_host], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert host.stdout is not None
    pid, handshake = host.stdout.readline().split()
    assert os.path.dirname(handshake.split("|")[3]) == socket_dir
    end_host(host, how)
    assert_plugin_gone(int(pid), short_tmpdir)
