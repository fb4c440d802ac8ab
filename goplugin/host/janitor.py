"""Ends a host's plugins when the host dies without doing it itself (SIGKILL, SIGTERM, a crash).

A Python host's ``atexit`` hook kills its plugins on a normal exit, but a signal's default action
or ``os._exit`` skips it. So the first ``Client.start()`` of a host process also starts this
small watcher process (standard library only, run by path, so it starts in milliseconds). The
host tells it over a pipe which plugin process groups and socket folders are live; the pipe
reaching end-of-file means the host is gone, however it went, and the janitor then SIGTERMs
each plugin's process group, SIGKILLs what is left a moment later, removes the folders, and
exits. It runs in a session of its own and ignores the terminal's signals, so what kills the
host's terminal job does not kill it first. The host side is :class:`Janitor`; the watcher's
side is :func:`main`. Works wherever pipes and process groups do (Linux and macOS).

Lines on the pipe: ``add <pgid> <folder or ->``, ``socket <pgid> <path>`` (a socket outside
the folder: plugins of go-plugin < 1.5 put theirs in the temp dir) and ``done <pgid>``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time

#: Between SIGTERM and SIGKILL: a Python plugin removes its socket on SIGTERM.
TERM_GRACE_SECONDS = 0.8


def main() -> None:
    for name in ("SIGINT", "SIGHUP", "SIGTERM", "SIGQUIT", "SIGTSTP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    live: dict[int, list[str]] = {}
    for line in sys.stdin:
        verb, _, rest = line.rstrip("\n").partition(" ")
        pgid, _, path = rest.partition(" ")
        if verb == "add":
            live[int(pgid)] = [path]
        elif verb == "socket" and int(pgid) in live:
            live[int(pgid)].append(path)
        elif verb == "done":
            live.pop(int(pgid), None)
    _end(live)


def _end(live: dict[int, list[str]]) -> None:
    for pgid in live:
        _signal_group(pgid, signal.SIGTERM)
    deadline = time.monotonic() + TERM_GRACE_SECONDS
    while live and time.monotonic() < deadline:
        if not any(_signal_group(pgid, 0) for pgid in live):
            break
        time.sleep(0.02)
    for pgid, (folder, *sockets) in live.items():
        _signal_group(pgid, signal.SIGKILL)
        if folder and folder != "-":
            shutil.rmtree(folder, ignore_errors=True)
        for path in sockets:
            with contextlib.suppress(OSError):
                if stat.S_ISSOCK(os.lstat(path).st_mode):
                    os.unlink(path)


def _signal_group(pgid: int, signum: int) -> bool:
    try:
        os.killpg(pgid, signum)
    except (ProcessLookupError, PermissionError):
        return False
    return True


class Janitor:
    """The host's end of the pipe: one watcher process per host process, started on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        os.register_at_fork(after_in_child=self._forget)

    def add(self, pgid: int, folder: str | None) -> None:
        self._send(f"add {pgid} {folder or '-'}\n")

    def socket(self, pgid: int, path: str) -> None:
        self._send(f"socket {pgid} {path}\n")

    def done(self, pgid: int) -> None:
        self._send(f"done {pgid}\n")

    def _send(self, line: str) -> None:
        with self._lock:
            proc = self._proc
            if proc is None or proc.poll() is not None:
                proc = self._proc = self._start()
            if proc is None or proc.stdin is None:
                return
            with contextlib.suppress(OSError, ValueError):
                proc.stdin.write(line.encode())
                proc.stdin.flush()

    @staticmethod
    def _start() -> subprocess.Popen[bytes] | None:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-I", "-S", os.path.abspath(__file__)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError:
            return None  # no janitor: plugins still end with the host when they watch it
        return proc

    def _forget(self) -> None:
        """In a forked child: the parent's janitor is not ours, and our copy of its pipe must go."""
        proc, self._proc = self._proc, None
        self._lock = threading.Lock()
        if proc is not None and proc.stdin is not None:
            with contextlib.suppress(OSError):
                proc.stdin.close()


_janitor: Janitor | None = None
_janitor_lock = threading.Lock()


def janitor() -> Janitor:
    global _janitor
    with _janitor_lock:
        if _janitor is None:
            _janitor = Janitor()
        return _janitor


if __name__ == "__main__":
    main()
