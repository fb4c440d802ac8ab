"""Go goldens: the exact Go output of the example protos that have a Go side, and its update.

    .venv/bin/python -m tools.go_goldens            # compare: print a diff, exit 1 on drift
    .venv/bin/python -m tools.go_goldens --update   # rewrite golden-go/ from the protos

``tests/generator/output/test_go_target.py`` runs the comparison. ``golden-go/<case>/`` holds what
``gen-plugin --go-out DIR --go-module yourapp`` writes into an empty folder for a case of
``example_protos/`` (the cases of ``tools/goldens.py``), with that case's options plus the Go
ones below. The interop tests generate the same files into their Go build
(``tests/interop/support/gengo.py``), so what is committed here is what runs against go-plugin.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence

from pygoplugin_gen.core.records import fields
from pygoplugin_gen.core.settings import Settings
from tools import goldens

GOLDEN_GO = os.path.join(goldens.REPO, "golden-go")

#: The module the Go goldens (and the interop tests' Go build, tests/go) live in.
MODULE = "yourapp"

#: Cases with a Go side -> their Go import mappings (protoc-gen-go's M option), for protos that
#: carry no usable go_package: kinds.proto has none; go-plugin's own protos say "./proto".
GO_CASES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "greeter": (),
    "versioned": (),
    "kinds": (("kinds.proto", f"{MODULE}/proto/kinds/v1"),),
    "go-plugin-grpc": (("go-plugin-grpc/kv.proto", f"{MODULE}/proto/kv"),),
    "go-plugin-bidirectional": (("go-plugin-bidirectional/kv.proto", f"{MODULE}/proto/counter"),),
}


def settings(case: str) -> Settings:
    """The case's own options (handshake, broker services) plus its Go options."""
    base = goldens.CASE_SETTINGS.get(case, Settings())
    values = {name: getattr(base, name) for name in fields(Settings)}
    values.update(go_import=GO_CASES[case], go_module=MODULE)
    return Settings(**values)


def protos(case: str) -> tuple[str, ...]:
    """The case's proto files (absolute paths), as ``tools/goldens.py`` finds them."""
    (found,) = [one for one in goldens.cases() if one.name == case]
    return found.protos


def generate(case: str) -> dict[str, str]:
    """The case's Go output, path -> text, exactly as ``gen-plugin --go-out`` writes it."""
    from pygoplugin_gen.core import pipeline
    from pygoplugin_gen.go import target
    from pygoplugin_gen.schema import descriptors, load

    options = settings(case)
    data, names = load.compile_protos(protos(case), [goldens.PROTOS])
    files = descriptors.FileDescriptorSet.FromString(data).file
    outputs = pipeline.generate(
        files, names, options, target=target.for_settings(options), include_main=False
    )
    return {output.path: output.content for output in outputs}


def command(case: str) -> str:
    """The gen-plugin command line that writes the case's Go golden (for messages and docs)."""
    from pygoplugin_gen.core.settings import command_line

    paths = [os.path.relpath(proto, goldens.REPO) for proto in protos(case)]
    options = command_line(settings(case))
    return " ".join(["gen-plugin", *paths, "-I", "example_protos", "--go-out", "DIR", *options])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.go_goldens", description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite golden-go/")
    arguments = parser.parse_args(argv)
    drift = False
    for case in sorted(GO_CASES):
        generated = generate(case)
        folder = os.path.join(GOLDEN_GO, case)
        if arguments.update:
            goldens._replace_folder(folder, generated)
            print(f"golden-go/{case}: {len(generated)} files")
            continue
        on_disk = goldens.read_tree(folder) if os.path.isdir(folder) else {}
        difference = goldens.tree_diff(generated, on_disk, f"golden-go/{case}")
        if difference:
            drift = True
            sys.stdout.write(difference)
    if drift:
        print(
            "Go goldens drifted: run `.venv/bin/python -m tools.go_goldens --update`",
            file=sys.stderr,
        )
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
