"""The pure pieces: go-plugin's version negotiation and its stderr log conventions."""

from __future__ import annotations

import logging

import pytest

import goplugin
from goplugin.handshake import (
    HandshakeConfig,
    HandshakeLine,
    negotiate_version,
    parse_handshake_line,
    parse_protocol_versions,
)
from goplugin.host.plugin_log import parse_line


@pytest.mark.parametrize(
    ("host", "plugin", "expected"),
    [
        ([1, 2], [1, 2], 2),  # both speak v2
        ([1, 2], [1], 1),  # old plugin, new host
        ([1], [1, 2], 1),  # new plugin, old host
        ([3], [1, 2], 1),  # no common version: lowest, and the host reports it
        ([], [2, 5], 2),  # a host that sent no list gets the oldest
    ],
)
def test_plugin_serves_highest_common_version_else_lowest(
    host: list[int], plugin: list[int], expected: int
) -> None:
    assert negotiate_version(host, dict.fromkeys(plugin), default_version=1) == expected


def test_protocol_versions_env_skips_unreadable_entries() -> None:
    assert parse_protocol_versions("3,x, 1,") == [3, 1]


def test_handshake_line_round_trips_with_an_empty_cert_field() -> None:
    line = HandshakeLine(2, "unix", "/tmp/plugin123").format()
    assert line == "1|2|unix|/tmp/plugin123|grpc|\n"
    assert parse_handshake_line(line, [1, 2]) == HandshakeLine(2, "unix", "/tmp/plugin123")


def test_five_field_line_from_old_python_examples_is_accepted() -> None:
    parsed = parse_handshake_line("1|1|tcp|127.0.0.1:1234|grpc", [1])
    assert parsed.target == "127.0.0.1:1234"


def test_handshake_config_without_cookie_is_rejected_by_host_and_plugin() -> None:
    config = HandshakeConfig(protocol_version=1, magic_cookie_key="", magic_cookie_value="x")
    with pytest.raises(ValueError, match="needs a magic_cookie_key and a magic_cookie_value"):
        goplugin.Client(handshake_config=config, plugins={}, cmd=["plugin"])
    with pytest.raises(ValueError, match="needs a magic_cookie_key and a magic_cookie_value"):
        goplugin.serve(handshake_config=config, plugins={})


@pytest.mark.parametrize(
    ("line", "level", "message", "fields"),
    [
        (
            '{"@level":"warn","@message":"disk low","@timestamp":"2026-01-01T00:00:00.000000Z",'
            '"free":"3%"}',
            logging.WARNING,
            "disk low",
            {"free": "3%"},
        ),
        ('{"@level":"ERROR","@message":"boom"}', logging.ERROR, "boom", {}),
        ("[INFO]  started", logging.INFO, "started", {}),
        ("[WARN] slow", logging.WARNING, "slow", {}),
        ("plain text", logging.DEBUG, "plain text", {}),
        ('{"not": "hclog"}', logging.DEBUG, '{"not": "hclog"}', {}),
    ],
)
def test_stderr_lines_map_to_levels_like_go_plugin(
    line: str, level: int, message: str, fields: dict[str, object]
) -> None:
    assert parse_line(line) == (level, message, fields)
