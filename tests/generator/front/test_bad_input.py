"""Bad input: a message naming file:line:column and what to do, exit 1, the output untouched."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.generator.conftest import GREETER_PROTO, TEST_PROTOS, GenPlugin, snapshot

BAD = TEST_PROTOS / "bad"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder that already holds a user's work, to prove it survives."""
    folder = tmp_path / "out"
    (folder / "greeter").mkdir(parents=True)
    (folder / "main.py").write_text("# the user's plugin\n")
    (folder / "greeter" / "plugin.py").write_text("# from an older run\n")
    return folder


@pytest.mark.parametrize(
    ("proto", "where", "what", "advice"),
    [
        ("syntax.proto", "syntax.proto:3:35:", 'Expected ";".', "fix the proto syntax there"),
        (
            "missing_import.proto",
            "missing_import.proto:3:1:",
            'Import "nowhere/missing.proto" was not found',
            "pass the folder that holds nowhere/missing.proto with -I DIR",
        ),
        (
            "unknown_type.proto",
            "unknown_type.proto:5:30:",
            '"Reply" is not defined.',
            "declare Reply in this file, or import the file that declares it",
        ),
        (
            "no_service.proto",
            "no_service.proto:3:1:",
            "no service to generate a plugin from in no_service.proto",
            "add `service Name { rpc Method(Request) returns (Response); }`",
        ),
    ],
)
def test_a_broken_proto_is_reported_where_it_is_broken(
    gen_plugin: GenPlugin, out: Path, proto: str, where: str, what: str, advice: str
) -> None:
    before = snapshot(out.parent)
    result = gen_plugin(BAD / proto, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.startswith("gen-plugin: error: ")
    assert where in result.stderr
    assert what in result.stderr
    assert advice in result.stderr
    assert snapshot(out.parent) == before


def test_an_output_path_that_is_a_file_is_refused(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("not a folder\n")
    before = snapshot(tmp_path)
    result = gen_plugin(GREETER_PROTO, "-o", target)
    assert result.exit_code == 1
    assert f"{target}: the output path is a file, not a folder: pass a folder with -o" in (
        result.stderr
    )
    assert snapshot(tmp_path) == before


def test_an_output_folder_below_a_file_is_refused(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    before = snapshot(tmp_path)
    result = gen_plugin(GREETER_PROTO, "-o", tmp_path / "file" / "out")
    assert result.exit_code == 1
    assert "cannot create the output folder" in result.stderr
    assert "is a file" in result.stderr
    assert snapshot(tmp_path) == before


def test_an_output_folder_that_refuses_writes_is_left_exactly_as_it_was(
    gen_plugin: GenPlugin, out: Path, immutable: Callable[[Path], None]
) -> None:
    immutable(out / "greeter")  # root included: chattr +i binds everyone
    before = snapshot(out.parent)
    result = gen_plugin(GREETER_PROTO, "-o", out, "--force-main")
    assert result.exit_code == 1
    assert "cannot write here (Operation not permitted); nothing was written" in result.stderr
    assert "choose another output folder with -o" in result.stderr
    # main.py was replaced before greeter/ refused: the rollback must have put it back.
    assert snapshot(out.parent) == before


def test_a_parent_folder_that_refuses_writes_is_reported(
    gen_plugin: GenPlugin, tmp_path: Path, immutable: Callable[[Path], None]
) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    immutable(parent)
    result = gen_plugin(GREETER_PROTO, "-o", parent / "out")
    assert result.exit_code == 1
    assert f"{parent}: cannot write here" in result.stderr
    assert os.listdir(parent) == []


def test_two_packages_one_python_package_is_an_error_naming_both(
    gen_plugin: GenPlugin, tmp_path: Path, out: Path
) -> None:
    """``class`` is spelled ``class_`` in Python, so it would share a package with ``class_``."""
    before = snapshot(out)
    for name, package in (("a.proto", "class"), ("b.proto", "class_")):
        (tmp_path / name).write_text(
            f'syntax = "proto3";\npackage {package};\nmessage M {{}}\n'
            f"service S{name[0]} {{ rpc Call(M) returns (M); }}\n"
        )
    cookie = ["--magic-cookie-key", "K", "--magic-cookie-value", "v"]
    result = gen_plugin(tmp_path / "a.proto", tmp_path / "b.proto", "-o", out, *cookie)
    assert result.exit_code == 1
    assert (
        "b.proto: package class and package class_ would both be generated as the Python "
        "package class_/: rename one of them" in result.stderr
    )
    assert snapshot(out) == before
