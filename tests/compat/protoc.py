"""Compile .proto files in-process, as `gen-plugin compat` will, for the compat tests."""

from __future__ import annotations

import importlib.resources
import uuid
from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

from pygoplugin_gen.compat import ProtoSet

#: grpcio-tools' bundled well-known types (google/protobuf/*.proto).
WELL_KNOWN = str(importlib.resources.files("grpc_tools") / "_proto")


def compile_set(
    root: Path, name: str, out_dir: Path, *, source_info: bool = True
) -> descriptor_pb2.FileDescriptorSet:
    """``root/name`` and its imports, compiled by grpcio-tools' protoc in this process."""
    out = out_dir / f"{uuid.uuid4().hex}.pb"
    args = [
        "grpc_tools.protoc",
        f"-I{root}",
        f"-I{WELL_KNOWN}",
        *(["--include_source_info"] if source_info else []),
        "--include_imports",
        f"--descriptor_set_out={out}",
        name,
    ]
    if protoc.main(args) != 0:
        raise AssertionError(f"protoc failed on {root / name} (its errors are on stderr)")
    return descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())


def compile_side(root: Path, name: str, out_dir: Path, shown: str | None = None) -> ProtoSet:
    """``root/name`` and its imports, with source info, as one side of a comparison.

    ``shown`` is the path printed for ``name`` (default: ``name``), as the CLI would print
    the path the user typed.
    """
    files = compile_set(root, name, out_dir)
    return ProtoSet.of(files, targets=[name], paths={name: shown or name})
