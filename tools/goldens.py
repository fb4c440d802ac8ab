"""Golden files: the exact expected output of every example proto, and the command to update them.

    .venv/bin/python -m tools.goldens            # compare: print a diff, exit 1 on drift
    .venv/bin/python -m tools.goldens --update   # rewrite golden/ and examples/ from protos

Both also do what ``python -m tools.templates`` does for the compiled templates.

A case is a top-level ``.proto`` file of ``example_protos/`` (named after the file) or a
top-level folder of it (named after the folder, or as ``FOLDER_CASES`` says when a file has that
name; every ``.proto`` below it is generated in one run, as several versions of one protocol
are). Imports are relative to ``example_protos/``. ``golden/<case>/`` holds what ``gen-plugin``
writes into an empty folder, ``main.py`` included. ``examples/`` holds runnable examples whose
generated packages must equal their golden ones; their filled-in ``main.py`` is theirs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence

from pygoplugin_gen.core import settings
from pygoplugin_gen.core.records import record
from pygoplugin_gen.core.settings import Settings
from tools import templates

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROTOS = os.path.join(REPO, "example_protos")
GOLDEN = os.path.join(REPO, "golden")
EXAMPLES = os.path.join(REPO, "examples")

#: Options a case is generated with (the command line a user would type for it).
CASE_SETTINGS: dict[str, Settings] = {
    "greeter": Settings(magic_cookie_value="hello"),
    # Several unrelated packages served by one main.py need one handshake.
    "names": Settings(magic_cookie_key="NAMES_PLUGIN", magic_cookie_value="names"),
    "syntax": Settings(magic_cookie_key="SYNTAX_PLUGIN", magic_cookie_value="syntax"),
    # go-plugin's own example protos, unmodified, with their examples' handshake
    # (examples/*/shared/interface.go); AddHelper is what the Counter host serves its plugin.
    "go-plugin-grpc": Settings(magic_cookie_key="BASIC_PLUGIN", magic_cookie_value="hello"),
    "go-plugin-bidirectional": Settings(
        magic_cookie_key="BASIC_PLUGIN",
        magic_cookie_value="hello",
        broker_service=("proto.AddHelper",),
    ),
}

#: Folder cases named other than their folder: ``greeter/`` (v1 and v2) beside ``greeter.proto``.
FOLDER_CASES: dict[str, str] = {
    "greeter": "versioned",
}

#: Folder cases that generate only some of their files (relative to ``example_protos/``): the
#: others are imports, emitted as message modules, as they are for a user who passes one file.
ENTRY_POINTS: dict[str, tuple[str, ...]] = {
    "imports": ("imports/driver.proto",),
}

#: Examples built from a case: example folder -> case. Only the generated files are compared.
EXAMPLES_FROM_CASES: dict[str, str] = {
    "greeter": "greeter",
    "versioned": "versioned",
    "kv": "go-plugin-grpc",
    "bidirectional": "go-plugin-bidirectional",
}


@record
class Case:
    """One golden case: the protos generated together and the options they are generated with."""

    name: str
    protos: tuple[str, ...]

    @property
    def settings(self) -> Settings:
        return CASE_SETTINGS.get(self.name, Settings())

    @property
    def command(self) -> str:
        """The gen-plugin command line that reproduces the case (for messages)."""
        protos = [os.path.relpath(proto, REPO) for proto in self.protos]
        return " ".join(
            ["gen-plugin", *protos, "-I", "example_protos", *settings.command_line(self.settings)]
        )


def cases() -> list[Case]:
    """Every case in ``example_protos/``, sorted by name."""
    found = []
    for entry in sorted(os.listdir(PROTOS)):
        path = os.path.join(PROTOS, entry)
        if entry.endswith(".proto") and os.path.isfile(path):
            found.append(Case(entry[: -len(".proto")], (path,)))
        elif os.path.isdir(path):
            protos = sorted(
                os.path.join(folder, name)
                for folder, _, names in os.walk(path)
                for name in names
                if name.endswith(".proto")
            )
            if entry in ENTRY_POINTS:
                protos = [os.path.join(PROTOS, proto) for proto in ENTRY_POINTS[entry]]
            if protos:
                found.append(Case(FOLDER_CASES.get(entry, entry), tuple(protos)))
    names = [case.name for case in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise SystemExit(f"example_protos: a file and a folder share the case name {duplicates}")
    return found


def generate(case: Case) -> dict[str, str]:
    """The case's output, path -> text, exactly as gen-plugin writes it into an empty folder."""
    from pygoplugin_gen.core import pipeline
    from pygoplugin_gen.python import target
    from pygoplugin_gen.schema import descriptors, load

    data, names = load.compile_protos(case.protos, [PROTOS])
    files = descriptors.FileDescriptorSet.FromString(data).file
    outputs = pipeline.generate(
        files, names, case.settings, target=target.generate, include_main=True
    )
    return {output.path: output.content for output in outputs}


def read_tree(folder: str) -> dict[str, str]:
    """Every file below ``folder`` (caches left out), POSIX path -> text."""
    tree = {}
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            with open(path, encoding="utf-8") as stream:
                tree[relative] = stream.read()
    return tree


def tree_diff(expected: dict[str, str], actual: dict[str, str], label: str) -> str:
    """A unified diff from ``actual`` (on disk) to ``expected`` (generated); empty if equal."""
    chunks: list[str] = []
    for path in sorted(set(expected) | set(actual)):
        old, new = actual.get(path), expected.get(path)
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                (new or "").splitlines(keepends=True),
                fromfile=f"{label}/{path}" if old is not None else "/dev/null",
                tofile=f"{label}/{path}" if new is not None else "/dev/null",
            )
        )
    return "".join(chunks)


def without_scaffold(generated: dict[str, str]) -> dict[str, str]:
    """The generated files an example must hold: a case's output minus its ``main.py``."""
    return {path: text for path, text in generated.items() if path != "main.py"}


def example_tree(example: str) -> dict[str, str]:
    """The example's generated package(s) on disk (its own main.py, host.py... left out)."""
    folder = os.path.join(EXAMPLES, example)
    case = EXAMPLES_FROM_CASES[example]
    packages = {path.split("/")[0] for path in generate_cached(case) if "/" in path}
    tree = {}
    for package in sorted(packages):
        root = os.path.join(folder, package)
        if os.path.isdir(root):
            tree.update({f"{package}/{p}": t for p, t in read_tree(root).items()})
    return tree


_generated: dict[str, dict[str, str]] = {}


def generate_cached(name: str) -> dict[str, str]:
    """:func:`generate` for the case called ``name``, once per process."""
    if name not in _generated:
        (case,) = [case for case in cases() if case.name == name]
        _generated[name] = generate(case)
    return _generated[name]


def _replace_folder(folder: str, files: dict[str, str]) -> None:
    """Make ``folder`` hold exactly ``files`` (built aside, then swapped in)."""
    parent = os.path.dirname(folder)
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".golden-", dir=parent)
    for path, text in files.items():
        target = os.path.join(staging, *path.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    old = folder + ".old"
    if os.path.exists(folder):
        os.rename(folder, old)
    os.rename(staging, folder)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.goldens", description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the goldens")
    arguments = parser.parse_args(argv)
    drift = templates.main(["--update"] if arguments.update else []) != 0
    for case in cases():
        generated = generate_cached(case.name)
        folder = os.path.join(GOLDEN, case.name)
        if arguments.update:
            _replace_folder(folder, generated)
            print(f"golden/{case.name}: {len(generated)} files")
            continue
        difference = tree_diff(generated, read_tree(folder), f"golden/{case.name}")
        if difference:
            drift = True
            sys.stdout.write(difference)
    for example, case_name in EXAMPLES_FROM_CASES.items():
        expected = without_scaffold(generate_cached(case_name))
        if arguments.update:
            for package in {path.split("/")[0] for path in expected}:
                files = {
                    path.split("/", 1)[1]: text
                    for path, text in expected.items()
                    if path.startswith(package + "/")
                }
                _replace_folder(os.path.join(EXAMPLES, example, package), files)
            print(f"examples/{example}: {len(expected)} generated files")
            continue
        difference = tree_diff(expected, example_tree(example), f"examples/{example}")
        if difference:
            drift = True
            sys.stdout.write(difference)
    if drift:
        print("goldens drifted: run `.venv/bin/python -m tools.goldens --update`", file=sys.stderr)
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
