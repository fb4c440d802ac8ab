"""Fixtures for the generator's tests: an in-process gen-plugin, folder snapshots, test protos."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.support.gen_plugin import GenPlugin, in_process

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_PROTOS = REPO / "example_protos"
GREETER_PROTO = EXAMPLE_PROTOS / "greeter.proto"
TEST_PROTOS = Path(__file__).resolve().parent / "protos"
SHARED_PROTOS = REPO.parent / "shared" / "protos"


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test gets its own generator cache, so no run is replayed from another test."""
    folder = tmp_path_factory.mktemp("pygoplugin-cache")
    monkeypatch.setenv("PYGOPLUGIN_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def gen_plugin(capsys: pytest.CaptureFixture[str]) -> GenPlugin:
    """Run ``gen-plugin ARGS...`` in this process, as the console script would."""
    return in_process(capsys)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) below ``folder``: equal snapshots, equal trees."""
    tree: dict[str, bytes | None] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            tree[os.path.relpath(os.path.join(root, name), folder)] = None
        for name in files:
            path = os.path.join(root, name)
            tree[os.path.relpath(path, folder)] = Path(path).read_bytes()
    return tree


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """Make folders refuse writes even from root (``chattr +i``); undone after the test."""
    import shutil
    import subprocess

    if shutil.which("chattr") is None:
        pytest.skip("chattr is not available to make a folder unwritable")
    locked: list[Path] = []

    def lock(folder: Path) -> None:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not permitted here")
        locked.append(folder)
        probe = folder / ".probe"
        try:
            probe.write_text("")
        except OSError:
            return
        probe.unlink()
        pytest.skip("this filesystem ignores chattr +i")

    yield lock
    for folder in reversed(locked):
        subprocess.run(["chattr", "-i", str(folder)], check=False, capture_output=True)


def python(*arguments: str, cwd: str | os.PathLike[str]) -> str:
    """Run this interpreter in a subprocess; return its stdout, fail the test on errors."""
    import subprocess

    done = subprocess.run(
        [sys.executable, *arguments], cwd=cwd, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
