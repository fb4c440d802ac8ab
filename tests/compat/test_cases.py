"""The compatibility rules, one folder of ``old.proto``/``new.proto`` per rule, both ways.

Each expected change is written as the user reads it in the terminal:
``new-position: kind: message (was old-position)``. ``...`` stands for the rest of a long
message; the full wording of each message is pinned once in test_render.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pygoplugin_gen.compat import Severity, compare, render_change
from tests.compat.protoc import compile_side

CASES = Path(__file__).parent / "cases"

Expected = tuple[Severity, str]
Row = tuple[str, bool, tuple[Expected, ...]]


def breaking(line: str) -> Expected:
    return Severity.BREAKING, line


def source(line: str) -> Expected:
    return Severity.SOURCE_BREAKING, line


def safe(line: str) -> Expected:
    return Severity.SAFE, line


def case(name: str, *expected: Expected, reverse: bool = False) -> Row:
    """A table row; ``reverse`` compares new.proto (as the old side) to old.proto."""
    return name, reverse, expected


TABLE: list[Row] = [
    case("unchanged"),
    case("unchanged", reverse=True),
    # -- services and RPCs --
    case(
        "service_removed",
        breaking(
            "new.proto:1:1: service-removed: service demo.Admin was removed... (was old.proto:11:1)"
        ),
    ),
    case(
        "service_removed",
        safe("old.proto:11:1: service-added: service demo.Admin was added... (was new.proto:1:1)"),
        reverse=True,
    ),
    case(
        "service_renamed",
        breaking(
            "new.proto:7:1: service-renamed: service demo.Greeter renamed to demo.Welcomer..."
            " (was old.proto:7:1)"
        ),
    ),
    case(
        "rpc_removed",
        breaking(
            "new.proto:7:1: rpc-removed: RPC demo.Greeter.Stop was removed... (was old.proto:9:3)"
        ),
    ),
    case(
        "rpc_removed",
        safe("old.proto:9:3: rpc-added: RPC demo.Greeter.Stop was added... (was new.proto:7:1)"),
        reverse=True,
    ),
    case(
        "rpc_renamed",
        breaking(
            "new.proto:8:3: rpc-renamed: RPC demo.Greeter.Greet renamed to Hello: peers of the old"
            " version call /demo.Greeter/Greet, which the new one does not serve"
            " (was old.proto:8:3)"
        ),
    ),
    case(
        "rpc_types_changed",
        breaking(
            "new.proto:11:3: request-type-changed: request type of RPC demo.Greeter.Greet changed"
            " from demo.Req to demo.HelloRequest... (was old.proto:10:3)"
        ),
        breaking(
            "new.proto:12:3: request-type-changed: request type of RPC demo.Greeter.Count changed"
            " from demo.Req to demo.HelloRequest... (was old.proto:11:3)"
        ),
        breaking(
            "new.proto:12:3: response-type-changed: response type of RPC demo.Greeter.Count"
            " changed from demo.Resp to demo.HelloRequest... (was old.proto:11:3)"
        ),
        source(
            "new.proto:1:1: message-removed: message demo.Req was removed... (was old.proto:4:1)"
        ),
        safe(
            "new.proto:5:1: message-added: message demo.HelloRequest was added (was old.proto:1:1)"
        ),
    ),
    case(
        "streaming_changed",
        breaking(
            "new.proto:8:3: streaming-changed: RPC demo.Greeter.A changed from unary to"
            " server-streaming... (was old.proto:8:3)"
        ),
        breaking(
            "new.proto:9:3: streaming-changed: RPC demo.Greeter.B changed from server-streaming to"
            " unary... (was old.proto:9:3)"
        ),
        breaking(
            "new.proto:10:3: streaming-changed: RPC demo.Greeter.C changed from client-streaming"
            " to bidi-streaming... (was old.proto:10:3)"
        ),
        breaking(
            "new.proto:11:3: streaming-changed: RPC demo.Greeter.D changed from bidi-streaming to"
            " client-streaming... (was old.proto:11:3)"
        ),
    ),
    case(
        "package_changed",
        breaking(
            "new.proto:2:1: package-changed: package changed from greeter.v1 to greeter.v2: every"
            " RPC's method path changes (/greeter.v1.Greeter/Greet becomes"
            " /greeter.v2.Greeter/Greet)... (was old.proto:2:1)"
        ),
        # Everything else is matched across the package change, so only the real change shows.
        safe(
            "new.proto:10:3: field-added: field greeter.v2.GreetRequest.locale = 2 was added..."
            " (was old.proto:8:1)"
        ),
    ),
    # -- fields --
    case(
        "field_removed",
        breaking(
            "new.proto:10:1: field-removed: field demo.Req.locale = 2 was removed: peers of the"
            " old version still send and expect it; to remove it safely, reserve its number 2 and"
            " name locale (was old.proto:12:3)"
        ),
    ),
    case(
        "field_removed",
        safe(
            "old.proto:12:3: field-added: field demo.Req.locale = 2 was added..."
            " (was new.proto:10:1)"
        ),
        reverse=True,
    ),
    case(
        "field_removed_reserved",
        # The new side points at the reserved number.
        safe(
            "new.proto:11:12: field-removed-reserved: field demo.Req.locale = 2 was removed and its"
            " number and name reserved: old peers' values are skipped as unknown fields... "
            "(was old.proto:12:3)"
        ),
    ),
    case(
        "field_removed_reserved",
        breaking(
            "old.proto:12:3: reserved-number-reused: field demo.Req.locale = 2 reuses a number the"
            " old version reserved... (was new.proto:11:12)"
        ),
        reverse=True,
    ),
    case(
        "field_removed_number_reserved",
        breaking(
            "new.proto:10:1: field-removed: field demo.Req.locale = 2 was removed: ... to remove it"
            " safely, reserve its name locale (was old.proto:12:3)"
        ),
    ),
    case(
        "field_removed_number_reserved",  # `reserved 2 to 4;` covers 2
        breaking("old.proto:12:3: reserved-number-reused: ... (was new.proto:11:12)"),
        reverse=True,
    ),
    case(
        "field_renumbered",
        breaking(
            "new.proto:12:3: field-renumbered: field demo.Req.locale renumbered from 2 to 3: the"
            " new version skips an old peer's field 2 as unknown (was old.proto:12:3)"
        ),
    ),
    case(
        "field_number_reused",
        breaking(
            "new.proto:12:3: field-number-reused: field number 2 of demo.Req was string locale, is"
            " now int32 count... (was old.proto:12:3)"
        ),
    ),
    case(
        "field_number_reused",
        breaking(
            "old.proto:12:3: field-number-reused: field number 2 of demo.Req was int32 count, is"
            " now string locale... (was new.proto:12:3)"
        ),
        reverse=True,
    ),
    case(
        "fields_shuffled",
        breaking(
            "new.proto:5:3: field-renumbered: field demo.Person.last renumbered from 2 to 1: the"
            " new version reads an old peer's field 2 as first (was old.proto:6:3)"
        ),
        breaking(
            "new.proto:6:3: field-renumbered: field demo.Person.first renumbered from 1 to 2: the"
            " new version reads an old peer's field 1 as last (was old.proto:5:3)"
        ),
        breaking(
            "new.proto:7:3: field-renumbered: field demo.Person.nick renumbered from 3 to 4: the"
            " new version reads an old peer's field 3 as alias (was old.proto:7:3)"
        ),
        breaking(
            "new.proto:8:3: field-number-reused: field demo.Person.alias = 3 takes the number of"
            " old field nick: old peers read its value as nick (was old.proto:7:3)"
        ),
    ),
    case(
        "fields_shuffled",
        breaking(
            "old.proto:4:1: field-removed: field demo.Person.alias = 3 was removed: ... its number"
            " is now used by nick (was new.proto:8:3)"
        ),
        breaking(
            "old.proto:5:3: field-renumbered: field demo.Person.first ... (was new.proto:6:3)"
        ),
        breaking("old.proto:6:3: field-renumbered: field demo.Person.last ... (was new.proto:5:3)"),
        breaking(
            "old.proto:7:3: field-renumbered: field demo.Person.nick renumbered from 4 to 3: the"
            " new version skips an old peer's field 4 as unknown (was new.proto:7:3)"
        ),
        reverse=True,
    ),
    case(
        "field_type_changed",
        breaking(
            "new.proto:10:3: field-type-changed: field demo.Req.name = 1 changed type from string"
            " to bytes: peers of the two versions disagree on its encoding (was old.proto:10:3)"
        ),
        breaking(
            "new.proto:11:3: field-type-changed: field demo.Req.inner = 2 changed type from"
            " demo.Inner to demo.Other... (was old.proto:11:3)"
        ),
        breaking(
            "new.proto:12:3: field-type-changed: field demo.Req.color = 3 changed type from"
            " demo.Color to demo.Shade... (was old.proto:12:3)"
        ),
        breaking(
            "new.proto:13:3: field-type-changed: field demo.Req.counts = 4 changed type from"
            " map<string, int32> to map<string, string>... (was old.proto:13:3)"
        ),
        breaking(
            "new.proto:14:3: field-type-changed: field demo.Req.age = 5 changed type from int32 to"
            " int64... (was old.proto:14:3)"
        ),
    ),
    case(
        "field_renamed",
        source(
            "new.proto:12:3: field-renamed: field demo.Req.locale = 2 renamed to language: the"
            " binary wire is unchanged, but generated code (and JSON) uses the new name"
            " (was old.proto:12:3)"
        ),
    ),
    case(
        "cardinality_changed",
        breaking(
            "new.proto:5:3: field-cardinality-changed: field demo.Req.tag = 1 changed from"
            " singular to repeated: a singular reader keeps only the last of a repeated writer's"
            " values (was old.proto:5:3)"
        ),
    ),
    case(
        "cardinality_changed",
        breaking(
            "old.proto:5:3: field-cardinality-changed: field demo.Req.tag = 1 changed from"
            " repeated to singular... (was new.proto:5:3)"
        ),
        reverse=True,
    ),
    case(
        "proto2_required",
        breaking(
            "new.proto:5:3: field-cardinality-changed: field demo.Req.name = 1 changed from"
            " singular to required: a proto2 reader rejects a message that lacks a required field"
            " (was old.proto:5:3)"
        ),
        breaking(
            "new.proto:6:3: required-field-added: required field demo.Req.id = 2 was added:"
            " readers of the new version reject messages from old senders, which never set it"
            " (was old.proto:4:1)"
        ),
    ),
    case(
        "proto2_required",
        breaking(
            "old.proto:4:1: field-removed: field demo.Req.id = 2 was removed... (was new.proto:6:3)"
        ),
        breaking(
            "old.proto:5:3: field-cardinality-changed: field demo.Req.name = 1 changed from"
            " required to singular... (was new.proto:5:3)"
        ),
        reverse=True,
    ),
    case(
        "presence_changed",  # `optional` on a message field changes nothing: it had presence
        source(
            "new.proto:5:3: field-presence-changed: field demo.Req.nick = 1 gained explicit"
            " presence... (was old.proto:5:3)"
        ),
    ),
    case(
        "presence_changed",
        source(
            "old.proto:5:3: field-presence-changed: field demo.Req.nick = 1 lost explicit"
            " presence... (was new.proto:5:3)"
        ),
        reverse=True,
    ),
    case(
        "editions_presence",  # proto3 -> edition 2023: features resolved, not labels compared
        source(
            "new.proto:7:3: field-presence-changed: field demo.Req.count = 2 gained explicit"
            " presence (proto3 optional or editions field_presence)... (was old.proto:6:3)"
        ),
        safe(
            "new.proto:5:1: comment-changed: comment of message demo.Req changed"
            " (was old.proto:4:1)"
        ),
    ),
    case(
        "reserved_name_reused",
        source(
            "new.proto:6:3: reserved-name-reused: field demo.Req.legacy = 2 reuses a name the old"
            " version reserved... (was old.proto:5:12)"
        ),
    ),
    case(
        "reserved_name_reused",
        breaking(
            "old.proto:4:1: field-removed: field demo.Req.legacy = 2 was removed: ... reserve its"
            " number 2 (was new.proto:6:3)"
        ),
        reverse=True,
    ),
    # -- oneofs --
    case(
        "oneof_joined",
        breaking(
            "new.proto:5:3: oneof-changed: fields text, number of demo.Value now share oneof kind:"
            " an old sender may set several, a new reader keeps only one (was old.proto:4:1)"
        ),
    ),
    case(
        "oneof_joined",
        breaking(
            "old.proto:4:1: oneof-changed: fields text, number of demo.Value no longer share oneof"
            " kind: a new sender may set several, an old reader keeps only one"
            " (was new.proto:5:3)"
        ),
        reverse=True,
    ),
    case(
        "oneof_single",
        source(
            "new.proto:6:5: field-oneof-changed: field demo.Value.text = 1 moved into oneof kind:"
            " the wire is unchanged... (was old.proto:5:3)"
        ),
        safe(
            "new.proto:7:5: field-added: field demo.Value.number = 2 was added..."
            " (was old.proto:4:1)"
        ),
    ),
    case(
        "oneof_single",
        breaking(
            "old.proto:4:1: field-removed: field demo.Value.number = 2 was removed..."
            " (was new.proto:7:5)"
        ),
        source(
            "old.proto:5:3: field-oneof-changed: field demo.Value.text = 1 moved out of oneof"
            " kind... (was new.proto:6:5)"
        ),
        reverse=True,
    ),
    case(
        "oneof_renamed",
        source(
            "new.proto:5:3: oneof-renamed: oneof demo.Value.kind renamed to payload: the wire is"
            " unchanged, but WhichOneof() in generated code takes the new name"
            " (was old.proto:5:3)"
        ),
    ),
    # -- nesting, imports, unused types --
    case(
        "nested_transitive",  # Req -> Outer -> Outer.Inner.depth
        breaking(
            "new.proto:15:5: field-type-changed: field demo.Outer.Inner.depth = 1 changed type"
            " from int32 to string... (was old.proto:15:5)"
        ),
        safe(
            "new.proto:17:3: message-added: message demo.Outer.Extra was added"
            " (was old.proto:13:1)"
        ),
    ),
    case(
        "nested_transitive",
        breaking("old.proto:15:5: field-type-changed: ... (was new.proto:15:5)"),
        source(
            "old.proto:13:1: message-removed: message demo.Outer.Extra was removed..."
            " (was new.proto:17:3)"
        ),
        reverse=True,
    ),
    case(
        "imported",  # the RPC's response type lives in an imported file that changed
        breaking(
            "new_types.proto:7:3: field-type-changed: field demo.types.Point.y = 2 changed type"
            " from int32 to int64... (was old_types.proto:6:3)"
        ),
        safe(
            "new_types.proto:7:3: comment-changed: comment of field demo.types.Point.y = 2"
            " changed (was old_types.proto:6:3)"
        ),
    ),
    case(
        "types_removed",
        source(
            "new.proto:1:1: message-removed: message demo.Unused was removed... (was old.proto:7:1)"
        ),
        source(
            "new.proto:1:1: enum-removed: enum demo.Mood was removed: the wire is unaffected"
            " unless a field used it (reported there), but generated code loses its class"
            " (was old.proto:8:1)"
        ),
        source(
            "new.proto:4:1: message-removed: message demo.Req.Detail was removed..."
            " (was old.proto:5:3)"
        ),
    ),
    case(
        "types_removed",
        safe("old.proto:5:3: message-added: message demo.Req.Detail was added (was new.proto:4:1)"),
        safe("old.proto:7:1: message-added: message demo.Unused was added (was new.proto:1:1)"),
        safe("old.proto:8:1: enum-added: enum demo.Mood was added (was new.proto:1:1)"),
        reverse=True,
    ),
    # -- enums --
    case(
        "enum_values",
        breaking(
            "new.proto:4:1: enum-value-removed: enum value demo.Color.MAGENTA = 5 was removed:"
            " peers of the old version still send it; to remove it safely, reserve its number 5"
            " and name MAGENTA (was old.proto:10:3)"
        ),
        breaking(
            "new.proto:10:3: enum-value-renumbered: enum value demo.Color.BLUE renumbered from 3"
            " to 6: the new version skips an old peer's value 3 as unknown (was old.proto:8:3)"
        ),
        source(
            "new.proto:9:3: enum-value-renamed: enum value demo.Color.GREEN = 2 renamed to VERDE:"
            " the binary wire is unchanged... (was old.proto:7:3)"
        ),
        safe(
            "new.proto:5:12: enum-value-removed-reserved: enum value demo.Color.CYAN = 4 was"
            " removed and its number and name reserved... (was old.proto:9:3)"
        ),
        safe(
            "new.proto:11:3: enum-value-added: enum value demo.Color.YELLOW = 7 was added: old"
            " readers keep it as an unknown number (was old.proto:4:1)"
        ),
    ),
    case(
        "enum_values",
        breaking(
            "old.proto:4:1: enum-value-removed: enum value demo.Color.YELLOW = 7 was removed..."
            " (was new.proto:11:3)"
        ),
        breaking(
            "old.proto:8:3: enum-value-renumbered: enum value demo.Color.BLUE renumbered from 6"
            " to 3... (was new.proto:10:3)"
        ),
        breaking(
            "old.proto:9:3: reserved-number-reused: enum value demo.Color.CYAN = 4 reuses a number"
            " the old version reserved (was new.proto:5:12)"
        ),
        source(
            "old.proto:7:3: enum-value-renamed: enum value demo.Color.VERDE = 2 renamed to"
            " GREEN... (was new.proto:9:3)"
        ),
        safe(
            "old.proto:10:3: enum-value-added: enum value demo.Color.MAGENTA = 5 was added..."
            " (was new.proto:4:1)"
        ),
        reverse=True,
    ),
    case(
        "enum_numbers_moved",  # reserving RED cannot help: its number is GREEN's now
        breaking(
            "new.proto:4:1: enum-value-removed: enum value demo.Color.RED = 1 was removed: its"
            " number now names GREEN, so the new version misreads an old peer's RED"
            " (was old.proto:6:3)"
        ),
        breaking(
            "new.proto:8:3: enum-value-renumbered: enum value demo.Color.GREEN renumbered from 2"
            " to 1: the new version skips an old peer's value 2 as unknown (was old.proto:7:3)"
        ),
    ),
    case(
        "enum_numbers_moved",
        breaking(
            "old.proto:7:3: enum-value-renumbered: enum value demo.Color.GREEN renumbered from 1"
            " to 2: the new version reads an old peer's value 1 as RED (was new.proto:8:3)"
        ),
        reverse=True,
    ),
    # -- comments: reported as safe; rewrapping the same words is no change --
    case(
        "comments_only",
        safe(
            "new.proto:5:1: comment-changed: comment of service demo.Greeter changed"
            " (was old.proto:5:1)"
        ),
        safe(
            "new.proto:7:3: comment-changed: comment of RPC demo.Greeter.Greet changed"
            " (was old.proto:7:3)"
        ),
        safe(
            "new.proto:11:1: comment-changed: comment of message demo.Req changed"
            " (was old.proto:11:1)"
        ),
    ),
]


def _matches(pattern: str, line: str) -> bool:
    """``line`` equals ``pattern``, where ``...`` in the pattern stands for any text."""
    regex = ".*".join(re.escape(part) for part in pattern.split("..."))
    return re.fullmatch(regex, line) is not None


@pytest.mark.parametrize(
    ("name", "reverse", "expected"),
    [pytest.param(*row, id=f"{row[0]}{'-reversed' if row[1] else ''}") for row in TABLE],
)
def test_case(name: str, reverse: bool, expected: tuple[Expected, ...], tmp_path: Path) -> None:
    old = compile_side(CASES / name, "new.proto" if reverse else "old.proto", tmp_path)
    new = compile_side(CASES / name, "old.proto" if reverse else "new.proto", tmp_path)
    report = compare(old, new)
    actual = [
        (change.severity, render_change(change))
        for change in (*report.breaking, *report.source_breaking, *report.safe)
    ]
    assert [severity for severity, _ in actual] == [severity for severity, _ in expected], actual
    for (_, line), (_, pattern) in zip(actual, expected, strict=True):
        assert _matches(pattern, line), f"\nexpected: {pattern}\n     got: {line}"
    assert report.compatible == all(s is not Severity.BREAKING for s, _ in expected)


def test_every_case_folder_is_in_the_table() -> None:
    used = {name for name, _, _ in TABLE}
    assert used == {path.name for path in CASES.iterdir() if path.is_dir()}
