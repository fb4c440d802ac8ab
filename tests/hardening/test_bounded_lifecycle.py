"""kill() and start() end on time whatever the plugin's process tree does, and end that tree
(issue 10, item 2); a plugin that exits, or names an address nobody answers, fails start() at
once with the reason (item 3); and the smaller findings of item 10."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import textwrap
import time
from pathlib import Path

import pytest

import goplugin
from tests.hardening.procs import alive, process_group_members, wait_until
from tests.runtime.conftest import ECHO_PLUGIN, MakeClient

#: Bounds far above what the runtime promises and far below the plugin's own sleeps (600 s):
#: only a kill or start that waits for the plugin's children can exceed them.
SLACK = 30.0


def _script(tmp_path: Path, body: str, name: str = "fake_plugin.py") -> list[str]:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return [sys.executable, str(path)]


def _wrapped(command: str) -> list[str]:
    """``sh -c`` with a trailing command, so the shell stays the plugin's parent."""
    return ["sh", "-c", command]


def test_kill_ends_a_wrapper_whose_child_keeps_the_pipes(make_client: MakeClient) -> None:
    client = make_client(cmd=_wrapped(f"{sys.executable} {ECHO_PLUGIN}; sleep 600"))
    assert client.dispense("echo").echo("hi") == "hi"
    started = time.monotonic()
    client.kill()
    took = time.monotonic() - started
    assert took < SLACK
    assert client.pid is not None
    assert process_group_members(client.pid) == []
    print(f"kill() took {took:.2f}s")


def test_kill_ends_a_plugin_that_ignores_shutdown_and_its_children(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """The plugin serves, then its Shutdown handler hangs and it ignores SIGTERM; a child it
    started keeps stdout and stderr. kill() still returns, and nobody of the group is left."""
    cmd = _script(
        tmp_path,
        f"""
        import os, signal, subprocess, sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parents[2])!r})
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        subprocess.Popen(["sleep", "600"])  # inherits stdout and stderr
        import goplugin, goplugin.grpcio_core.server as server
        from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin
        server.GrpcioPluginServer._shutdown = lambda self, request, context: time.sleep(600)
        # The grpcio core: its SIGTERM handler is Python's (which SIG_IGN above replaces
        # until serve() sets it), and its Shutdown a plain method to hang.
        goplugin.serve(
            handshake_config=HANDSHAKE, plugins={{"echo": EchoPlugin(EchoImpl())}}, core="grpcio"
        )
        """,
    )
    client = make_client(cmd=cmd, kill_grace=1.0)
    assert client.dispense("echo").echo("hi") == "hi"
    started = time.monotonic()
    client.kill()
    took = time.monotonic() - started
    assert took < SLACK
    assert client.pid is not None
    assert process_group_members(client.pid) == []
    print(f"kill() with kill_grace=1 took {took:.2f}s")


def test_start_timeout_holds_when_a_child_keeps_the_pipes(make_client: MakeClient) -> None:
    client = make_client(cmd=_wrapped("sleep 600; true"), start_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(goplugin.StartTimeoutError, match=r"no handshake line after 1s"):
        client.start()
    took = time.monotonic() - started
    assert took < SLACK
    assert client.pid is not None
    assert process_group_members(client.pid) == []
    print(f"start_timeout=1: StartTimeoutError after {took:.2f}s")


def test_plugin_exiting_while_its_child_keeps_stdout_fails_start_at_once(
    make_client: MakeClient,
) -> None:
    client = make_client(
        cmd=_wrapped("sleep 600 & echo 'no config' >&2; exit 3"), start_timeout=60.0
    )
    started = time.monotonic()
    with pytest.raises(goplugin.PluginExitedError, match=r"exit status 3") as caught:
        client.start()
    assert time.monotonic() - started < SLACK
    assert "no config" in str(caught.value)
    assert client.pid is not None
    assert wait_until(lambda: process_group_members(client.pid or 0) == [], SLACK) is not None


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("unix|/nonexistent", "dial unix /nonexistent: connect: no such file or directory"),
        ("tcp|127.0.0.1:1", "dial tcp 127.0.0.1:1: connect: connection refused"),
    ],
)
def test_unreachable_address_fails_start_at_once_with_the_os_reason(
    make_client: MakeClient, tmp_path: Path, address: str, reason: str
) -> None:
    cmd = _script(
        tmp_path, f"import time\nprint('1|1|{address}|grpc|', flush=True)\ntime.sleep(600)\n"
    )
    client = make_client(cmd=cmd, start_timeout=60.0, auto_mtls=False)
    started = time.monotonic()
    with pytest.raises(goplugin.PluginStartError) as caught:
        client.start()
    took = time.monotonic() - started
    assert reason in str(caught.value)
    assert took < SLACK
    assert client.pid is not None and not alive(client.pid)
    print(f"{address}: failed after {took:.2f}s")


def test_refusing_unix_socket_fails_start_with_the_os_reason(
    make_client: MakeClient, tmp_path: Path
) -> None:
    path = tmp_path / "s"
    bound = socket.socket(socket.AF_UNIX)
    bound.bind(str(path))  # bound, never listening: connect() is refused
    try:
        cmd = _script(
            tmp_path, f"import time\nprint('1|1|unix|{path}|grpc|', flush=True)\ntime.sleep(600)\n"
        )
        client = make_client(cmd=cmd, start_timeout=60.0, auto_mtls=False)
        with pytest.raises(goplugin.PluginStartError) as caught:
            client.start()
    finally:
        bound.close()
    assert f"dial unix {path}: connect: connection refused" in str(caught.value)


def test_plugin_exiting_after_its_handshake_fails_start_at_once(
    make_client: MakeClient, tmp_path: Path
) -> None:
    """It listens (so the dial succeeds) but never speaks gRPC, then exits."""
    cmd = _script(
        tmp_path,
        f"""
        import socket, sys, time
        listening = socket.socket(socket.AF_UNIX)
        listening.bind({str(tmp_path / 'p.sock')!r})
        listening.listen()
        print("1|1|unix|{tmp_path / 'p.sock'}|grpc|", flush=True)
        time.sleep(0.5)
        print("giving up", file=sys.stderr)
        sys.exit(4)
        """,
    )
    client = make_client(cmd=cmd, start_timeout=60.0, auto_mtls=False)
    started = time.monotonic()
    with pytest.raises(goplugin.PluginExitedError) as caught:
        client.start()
    assert time.monotonic() - started < SLACK
    assert "plugin exited (exit status 4) while the host was connecting" in str(caught.value)
    assert "giving up" in str(caught.value)


def test_a_plugin_closing_stdout_without_a_handshake_is_not_said_to_have_exited(
    make_client: MakeClient,
) -> None:
    client = make_client(cmd=_wrapped("exec >&-; echo 'no stdout for you' >&2; sleep 600"))
    with pytest.raises(goplugin.HandshakeError) as caught:
        client.start()
    message = str(caught.value)
    assert "still running" not in message
    assert "closed its stdout without a handshake line" in message
    assert "no stdout for you" in message
    assert client.pid is not None
    assert process_group_members(client.pid) == []


def test_start_on_a_client_whose_plugin_crashed_raises(make_client: MakeClient) -> None:
    client = make_client()
    client.start()
    assert client.pid is not None
    os.kill(client.pid, signal.SIGKILL)
    assert wait_until(lambda: client.exited, SLACK) is not None
    with pytest.raises(goplugin.PluginExitedError, match="killed by signal 9"):
        client.start()


def test_a_plugin_the_host_killed_itself_is_not_logged_as_an_error(
    make_client: MakeClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    cmd = _script(tmp_path, "import time\ntime.sleep(600)\n")
    client = make_client(cmd=cmd, start_timeout=0.5)
    with pytest.raises(goplugin.StartTimeoutError):
        client.start()

    def exit_records() -> list[logging.LogRecord]:
        return [r for r in caplog.records if "plugin process exited" in r.getMessage()]

    assert wait_until(lambda: bool(exit_records()), SLACK) is not None
    assert [r.levelname for r in exit_records()] == ["INFO"]
