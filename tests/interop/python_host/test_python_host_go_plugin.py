"""A Python host (goplugin.Client) runs the Go greeter plugin (go-plugin v1.8.0 and v1.0.1)."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path

import pytest

import goplugin

from ..support.pygreeter import HANDSHAKE, GreeterHostPlugin, GreeterModules

pytestmark = pytest.mark.interop


def go_plugin_client(
    plugin: Path, modules: GreeterModules, env: Mapping[str, str] | None = None
) -> goplugin.Client:
    return goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterHostPlugin(modules)},
        cmd=[str(plugin)],
        env=env,
        start_timeout=60.0,
    )


def logged_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records]


def test_python_host_calls_both_rpcs_of_a_chatty_go_plugin(
    go_greeter_plugin: Path, greeter_modules: GreeterModules, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    pb2 = greeter_modules.pb2

    with go_plugin_client(go_greeter_plugin, greeter_modules) as client:
        greeter = client.dispense("greeter")
        client.ping()
        reply = greeter.Greet(pb2.GreetRequest(name="world", locale="en-US"))
        stream = [r.greeting for r in greeter.GreetStream(pb2.GreetRequest(name="world"))]
        negotiated = client.negotiated_version

    assert negotiated == 1
    assert reply.greeting == "Hello, world! (locale: en-US)"
    assert stream == [f"Hello world, message {i}" for i in range(5)]
    # The plugin printed to stdout after its handshake and to stderr on every call; the stderr
    # lines are in the host's logging, as go-plugin puts them in a Go host's log.
    messages = logged_messages(caplog)
    assert 'greeter-plugin stderr: Greet name="world" locale="en-US" version=1' in messages
    assert 'greeter-plugin stderr: GreetStream name="world" locale="" version=1' in messages


def test_go_plugin_status_error_reaches_the_python_host_as_its_typed_exception(
    go_greeter_plugin: Path, greeter_modules: GreeterModules
) -> None:
    pb2 = greeter_modules.pb2
    env = {"GREETER_FAIL_WITH": "NOT_FOUND"}

    with go_plugin_client(go_greeter_plugin, greeter_modules, env) as client:
        greeter = client.dispense("greeter")
        with pytest.raises(goplugin.NotFoundError) as caught:
            greeter.Greet(pb2.GreetRequest(name="world"))
        still_running = not client.exited

    expected = "greeter-plugin: failing with NOT_FOUND as GREETER_FAIL_WITH asked"
    assert caught.value.details == expected
    assert still_running


def test_go_plugin_crash_mid_call_raises_plugin_exited_error_quoting_its_stderr(
    go_greeter_plugin: Path, greeter_modules: GreeterModules
) -> None:
    pb2 = greeter_modules.pb2
    env = {"GREETER_CRASH_ON": "greet"}

    with go_plugin_client(go_greeter_plugin, greeter_modules, env) as client:
        greeter = client.dispense("greeter")
        with pytest.raises(goplugin.PluginExitedError) as caught:
            greeter.Greet(pb2.GreetRequest(name="world"))

    assert caught.value.returncode == 3
    assert "crashing on greet as GREETER_CRASH_ON asked" in str(caught.value)
    assert client.exited


def test_kill_stops_and_reaps_the_go_plugin(
    go_greeter_plugin: Path, greeter_modules: GreeterModules, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = go_plugin_client(go_greeter_plugin, greeter_modules)
    client.dispense("greeter")
    pid = client.pid
    assert pid is not None and _process_state(pid) not in (None, "Z")

    client.kill()

    assert client.exited
    assert _process_state(pid) is None, "the plugin is still in the process table (a zombie?)"
    assert _zombie_children() == []
    assert "plugin failed to exit gracefully" not in logged_messages(caplog)


def _process_state(pid: int) -> str | None:
    """The one-letter state of ``pid`` (Z = zombie), or None once it is gone from /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def _zombie_children() -> list[int]:
    zombies = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] == "Z" and int(fields[1]) == os.getpid():
            zombies.append(int(entry.name))
    return zombies
