"""The front doors as a user meets them by hand: help, versions, junk, and advice that fits.

No traceback for anything a user can type or pipe in (issue 12): ``protoc-gen-pyplugin`` run by
hand, ``--help``, junk or nothing on its stdin; ``gen-plugin --version``; and protoc's errors
followed by advice that fits them (an import cycle is not fixed by ``-I``; the ``-I`` advice is
given once for every file not found); paths that are not what they should be (a folder given
as the proto, an ``-I`` that is a file or nowhere, an unreadable file) are refused by name
before anything is written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.generator.conftest import GenPlugin, snapshot

BIN = Path(sys.executable).parent


def plugin(*arguments: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(BIN / "protoc-gen-pyplugin"), *arguments], input=stdin, capture_output=True
    )


def test_protoc_plugin_help_explains_itself_and_exits_0() -> None:
    done = plugin("--help")
    assert done.returncode == 0
    text = done.stdout.decode()
    assert text.startswith("usage: protoc --pyplugin_out=OUT")
    assert "gen-plugin PROTO... -o OUT" in text
    assert "force_main" in text and "magic_cookie_value" in text
    assert done.stderr == b""


@pytest.mark.parametrize("stdin", [b"junk\n", b"", b"\xff\xff\xff"], ids=["junk", "empty", "bad"])
def test_protoc_plugin_refuses_what_is_no_request_in_one_line(stdin: bytes) -> None:
    done = plugin(stdin=stdin)
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr.decode() == (
        f"protoc-gen-pyplugin: error: stdin holds no CodeGeneratorRequest ({len(stdin)} bytes): "
        "this program is run by protoc (protoc --pyplugin_out=OUT PROTO...), or use gen-plugin "
        "PROTO... -o OUT\n"
    )


def test_protoc_plugin_arguments_are_a_usage_error() -> None:
    done = plugin("greeter.proto")
    assert done.returncode == 2
    assert b"unexpected arguments greeter.proto" in done.stderr
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("command", ["gen-plugin", "protoc-gen-pyplugin"])
def test_version_names_the_distribution_and_its_protoc(command: str) -> None:
    done = subprocess.run([str(BIN / command), "--version"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{command} 0.")
    assert "grpcio-tools " in done.stdout and "protobuf " in done.stdout


def test_gen_plugin_help_lists_version(gen_plugin: GenPlugin) -> None:
    result = gen_plugin("--help")
    assert result.exit_code == 0
    assert "--version" in result.stdout


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text('syntax = "proto3";\n' + text)
    return path


def test_an_import_cycle_is_explained_as_a_cycle_not_a_missing_folder(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    write(tmp_path, "a.proto", 'import "b.proto";\nmessage A {}\n')
    b = write(
        tmp_path, "b.proto", 'import "a.proto";\nmessage B {}\nservice S { rpc X(B) returns (B); }'
    )
    result = gen_plugin(b, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "File recursively imports itself: b.proto -> a.proto -> b.proto" in result.stderr
    advice = result.stderr.split("what to do: ", 1)[1]
    assert advice.startswith("break the import cycle b.proto -> a.proto -> b.proto")
    assert "-I" not in advice


def test_the_missing_import_advice_is_given_once_for_every_missing_file(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    proto = write(
        tmp_path,
        "m.proto",
        'import "x/one.proto";\nimport "y/two.proto";\nmessage B {}\n'
        "service S { rpc X(B) returns (B); }",
    )
    result = gen_plugin(proto, "-o", tmp_path / "out")
    assert result.exit_code == 1
    advice = result.stderr.split("what to do: ", 1)[1]
    assert advice == (
        "pass the folder that holds x/one.proto and y/two.proto with -I DIR (imports are "
        "relative to an -I folder), then run again\n"
    )


def test_an_import_with_errors_is_fixed_where_its_errors_are(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    write(tmp_path, "bad.proto", "message A { Foo x = 1; }\n")
    service = "service S { rpc X(B) returns (B); }"
    proto = write(tmp_path, "m.proto", f'import "bad.proto";\nmessage B {{}}\n{service}')
    result = gen_plugin(proto, "-o", tmp_path / "out")
    assert result.exit_code == 1
    advice = result.stderr.split("what to do: ", 1)[1]
    assert advice.startswith("declare Foo in this file, or import the file that declares it")
    assert "-I" not in advice


SERVICE = "package paths;\nmessage A {}\nservice S { rpc X(A) returns (A); }\n"


def test_a_proto_named_relative_to_its_include_folder_generates_as_protoc_finds_it(
    gen_plugin: GenPlugin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``gen-plugin r/x.proto -I protos``: no ``r/x.proto`` in the current folder, but
    ``protos/r/x.proto`` is, and protoc reads it so (this ended in a FileNotFoundError)."""
    (tmp_path / "protos" / "r").mkdir(parents=True)
    write(tmp_path / "protos" / "r", "x.proto", SERVICE)
    monkeypatch.chdir(tmp_path)
    result = gen_plugin("r/x.proto", "-I", "protos", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert b"r/x.proto" in (tmp_path / "out/paths/x_pb2.py").read_bytes()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["nowhere/x.proto", "-I", "protos"],
            "gen-plugin: error: nowhere/x.proto: file not found: check the path, or pass the "
            "folder that holds it with -I\n",
        ),
        (
            ["protos"],
            "gen-plugin: error: protos: a folder, not a .proto file: name the files to "
            "generate from (protos/*.proto)\n",
        ),
        (
            ["protos/x.proto", "-I", "protos/x.proto"],
            "gen-plugin: error: -I protos/x.proto: a file, not a folder: -I takes the folder "
            "that imports are relative to (-I protos?); the .proto files to generate from are "
            "given without -I\n",
        ),
        (
            ["protos/x.proto", "-I", "nowhere"],
            "gen-plugin: error: -I nowhere: no such folder: -I takes the folder that imports "
            "are relative to\n",
        ),
    ],
    ids=["missing", "folder", "include-is-a-file", "include-is-nowhere"],
)
def test_a_path_that_is_not_what_it_should_be_is_refused_by_name(
    gen_plugin: GenPlugin,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    arguments: list[str],
    message: str,
) -> None:
    (tmp_path / "protos").mkdir()
    write(tmp_path / "protos", "x.proto", SERVICE)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = gen_plugin(*arguments, "-o", "out")
    assert result.exit_code == 1
    assert result.stderr == message
    assert snapshot(tmp_path) == before


def test_an_unreadable_proto_is_named_with_what_to_do() -> None:
    """Run as a user who cannot read the file (root reads anything: then as ``nobody``)."""
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: no user to whom a file is unreadable")
        as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = Path(tempfile.mkdtemp(prefix="pygoplugin-unreadable-"))
    try:
        folder.chmod(0o777)  # the other user writes its output here (or would)
        proto = write(folder, "x.proto", SERVICE)
        proto.chmod(0)
        done = subprocess.run(
            [*as_user, str(BIN / "gen-plugin"), "x.proto", "-o", "out"],
            cwd=folder,
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(folder)},
        )
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr == (
            "gen-plugin: error: Could not map to virtual file: x.proto: Permission denied\n"
            "what to do: make x.proto readable by the user running gen-plugin (and its folders "
            "searchable), then run again\n"
        )
        assert sorted(path.name for path in folder.iterdir()) == ["x.proto"]
    finally:
        shutil.rmtree(folder)
