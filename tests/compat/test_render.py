"""What the user sees: the greeter example evolved, the report's layout and the exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from pygoplugin_gen.compat import CompatReport, compare, exit_code, render
from tests.compat.protoc import compile_side

REPO = Path(__file__).resolve().parents[2]
GREETER = REPO / "example_protos" / "greeter.proto"
CASES = Path(__file__).parent / "cases"


def _greeter_v2(tmp_path: Path, edit: str) -> Path:
    """A copy of the greeter example in tmp_path/v2 with one edit applied."""
    lines = GREETER.read_text().splitlines()
    if edit == "remove locale":
        lines = [line for line in lines if "locale" not in line]
    elif edit == "add age":
        at = next(i for i, line in enumerate(lines) if "locale" in line) + 1
        lines.insert(at, "  int32 age = 3;")
    else:
        raise AssertionError(edit)
    folder = tmp_path / "v2"
    folder.mkdir()
    (folder / "greeter.proto").write_text("\n".join(lines) + "\n")
    return folder


def _greeter_report(tmp_path: Path, edit: str) -> CompatReport:
    old = compile_side(GREETER.parent, "greeter.proto", tmp_path, "example_protos/greeter.proto")
    new = compile_side(_greeter_v2(tmp_path, edit), "greeter.proto", tmp_path, "v2/greeter.proto")
    return compare(old, new)


def test_greeter_without_locale_is_breaking(tmp_path: Path) -> None:
    report = _greeter_report(tmp_path, "remove locale")
    assert render(report) == (
        "breaking changes (a deployed plugin or host of the other version fails):\n"
        "v2/greeter.proto:9:1: field-removed: field greeter.GreetRequest.locale = 2 was removed:"
        " peers of the old version still send and expect it; to remove it safely, reserve its"
        " number 2 and name locale (was example_protos/greeter.proto:11:1)\n"
        "NOT compatible: 1 breaking, 0 source-breaking, 0 safe\n"
    )
    assert exit_code(report) == 1


def test_greeter_with_a_new_field_is_safe(tmp_path: Path) -> None:
    report = _greeter_report(tmp_path, "add age")
    assert render(report) == (
        "safe changes:\n"
        "v2/greeter.proto:12:3: field-added: field greeter.GreetRequest.age = 3 was added: old"
        " readers skip it as an unknown field, and new readers see its default when an old"
        " sender leaves it out (was example_protos/greeter.proto:9:1)\n"
        "compatible: 0 breaking, 0 source-breaking, 1 safe\n"
    )
    assert exit_code(report) == 0


def test_sections_come_breaking_first_then_source_breaking_then_safe(tmp_path: Path) -> None:
    old = compile_side(CASES / "rpc_types_changed", "old.proto", tmp_path)
    new = compile_side(CASES / "rpc_types_changed", "new.proto", tmp_path)
    lines = render(compare(old, new)).splitlines()
    assert [line for line in lines if not line.startswith("new.proto:")] == [
        "breaking changes (a deployed plugin or host of the other version fails):",
        "source-breaking changes (the wire still works; code using the generated API may not):",
        "safe changes:",
        "NOT compatible: 3 breaking, 1 source-breaking, 1 safe",
    ]
    assert [line.split(": ")[1] for line in lines if line.startswith("new.proto:")] == [
        "request-type-changed",
        "request-type-changed",
        "response-type-changed",
        "message-removed",
        "message-added",
    ]


def test_messages_name_the_fix_and_the_reason(tmp_path: Path) -> None:
    """The full wording of the kinds whose messages the table abbreviates."""
    old = compile_side(CASES / "service_removed", "old.proto", tmp_path)
    new = compile_side(CASES / "service_removed", "new.proto", tmp_path)
    (change,) = compare(old, new).breaking
    assert change.message == "service demo.Admin was removed: peers of the old version call it"
    (change,) = compare(new, old).safe
    assert change.message == "service demo.Admin was added: old peers never call it"


@pytest.mark.parametrize(
    ("case", "strict", "code"),
    [
        ("unchanged", False, 0),
        ("field_removed", False, 1),
        ("field_renamed", False, 0),  # source-breaking only: deployed peers keep working
        ("field_renamed", True, 1),
        ("comments_only", True, 0),
    ],
)
def test_exit_code(case: str, strict: bool, code: int, tmp_path: Path) -> None:
    old = compile_side(CASES / case, "old.proto", tmp_path)
    new = compile_side(CASES / case, "new.proto", tmp_path)
    assert exit_code(compare(old, new), strict=strict) == code


def test_an_empty_report_still_says_so(tmp_path: Path) -> None:
    side = compile_side(CASES / "unchanged", "old.proto", tmp_path)
    assert render(compare(side, side)) == "compatible: 0 breaking, 0 source-breaking, 0 safe\n"
