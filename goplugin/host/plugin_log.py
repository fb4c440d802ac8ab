"""The plugin's stderr, read by the host: forwarded to ``logging`` and kept for crash reports.

go-plugin hosts treat each stderr line as a log entry: a JSON object in hclog's format
(``@level``, ``@message``, ``@timestamp`` and free key/values), or plain text whose ``[LEVEL]``
prefix sets the level; anything else is logged at DEBUG. The same mapping here means a plugin
that logs for a Go host logs well for a Python host too. Python plugins add their own
conventions, read here as well: ``[WARNING]``/``[CRITICAL]`` prefixes, ``logging``'s default
``LEVEL:name:message`` format, and tracebacks, which arrive as one ERROR record with their
layout rather than as a dozen DEBUG lines. A Go panic makes the lines after it errors too.

A plugin can write anything, in any amount: lines are read at most ``MAX_LINE_BYTES`` at a time
(a longer one is split, as go-plugin's 64 KiB reader does), and the tail kept for crash reports
holds at most ``TAIL_LINES`` lines and ``TAIL_BYTES`` bytes, so a flood costs the host bounded
memory.
"""

from __future__ import annotations

import collections
import json
import logging
import threading
from collections.abc import Callable, Iterator
from typing import IO

#: How many stderr lines, and how many bytes of them, a crash report quotes.
TAIL_LINES = 20
TAIL_BYTES = 8 * 1024
#: go-plugin's host reads stderr through a 64 KiB buffer and splits longer lines.
MAX_LINE_BYTES = 64 * 1024
#: A traceback longer than this is logged in pieces rather than held whole.
MAX_GROUP_LINES = 500

_LEVELS = {
    "trace": logging.DEBUG,
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "warning": logging.WARNING,
    "error": logging.ERROR,
    "critical": logging.CRITICAL,
    "fatal": logging.CRITICAL,
}
_PREFIXES = tuple(
    (f"[{name}]", level)
    for name, level in (
        ("TRACE", logging.DEBUG),
        ("DEBUG", logging.DEBUG),
        ("INFO", logging.INFO),
        ("WARN", logging.WARNING),
        ("WARNING", logging.WARNING),
        ("ERROR", logging.ERROR),
        ("CRITICAL", logging.CRITICAL),
    )
)
#: ``logging.basicConfig``'s default format: ``WARNING:name:message``.
_LOGGING_FORMAT_LEVELS = {
    "DEBUG:": logging.DEBUG,
    "INFO:": logging.INFO,
    "WARNING:": logging.WARNING,
    "ERROR:": logging.ERROR,
    "CRITICAL:": logging.CRITICAL,
}
#: Lines that start a crash report: what follows belongs to it.
_TRACEBACK_START = "Traceback (most recent call last):"
_GO_CRASH_STARTS = ("panic: ", "fatal error: ")

Fields = dict[str, object]
#: Where a finished record goes: (level, message, fields).
Emit = Callable[[int, str, Fields], None]


def parse_line(line: str) -> tuple[int, str, Fields]:
    """Map one stderr line to (logging level, message, extra key/values)."""
    stripped = line.strip()
    if stripped.startswith("{"):
        entry = _parse_hclog_json(stripped)
        if entry is not None:
            return entry
    for prefix, level in _PREFIXES:
        if stripped.startswith(prefix):
            return level, stripped[len(prefix) :].strip(), {}
    head = stripped.partition(":")[0] + ":"
    format_level = _LOGGING_FORMAT_LEVELS.get(head)
    if format_level is not None:
        return format_level, stripped[len(head) :].strip(), {}
    if stripped.startswith((_TRACEBACK_START, *_GO_CRASH_STARTS)):
        return logging.ERROR, stripped, {}
    return logging.DEBUG, stripped, {}


def _parse_hclog_json(text: str) -> tuple[int, str, Fields] | None:
    try:
        entry = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(entry, dict):
        return None
    level = _LEVELS.get(str(entry.get("@level", "")).lower())
    if level is None:
        return None
    message = str(entry.get("@message", ""))
    fields = {key: value for key, value in entry.items() if not key.startswith("@")}
    return level, message, fields


def format_fields(fields: Fields) -> str:
    """Key/values after the message, as hclog prints them: multi-line values on their own lines,
    each prefixed with ``  | ``, so a traceback in an ``error`` field keeps its layout."""
    parts = []
    for key, value in fields.items():
        text = str(value)
        if "\n" in text:
            body = "\n".join(f"  | {line}" for line in text.splitlines())
            parts.append(f"\n  {key}=\n{body}")
        else:
            parts.append(f" {key}={text}")
    return "".join(parts)


class _Tail:
    """The last lines of a stream, bounded in lines and in bytes."""

    def __init__(self) -> None:
        self._lines: collections.deque[str] = collections.deque()
        self._size = 0
        self._lock = threading.Lock()

    def add(self, line: str) -> None:
        if len(line) > TAIL_BYTES:
            line = "..." + line[-TAIL_BYTES:]
        with self._lock:
            self._lines.append(line)
            self._size += len(line)
            while len(self._lines) > TAIL_LINES or (
                self._size > TAIL_BYTES and len(self._lines) > 1
            ):
                self._size -= len(self._lines.popleft())

    def lines(self) -> tuple[str, ...]:
        with self._lock:
            return tuple(self._lines)


class StderrReader:
    """Reads a plugin's stderr in a thread: logs each entry, keeps the tail, copies it on."""

    def __init__(
        self,
        stream: IO[bytes],
        logger: logging.Logger,
        copy_to: IO[str] | None = None,
    ) -> None:
        self._stream = stream
        self._logger = logger
        self._copy_to = copy_to
        self._tail = _Tail()
        self._records = LogRecords(self._log)
        self._thread = threading.Thread(target=self._run, name="goplugin-stderr", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def tail(self) -> tuple[str, ...]:
        return self._tail.lines()

    def _run(self) -> None:
        for raw in read_lines(self._stream):
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self._tail.add(line)
            if self._copy_to is not None:
                self._copy_to.write(line + "\n")
            self._records.add(line)
        self._records.flush()

    def _log(self, level: int, message: str, fields: Fields) -> None:
        if self._logger.isEnabledFor(level):
            text = message + format_fields(fields)
            self._logger.log(level, "%s", text, extra={"plugin_fields": fields})


class LogRecords:
    """Turns stderr lines into log records: one per line, except crash reports.

    A Python traceback is held until its closing exception line and logged as one ERROR record,
    layout intact. After a Go ``panic:`` every untagged line is an error (go-plugin >= 1.7).
    """

    def __init__(self, emit: Emit) -> None:
        self._emit = emit
        self._traceback: list[str] = []
        self._go_crash = False

    def add(self, line: str) -> None:
        if self._traceback:
            self._traceback.append(line)
            closing = bool(line) and not line[0].isspace()
            if closing or len(self._traceback) >= MAX_GROUP_LINES:
                self.flush()
            return
        if line.startswith(_TRACEBACK_START):
            self._traceback.append(line)
            return
        level, message, fields = parse_line(line)
        if line.startswith(_GO_CRASH_STARTS):
            self._go_crash = True
        elif self._go_crash and level == logging.DEBUG and not line.lstrip().startswith("{"):
            level = logging.ERROR
        if message or fields:
            self._emit(level, message, fields)

    def flush(self) -> None:
        """Log a traceback still being held (the stream ended inside it)."""
        if self._traceback:
            lines, self._traceback = self._traceback, []
            self._emit(logging.ERROR, "\n".join(lines), {})


def read_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's lines, none longer than ``MAX_LINE_BYTES`` (longer ones come in pieces)."""
    try:
        while line := stream.readline(MAX_LINE_BYTES):
            yield line
    except (OSError, ValueError):  # the pipe was closed under us during cleanup
        return
