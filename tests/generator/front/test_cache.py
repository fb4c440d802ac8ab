"""The generator's cache stays within its bound, dropping what was used longest ago.

Its entries are the manifests of replayable runs and black's answers (see
``generator/cache/store.py``); every test here has its own cache folder (``private_cache``).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from pygoplugin_gen.cache import store
from pygoplugin_gen.core import pipeline
from tests.generator.conftest import GREETER_PROTO, GenPlugin


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def age(folder: Path, kind: str, key: str, seconds_ago: float) -> None:
    """Make an entry look last used ``seconds_ago`` seconds ago."""
    when = time.time() - seconds_ago
    os.utime(folder / kind / key, (when, when))


def test_over_its_bound_the_cache_drops_the_entries_used_longest_ago(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "LIMIT", 3000)
    for key in ("a", "b", "c"):
        store.store("black", key, key * 1000)
    for seconds_ago, key in ((300, "a"), (200, "b"), (100, "c")):
        age(private_cache, "black", key, seconds_ago)
    assert store.load("black", "a") == "a" * 1000  # a hit: "a" is now the most recently used

    store.store("runs", "d", "d" * 1000)  # 4000 bytes: over the bound

    assert [store.load("black", key) is not None for key in "abc"] == [True, False, False]
    assert store.load("runs", "d") == "d" * 1000
    assert size(private_cache) <= 3000


def test_the_entry_just_stored_stays_even_when_it_alone_fills_most_of_the_cache(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "LIMIT", 1000)
    store.store("black", "old", "o" * 300)
    age(private_cache, "black", "old", 60)
    store.store("black", "new", "n" * 900)
    assert store.load("black", "new") == "n" * 900
    assert store.load("black", "old") is None
    store.store("black", "huge", "h" * 1001)  # larger than the whole cache: never stored
    assert store.load("black", "huge") is None
    assert store.load("black", "new") == "n" * 900


def test_temporary_files_left_by_a_killed_run_are_removed(
    private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = private_cache / "runs"
    folder.mkdir(parents=True)
    (folder / ".tmp-killed").write_text("half an entry")
    (folder / ".tmp-writing").write_text("an entry being written now")
    age(private_cache, "runs", ".tmp-killed", 2 * 3600)
    store.store("runs", "key", "entry")
    assert sorted(path.name for path in folder.iterdir()) == [".tmp-writing", "key"]


def test_gen_plugin_runs_keep_the_cache_bounded_and_the_latest_run_replayable(
    gen_plugin: GenPlugin,
    private_cache: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = gen_plugin(GREETER_PROTO, "-o", tmp_path / "out1")
    assert first.exit_code == 0, first.stderr
    one_run = size(private_cache)
    monkeypatch.setattr(store, "LIMIT", one_run * 3 // 2)  # room for one run's manifest only
    second = gen_plugin(GREETER_PROTO, "-o", tmp_path / "out2")
    assert second.exit_code == 0, second.stderr
    assert size(private_cache) <= store.LIMIT

    def no_full_runs(*args: object, **kwargs: object) -> None:
        raise AssertionError("a full run, not a replay")

    monkeypatch.setattr(pipeline, "generate", no_full_runs)
    replayed = gen_plugin(GREETER_PROTO, "-o", tmp_path / "out2")  # the latest run: replayed
    assert replayed.exit_code == 0
    assert "0 written, 7 unchanged, main.py kept" in replayed.stderr
    with pytest.raises(AssertionError, match="a full run, not a replay"):
        gen_plugin(GREETER_PROTO, "-o", tmp_path / "out1")  # pruned: generated again
