"""Property tests: whatever a plugin prints, the host's parsers answer with a documented result.

The handshake line and the stderr stream are the two places where a host reads text a plugin
controls. Neither may crash the host with anything but the documented errors, nor take long.
"""

from __future__ import annotations

import io
import logging

from hypothesis import given, settings
from hypothesis import strategies as st

from goplugin.errors import HandshakeError
from goplugin.handshake import parse_handshake_line
from goplugin.host.plugin_log import LogRecords, StderrReader, parse_line

_FIELD = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["1", "2", "unix", "tcp", "grpc", "netrpc", "", "true", "127.0.0.1:1"]),
    st.integers(min_value=-5, max_value=2**40).map(str),
)
_LINES = st.one_of(
    st.text(max_size=300),
    st.lists(_FIELD, min_size=0, max_size=9).map("|".join),
)
_LOG_LINES = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "Traceback (most recent call last):",
            '  File "x.py", line 1',
            "ValueError: x",
            "panic: boom",
            "[WARNING] w",
            '{"@level":"info","@message":"m","k":1}',
            '{"@level":3}',
            "{",
            "",
        ]
    ),
    st.builds(
        lambda level, message: f'{{"@level": {level!r}, "@message": {message!r}}}'.replace(
            "'", '"'
        ),
        st.sampled_from(["error", "INFO", "nope", ""]),
        st.text(alphabet=st.characters(blacklist_characters="'\"\\"), max_size=20),
    ),
)


@settings(max_examples=400, deadline=200)
@given(line=_LINES, versions=st.lists(st.integers(min_value=0, max_value=5), max_size=3))
def test_handshake_parser_raises_only_handshake_errors(line: str, versions: list[int]) -> None:
    try:
        parsed = parse_handshake_line(line, versions)
    except HandshakeError:  # IncompatibleVersionError included
        return
    assert parsed.app_version in versions
    assert parsed.network in ("unix", "tcp")


@settings(max_examples=400, deadline=200)
@given(line=_LOG_LINES)
def test_log_line_parser_always_answers_with_a_level(line: str) -> None:
    level, message, fields = parse_line(line)
    assert level in (logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, 50)
    assert isinstance(message, str) and isinstance(fields, dict)


@settings(max_examples=200, deadline=500)
@given(lines=st.lists(_LOG_LINES, max_size=40))
def test_log_records_lose_no_line(lines: list[str]) -> None:
    seen: list[str] = []
    records = LogRecords(lambda _level, message, _fields: seen.append(message))
    for line in lines:
        records.add(line)
    records.flush()
    assert len(seen) <= len(lines)
    logged = "\n".join(seen)
    for line in lines:  # verbatim (in a traceback) or as its parsed message
        assert line in logged or parse_line(line)[1] in logged


@settings(max_examples=100, deadline=1000)
@given(data=st.binary(max_size=4096))
def test_stderr_reader_survives_any_bytes(data: bytes) -> None:
    reader = StderrReader(io.BytesIO(data), logging.getLogger("tests.fuzz"))
    reader.start()
    reader.join(timeout=5)
    assert len(reader.tail()) <= 20
