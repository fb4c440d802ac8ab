"""A small on-disk cache so that regenerating unchanged input costs almost nothing.

Two things are kept, both keyed by content hashes so a stale entry can never be used: black's
output for a rendered text, and run manifests (see ``replay.py``). Every key includes
:func:`fingerprint`, a hash of the generator's own code and templates and of the grpcio-tools,
black and jinja2 versions, so upgrading any of them invalidates everything. (Templates need no
cache: they ship compiled, see ``python/render/templating.py``.)

The cache lives in ``$PYPLUGIN_CACHE_DIR``, else ``$XDG_CACHE_HOME/pyplugin``, else
``~/.cache/pyplugin``; ``PYPLUGIN_CACHE_DIR=off`` disables it. It is an optimisation only: if
it cannot be read or written, generation carries on without it.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import sys

from ..python.render.resources import templates_folder

_ENV = "PYPLUGIN_CACHE_DIR"


def root() -> str | None:
    """The cache folder, or ``None`` when caching is off."""
    configured = os.environ.get(_ENV)
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "false") else configured
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pyplugin")


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
    try:
        with open(os.path.join(folder, key), encoding="utf-8") as stream:
            return stream.read()
    except OSError:
        return None


def store(kind: str, key: str, text: str) -> None:
    """Store ``text`` under ``key`` atomically (readers never see half an entry)."""
    folder = directory(kind)
    if folder is None:
        return
    import tempfile

    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, os.path.join(folder, key))
    except OSError:
        return
