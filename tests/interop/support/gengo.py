"""Build the Go programs written only against the generated Go packages (tests/go/gencmd).

They are the Go halves of issue 14's interop tests: for each case with a Go side (the greeter,
the versioned greeter, kinds.proto with all four RPC kinds, go-plugin's KV and bidirectional
example protos) a host and a plugin that import nothing hand-written but their own ``main``.
The build goes through ``gobuild.py``'s cache (``tests/.gobuild/generated-v1.8.0-<hash>``),
with two additions to its module copy, made before ``go vet`` and ``go build`` run:

1. protoc-gen-go's and protoc-gen-go-grpc's code for the protos ``gobuild.py`` does not
   generate, each case in its own protoc run (go-plugin's two example protos both declare
   package ``proto``), with the Go import paths ``tools/go_goldens.py`` maps them to;
2. the plugin packages the Go target generates, exactly ``tools/go_goldens.py``'s output (the
   bytes committed in ``golden-go/``), so what is built is what is committed.

The build key covers the generated files, so a change in the generator rebuilds.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from pathlib import Path

from tools import go_goldens

from .gobuild import BUILD_ROOT, CURRENT, EXAMPLE_PROTOS, GO_PROTOS, _build, _run

#: The programs of tests/go/gencmd, one host and one plugin per case.
PROGRAMS = (
    "greeter-host",
    "greeter-plugin",
    "versioned-host",
    "versioned-plugin",
    "kv-host",
    "kv-plugin",
    "counter-host",
    "counter-plugin",
    "kinds-host",
    "kinds-plugin",
)


@dataclasses.dataclass(frozen=True)
class GeneratedGoBinaries:
    """The gencmd programs, built against go-plugin v1.8.0: ``binaries["kinds-host"]``."""

    programs: Mapping[str, Path]
    #: The module the programs were built from, generated code included (for go vet, gofmt).
    src: Path

    def __getitem__(self, name: str) -> Path:
        return self.programs[name]


def _generated_packages() -> dict[str, str]:
    """Every case's generated Go files, module-relative path -> text (the Go goldens)."""
    files: dict[str, str] = {}
    for case in sorted(go_goldens.GO_CASES):
        files.update(go_goldens.generate(case))
    return files


def _message_runs() -> list[tuple[list[str], tuple[tuple[str, str], ...]]]:
    """(protos relative to example_protos, Go import mappings) of each protoc run to add."""
    runs = []
    for case, mappings in sorted(go_goldens.GO_CASES.items()):
        protos = [str(Path(proto).relative_to(EXAMPLE_PROTOS)) for proto in go_goldens.protos(case)]
        if not set(protos) <= set(GO_PROTOS):
            runs.append((protos, mappings))
    return runs


def build_go_generated(build_root: Path = BUILD_ROOT) -> GeneratedGoBinaries:
    """The gencmd programs built against go-plugin v1.8.0 (``go vet`` clean), built if needed."""
    generated = _generated_packages()
    runs = _message_runs()
    key = repr(sorted(generated.items())).encode() + repr(runs).encode()
    for protos, _ in runs:
        key += b"".join((EXAMPLE_PROTOS / proto).read_bytes() for proto in protos)

    def prepare(src: Path, env: Mapping[str, str]) -> None:
        tools = {
            name: _run(["go", "tool", "-n", name], env=env, cwd=src).strip()
            for name in ("protoc-gen-go", "protoc-gen-go-grpc")
        }
        for protos, mappings in runs:
            options = [f"M{proto}={path}" for proto, path in mappings]
            _run(
                [
                    sys.executable,
                    "-m",
                    "grpc_tools.protoc",
                    f"-I{EXAMPLE_PROTOS}",
                    f"--plugin=protoc-gen-go={tools['protoc-gen-go']}",
                    f"--plugin=protoc-gen-go-grpc={tools['protoc-gen-go-grpc']}",
                    f"--go_out={src}",
                    f"--go-grpc_out={src}",
                    *(f"--go_opt={option}" for option in ["module=yourapp", *options]),
                    *(f"--go-grpc_opt={option}" for option in ["module=yourapp", *options]),
                    *protos,
                ],
                env=env,
                cwd=EXAMPLE_PROTOS,
            )
        for path, text in generated.items():
            target = src / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")

    bin_dir = _build(
        f"generated-{CURRENT}",
        build_root,
        [
            ("go", "vet", "./gencmd/...", "./proto/..."),
            ("go", "build", "-o", "{bin}/", "./gencmd/..."),
        ],
        PROGRAMS,
        prepare=prepare,
        key_extra=key,
    )
    return GeneratedGoBinaries({name: bin_dir / name for name in PROGRAMS}, bin_dir.parent / "src")
