"""Debug mode and reattach: a plugin started by hand, hosts that connect to it."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import goplugin
from goplugin.host.reattach import ENV_REATTACH
from tests.runtime.conftest import ECHO_PLUGIN
from tests.runtime.plugins.echo import HANDSHAKE, EchoClient, EchoPlugin

BREAKPOINT_PLUGIN = str(Path(__file__).with_name("breakpoint_plugin.py"))


class Output:
    """A child's stdout read as it comes, prompts without a newline included."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self._fd = proc.stdout.fileno()
        self.text = ""

    def until(self, marker: str, timeout: float = 30.0) -> str:
        """Everything read so far once ``marker`` appears after what earlier calls consumed."""
        while marker not in self.text:
            ready, _, _ = select.select([self._fd], [], [], timeout)
            chunk = os.read(self._fd, 65536) if ready else b""
            if not chunk:
                raise AssertionError(f"no {marker!r} in the plugin's output: {self.text!r}")
            self.text += chunk.decode()
        seen, _, self.text = self.text.partition(marker)
        return seen + marker


def start_debug_plugin(plugin: str = ECHO_PLUGIN) -> tuple[subprocess.Popen[bytes], Output]:
    env = {**os.environ, "GOPLUGIN_DEBUG": "1"}
    env.pop(HANDSHAKE.magic_cookie_key, None)  # started by hand: no host, no cookie
    env.pop("PYTHONBREAKPOINT", None)  # breakpoint() means pdb
    proc = subprocess.Popen(
        [sys.executable, plugin],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    return proc, Output(proc)


def reattach_config(output: Output) -> goplugin.ReattachConfig:
    output.until(f"{ENV_REATTACH}='")
    text = output.until("'\n").removesuffix("'\n")
    return goplugin.ReattachConfig.from_json(text)


@pytest.fixture
def debug_plugin() -> Iterator[tuple[subprocess.Popen[bytes], goplugin.ReattachConfig]]:
    proc, output = start_debug_plugin()
    try:
        yield proc, reattach_config(output)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()
        proc.stdout.close()


def reattached(config: goplugin.ReattachConfig) -> goplugin.Client:
    return goplugin.Client(
        handshake_config=HANDSHAKE, plugins={"echo": EchoPlugin}, reattach=config
    )


def test_hosts_reattach_one_after_another_and_leave_the_plugin_running(
    debug_plugin: tuple[subprocess.Popen[bytes], goplugin.ReattachConfig],
) -> None:
    proc, config = debug_plugin
    assert (config.pid, config.protocol, config.protocol_version, config.test) == (
        proc.pid,
        "grpc",
        1,
        True,
    )
    for text in ("first", "second"):
        with reattached(config) as client:
            assert client.dispense("echo", EchoClient).echo(text) == text
            assert client.pid == proc.pid
        assert proc.poll() is None  # kill() disconnected; the plugin is not the host's to end
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert not os.path.exists(config.address)


def test_without_test_the_hosts_kill_asks_the_plugin_to_shut_down(
    debug_plugin: tuple[subprocess.Popen[bytes], goplugin.ReattachConfig],
) -> None:
    proc, config = debug_plugin
    shutdown_config = goplugin.ReattachConfig.from_json(
        config.to_json().replace('"Test":true', '"Test":false')
    )
    client = reattached(shutdown_config)
    assert client.dispense("echo", EchoClient).echo("bye") == "bye"
    client.kill()
    assert proc.wait(timeout=30) == 0


def test_reattaching_to_a_plugin_that_is_gone_names_the_address() -> None:
    proc, output = start_debug_plugin()
    config = reattach_config(output)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.close()
    proc.stdout.close()
    with pytest.raises(goplugin.PluginStartError, match=f"could not connect .*{config.address}"):
        reattached(config).start()


def test_the_config_round_trips_and_is_usable_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = goplugin.ReattachConfig(
        protocol_version=3, network="tcp", address="127.0.0.1:1", pid=9
    )
    monkeypatch.setenv(ENV_REATTACH, config.to_json())
    assert goplugin.ReattachConfig.from_env() == config
    assert '"Addr":{"Network":"tcp","String":"127.0.0.1:1"}' in config.to_json()


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("nope", "not JSON"),
        ("[]", "must be a JSON object"),
        ('{"ProtocolVersion": 1, "Pid": 1}', 'needs "Addr"'),
        (
            '{"ProtocolVersion": "1", "Pid": 1, "Addr": {"Network": "unix", "String": "/s"}}',
            "integer 'ProtocolVersion'",
        ),
        (
            '{"ProtocolVersion": 1, "Pid": 1, "Addr": {"Network": "udp", "String": "/s"}}',
            "network 'udp'",
        ),
        (
            '{"Protocol": "netrpc", "ProtocolVersion": 1, "Pid": 1, '
            '"Addr": {"Network": "unix", "String": "/s"}}',
            "only 'grpc'",
        ),
    ],
)
def test_a_malformed_config_names_what_is_wrong(text: str, cause: str) -> None:
    with pytest.raises(ValueError, match=cause):
        goplugin.ReattachConfig.from_json(text)


def test_a_client_takes_cmd_or_reattach_not_both() -> None:
    config = goplugin.ReattachConfig(protocol_version=1, network="unix", address="/x", pid=1)
    with pytest.raises(ValueError, match="cmd or reattach, not both"):
        goplugin.Client(handshake_config=HANDSHAKE, cmd=["plugin"], reattach=config)
    with pytest.raises(ValueError, match=r"needs cmd .* or reattach"):
        goplugin.Client(handshake_config=HANDSHAKE)
    with pytest.raises(goplugin.IncompatibleVersionError, match=r"version 7.*versions 1"):
        goplugin.Client(
            handshake_config=HANDSHAKE,
            plugins={"echo": EchoPlugin},
            reattach=goplugin.ReattachConfig(
                protocol_version=7, network="unix", address="/x", pid=1
            ),
        ).start()


def test_a_breakpoint_in_the_implementation_stops_the_hosts_call() -> None:
    proc, output = start_debug_plugin(BREAKPOINT_PLUGIN)
    assert proc.stdin is not None and proc.stdout is not None
    try:
        config = reattach_config(output)
        with reattached(config) as client:
            echo = client.dispense("echo", EchoClient)
            answers: list[str] = []
            call = threading.Thread(target=lambda: answers.append(echo.echo("hello")))
            call.start()
            stopped = output.until("(Pdb) ")
            assert "breakpoint_plugin.py" in stopped and "echo()" in stopped
            assert call.is_alive() and not answers  # the host waits on the breakpoint
            proc.stdin.write(b"p text\n")
            proc.stdin.flush()
            assert "'hello'" in output.until("(Pdb) ")
            proc.stdin.write(b"c\n")
            proc.stdin.flush()
            call.join(timeout=30)
            assert answers == ["hello"]
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.stdin.close()  # pdb, seeing the program exit, would wait for a command: EOF ends it
        proc.wait(timeout=30)
        proc.stdout.close()
