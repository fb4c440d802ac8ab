"""The write stage: all files of a run land in the output folder, or none do.

Every file is first written into a staging folder beside the output folder (same filesystem,
so moves are renames), then moved into place. A new output folder arrives in a single rename; an
existing one gets its files replaced one by one with a journal, and any failure undoes the
moves already made. So a run that fails — a full disk, a folder that refuses writes — leaves the
output folder exactly as it was. ``--check`` uses :func:`plan` and :func:`diff` and never gets
here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Sequence

from .errors import GeneratorError
from .files import OutputFile
from .records import record


@record
class FileChange:
    """A file whose bytes will change: created (``old is None``) or replaced."""

    path: str
    new: bytes
    old: bytes | None


@record
class Plan:
    """What a run would do to the output folder."""

    out_dir: str
    changes: tuple[FileChange, ...]
    unchanged: tuple[str, ...]
    #: Scaffolds (main.py) left alone because the user already has one.
    kept: tuple[str, ...]


def plan(outputs: Sequence[OutputFile], out_dir: str, *, force_main: bool) -> Plan:
    """Compare ``outputs`` with the output folder; raises if the folder cannot be one."""
    _check_folder(out_dir)
    changes, unchanged, kept = [], [], []
    for output in outputs:
        target = os.path.join(out_dir, *output.path.split("/"))
        new = output.content.encode("utf-8")
        old = _read(target)
        if output.keep and old is not None:
            unchanged.append(output.path)
        elif output.scaffold and old is not None and not force_main:
            kept.append(output.path)
        elif old == new:
            unchanged.append(output.path)
        else:
            changes.append(FileChange(output.path, new, old))
    return Plan(out_dir, tuple(changes), tuple(unchanged), tuple(kept))


def _read(path: str) -> bytes | None:
    if os.path.isdir(path):
        raise GeneratorError(
            "a folder is in the way of a generated file: remove or rename it", path
        )
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise GeneratorError(
            f"cannot read it ({error.strerror}); nothing was written", path
        ) from None


def _check_folder(out_dir: str) -> None:
    """The output path must be a folder, or not exist below a folder."""
    if os.path.exists(out_dir) and not os.path.isdir(out_dir):
        raise GeneratorError(
            "the output path is a file, not a folder: pass a folder with -o "
            "(it is created if missing); nothing was written",
            out_dir,
        )
    ancestor = os.path.dirname(os.path.abspath(out_dir))
    while not os.path.exists(ancestor):
        ancestor = os.path.dirname(ancestor)
    if not os.path.isdir(ancestor):
        raise GeneratorError(
            f"cannot create the output folder: {ancestor} is a file; pass a folder with -o; "
            "nothing was written",
            out_dir,
        )


def diff(result: Plan) -> str:
    """A unified diff of every change, paths as ``a/<path>`` and ``b/<path>``."""
    import difflib

    chunks: list[str] = []
    for change in result.changes:
        old = change.old.decode("utf-8", "replace") if change.old is not None else ""
        chunks.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                change.new.decode("utf-8").splitlines(keepends=True),
                fromfile=f"a/{change.path}" if change.old is not None else "/dev/null",
                tofile=f"b/{change.path}",
            )
        )
    return "".join(chunks)


def apply(result: Plan) -> None:
    """Make the changes of ``result``, all of them or (on any error) none."""
    if not result.changes:
        return
    import shutil
    import tempfile

    out_dir = os.path.abspath(result.out_dir)
    parent = os.path.dirname(out_dir)
    anchor = parent
    while not os.path.isdir(anchor):
        anchor = os.path.dirname(anchor)
    try:
        staging = tempfile.mkdtemp(prefix=f".{os.path.basename(out_dir)}.pygoplugin-", dir=anchor)
    except OSError as error:
        raise _unwritable(anchor, error) from None
    try:
        fresh = os.path.join(staging, "new")
        os.mkdir(fresh)
        for change in result.changes:
            _write_file(os.path.join(fresh, *change.path.split("/")), change.new)
        if os.path.isdir(out_dir):
            _replace_files(result.changes, fresh, out_dir, os.path.join(staging, "old"))
        else:
            created = _make_folders(parent)
            try:
                os.rename(fresh, out_dir)
            except OSError as error:
                _remove_folders(created)
                raise _unwritable(out_dir, error) from None
    except OSError as error:
        raise _unwritable(getattr(error, "filename", None) or out_dir, error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_file(path: str, data: bytes) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(data)


def _replace_files(changes: Iterable[FileChange], fresh: str, out_dir: str, backup: str) -> None:
    """Move staged files over the existing folder; undo everything if one move fails."""
    import shutil

    placed: list[str] = []
    saved: list[tuple[str, str]] = []
    created: list[str] = []
    try:
        for change in changes:
            parts = change.path.split("/")
            target = os.path.join(out_dir, *parts)
            created.extend(_make_folders(os.path.dirname(target)))
            staged = os.path.join(fresh, *parts)
            if change.old is not None:
                shutil.copymode(target, staged)
                kept = os.path.join(backup, *parts)
                os.makedirs(os.path.dirname(kept), exist_ok=True)
                os.replace(target, kept)
                saved.append((kept, target))
            os.replace(staged, target)
            placed.append(target)
    except OSError:
        for target in reversed(placed):
            if target not in {original for _, original in saved}:
                _quietly(os.remove, target)
        for kept, target in reversed(saved):
            _quietly(os.replace, kept, target)
        _remove_folders(created)
        raise


def _make_folders(path: str) -> list[str]:
    """``os.makedirs``, returning the folders it created (deepest last) for a rollback."""
    missing = []
    while path and not os.path.isdir(path):
        missing.append(path)
        path = os.path.dirname(path)
    for folder in reversed(missing):
        os.mkdir(folder)
    return list(reversed(missing))


def _remove_folders(created: Sequence[str]) -> None:
    for folder in reversed(created):
        _quietly(os.rmdir, folder)


def _quietly(action: Callable[..., object], *args: str) -> None:
    """Best effort, for rollbacks: one failed undo must not stop the others."""
    with contextlib.suppress(OSError):
        action(*args)


def _unwritable(path: str, error: OSError) -> GeneratorError:
    return GeneratorError(
        f"cannot write here ({error.strerror or error}); nothing was written: make the folder "
        "writable or choose another output folder with -o",
        str(path),
    )
