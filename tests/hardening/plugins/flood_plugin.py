"""The echo plugin, flooding a stream from a thread of its own while it serves.

``FLOOD=stdout``, ``FLOOD=stderr`` (the file descriptor: only the host's pipe sees it) or
``FLOOD=tee`` (``sys.stderr``: the pipe and the host's stdio stream); ``FLOOD_LINE`` bytes a
write (default 100), with a newline unless ``FLOOD_NO_NEWLINES=1``; ``FLOOD_BYTES`` in all
(default: no end); then, with ``FLOOD_THEN_CRASH=1``, the process exits with status 7.
"""

from __future__ import annotations

import os
import sys
import threading

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoImpl, EchoPlugin


def flood() -> None:
    stream = {"stdout": sys.stdout, "stderr": sys.__stderr__, "tee": sys.stderr}[
        os.environ["FLOOD"]
    ]
    assert stream is not None
    size = int(os.environ.get("FLOOD_LINE", "100"))
    total = int(os.environ.get("FLOOD_BYTES", "0"))
    line = "x" * (size - 1) + ("x" if os.environ.get("FLOOD_NO_NEWLINES") else "\n")
    written = 0
    while not total or written < total:
        stream.write(line)
        written += size
    stream.flush()
    if os.environ.get("FLOOD_THEN_CRASH"):
        os._exit(7)


if __name__ == "__main__":
    if os.environ.get("FLOOD"):
        threading.Thread(target=flood, daemon=True).start()
    goplugin.serve(handshake_config=HANDSHAKE, plugins={"echo": EchoPlugin(EchoImpl())})
