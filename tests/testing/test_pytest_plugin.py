"""The goplugin_client fixture, run as a user's test suite would run it (pytester)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

USER_TESTS = """
import os, sys
sys.path.insert(0, {repo!r})
from tests.runtime.conftest import ECHO_PLUGIN
from tests.runtime.plugins.echo import HANDSHAKE, EchoClient, EchoPlugin

pytest_plugins = ["goplugin.testing.pytest_plugin"]


def test_echo(goplugin_client):
    echo = goplugin_client(
        [sys.executable, ECHO_PLUGIN],
        handshake_config=HANDSHAKE,
        plugins={{"echo": EchoPlugin}},
        dispense="echo",
        interface=EchoClient,
    )
    assert echo.echo("hi") == "hi"


def test_client_then_fail(goplugin_client):
    client = goplugin_client(
        [sys.executable, ECHO_PLUGIN], handshake_config=HANDSHAKE, plugins={{"echo": EchoPlugin}}
    )
    with open({pids!r}, "a") as out:
        out.write(f"{{client.pid}}\\n")
    assert client.dispense("echo").echo("x") == "y"
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_fixture_dispenses_a_real_plugin_and_kills_it_even_when_the_test_fails(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    pids = tmp_path / "pids"
    pytester.makepyfile(test_user=USER_TESTS.format(repo=str(REPO), pids=str(pids)))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*assert 'x' == 'y'*"])
    (pid,) = [int(line) for line in pids.read_text().split()]
    assert not alive(pid)
