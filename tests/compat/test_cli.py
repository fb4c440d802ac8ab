"""``gen-plugin compat`` as CI runs it: a report on stdout and an exit status to gate on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from pygoplugin_gen.front import gen_plugin as cli

REPO = Path(__file__).resolve().parents[2]
PROTOS = REPO / "example_protos"
V1 = PROTOS / "greeter" / "v1" / "greeter.proto"
V2 = PROTOS / "greeter" / "v2" / "greeter.proto"
SEED = PROTOS / "greeter.proto"
EVOLVED = REPO / "tests" / "versioning" / "protos" / "evolved" / "greeter.proto"
CASES = Path(__file__).resolve().parent / "cases"


class Result(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private generator cache, to show that a check never records or replays a run."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("PYGOPLUGIN_CACHE_DIR", str(folder))
    return folder


def compat(capsys: pytest.CaptureFixture[str], *arguments: str | Path) -> Result:
    """``gen-plugin compat ARGS...`` in this process, through the console entry point."""
    capsys.readouterr()
    try:
        cli.main(["compat", *map(str, arguments)])
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def relative(path: Path) -> str:
    return os.path.relpath(path)


def test_v1_to_v2_is_a_new_protocol_version_and_lists_what_v2_adds(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    result = compat(capsys, "-I", PROTOS, relative(V1), relative(V2))

    assert result.exit_code == 1  # peers of greeter.v1 cannot call greeter.v2: negotiate
    lines = result.stdout.splitlines()
    v1, v2 = relative(V1), relative(V2)
    assert lines[0] == "breaking changes (a deployed plugin or host of the other version fails):"
    assert lines[1].startswith(
        f"{v2}:8:1: package-changed: package changed from greeter.v1 to greeter.v2: "
    )
    assert lines[1].endswith(f"serve each as its own protocol version (was {v1}:7:1)")
    assert f"{v2}:19:3: rpc-added: RPC greeter.v2.Greeter.Farewell was added" in result.stdout
    assert f"{v2}:26:3: field-added: field greeter.v2.GreetRequest.title = 3 was added" in (
        result.stdout
    )
    assert lines[-1] == "NOT compatible: 1 breaking, 0 source-breaking, 5 safe"


def test_a_version_against_itself_and_a_safe_evolution_pass(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    same = compat(capsys, V2, V2)
    assert (same.exit_code, same.stdout) == (
        0,
        "compatible: 0 breaking, 0 source-breaking, 0 safe\n",
    )

    added = compat(capsys, relative(SEED), relative(EVOLVED))
    assert added.exit_code == 0
    assert added.stdout.count(": field-added: ") == 4
    assert added.stdout.splitlines()[-1] == "compatible: 0 breaking, 0 source-breaking, 4 safe"


def test_a_breaking_change_fails_with_both_positions(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    old, new = (relative(CASES / "field_removed" / name) for name in ("old.proto", "new.proto"))
    result = compat(capsys, old, new)

    assert result.exit_code == 1
    assert f"{new}:10:1: field-removed: field demo.Req.locale = 2 was removed" in result.stdout
    assert result.stdout.splitlines()[1].endswith(f"(was {old}:12:3)")

    reverse = compat(capsys, new, old)  # adding the field back is safe
    assert reverse.exit_code == 0


def test_strict_fails_on_source_breaking_changes_too(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    old, new = (CASES / "field_renamed" / name for name in ("old.proto", "new.proto"))
    assert compat(capsys, old, new).exit_code == 0
    strict = compat(capsys, "--strict", old, new)
    assert strict.exit_code == 1
    assert "field-renamed" in strict.stdout
    assert "--strict: 1 source-breaking change(s) fail the check" in strict.stderr


def test_no_verdict_exits_2_with_the_reason(
    capsys: pytest.CaptureFixture[str], cache: Path, tmp_path: Path
) -> None:
    missing = compat(capsys, tmp_path / "nope.proto", V2)
    assert missing.exit_code == 2
    assert "gen-plugin compat: error: " in missing.stderr and "file not found" in missing.stderr

    broken = tmp_path / "broken.proto"
    broken.write_text('syntax = "proto3";\nmessage {\n')
    assert compat(capsys, broken, V2).exit_code == 2

    usage = compat(capsys, V2)
    assert usage.exit_code == 2
    assert "Missing argument 'NEW.proto'" in usage.stderr


def test_a_check_is_never_recorded_or_replayed_as_a_generation_run(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    first = compat(capsys, V2, V2)
    second = compat(capsys, V2, V2)

    assert first == second
    assert not (cache / "runs").exists() or not any((cache / "runs").iterdir())
    assert "written" not in first.stderr + second.stderr


def test_the_console_script_runs_the_check() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "gen-plugin"), "compat", str(SEED), str(EVOLVED)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("compatible: 0 breaking, 0 source-breaking, 4 safe\n")
