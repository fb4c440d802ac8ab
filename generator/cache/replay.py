"""Replay a previous run whose inputs have not changed, without protoc, templates or black.

After each complete run the CLI records, under a key made of its exact arguments, working
folder and :func:`.store.fingerprint` (generator code, templates, grpcio-tools and
black versions), what the run read and what it produced: the hash of every ``.proto`` protoc
read (imports included), the paths that would have shadowed them, and the output files. A
later run with the same key whose inputs still hash the same produces the same output, so it
reuses it — the way ``make`` or ccache decide — and goes through the same write stage as a full
run (an up-to-date folder is left alone, a missing file is written back, ``main.py`` is kept).
Anything that does not match, or cannot be read, means a full run.

The key is taken from the raw arguments, before click parses them, so a replay costs little
more than starting Python; only arguments that once completed a full run are ever recorded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..core import records
from ..core.files import OutputFile
from . import store

_KIND = "runs"


@records.record
class Recorded:
    """A run to replay: where it wrote, how, and what."""

    out_dir: str
    check: bool
    force_main: bool
    outputs: tuple[OutputFile, ...]


def run_key(argv: Sequence[str]) -> str | None:
    """The key of a command line run here, or ``None`` when the cache is off."""
    if store.root() is None:
        return None
    return store.digest("run", store.fingerprint(), os.getcwd(), *argv)


def _hash_file(path: str) -> str | None:
    import hashlib  # here, not above: a run with the cache off never needs it (2.5 ms)

    try:
        with open(path, "rb") as stream:
            return hashlib.sha256(stream.read()).hexdigest()
    except OSError:
        return None


def lookup(key: str) -> Recorded | None:
    """The recorded run for ``key`` if its inputs are exactly as they were, else ``None``."""
    text = store.load(_KIND, key)
    if text is None:
        return None
    import json  # here, not above: a run with the cache off never needs it

    try:
        manifest = json.loads(text)
        inputs: dict[str, str] = manifest["inputs"]
        absent: list[str] = manifest["absent"]
        recorded = Recorded(
            out_dir=manifest["out_dir"],
            check=manifest["check"],
            force_main=manifest["force_main"],
            outputs=tuple(
                OutputFile(path, content, bool(keep)) for path, content, keep in manifest["outputs"]
            ),
        )
    except (ValueError, KeyError, TypeError):
        return None
    if any(_hash_file(path) != digest for path, digest in inputs.items()):
        return None
    if any(os.path.exists(path) for path in absent):
        return None
    return recorded


def record(
    key: str,
    run: Recorded,
    proto_names: Sequence[str],
    search_path: Sequence[str],
) -> None:
    """Remember a completed run; its inputs are found along ``search_path`` as protoc found them."""
    inputs: dict[str, str] = {}
    absent: list[str] = []
    for name in proto_names:
        for folder in search_path:
            candidate = os.path.abspath(os.path.join(folder, name))
            digest = _hash_file(candidate)
            if digest is not None:
                inputs[candidate] = digest
                break
            absent.append(candidate)
        else:
            return  # an input we cannot find again: never claim to know the answer
    manifest = {
        "out_dir": run.out_dir,
        "check": run.check,
        "force_main": run.force_main,
        "inputs": inputs,
        "absent": absent,
        "outputs": [[output.path, output.content, output.keep] for output in run.outputs],
    }
    import json

    store.store(_KIND, key, json.dumps(manifest, sort_keys=True))
