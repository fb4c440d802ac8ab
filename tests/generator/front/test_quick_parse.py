"""The click-free parse of everyday command lines agrees with click, or leaves the line to click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from pygoplugin_gen.front import gen_plugin as cli
from pygoplugin_gen.front import quick_parse
from pygoplugin_gen.front.command import command
from pygoplugin_gen.front.options import ALL, Run
from tests.generator.conftest import GREETER_PROTO, REPO, GenPlugin

#: Command lines the quick parse must take on itself (the point of having it).
EVERYDAY = [
    ["greeter.proto", "-o", "out"],
    ["greeter.proto", "--out", "out"],
    ["greeter.proto", "--out=out"],
    ["-oout", "greeter.proto"],
    ["a.proto", "b.proto", "-o", "out", "-I", "protos", "-Ivendor", "--proto-path=third"],
    ["greeter.proto", "-o", "out", "--check"],
    ["greeter.proto", "-o", "out", "--force-main"],
    ["dir/greeter.proto", "-o", "out", "--check", "--force-main", "-I", "dir"],
    [
        "greeter.proto",
        "-o",
        "out",
        "--magic-cookie-key",
        "MY_KEY",
        "--magic-cookie-value=v4lue",
        "--protocol-version",
        "3",
    ],
    ["greeter.proto", "-o", "out", "--protocol-version", "03"],
    ["greeter.proto", "-o", "out", "--package-version", "a.b=1", "--package-version=a.c=2"],
    ["kv.proto", "-o", "out", "--broker-service", "proto.AddHelper", "--broker-service=a.B"],
    ["kv.proto", "-o", "out", "--broker-service", "a.B", "--broker-service", "a.B"],
    ["greeter.proto", "-o", "=out"],
    ["greeter.proto", "-o=out"],  # click reads "=out" too: a short option's value is the rest
    ["greeter.proto", "-out"],  # and "ut" here
]

#: Command lines it must leave to click: help, mistakes, unusual spellings, other commands.
DECLINED = [
    [],
    ["--help"],
    ["-h"],
    ["greeter.proto", "-o", "out", "--help"],
    ["greeter.proto"],
    ["-o", "out"],
    ["greeter.proto", "-o"],
    ["greeter.proto", "--out="],
    ["greeter.proto", "-o", "--check"],
    ["greeter.proto", "-o", "out", "-o", "other"],
    ["greeter.proto", "-o", "out", "--check", "--check"],
    ["greeter.proto", "-o", "out", "--check=yes"],
    ["greeter.proto", "-o", "out", "--magic-cookie", "x"],
    ["greeter.proto", "-o", "out", "--magic-cookie-key", "NOT A KEY"],
    ["greeter.proto", "-o", "out", "--magic-cookie-key", "-X"],
    ["greeter.proto", "-o", "out", "--magic-cookie-value", 'quo"te'],
    ["greeter.proto", "-o", "out", "--magic-cookie-value", "a", "--magic-cookie-value", "b"],
    ["greeter.proto", "-o", "out", "--protocol-version", "0"],
    ["kv.proto", "-o", "out", "--broker-service", "not a name"],
    ["greeter.proto", "-o", "out", "--package-version", "acme"],
    ["greeter.proto", "-o", "out", "--package-version", "a.b=1", "--package-version", "a.b=2"],
    ["kv.proto", "-o", "out", "--broker-service", "proto..AddHelper"],
    ["greeter.proto", "-o", "out", "--protocol-version", "+3"],
    ["greeter.proto", "-o", "out", "--protocol-version", " 3"],
    ["greeter.proto", "-o", "out", "--protocol-version", "\N{SUPERSCRIPT THREE}"],
    ["greeter.proto", "-o", "out", "--protocol-version", "three"],
    ["greeter.proto", "-o", "out", "--", "-x.proto"],
    ["greeter.proto", "-", "-o", "out"],
    ["greeter.txt", "-o", "out"],
    ["", "-o", "out"],
    ["compat", "old.proto", "new.proto"],
    ["greeter.proto", "-o", "out", "-x"],
]


def click_run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> Run | None:
    """The run click's command asks :func:`pygoplugin_gen.front.gen_plugin.run` for, or None on
    a usage error."""
    calls: list[Run] = []

    def record(parsed: Run, *, key: str | None) -> None:
        calls.append(parsed)

    monkeypatch.setattr(cli, "run", record)
    try:
        command.main(args=list(argv), prog_name=cli.PROG, obj=None, standalone_mode=False)
    except click.ClickException:
        return None
    assert len(calls) == 1
    return calls[0]


@pytest.mark.parametrize("argv", EVERYDAY + DECLINED, ids=" ".join)
def test_whatever_the_quick_parse_accepts_click_parses_the_same(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = quick_parse.parse(argv)
    if quick is not None:
        assert quick == click_run(argv, monkeypatch)


@pytest.mark.parametrize("argv", EVERYDAY, ids=" ".join)
def test_everyday_command_lines_are_parsed_without_click(argv: list[str]) -> None:
    assert quick_parse.parse(argv) is not None


#: A valid value for each option that takes one; a new option must be added here.
VALUES = {
    "out_dir": "out",
    "includes": "protos",
    "magic_cookie_key": "MY_KEY",
    "magic_cookie_value": "v4lue",
    "protocol_version": "2",
    "package_version": "acme.greeter=1",
    "broker_service": "acme.Greeter",
    "go_out": "goout",
    "go_import": "greeter.proto=example.com/app/greeter",
    "go_module": "example.com/app",
    "python_module": "vendor/types.proto=vendor_sdk.types_pb2",
}


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_declared_option_is_parsed_quickly_and_as_click_parses_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    option = ALL[name]
    words = [option.flag] if option.kind == "flag" else [option.flag, VALUES[name]]
    argv = ["greeter.proto", *(["-o", "out"] if name != "out_dir" else []), *words]
    quick = quick_parse.parse(argv)
    assert quick is not None
    assert quick == click_run(argv, monkeypatch)


@pytest.mark.parametrize("argv", DECLINED, ids=" ".join)
def test_help_mistakes_and_unusual_lines_are_left_to_click(argv: list[str]) -> None:
    assert quick_parse.parse(argv) is None


def test_an_everyday_run_never_imports_click(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pygoplugin_gen.front import gen_plugin\n"
        "gen_plugin.main(sys.argv[1:])\n"
        "assert 'click' not in sys.modules, 'click was imported'\n"
    )
    env = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}
    argv = [str(GREETER_PROTO), "-o", str(tmp_path / "out")]
    result = subprocess.run(
        [sys.executable, "-c", script, *argv], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "greeter" / "plugin.py").is_file()


def test_usage_errors_still_come_from_click(gen_plugin: GenPlugin, tmp_path: Path) -> None:
    missing = gen_plugin(GREETER_PROTO)
    assert missing.exit_code == 2
    assert "no output folder: give -o OUT" in missing.stderr
    help_text = gen_plugin("--help")
    assert help_text.exit_code == 0
    assert "Usage: gen-plugin [OPTIONS] PROTO..." in help_text.stdout
    assert "--magic-cookie-key KEY" in help_text.stdout


def output_options(path: str, out: str) -> list[str]:
    """``-o OUT``, parsed quickly (path ``quick``) or, given twice, left to click."""
    return ["-o", out] * (2 if path == "click" else 1)


@pytest.mark.parametrize("path", ["quick", "click"])
def test_ctrl_c_aborts_as_click_does_on_either_path(
    path: str, gen_plugin: GenPlugin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pygoplugin_gen.core import pipeline

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "generate", interrupted)
    result = gen_plugin(GREETER_PROTO, *output_options(path, str(tmp_path / "out")))
    assert (result.exit_code, result.stderr) == (1, "\nAborted!\n")


@pytest.mark.parametrize("path", ["quick", "click"])
def test_a_check_into_a_closed_pipe_ends_quietly_on_either_path(path: str, tmp_path: Path) -> None:
    gen_plugin = str(Path(sys.executable).parent / "gen-plugin")
    command = [gen_plugin, str(GREETER_PROTO), *output_options(path, str(tmp_path)), "--check"]
    env = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head` that has seen enough, before the diff is written
    stderr = process.stderr.read().decode()
    assert (process.wait(), stderr) == (1, "")
