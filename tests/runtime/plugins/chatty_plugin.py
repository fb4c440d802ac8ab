"""The echo plugin, printing numbered stdout lines from a thread while it starts serving.

The lines straddle the handshake: some are printed before it, some between the handshake and
the host's stdio stream opening, some after. ``CHATTY_LINES`` sets how many.
"""

from __future__ import annotations

import os
import sys
import threading
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin


def chatter(lines: int) -> None:
    for number in range(lines):
        print(f"line {number}")
        time.sleep(0.001)


if __name__ == "__main__":
    threading.Thread(target=chatter, args=(int(os.environ["CHATTY_LINES"]),)).start()
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"echo": EchoPlugin(EchoImpl())})
