"""A ``logging`` handler that writes hclog's JSON lines, the log format go-plugin hosts read.

A go-plugin host reads each line of its plugin's stderr as a log entry. Plain text lands at
DEBUG (or at the level of a ``[LEVEL]`` prefix); a JSON object in hclog's shape keeps its level,
message and key/value fields, so Terraform-style hosts show a Python plugin's logs exactly as
they show a Go plugin's. The same lines are what a Python host's :class:`goplugin.Client`
parses, so one handler serves every host.

``serve()`` installs it on the runtime's own ``goplugin`` logger (unless the plugin configured
that logger itself); a plugin author adds it to the root logger to send their logs the same way::

    logging.basicConfig(level=logging.INFO, handlers=[goplugin.HCLogHandler()])
"""

from __future__ import annotations

import logging
import sys
import time
from typing import IO, Any

#: hclog's level names; Python's CRITICAL has no hclog twin and is an error there.
_LEVEL_NAMES = (
    (logging.ERROR, "error"),
    (logging.WARNING, "warn"),
    (logging.INFO, "info"),
    (logging.DEBUG, "debug"),
)

#: Attributes every LogRecord has; anything else was passed through ``extra=`` and is a field.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class HCLogHandler(logging.Handler):
    """Writes each record as one hclog JSON line (``@level``, ``@message``, ``@timestamp``...).

    ``extra=`` values become hclog fields, and an exception's traceback goes in the ``error``
    field, so a host prints it with its layout rather than as loose stderr lines. The stream
    defaults to the process's real stderr: in a serving plugin that is the host's log, and
    logs stay off go-plugin's stdio stream, as a Go plugin's hclog output does.
    """

    def __init__(self, stream: IO[str] | None = None, level: int = logging.NOTSET) -> None:
        super().__init__(level)
        self._stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = format_entry(record)
            stream = self._stream or sys.__stderr__ or sys.stderr
            stream.write(line)  # Handler.handle holds self.lock: lines never interleave
            stream.flush()
        except Exception:
            self.handleError(record)


def format_entry(record: logging.LogRecord) -> str:
    """One record as an hclog JSON line, newline included."""
    import json  # here, not above: a plugin that never logs never pays for it
    import traceback

    entry: dict[str, Any] = {
        "@level": level_name(record.levelno),
        "@message": record.getMessage(),
        "@module": record.name,
        "@timestamp": _timestamp(record.created),
    }
    for key, value in vars(record).items():
        if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
            entry[key] = value
    if record.exc_info and record.exc_info[0] is not None:
        entry["error"] = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
    return json.dumps(entry, default=str, ensure_ascii=False) + "\n"


def level_name(levelno: int) -> str:
    for threshold, name in _LEVEL_NAMES:
        if levelno >= threshold:
            return name
    return "trace"


def _timestamp(created: float) -> str:
    """Go's ``2006-01-02T15:04:05.000000Z07:00``: exactly six fractional digits, or the
    host logs the whole line as raw text."""
    seconds = int(created)
    micros = int((created - seconds) * 1_000_000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{micros:06d}Z"


def install_runtime_logging() -> None:
    """Send the runtime's own logs (``goplugin.*``) to the host as hclog JSON.

    Left alone when the plugin has configured the ``goplugin`` logger itself.
    """
    logger = logging.getLogger("goplugin")
    if logger.handlers:
        return
    logger.addHandler(HCLogHandler())
    logger.propagate = False
