"""A go-plugin v1.8.0 host opens 256 streams at once on a Python plugin, with unary calls beside.

The host is ``bench/go/mixed`` (the transport bench's Go host) running one mixed load; the
plugin's streams wait for each other after their first message (``gated_greeter.py``), so the
load completes only if all 256 are open and progressing together.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import HOSTS, PLUGINS
from ..support import gobuild

STREAMS = 256
WORKERS, CALLS = 8, 20


@pytest.fixture(scope="module")
def go_mixed_host() -> Path:
    bin_dir = gobuild._build(
        f"bench-mixed-{gobuild.CURRENT}",
        gobuild.BUILD_ROOT,
        [("go", "build", "-o", "{bin}/bench-mixed", "./cmd/bench-mixed")],
        ("bench-mixed",),
        overlay={"cmd/bench-mixed": gobuild.REPO / "bench" / "go" / "mixed"},
    )
    return bin_dir / "bench-mixed"


@pytest.mark.interop
@pytest.mark.parametrize("implementation", ["sync", "async"])
def test_a_go_host_keeps_256_streams_open_on_the_grpclib_core(
    go_mixed_host: Path, tmp_path: Path, implementation: str
) -> None:
    config = {
        "variants": [
            {"name": "python", "cmd": [sys.executable, str(PLUGINS / "gated_greeter.py")]}
        ],
        "startup_warmup": 0,
        "startup_rounds": 0,
        "idle_settle_seconds": 0,
        "warmup": 0,
        "unary_calls": 0,
        "stream_count": 0,
        "stream_reps": 0,
        "short_count": 0,
        "short_reps": 0,
        "mixed_reps": 1,
        "mixed_streams": STREAMS,
        "mixed_stream_count": 50,
        "mixed_workers": WORKERS,
        "mixed_calls": CALLS,
        "call_timeout_seconds": 90,
    }
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config))
    env = {"GOPLUGIN_CORE": "grpclib", "GATED_STREAMS": str(STREAMS), "GATED_COUNT": "50"}
    if implementation == "async":
        env["GATED_ASYNC"] = "1"
    done = subprocess.run(
        [str(go_mixed_host), "host", str(path)],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (sample,) = json.loads(done.stdout)["mixed"]["python"]
    assert len(sample["stream_finish"]) == STREAMS
    assert len(sample["unary"]) == WORKERS * CALLS


@pytest.mark.parametrize("implementation", ["sync", "async"])
def test_a_python_host_keeps_256_streams_open_on_the_grpclib_core(implementation: str) -> None:
    """The same through ``goplugin.Client`` and the generated client (``gated_host.py``), with a
    unary call made while every stream is open."""
    env = {"GOPLUGIN_CORE": "grpclib", "GATED_STREAMS": str(STREAMS), "GATED_COUNT": "3"}
    if implementation == "async":
        env["GATED_ASYNC"] = "1"
    done = subprocess.run(
        [sys.executable, str(HOSTS / "gated_host.py"), str(STREAMS)],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, **env},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "ok"
