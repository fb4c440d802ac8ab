"""A plugin on the default core loads at start-up only what its start-up needs.

Start-up time is a product figure (issue 9: within 1.05x of a minimal grpcio plugin), and most
of it is imports. The greeter example's plugin runs as a real subprocess under a Python host and
answers the host's first Greet with which optional modules it has loaded by then: nothing of
AutoMTLS (cryptography) without ``PLUGIN_CLIENT_CERT``, nothing of debug mode or the host side,
no grpclib client unless it dials its host's broker. With AutoMTLS the same check sees the TLS
modules arrive, so it can fail. A plugin started without a socket folder from its host makes
its own, as ``tempfile.mkdtemp`` would, without loading tempfile.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import goplugin

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "plugins" / "lean_greeter.py"
EXAMPLE = str(HERE.parents[2] / "examples" / "greeter")

DEFAULT_THRESHOLDS = "(700, 10, 10)"


def first_greeting(monkeypatch: pytest.MonkeyPatch, auto_mtls: bool) -> dict[str, str]:
    """The fixture's report, parsed: ``loaded`` (comma-separated), ``gc`` and ``before``."""
    monkeypatch.delenv("GOPLUGIN_CORE", raising=False)
    monkeypatch.delenv("GOPLUGIN_DEBUG", raising=False)
    with example_greeter() as (plugin, greeter_pb2, interface):
        return greeting(plugin, greeter_pb2, interface, auto_mtls)


@contextlib.contextmanager
def example_greeter() -> Iterator[tuple[Any, Any, Any]]:
    """examples/greeter's generated package for one call, then forgotten: other tests in this
    process import other packages named ``greeter`` (examples/versioned's), before and after."""

    def take_greeter_modules() -> dict[str, Any]:
        names = [name for name in sys.modules if name.split(".")[0] == "greeter"]
        return {name: sys.modules.pop(name) for name in names}

    others = take_greeter_modules()
    sys.path.insert(0, EXAMPLE)
    importlib.invalidate_caches()
    try:
        yield tuple(
            importlib.import_module(f"greeter.{name}")
            for name in ("plugin", "greeter_pb2", "interface")
        )
    finally:
        sys.path.remove(EXAMPLE)
        take_greeter_modules()
        sys.modules.update(others)


def greeting(plugin: Any, greeter_pb2: Any, interface: Any, auto_mtls: bool) -> dict[str, str]:
    client = goplugin.Client(
        handshake_config=plugin.HANDSHAKE,
        plugins=plugin.PLUGINS,
        cmd=[sys.executable, str(FIXTURE)],
        auto_mtls=auto_mtls,
        start_timeout=20.0,
    )
    try:
        greeter = client.dispense("greeter", interface.Greeter)
        report = greeter.greet(greeter_pb2.GreetRequest(name="start-up")).greeting
    finally:
        client.kill()
    return dict(part.split(":", 1) for part in report.split(";"))


def test_a_plaintext_plugin_loads_no_tls_debug_host_or_temp_dir_modules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = first_greeting(monkeypatch, auto_mtls=False)
    assert report["loaded"] == ""


def test_with_automtls_the_tls_modules_load_and_nothing_else_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The check above can fail: AutoMTLS needs cryptography, and the plugin loads it."""
    report = first_greeting(monkeypatch, auto_mtls=True)
    loaded = set(report["loaded"].split(","))
    assert {
        "cryptography",
        "goplugin.security.automtls",
        "goplugin.security.certs",
        "goplugin.security.tls",
    } <= loaded
    assert not loaded & {
        "goplugin.plugin_process.debug_server",
        "goplugin.host.reattach",
        "goplugin.host.client",
        "grpc",
    }


def test_the_collector_runs_with_its_usual_thresholds_once_the_plugin_serves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``import goplugin`` holds collections back while the plugin starts; serving, the plugin
    collects as any Python program does."""
    report = first_greeting(monkeypatch, auto_mtls=False)
    assert report["before"] == DEFAULT_THRESHOLDS
    assert report["gc"] == DEFAULT_THRESHOLDS


def launch_by_hand(env_overrides: dict[str, str]) -> tuple[subprocess.Popen[bytes], Path]:
    """The fixture with a host's environment but no socket folder (as go-plugin before 1.5):
    the process and the socket path from its handshake line."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLUGIN_", "GOPLUGIN_"))}
    env.update(
        GREETER_PLUGIN="hello",
        PLUGIN_PROTOCOL_VERSIONS="1",
        PLUGIN_MIN_PORT="10000",
        PLUGIN_MAX_PORT="25000",
        **env_overrides,
    )
    process = subprocess.Popen(
        [sys.executable, str(FIXTURE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None
    line = process.stdout.readline().decode()
    fields = line.strip().split("|")
    assert fields[2] == "unix", (line, process.stderr.read() if process.stderr else "")
    return process, Path(fields[3])


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=20)


@pytest.mark.parametrize("variable", ["TMPDIR", "TMP"])
def test_without_a_socket_folder_the_plugin_makes_a_private_one_in_the_temp_dir(
    tmp_path: Path, variable: str
) -> None:
    overrides = {"TMPDIR": "", "TEMP": "", "TMP": "", variable: str(tmp_path)}
    process, socket_path = launch_by_hand(overrides)
    try:
        folder = socket_path.parent
        assert folder.parent == tmp_path
        assert folder.name.startswith("plugin-dir") and len(folder.name) == len("plugin-dir") + 8
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert socket_path.is_socket()
    finally:
        stop(process)
    assert list(tmp_path.iterdir()) == [], "the plugin left its socket folder behind"


def test_an_unusable_tmpdir_falls_back_as_tempfile_does(tmp_path: Path) -> None:
    """TMPDIR naming a missing folder: tempfile's own search picks the next candidate."""
    missing = tmp_path / "missing"
    overrides = {"TMPDIR": str(missing), "TEMP": str(tmp_path), "TMP": ""}
    process, socket_path = launch_by_hand(overrides)
    try:
        assert socket_path.parent.parent == tmp_path
        assert stat.S_IMODE(socket_path.parent.stat().st_mode) == 0o700
    finally:
        stop(process)
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []
    assert tempfile.gettempdir()  # the test process's own choice is untouched


def test_every_public_name_resolves() -> None:
    """``goplugin.X`` works for every name in ``__all__``, the lazily loaded ones included."""
    for name in goplugin.__all__:
        assert getattr(goplugin, name) is not None, name
    assert goplugin.TLSConfig().server_name == "localhost"
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        getattr(goplugin, "nothing_here")  # noqa: B009
