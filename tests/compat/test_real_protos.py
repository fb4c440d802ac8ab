"""Real-world protos from /work/shared/protos: no noise on themselves, editions understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from pygoplugin_gen.compat import compare, render
from tests.compat.protoc import compile_side
from tests.support import shared_protos

PROTOS = Path(__file__).resolve().parents[3] / "shared" / "protos"
ALL = sorted(PROTOS.rglob("*.proto")) if PROTOS.is_dir() else []

shared_protos.require(bool(ALL), f"no shared protos at {PROTOS}")


def _root_and_name(path: Path) -> tuple[Path, str]:
    """Each top-level folder of shared/protos is an include root (its README says so)."""
    root = PROTOS / path.relative_to(PROTOS).parts[0]
    return root, path.relative_to(root).as_posix()


@pytest.mark.parametrize("path", ALL, ids=[p.relative_to(PROTOS).as_posix() for p in ALL])
def test_a_proto_compared_with_itself_has_no_changes(path: Path, tmp_path: Path) -> None:
    root, name = _root_and_name(path)
    side = compile_side(root, name, tmp_path)
    report = compare(side, side)
    assert (report.breaking, report.source_breaking, report.safe) == ((), (), ())


def test_route_guide_moved_from_proto3_to_edition_2023_is_compatible(tmp_path: Path) -> None:
    """grpc-java's proto3 route_guide vs grpc-go's edition 2023 one (field_presence=IMPLICIT):
    the same contract, except for a message grpc-go dropped."""
    java = compile_side(
        PROTOS / "grpc-java", "route_guide.proto", tmp_path, "java/route_guide.proto"
    )
    go = compile_side(
        PROTOS / "grpc-go",
        "examples/route_guide/routeguide/route_guide.proto",
        tmp_path,
        "go/route_guide.proto",
    )
    assert render(compare(java, go)) == (
        "source-breaking changes (the wire still works; code using the generated API may not):\n"
        "go/route_guide.proto:15:1: message-removed: message routeguide.FeatureDatabase was"
        " removed: the wire is unaffected unless a field or RPC used it (reported there), but"
        " generated code loses its class (was java/route_guide.proto:85:1)\n"
        "compatible: 0 breaking, 1 source-breaking, 0 safe\n"
    )
