"""A plugin process started the way a go-plugin host starts one, with no host library: for
tests that talk to the plugin's socket themselves or read its handshake line."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator, Sequence

import goplugin


def host_env(handshake: goplugin.HandshakeConfig, **extra: str) -> dict[str, str]:
    """This process's environment plus what a go-plugin host tells its plugin."""
    return {
        **os.environ,
        handshake.magic_cookie_key: handshake.magic_cookie_value,
        "PLUGIN_MIN_PORT": "10000",
        "PLUGIN_MAX_PORT": "25000",
        "PLUGIN_PROTOCOL_VERSIONS": str(handshake.protocol_version),
        **extra,
    }


@contextlib.contextmanager
def started(
    cmd: Sequence[str], env: dict[str, str]
) -> Iterator[tuple[subprocess.Popen[bytes], list[str]]]:
    """The running plugin and its handshake line's fields; killed on the way out."""
    process = subprocess.Popen(
        list(cmd),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        yield process, process.stdout.readline().decode().rstrip("\n").split("|")
    finally:
        process.kill()
        process.wait(timeout=10)
