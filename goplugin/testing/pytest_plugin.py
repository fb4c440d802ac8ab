"""pytest fixtures that start real plugin commands and clean up after the test.

Enable with ``pytest_plugins = ["goplugin.testing.pytest_plugin"]`` in a ``conftest.py`` (or
``-p goplugin.testing.pytest_plugin``). The factory fixtures keep every client they made and
kill it when the test ends, pass or fail, so no plugin process outlives its test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar, overload

import pytest

from goplugin.handshake import HandshakeConfig
from goplugin.host.client import Client, HostPluginSet
from goplugin.plugin import PluginSet
from goplugin.testing import PairClient, plugin_pair

_Interface = TypeVar("_Interface")


class ClientFactory(Protocol):
    """``goplugin_client(cmd, handshake_config=..., plugins=..., dispense=name)``."""

    @overload
    def __call__(
        self,
        cmd: Sequence[str],
        *,
        handshake_config: HandshakeConfig,
        plugins: HostPluginSet,
        dispense: str,
        interface: type[_Interface] | None,
        **options: Any,
    ) -> _Interface: ...

    @overload
    def __call__(
        self,
        cmd: Sequence[str],
        *,
        handshake_config: HandshakeConfig,
        plugins: HostPluginSet,
        dispense: str | None = None,
        interface: None = None,
        **options: Any,
    ) -> Any: ...


@pytest.fixture
def goplugin_client() -> Iterator[ClientFactory]:
    """A factory: start ``cmd`` as a plugin and return the dispensed client (or the Client).

    With ``dispense="name"`` it returns ``client.dispense(name, interface)``; without, the
    started :class:`goplugin.Client` itself. Further keyword arguments go to ``Client``.
    Every plugin started is killed after the test.
    """
    clients: list[Client] = []

    def make(
        cmd: Sequence[str],
        *,
        handshake_config: HandshakeConfig,
        plugins: HostPluginSet,
        dispense: str | None = None,
        interface: type[Any] | None = None,
        **options: Any,
    ) -> Any:
        client = Client(handshake_config=handshake_config, cmd=cmd, plugins=plugins, **options)
        clients.append(client)
        client.start()
        if dispense is None:
            return client
        return client.dispense(dispense, interface)

    try:
        yield make
    finally:
        for client in clients:
            client.kill()


PairFactory = Callable[[PluginSet], PairClient]


@pytest.fixture
def goplugin_pair() -> Iterator[PairFactory]:
    """A factory of in-process pairs (:func:`goplugin.testing.plugin_pair`), stopped after."""
    stack: list[Any] = []

    def make(plugins: PluginSet) -> PairClient:
        manager = plugin_pair(plugins)
        pair = manager.__enter__()
        stack.append(manager)
        return pair

    try:
        yield make
    finally:
        for manager in reversed(stack):
            manager.__exit__(None, None, None)
