"""``gen-plugin init --update DIR``: bring what ``init`` wrote up to this release, edits kept.

``init`` recorded what it wrote (``.pygoplugin-init.json``: the answers and each file's git blob
id). An update renders the same answers with this release's templates, against the repository's
proto as it is now, and then, file by file:

* the user never edited it (it still has the recorded id): replaced by the new rendering;
* the release changes nothing in it: left as the user has it;
* both changed it: merged three ways with ``git merge-file``, the base being the recorded
  rendering, read back from the repository's git objects (present once the user committed
  init's output); conflicts are left marked in the file, as git leaves them. Without the base
  (no git, or edited before the first commit) the new rendering is written beside the file as
  ``FILE.pygoplugin-new`` for the user to merge;
* deleted by the user: stays deleted; new in this release: added.

The proto files are never touched (they are the user's contract); the generated package is
rewritten, as ``gen-plugin`` would. Renderings are stored as git objects, so the next update
finds its base too. This is copier's update model (docs/init.md says why not copier itself).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Mapping

from ..core.errors import GeneratorError
from ..core.records import record
from . import repository
from .repository import RECORD, blob_id

#: Suffix of a new rendering written beside a file that could not be merged.
NEW = ".pygoplugin-new"


@record
class Outcome:
    """What an update did, by kind, each a tuple of paths."""

    updated: tuple[str, ...]
    added: tuple[str, ...]
    merged: tuple[str, ...]
    conflicts: tuple[str, ...]
    beside: tuple[str, ...]
    #: Edited by the user, and unchanged by this release.
    kept: tuple[str, ...]


def update(directory: str) -> Outcome:
    """Update ``directory``'s init-written files to this release (see the module docstring)."""
    recorded = _read_record(directory)
    proto_dir = os.path.join(directory, "proto")
    contents = repository.files(
        directory,
        name=recorded.name,
        proto=os.path.join(proto_dir, *recorded.proto.split("/")),
        includes=[proto_dir],
        host_only=recorded.host,
        starter=recorded.starter,
    )
    base = recorded.files
    owned = json.loads(contents[RECORD])["files"]
    git = _git_repository(directory)
    kinds = ("updated", "added", "merged", "conflicts", "beside", "kept")
    done: dict[str, list[str]] = {kind: [] for kind in kinds}
    for path, text in contents.items():
        if path.startswith("proto/") or path == RECORD:
            continue
        target = os.path.join(directory, *path.split("/"))
        if path not in owned:  # generated: always safe to rewrite
            _write(target, text)
            continue
        current = _read(target)
        if current is None:
            if path not in base:
                _write(target, text)
                done["added"].append(path)
            continue  # the user deleted it
        if current == text:
            continue
        if base.get(path) == owned[path]:
            done["kept"].append(path)  # yours, and this release changes nothing in it
            continue
        if blob_id(current) == base.get(path):
            _write(target, text)
            done["updated"].append(path)
            continue
        original = _git_blob(directory, base[path]) if git and path in base else None
        if original is None:
            _write(target + NEW, text)
            done["beside"].append(path)
            continue
        merged, clean = _merge(current, original, text, path)
        _write(target, merged)
        done["merged" if clean else "conflicts"].append(path)
    if git:
        for path in owned:
            _git_store(directory, contents[path])
    _write(os.path.join(directory, RECORD), contents[RECORD])
    return Outcome(**{kind: tuple(paths) for kind, paths in done.items()})


@record
class _Recorded:
    name: str
    proto: str
    starter: bool
    host: bool
    files: Mapping[str, str]


def _read_record(directory: str) -> _Recorded:
    path = os.path.join(directory, RECORD)
    try:
        with open(path, encoding="utf-8") as stream:
            loaded = json.load(stream)
    except FileNotFoundError:
        raise GeneratorError(
            f"no {RECORD}: --update works on a repository gen-plugin init wrote", directory
        ) from None
    except (OSError, ValueError) as error:
        raise GeneratorError(f"cannot read it: {error}", path) from None
    try:
        return _Recorded(
            name=str(loaded["name"]),
            proto=str(loaded["proto"]),
            starter=bool(loaded["starter"]),
            host=bool(loaded.get("host", False)),
            files={str(key): str(value) for key, value in dict(loaded["files"]).items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise GeneratorError("not a record gen-plugin init wrote", path) from None


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except FileNotFoundError:
        return None


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def _git_repository(directory: str) -> bool:
    if shutil.which("git") is None:
        return False
    result = _git(directory, "rev-parse", "--git-dir")
    return result.returncode == 0


def _git_blob(directory: str, blob: str) -> str | None:
    result = _git(directory, "cat-file", "blob", blob)
    return result.stdout if result.returncode == 0 else None


def _git_store(directory: str, text: str) -> None:
    _git(directory, "hash-object", "-w", "--stdin", stdin=text)


def _merge(current: str, base: str, new: str, path: str) -> tuple[str, bool]:
    """``git merge-file``'s three-way merge of ``current`` and ``new`` over ``base``."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="pygoplugin-update-") as scratch:
        files = []
        for label, text in (("yours", current), ("base", base), ("release", new)):
            name = os.path.join(scratch, label)
            _write(name, text)
            files.append(name)
        labels = [f"{path} (yours)", f"{path} (as init wrote it)", f"{path} (this release)"]
        result = subprocess.run(
            [
                "git",
                "merge-file",
                "-p",
                *(arg for label in labels for arg in ("-L", label)),
                *files,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode < 0 or result.returncode > 127:
        raise GeneratorError(f"git merge-file failed: {result.stderr.strip()}", path)
    return result.stdout, result.returncode == 0


def _git(
    directory: str, *arguments: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *arguments],
        cwd=directory,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
