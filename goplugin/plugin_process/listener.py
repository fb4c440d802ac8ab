"""Where a plugin listens: a unix socket by default, TCP on 127.0.0.1 where it must.

Mirrors go-plugin's ``serverListener``: a socket named ``plugin<digits>`` in
``PLUGIN_UNIX_SOCKET_DIR``, optionally handed to ``PLUGIN_UNIX_SOCKET_GROUP``; on Windows, or
when asked, the first free port of ``PLUGIN_MIN_PORT``..``PLUGIN_MAX_PORT``.

A host that names no socket folder (every go-plugin host before 1.5) would leave the socket in
the shared temp dir with whatever mode the umask gives, callable by any local user; there the
plugin makes its own folder (0700 whatever the umask, ``plugin-dir*``), and removes it on exit.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from goplugin.constants import (
    ENV_MAX_PORT,
    ENV_MIN_PORT,
    ENV_UNIX_SOCKET_DIR,
    ENV_UNIX_SOCKET_GROUP,
)

if TYPE_CHECKING:  # only add_insecure_port is used: grpclib's socket binder has it too
    import grpc

#: sockaddr_un.sun_path holds 108 bytes on Linux (104 on macOS), the terminating NUL included.
_MAX_UNIX_PATH = 103 if sys.platform == "darwin" else 107


class ListenError(RuntimeError):
    """The plugin could not open its listener; the message says which setting to change."""


class UnixSocketConfig(NamedTuple):
    """Where a host's plugins put their unix sockets, as go-plugin's ``UnixSocketConfig``.

    ``group`` (a name or gid) gets the sockets, mode 0660, and the private socket directory,
    mode 0770: for a plugin that runs as another user in that group. ``temp_dir`` is where the
    host makes that directory (default: the system's temp dir).
    """

    group: str | None = None
    temp_dir: str | None = None


class Listener(NamedTuple):
    """A bound server address, and what to remove when the plugin exits."""

    network: str
    address: str
    socket_path: str | None = None
    own_dir: str | None = None  # the private folder the plugin made for the socket

    def remove(self) -> None:
        if self.socket_path:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.socket_path)
        if self.own_dir:
            _remove_dir(self.own_dir)


def default_network() -> str:
    return "tcp" if sys.platform == "win32" else "unix"


def bind(server: grpc.Server, network: str, env: Mapping[str, str]) -> Listener:
    """Bind ``server`` as go-plugin would and return the address for the handshake line."""
    if network == "unix":
        return _bind_unix(server, env)
    if network == "tcp":
        return _bind_tcp(server, env)
    raise ListenError(f"unknown network {network!r}: use 'unix' or 'tcp'")


def _bind_unix(server: grpc.Server, env: Mapping[str, str]) -> Listener:
    directory = env.get(ENV_UNIX_SOCKET_DIR)
    own_dir = None if directory else _private_dir()
    path = _fresh_socket_path(directory or own_dir or "")
    try:
        if len(os.fsencode(path)) > _MAX_UNIX_PATH:
            raise ListenError(
                f"unix socket path {path!r} is over the {_MAX_UNIX_PATH}-byte limit: "
                f"set {ENV_UNIX_SOCKET_DIR} or TMPDIR to a shorter directory"
            )
        try:
            server.add_insecure_port(f"unix:{path}")
        except RuntimeError as error:
            raise ListenError(f"could not listen on unix socket {path}: {error}") from None
        group = env.get(ENV_UNIX_SOCKET_GROUP)
        if group:
            hand_to_group(path, group, 0o660)
        else:
            os.chmod(path, 0o600)
    except BaseException:
        if own_dir:
            _remove_dir(own_dir)
        raise
    return Listener("unix", path, socket_path=path, own_dir=own_dir)


def _private_dir() -> str:
    """A fresh 0700 folder in the temp dir (explicitly: a umask like 0o777 would leave 0000)."""
    try:
        directory = _quick_temp_dir() or _tempfile_dir()
        os.chmod(directory, 0o700)
    except OSError as error:
        raise ListenError(f"could not make a private socket folder: {error}") from None
    return directory


#: tempfile's alphabet for its random names, so the folder looks as ``mkdtemp`` would make it.
_NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _quick_temp_dir() -> str | None:
    """``tempfile.mkdtemp(prefix="plugin-dir")`` without importing tempfile (with random and
    shutil, 2-4 ms of every plugin's start-up) in the usual case: the first of ``TMPDIR``,
    ``TEMP``, ``TMP`` that is set, else /tmp, takes the folder. ``None`` where tempfile could
    decide differently (that folder fails, the plugin set ``tempfile.tempdir``, Windows): then
    tempfile itself looks for a usable temp dir."""
    preset = sys.modules.get("tempfile")
    if os.name == "nt" or (preset is not None and getattr(preset, "tempdir", None) is not None):
        return None
    names = (os.environ.get(name) for name in ("TMPDIR", "TEMP", "TMP"))
    parent = os.path.abspath(next((name for name in names if name), "/tmp"))
    for _ in range(100):
        suffix = "".join(_NAME_CHARACTERS[byte % 37] for byte in os.urandom(8))
        path = os.path.join(parent, f"plugin-dir{suffix}")
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        except OSError:
            return None
        return path
    return None


def _tempfile_dir() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="plugin-dir")


def _remove_dir(path: str) -> None:
    import shutil  # at exit: shutil (with bz2, lzma, fnmatch) is no start-up cost

    shutil.rmtree(path, ignore_errors=True)


def _fresh_socket_path(directory: str) -> str:
    for _ in range(100):
        # os.urandom, not secrets: the name only has to be unused, and secrets' import is slow.
        suffix = int.from_bytes(os.urandom(5), "big") % 10**10
        path = os.path.join(directory, f"plugin{suffix}")
        if not os.path.exists(path):
            return path
    raise ListenError(f"could not find a free socket name in {directory}")


def hand_to_group(path: str, group: str, mode: int) -> None:
    """Give ``path`` to ``group`` (a name or a gid) with ``mode``, as go-plugin's
    ``setGroupWritable``: how a host lets a plugin running under another user reach a socket."""
    import grp  # POSIX only, like the option itself

    try:
        gid = int(group) if group.isdigit() else grp.getgrnam(group).gr_gid
        os.chown(path, -1, gid)
        os.chmod(path, mode)
    except KeyError:
        raise ListenError(
            f"could not give {path} to group {group!r} ({ENV_UNIX_SOCKET_GROUP}): " "no such group"
        ) from None
    except OSError as error:
        raise ListenError(
            f"could not give {path} to group {group!r} ({ENV_UNIX_SOCKET_GROUP}): {error}"
        ) from None


def _bind_tcp(server: grpc.Server, env: Mapping[str, str]) -> Listener:
    low, high = _port_range(env)
    for port in range(low, high + 1):
        try:
            bound = server.add_insecure_port(f"127.0.0.1:{port}")
        except RuntimeError:
            continue
        if bound:
            return Listener("tcp", f"127.0.0.1:{bound}")
    raise ListenError(f"couldn't bind plugin TCP listener on 127.0.0.1 ports {low}..{high}")


def _port_range(env: Mapping[str, str]) -> tuple[int, int]:
    raw_low, raw_high = env.get(ENV_MIN_PORT, ""), env.get(ENV_MAX_PORT, "")
    try:
        low = int(raw_low) if raw_low else 0
        high = int(raw_high) if raw_high else 0
    except ValueError:
        raise ListenError(
            f"{ENV_MIN_PORT}={raw_low!r} / {ENV_MAX_PORT}={raw_high!r} must be port numbers"
        ) from None
    if low > high:
        raise ListenError(f"{ENV_MIN_PORT} ({low}) must be less than {ENV_MAX_PORT} ({high})")
    return low, high
