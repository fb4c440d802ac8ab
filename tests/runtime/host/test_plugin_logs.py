"""What a host's log shows of its plugin's stderr: levels, records, tracebacks, bounded memory."""

from __future__ import annotations

import io
import json
import logging

import pytest

import goplugin
from goplugin.host.plugin_log import (
    MAX_LINE_BYTES,
    TAIL_BYTES,
    TAIL_LINES,
    LogRecords,
    StderrReader,
    format_fields,
    parse_line,
)
from tests.runtime.conftest import MakeClient


@pytest.mark.parametrize(
    ("line", "level", "message"),
    [
        ("[WARNING] disk low", logging.WARNING, "disk low"),
        ("[CRITICAL] out of memory", logging.CRITICAL, "out of memory"),
        ("WARNING:root:disk low", logging.WARNING, "root:disk low"),
        ("INFO:myplugin.store:opened", logging.INFO, "myplugin.store:opened"),
        ("ERROR: cannot open", logging.ERROR, "cannot open"),
        ("panic: runtime error: index out of range", logging.ERROR, None),
        ('{"@level":"fatal","@message":"gone"}', logging.CRITICAL, "gone"),
        ("Warning: lower case is just text", logging.DEBUG, None),
    ],
)
def test_python_and_go_log_conventions_set_the_level(
    line: str, level: int, message: str | None
) -> None:
    parsed_level, parsed_message, _ = parse_line(line)
    assert parsed_level == level
    assert parsed_message == (line if message is None else message)


def _records(lines: list[str]) -> list[tuple[int, str, dict[str, object]]]:
    out: list[tuple[int, str, dict[str, object]]] = []
    records = LogRecords(lambda level, message, fields: out.append((level, message, fields)))
    for line in lines:
        records.add(line)
    records.flush()
    return out


def test_a_traceback_is_one_error_record_with_its_layout() -> None:
    traceback_lines = [
        "Traceback (most recent call last):",
        '  File "/plugin/main.py", line 3, in greet',
        "    raise ValueError('no')",
        "ValueError: no",
    ]
    records = _records(["starting", *traceback_lines, "after"])
    assert records == [
        (logging.DEBUG, "starting", {}),
        (logging.ERROR, "\n".join(traceback_lines), {}),
        (logging.DEBUG, "after", {}),
    ]


def test_a_traceback_cut_off_by_the_end_of_the_stream_is_still_logged() -> None:
    records = _records(["Traceback (most recent call last):", '  File "x.py", line 1'])
    assert [level for level, _, _ in records] == [logging.ERROR]


def test_lines_after_a_go_panic_are_errors() -> None:
    records = _records(["panic: boom", "", "goroutine 1 [running]:", "main.main()", "[INFO] x"])
    assert [level for level, _, _ in records] == [
        logging.ERROR,
        logging.ERROR,
        logging.ERROR,
        logging.INFO,
    ]


def test_one_printed_line_is_one_record_and_blank_lines_are_none() -> None:
    assert _records(["a 1", "", "   "]) == [(logging.DEBUG, "a 1", {})]


def test_multi_line_fields_keep_their_layout_like_hclog() -> None:
    text = format_fields({"path": "/x", "error": "Traceback:\n  File x"})
    assert text == " path=/x\n  error=\n  | Traceback:\n  |   File x"


def test_hclog_handler_writes_lines_a_go_host_parses() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("tests.hclog")
    logger.addHandler(goplugin.HCLogHandler(stream))
    logger.propagate = False
    try:
        logger.warning("disk %s", "low", extra={"free": "3%"})
        try:
            raise KeyError("k")
        except KeyError:
            logger.exception("lookup failed")
    finally:
        logger.handlers.clear()
        logger.propagate = True
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["@level"] == "warn" and first["@message"] == "disk low"
    assert first["free"] == "3%" and first["@module"] == "tests.hclog"
    # Go's layout 2006-01-02T15:04:05.000000Z07:00: exactly six fractional digits.
    assert len(first["@timestamp"]) == len("2026-01-01T00:00:00.000000Z")
    assert second["@level"] == "error" and 'raise KeyError("k")' in second["error"]
    level, message, _fields = parse_line(stream.getvalue().splitlines()[1])
    assert (level, message) == (logging.ERROR, "lookup failed")


def test_a_huge_line_costs_bounded_memory_and_a_bounded_tail() -> None:
    flood = b"x" * (5 * MAX_LINE_BYTES + 10) + b"\nlast\n"
    logger = logging.getLogger("tests.flood")
    reader = StderrReader(io.BytesIO(flood), logger)
    reader.start()
    reader.join(timeout=30)
    tail = reader.tail()
    assert tail[-1] == "last"
    assert sum(len(line) for line in tail) <= TAIL_BYTES + 3
    assert len(tail) <= TAIL_LINES


def test_the_host_logs_a_plugin_methods_traceback_at_error(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="goplugin.plugin")
    client = make_client()
    with pytest.raises(goplugin.UnknownError):
        client.dispense("echo").fail("value")
    client.kill()
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    raised = [m for m in errors if m.startswith("plugin method raised")]
    assert raised, errors
    assert "\n  | Traceback (most recent call last):" in raised[0]
    assert "\n  |   File " in raised[0]  # the traceback's indentation survived
    assert raised[0].rstrip().endswith("ValueError: failing with value")
