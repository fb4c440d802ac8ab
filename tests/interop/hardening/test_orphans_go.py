"""No orphans with Go on either side (issue 10, item 1): a Go plugin whose Python host dies, and
a Python plugin whose Go host dies, are gone soon after, and leave no socket or socket folder.
The Python-Python pairing is in tests/hardening/test_orphans.py."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.procs import wait_until
from tests.hardening.test_orphans import (  # noqa: F401  (short_tmpdir: a fixture)
    assert_plugin_gone,
    end_host,
    short_tmpdir,
    start_python_host,
)

from ..support.pygreeter import HANDSHAKE

pytestmark = pytest.mark.interop

SLOW_GREETER = Path(__file__).resolve().parents[2] / "hardening" / "plugins" / "slow_greeter.py"


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGHUP", "os._exit"])
def test_go_plugin_of_a_python_host_goes_with_its_host(
    go_greeter_plugin: Path, how: str, short_tmpdir: str  # noqa: F811
) -> None:
    cookie = (HANDSHAKE.magic_cookie_key, HANDSHAKE.magic_cookie_value)
    host, info = start_python_host([str(go_greeter_plugin)], cookie, short_tmpdir)
    end_host(host, how)
    assert_plugin_gone(int(str(info["pid"])), short_tmpdir)


@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "SIGHUP"])
def test_python_plugin_of_a_go_host_goes_with_its_host(
    go_greeter_host: Path, short_tmpdir: str, how: str  # noqa: F811
) -> None:
    pidfile = Path(short_tmpdir) / "pid"
    host = subprocess.Popen(
        [
            str(go_greeter_host),
            "-ping=false",
            "-stream=false",
            "-call-timeout=10m",
            "-log-level=error",
            "--",
            sys.executable,
            str(SLOW_GREETER),
        ],
        env={**os.environ, "TMPDIR": short_tmpdir, "SLOW_GREETER_PIDFILE": str(pidfile)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_until(pidfile.exists, 60.0) is not None, "the plugin never got the call"
        pid = int(pidfile.read_text())
        pidfile.unlink()
        assert any(entry.startswith("plugin") for entry in os.listdir(short_tmpdir))
        host.send_signal(getattr(signal, how))
        host.wait(timeout=30)
        assert_plugin_gone(pid, short_tmpdir)
    finally:
        if host.poll() is None:
            host.kill()
            host.wait()
