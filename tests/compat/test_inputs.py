"""What compare() accepts, and how it fails on what it cannot use."""

from __future__ import annotations

from pathlib import Path

import pytest
from google.protobuf import descriptor_pb2

from pygoplugin_gen.compat import ProtoSet, compare, render_change
from tests.compat.protoc import compile_set

CASES = Path(__file__).parent / "cases"


def test_a_plain_descriptor_set_compares_its_last_file(tmp_path: Path) -> None:
    """The imported file comes first, the named one last: only the named one is the target."""
    old = compile_set(CASES / "imported", "old.proto", tmp_path)
    new = compile_set(CASES / "imported", "new.proto", tmp_path)
    assert [f.name for f in old.file] == [
        "google/protobuf/empty.proto",
        "old_types.proto",
        "old.proto",
    ]
    report = compare(old, new)
    assert [c.kind.value for c in report.breaking] == ["field-type-changed"]
    assert str(report.breaking[0].new) == "new_types.proto:7:3"


def test_compare_leaves_its_inputs_untouched(tmp_path: Path) -> None:
    old = compile_set(CASES / "enum_values", "old.proto", tmp_path)
    new = compile_set(CASES / "enum_values", "new.proto", tmp_path)
    before = (old.SerializeToString(), new.SerializeToString())
    compare(old, new)
    assert (old.SerializeToString(), new.SerializeToString()) == before


def test_without_source_info_positions_are_bare_paths(tmp_path: Path) -> None:
    old = compile_set(CASES / "field_removed", "old.proto", tmp_path, source_info=False)
    new = compile_set(CASES / "field_removed", "new.proto", tmp_path, source_info=False)
    (change,) = compare(old, new).breaking
    assert render_change(change).startswith("new.proto: field-removed: ")
    assert render_change(change).endswith("(was old.proto)")


def test_targets_must_be_in_the_set(tmp_path: Path) -> None:
    files = compile_set(CASES / "field_removed", "old.proto", tmp_path)
    with pytest.raises(ValueError, match=r"not in the descriptor set: other\.proto"):
        ProtoSet.of(files, targets=["other.proto"])
    with pytest.raises(ValueError, match="the descriptor set is empty"):
        ProtoSet.of([])


def test_a_missing_import_names_the_fix(tmp_path: Path) -> None:
    files = compile_set(CASES / "imported", "old.proto", tmp_path)
    only_named = descriptor_pb2.FileDescriptorSet(file=[files.file[-1]])
    with pytest.raises(ValueError, match=r"old.proto imports .*--include_imports"):
        compare(only_named, files)
