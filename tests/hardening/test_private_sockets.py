"""A plugin whose host names no socket folder (any go-plugin host before 1.5) still serves on a
socket no other local user can reach, whatever the umask (issue 10, item 5)."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile

import pytest

from tests.hardening.procs import wait_until
from tests.runtime.conftest import ECHO_PLUGIN


@pytest.mark.parametrize("umask", ["000", "022"])
def test_without_a_socket_folder_the_plugin_makes_a_private_one(umask: str) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("PLUGIN_") and k != "ECHO_PLUGIN"
    }
    env.update(
        ECHO_PLUGIN="echo",
        PLUGIN_PROTOCOL_VERSIONS="1",
        PLUGIN_MIN_PORT="10000",
        PLUGIN_MAX_PORT="25000",
    )
    plugin = subprocess.Popen(
        ["sh", "-c", f'umask {umask}; exec "$0" "$1"', sys.executable, ECHO_PLUGIN],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert plugin.stdout is not None
        address = plugin.stdout.readline().split("|")[3]
        folder = os.path.dirname(address)
        assert os.path.dirname(folder) == tempfile.gettempdir()
        assert os.path.basename(folder).startswith("plugin-dir")
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(address).st_mode) == 0o600
    finally:
        plugin.send_signal(signal.SIGTERM)
        plugin.wait(timeout=30)
    assert wait_until(lambda: not os.path.exists(folder), 5.0) is not None
