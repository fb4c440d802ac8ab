"""Without ``../shared/protos`` the corpus tests skip on a developer's machine and fail under CI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_corpus_tests(tmp_path: Path, ci: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYGOPLUGIN_CORPUS": str(tmp_path / "no-protos"), "CI": ci}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += ["tests/realworld/test_corpus_runs.py", "tests/realworld/test_corpus_types.py"]
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def test_a_missing_corpus_fails_the_run_under_ci(tmp_path: Path) -> None:
    result = run_corpus_tests(tmp_path, "true")
    assert result.returncode == 2, result.stdout  # pytest's "collection errors"
    assert "these tests must run under CI" in result.stdout


def test_a_missing_corpus_skips_the_tests_elsewhere(tmp_path: Path) -> None:
    result = run_corpus_tests(tmp_path, "")
    assert result.returncode == 5, result.stdout  # pytest's "no tests ran": all were skipped
    assert "2 skipped" in result.stdout
