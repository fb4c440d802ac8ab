"""What an implementation sees of its call, checked in-process with goplugin.testing."""

from __future__ import annotations

import goplugin
from goplugin.testing import plugin_pair
from tests.runtime.plugins.echo import EchoClient, EchoImpl, EchoPlugin


def test_current_call_carries_the_hosts_metadata_into_the_implementation() -> None:
    with plugin_pair({"echo": EchoPlugin(EchoImpl())}) as client:
        echo = client.dispense("echo", EchoClient)
        with goplugin.call_options(metadata=[("x-user", "ada")]):
            assert echo.whoami() == "user=ada"
