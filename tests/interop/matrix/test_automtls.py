"""The AutoMTLS matrix: {go-plugin v1.8.0, v1.0.1} x {Go host -> Python plugin, Python host ->
Go plugin} x {AutoMTLS off, on}, each cell a Greet and a GreetStream and a clean kill.

Every go-plugin certificate is P-521, which grpcio's TLS 1.3 cannot verify; with AutoMTLS on,
these cells therefore run through the runtime's ``ssl`` shim on the Python side.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import goplugin

from ..conftest import RunGoHost
from ..support.pygreeter import HANDSHAKE, GreeterHostPlugin, GreeterModules

pytestmark = pytest.mark.interop

MODES = pytest.mark.parametrize("auto_mtls", [False, True], ids=["plaintext", "automtls"])


@MODES
def test_go_host_greets_the_python_plugin(
    run_go_host: RunGoHost, python_greeter_plugin_cmd: list[str], auto_mtls: bool
) -> None:
    flags = ["-automtls"] if auto_mtls else []
    result = run_go_host(python_greeter_plugin_cmd, *flags, "-name", "Ada")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["negotiated: 1", "ping: ok"], result.stdout
    assert lines[2].startswith("greet: ") and "Ada" in lines[2], result.stdout
    assert [line.split(": ", 1)[0] for line in lines[3:8]] == [f"stream[{i}]" for i in range(5)]
    assert lines[8:] == ["stream: 5 messages", "kill: ok", "exited: true"]
    assert "plugin failed to exit gracefully" not in result.stderr
    # A Go host with AutoMTLS trusts only the certificate in the handshake line: the calls
    # above could not have worked over plaintext, nor with a wrong certificate.
    assert ("configuring client automatic mTLS" in result.stderr) == auto_mtls


@MODES
def test_python_host_greets_the_go_plugin(
    go_greeter_plugin: Path,
    greeter_modules: GreeterModules,
    caplog: pytest.LogCaptureFixture,
    auto_mtls: bool,
) -> None:
    caplog.set_level(logging.DEBUG)
    pb2 = greeter_modules.pb2
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"greeter": GreeterHostPlugin(greeter_modules)},
        cmd=[str(go_greeter_plugin)],
        auto_mtls=auto_mtls,
    )
    with client:
        greeter = client.dispense("greeter")
        client.ping()
        reply = greeter.Greet(pb2.GreetRequest(name="Ada"))
        stream = [r.greeting for r in greeter.GreetStream(pb2.GreetRequest(name="Ada"))]

    assert "Ada" in reply.greeting
    assert stream == [f"Hello Ada, message {i}" for i in range(5)]
    assert client.exited and client.returncode == 0
    messages = [record.getMessage() for record in caplog.records]
    assert "plugin failed to exit gracefully" not in messages
    # The Go plugin logs (to its stderr, which the host logs) when it serves AutoMTLS.
    served_tls = any("configuring server automatic mTLS" in message for message in messages)
    assert served_tls == auto_mtls
