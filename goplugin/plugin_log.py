"""The plugin's stderr, read by the host: forwarded to ``logging`` and kept for crash reports.

go-plugin hosts treat each stderr line as a log entry: a JSON object in hclog's format
(``@level``, ``@message``, ``@timestamp`` and free key/values), or plain text whose ``[LEVEL]``
prefix sets the level; anything else is logged at DEBUG. The same mapping here means a plugin
that logs for a Go host logs well for a Python host too. The last lines are also kept, because
when a plugin dies they are usually the only explanation there is.
"""

from __future__ import annotations

import collections
import json
import logging
import threading
from collections.abc import Iterable
from typing import IO

#: How many stderr lines a crash report quotes.
TAIL_LINES = 20

_LEVELS = {
    "trace": logging.DEBUG,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
_PREFIXES = (
    ("[TRACE]", logging.DEBUG),
    ("[DEBUG]", logging.DEBUG),
    ("[INFO]", logging.INFO),
    ("[WARN]", logging.WARNING),
    ("[ERROR]", logging.ERROR),
)


def parse_line(line: str) -> tuple[int, str, dict[str, object]]:
    """Map one stderr line to (logging level, message, extra key/values)."""
    stripped = line.strip()
    if stripped.startswith("{"):
        entry = _parse_hclog_json(stripped)
        if entry is not None:
            return entry
    for prefix, level in _PREFIXES:
        if stripped.startswith(prefix):
            return level, stripped[len(prefix) :].strip(), {}
    return logging.DEBUG, stripped, {}


def _parse_hclog_json(text: str) -> tuple[int, str, dict[str, object]] | None:
    try:
        entry = json.loads(text)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    level = _LEVELS.get(str(entry.get("@level", "")).lower())
    if level is None:
        return None
    message = str(entry.get("@message", ""))
    fields = {key: value for key, value in entry.items() if not key.startswith("@")}
    return level, message, fields


class StderrReader:
    """Reads a plugin's stderr in a thread: logs each line, keeps the tail, copies it on."""

    def __init__(
        self,
        stream: IO[bytes],
        logger: logging.Logger,
        copy_to: IO[str] | None = None,
    ) -> None:
        self._stream = stream
        self._logger = logger
        self._copy_to = copy_to
        self._tail: collections.deque[str] = collections.deque(maxlen=TAIL_LINES)
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="goplugin-stderr", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def tail(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(self._tail)

    def _run(self) -> None:
        for raw in _lines(self._stream):
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            with self._lock:
                self._tail.append(line)
            if self._copy_to is not None:
                self._copy_to.write(line + "\n")
            level, message, fields = parse_line(line)
            if self._logger.isEnabledFor(level):
                suffix = "".join(f" {key}={value}" for key, value in fields.items())
                self._logger.log(level, "%s%s", message, suffix, extra={"plugin_fields": fields})


def _lines(stream: IO[bytes]) -> Iterable[bytes]:
    try:
        yield from iter(stream.readline, b"")
    except (OSError, ValueError):  # the pipe was closed under us during cleanup
        return
