"""A small on-disk cache so that regenerating unchanged input costs almost nothing.

Two things are kept, both keyed by content hashes so a stale entry can never be used: black's
output for a rendered text, and run manifests (see ``replay.py``). Every key includes
:func:`fingerprint`, a hash of the generator's own code and templates and of the grpcio-tools,
black and jinja2 versions, so upgrading any of them invalidates everything. (Templates need no
cache: they ship compiled, see ``python/render/templating.py``.)

The cache lives in ``$PYGOPLUGIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/pygoplugin``, else
``~/.cache/pygoplugin``; ``PYGOPLUGIN_CACHE_DIR=off`` disables it. It is an optimisation only: if
it cannot be read or written, generation carries on without it.

It is bounded: it holds at most :data:`LIMIT` bytes. Each hit marks its entry as used (its
modification time), and each store that takes the cache over the bound removes the entries used
longest ago until a quarter of the bound is free again (so a full cache is not scanned and pruned
on every run), never the entry just stored. Temporary files a killed run left behind go too.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys

from ..python.render.resources import templates_folder

_ENV = "PYGOPLUGIN_CACHE_DIR"

#: The most bytes the cache holds: a few hundred runs of a large protocol.
LIMIT = 64 * 1024 * 1024

#: A temporary file older than this (seconds) belongs to a run that died before renaming it.
_STALE = 3600

_TEMPORARY = ".tmp-"


def root() -> str | None:
    """The cache folder, or ``None`` when caching is off."""
    configured = os.environ.get(_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "false") else configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pygoplugin")


def directory(kind: str) -> str | None:
    """``root()/kind``, created on demand; ``None`` if caching is off or impossible."""
    base = root()
    if base is None:
        return None
    path = os.path.join(base, kind)
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return None
    return path


def digest(*parts: str | bytes) -> str:
    """A hex SHA-256 over ``parts`` (length-prefixed, so part boundaries matter)."""
    import hashlib  # here, not above: a run with the cache off never needs it (2.5 ms)

    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def fingerprint() -> str:
    """A hash of everything besides the input that decides the output bytes."""
    parts: list[str | bytes] = [f"{sys.version_info.major}.{sys.version_info.minor}"]
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for root, suffix in ((package, ".py"), (templates_folder(), ".j2")):
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(name for name in dirs if name != "__pycache__")
            for name in sorted(names):
                if name.endswith(suffix):
                    path = os.path.join(folder, name)
                    parts.append(os.path.relpath(path, root))
                    parts.append(_read(path))
    for package, version_file in (
        ("grpc_tools", "grpc_version.py"),
        ("black", "_black_version.py"),
        ("jinja2", "__init__.py"),
    ):
        spec = importlib.util.find_spec(package)
        locations = spec.submodule_search_locations if spec else None
        if locations:
            parts.append(_read(os.path.join(next(iter(locations)), version_file)))
    return digest(*parts)


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read()
    except OSError:
        return b""


def load(kind: str, key: str) -> str | None:
    """The text stored under ``key``, or ``None``."""
    folder = directory(kind)
    if folder is None:
        return None
    path = os.path.join(folder, key)
    try:
        with open(path, encoding="utf-8") as stream:
            text = stream.read()
        os.utime(path)  # used now: the last to be pruned
    except OSError:
        return None
    return text


def store(kind: str, key: str, text: str) -> None:
    """Store ``text`` under ``key`` atomically (readers never see half an entry), then keep the
    cache within :data:`LIMIT`. An entry larger than the whole bound is not stored."""
    folder = directory(kind)
    data = text.encode("utf-8")
    if folder is None or len(data) > LIMIT:
        return
    import tempfile

    path = os.path.join(folder, key)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=_TEMPORARY)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        return
    prune(keep=path)


def prune(limit: int | None = None, *, keep: str = "") -> None:
    """If the cache holds more than ``limit`` bytes (default :data:`LIMIT`), remove the entries
    used longest ago until it holds three quarters of it, sparing ``keep``; stale temporary
    files are removed whatever the size."""
    import time

    bound = LIMIT if limit is None else limit
    base = root()
    if base is None:
        return
    entries: list[tuple[float, int, str]] = []
    stale = time.time() - _STALE
    try:
        for kind in os.scandir(base):
            if not kind.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(kind.path):
                info = entry.stat(follow_symlinks=False)
                if entry.name.startswith(_TEMPORARY):
                    if info.st_mtime < stale:
                        _remove(entry.path)
                else:
                    used = float("inf") if entry.path == keep else info.st_mtime
                    entries.append((used, info.st_size, entry.path))
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    if total <= bound:
        return
    for _, size, path in sorted(entries):
        if total <= bound * 3 // 4 or path == keep:
            break
        if _remove(path):
            total -= size


def _remove(path: str) -> bool:
    try:
        os.remove(path)
    except OSError:
        return False
    return True
