"""The echo plugin with ``breakpoint()`` in its Echo implementation, as a user debugs one."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin


class StoppingEcho(EchoImpl):
    def echo(self, text: str) -> str:
        breakpoint()  # the point of this plugin: pdb stops the host's call here
        return super().echo(text)


if __name__ == "__main__":
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"echo": EchoPlugin(StoppingEcho())})
