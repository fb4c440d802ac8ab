"""A misbehaving plugin is the plugin's problem: the host gets a typed error that says what
happened and quotes the plugin's stderr, and keeps running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import goplugin
from tests.runtime.conftest import ECHO_PLUGIN, MakeClient


def _script(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "fake_plugin.py"
    path.write_text(textwrap.dedent(body))
    return [sys.executable, str(path)]


def _assert_gone(pid: int | None) -> None:
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # already reaped: no zombie left behind


def test_plugin_exiting_before_handshake_reports_status_and_stderr(
    make_client: MakeClient, tmp_path: Path
) -> None:
    cmd = _script(
        tmp_path,
        """
        import sys
        print("config file /etc/echo.conf not found", file=sys.stderr)
        sys.exit(2)
        """,
    )
    client = make_client(cmd=cmd)
    with pytest.raises(goplugin.PluginExitedError) as caught:
        client.dispense("echo")
    assert "plugin exited before completing the handshake (exit status 2)" in str(caught.value)
    assert "config file /etc/echo.conf not found" in str(caught.value)
    assert caught.value.returncode == 2
    _assert_gone(client.pid)


def test_garbage_on_stdout_is_an_unrecognized_message(
    make_client: MakeClient, tmp_path: Path
) -> None:
    cmd = _script(
        tmp_path,
        """
        import sys, time
        print("about to sleep", file=sys.stderr, flush=True)
        print("Starting echo server v0.1...", flush=True)
        time.sleep(60)
        """,
    )
    client = make_client(cmd=cmd)
    with pytest.raises(goplugin.HandshakeError) as caught:
        client.start()
    assert "Unrecognized remote plugin message: Starting echo server v0.1..." in str(caught.value)
    assert "about to sleep" in str(caught.value)
    _assert_gone(client.pid)


def test_hanging_plugin_times_out_and_is_killed(make_client: MakeClient, tmp_path: Path) -> None:
    cmd = _script(tmp_path, "import time\ntime.sleep(60)\n")
    client = make_client(cmd=cmd, start_timeout=0.5)
    with pytest.raises(goplugin.StartTimeoutError, match=r"no handshake line after 0\.5s"):
        client.start()
    assert client.exited
    _assert_gone(client.pid)


def test_missing_executable_is_a_start_error(make_client: MakeClient, tmp_path: Path) -> None:
    client = make_client(cmd=[str(tmp_path / "no-such-plugin")])
    with pytest.raises(goplugin.PluginStartError, match="could not launch plugin"):
        client.start()


@pytest.mark.parametrize(
    ("line", "error", "message"),
    [
        ("2|1|unix|/tmp/x|grpc|", goplugin.IncompatibleVersionError, "core API version"),
        (
            "1|7|unix|/tmp/x|grpc|",
            goplugin.IncompatibleVersionError,
            "Incompatible API version with plugin. Plugin version: 7, Client versions: [1]",
        ),
        ("1|1|unix|/tmp/x|netrpc|", goplugin.HandshakeError, "net/rpc plugin"),
        ("1|1|pipe|/tmp/x|grpc|", goplugin.HandshakeError, "Unknown address type: pipe"),
        ("1|1|unix", goplugin.HandshakeError, "Unrecognized remote plugin message: 1|1|unix"),
    ],
)
def test_unacceptable_handshake_lines_are_refused_with_go_plugins_wording(
    make_client: MakeClient,
    tmp_path: Path,
    line: str,
    error: type[goplugin.HandshakeError],
    message: str,
) -> None:
    cmd = _script(tmp_path, f"import time\nprint({line!r}, flush=True)\ntime.sleep(60)\n")
    client = make_client(cmd=cmd)
    with pytest.raises(error) as caught:
        client.start()
    assert message in str(caught.value)
    _assert_gone(client.pid)


def test_no_common_version_names_both_sides(make_client: MakeClient) -> None:
    client = make_client(
        env={"ECHO_VERSIONS": "1,2"},
        plugins=None,
        versioned_plugins={3: {"echo": goplugin.GRPCPlugin}, 4: {}},
    )
    with pytest.raises(goplugin.IncompatibleVersionError) as caught:
        client.start()
    assert "Plugin version: 1, Client versions: [3, 4]" in str(caught.value)


def test_plugin_dying_mid_call_raises_exited_error_and_host_can_restart(
    make_client: MakeClient,
) -> None:
    client = make_client(env={"ECHO_CRASH_ON": "echo"})
    echo = client.dispense("echo")
    with pytest.raises(goplugin.PluginExitedError) as caught:
        echo.echo("hi")
    assert "plugin exited (exit status 3) during /pyplugintest.Echo/Echo" in str(caught.value)
    assert "echo plugin crashing in echo" in str(caught.value)
    _assert_gone(client.pid)

    again = make_client()
    assert again.dispense("echo").echo("still here") == "still here"


def test_plugin_dying_mid_stream_raises_exited_error(make_client: MakeClient) -> None:
    """The plugin exits right after yielding its second message, which may or may not have
    left it: what is certain is the error, and that nothing past the crash arrives."""
    echo = make_client(env={"ECHO_CRASH_ON": "stream"}).dispense("echo")
    received = []
    with pytest.raises(goplugin.PluginExitedError) as caught:
        for message in echo.count(5):
            received.append(message)
    assert "plugin exited (exit status 3) during /pyplugintest.Echo/Count" in str(caught.value)
    assert "echo plugin crashing in stream" in str(caught.value)
    assert received == ["message 0", "message 1"][: len(received)]


def test_plugin_killed_from_outside_is_reported_by_signal(make_client: MakeClient) -> None:
    client = make_client()
    echo = client.dispense("echo")
    assert client.pid is not None
    os.kill(client.pid, signal.SIGKILL)
    with pytest.raises(goplugin.PluginError, match="killed by signal 9"):
        echo.echo("anyone?")


def test_plugin_run_by_hand_refuses_with_go_plugins_message() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ECHO_PLUGIN"}
    result = subprocess.run(
        [sys.executable, ECHO_PLUGIN], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        "This binary is a plugin. These are not meant to be executed directly.\n"
        "Please execute the program that consumes these plugins, which will\n"
        "load any plugins automatically\n"
    )
    assert "1|" not in result.stdout


def test_plugin_serving_go_plugins_own_service_is_refused_by_name(
    make_client: MakeClient, tmp_path: Path
) -> None:
    cmd = _script(
        tmp_path,
        f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
        import grpc
        import goplugin
        from tests.runtime.plugins.echo import HANDSHAKE

        class Impostor(goplugin.GRPCPlugin):
            def grpc_server(self, broker, server):
                handler = grpc.method_handlers_generic_handler("plugin.GRPCController", {{}})
                server.add_generic_rpc_handlers((handler,))

            def grpc_client(self, broker, channel):
                return None

        goplugin.serve(handshake_config=HANDSHAKE, plugins={{"echo": Impostor()}})
        """,
    )
    with pytest.raises(goplugin.PluginExitedError) as caught:
        make_client(cmd=cmd).start()
    assert "a plugin cannot serve plugin.GRPCController" in str(caught.value)
