"""Fixtures for the versioning tests: an in-process gen-plugin with a private cache."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

from generator import cli


class Result(NamedTuple):
    """What a user sees of one gen-plugin run."""

    exit_code: int
    stdout: str
    stderr: str


GenPlugin = Callable[..., Result]


@pytest.fixture
def gen_plugin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> GenPlugin:
    """Run ``gen-plugin ARGS...`` in this process, as the console script would."""
    monkeypatch.setenv("PYPLUGIN_CACHE_DIR", str(tmp_path / "cache"))

    def run(*arguments: str | os.PathLike[str]) -> Result:
        capsys.readouterr()
        try:
            cli.main([os.fspath(argument) for argument in arguments])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
