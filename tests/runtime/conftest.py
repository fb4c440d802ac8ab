from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

import pytest

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoPlugin

#: The plugin programs these tests launch (``plugins/``).
PLUGINS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
ECHO_PLUGIN = os.path.join(PLUGINS, "echo_plugin.py")

MakeClient = Callable[..., goplugin.Client]


@pytest.fixture
def make_client() -> Iterator[MakeClient]:
    """Clients for the echo plugin (or any cmd); every one is killed after the test."""
    clients: list[goplugin.Client] = []

    def make(
        env: dict[str, str] | None = None,
        cmd: list[str] | None = None,
        **kwargs: object,
    ) -> goplugin.Client:
        options: dict[str, object] = {
            "handshake_config": HANDSHAKE,
            "plugins": {"echo": EchoPlugin},
            "start_timeout": 20.0,
        }
        options.update(kwargs)
        client = goplugin.Client(
            cmd=cmd or [sys.executable, ECHO_PLUGIN], env=env, **options  # type: ignore[arg-type]
        )
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.kill()
