"""Session fixtures: the corpus generated once, probed once, its consumer modules written once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.realworld import corpus
from tests.support import shared_protos


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Generated]:
    """gen-plugin's output for every corpus proto, by proto id (``grpc-java/route_guide.proto``)."""
    shared_protos.require(
        bool(corpus.ALL), f"no corpus: {corpus.SHARED_PROTOS} has no .proto files"
    )
    return corpus.generate(corpus.ALL, tmp_path_factory.mktemp("realworld"))


@pytest.fixture(scope="session")
def probes(generated: dict[str, corpus.Generated]) -> dict[str, dict[str, Any]]:
    """``probe_host.py``'s report for every successfully generated proto, by proto id."""
    return corpus.probe(run for run in generated.values() if run.returncode == 0)


@pytest.fixture(scope="session")
def consumers(
    generated: dict[str, corpus.Generated], probes: dict[str, dict[str, Any]]
) -> dict[str, list[Path]]:
    """The consumer modules written for every service, by proto id."""
    return {key: corpus.write_consumers(generated[key], report) for key, report in probes.items()}


def generated_ok(generated: dict[str, corpus.Generated], proto: corpus.CorpusProto) -> Path:
    """``proto``'s output folder; fails the test (with gen-plugin's error) if it has none."""
    run = generated[proto.id]
    assert run.returncode == 0, run.stderr
    return run.out
