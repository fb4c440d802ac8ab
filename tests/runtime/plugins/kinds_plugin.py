"""The kinds plugin process (``tests/runtime/plugins/kinds.py``); ``KINDS_ASYNC=1`` serves the async
implementation, ``GOPLUGIN_CORE`` picks the serving core."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.kinds import HANDSHAKE, AsyncKindsImpl, KindsImpl, KindsPlugin

if __name__ == "__main__":
    impl = AsyncKindsImpl() if os.environ.get("KINDS_ASYNC") else KindsImpl()
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"kinds": KindsPlugin(impl)})
