"""gen-plugin run in this process, as the console script would: for the conftests' fixtures."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import NamedTuple

import pytest

from pygoplugin_gen.front import gen_plugin as cli


class Result(NamedTuple):
    """What a user sees of one gen-plugin run."""

    exit_code: int
    stdout: str
    stderr: str


GenPlugin = Callable[..., Result]


def in_process(capsys: pytest.CaptureFixture[str]) -> GenPlugin:
    """A function running ``gen-plugin ARGS...`` here, its output captured through ``capsys``."""

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
