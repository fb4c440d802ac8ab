"""Fixtures for the versioning tests: an in-process gen-plugin with a private cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.gen_plugin import GenPlugin, in_process


@pytest.fixture
def gen_plugin(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> GenPlugin:
    """Run ``gen-plugin ARGS...`` in this process, as the console script would."""
    monkeypatch.setenv("PYGOPLUGIN_CACHE_DIR", str(tmp_path / "cache"))
    return in_process(capsys)
