"""A Go host (go-plugin v1.8.0) calling a Python plugin served with goplugin interceptors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ..conftest import PLUGINS, GoBinariesFor, run_host
from ..support.gobuild import CURRENT

pytestmark = pytest.mark.interop

PLUGIN = [sys.executable, str(PLUGINS / "intercepted_greeter.py")]


@pytest.mark.parametrize("core", ["grpcio", "grpclib"])
def test_a_go_host_without_the_token_is_refused_and_its_own_calls_are_intercepted(
    go_binaries_for: GoBinariesFor, tmp_path: Path, core: str
) -> None:
    log = tmp_path / "calls.log"
    host = go_binaries_for(CURRENT).host
    env = {"GOPLUGIN_CORE": core, "ICPT_LOG": str(log), "ICPT_TOKEN": "s3cret"}
    result = run_host(host, PLUGIN, ["-stream=false", "-automtls"], env=env, timeout=60.0)

    assert result.returncode != 0
    assert "Unauthenticated" in result.stderr, result.stderr
    assert "Greet: no valid token" in result.stderr
    calls = log.read_text().splitlines()
    assert "/greeter.Greeter/Greet UnauthenticatedError" in calls
    assert "/plugin.GRPCController/Shutdown ok" in calls
