"""The kinds plugin process (``tests/runtime/kinds.py``)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

import goplugin
from tests.runtime.kinds import HANDSHAKE, KindsImpl, KindsPlugin

if __name__ == "__main__":
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"kinds": KindsPlugin(KindsImpl())})
