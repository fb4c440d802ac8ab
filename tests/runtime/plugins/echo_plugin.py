"""The echo plugin process. ECHO_VERSIONS="1,2" serves several app versions (prefix "vN:")."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin

print("printed at import time, before serve()")  # must not corrupt the handshake line

if __name__ == "__main__":
    versions = os.environ.get("ECHO_VERSIONS")
    if versions:
        sets = {int(v): {"echo": EchoPlugin(EchoImpl(f"v{v}:"))} for v in versions.split(",")}
        goplugin.serve(handshake_config=HANDSHAKE, versioned_plugins=sets)
    network = os.environ.get("ECHO_NETWORK")
    goplugin.serve(
        handshake_config=HANDSHAKE, plugins={"echo": EchoPlugin(EchoImpl())}, network=network
    )
