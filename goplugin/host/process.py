"""Launching a plugin as a process tree the host can always end, and reading its pipes.

A plugin is whatever ``cmd`` starts: often a wrapper (``sh -c``, a venv launcher) whose children
inherit its stdout and stderr. Two things follow. The plugin runs in a process group of its own,
so ``kill()`` ends the whole tree, not just the wrapper. And the host reads the pipes through
:class:`PipeReader`, which a reader thread can be woken from: a pipe stays open as long as any
descendant holds it, and a blocked read must never hold ``kill()`` or ``start()`` hostage.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import signal
import subprocess
from collections.abc import Mapping, Sequence


class PipeReader(io.RawIOBase):
    """The read end of a pipe whose blocking reads :meth:`interrupt` ends (as end of file).

    Wrap it in :class:`io.BufferedReader` for ``readline``. Interrupting, not closing, is how a
    reader thread is stopped: a buffered reader cannot be closed while another thread reads it.
    """

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd
        self._wake_r, self._wake_w = os.pipe()
        self._interrupted = False

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._interrupted or self.closed:
            return 0
        poller = select.poll()
        poller.register(self._fd, select.POLLIN | select.POLLHUP | select.POLLERR)
        poller.register(self._wake_r, select.POLLIN)
        while True:
            try:
                ready = dict(poller.poll())
            except InterruptedError:  # pragma: no cover - PEP 475 retries poll itself
                continue
            if self._wake_r in ready or self._interrupted:
                return 0
            try:
                data = os.read(self._fd, len(buffer))
            except BlockingIOError:
                continue
            except OSError as error:
                if error.errno == errno.EBADF:
                    return 0
                raise
            buffer[: len(data)] = data
            return len(data)

    def interrupt(self) -> None:
        """Make the current and every later read return end-of-file at once."""
        self._interrupted = True
        with contextlib.suppress(OSError):
            os.write(self._wake_w, b"x")

    def close(self) -> None:
        if not self.closed:
            for fd in (self._fd, self._wake_r, self._wake_w):
                with contextlib.suppress(OSError):
                    os.close(fd)
        super().close()


class PluginProcess:
    """A launched plugin: the process, its group, and interruptible stdout and stderr."""

    def __init__(self, proc: subprocess.Popen[bytes], stdout: PipeReader, stderr: PipeReader):
        self.proc = proc
        self.stdout_pipe = stdout
        self.stderr_pipe = stderr
        self.stdout = io.BufferedReader(stdout)
        self.stderr = io.BufferedReader(stderr)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill_tree(self) -> None:
        """SIGKILL every process in the plugin's group (the plugin and what it started)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()

    def stop_reading(self) -> None:
        """Wake the reader threads: whatever still holds the pipes, they see end-of-file."""
        self.stdout_pipe.interrupt()
        self.stderr_pipe.interrupt()

    def close(self) -> None:
        """Close the pipes; call once the reader threads have ended."""
        for reader in (self.stdout, self.stderr):
            with contextlib.suppress(OSError, ValueError):
                reader.close()


def launch(cmd: Sequence[str], env: Mapping[str, str]) -> PluginProcess:
    """Start ``cmd`` in a new process group with piped stdout and stderr.

    Raises OSError as :class:`subprocess.Popen` does (missing or non-executable program).
    """
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        proc = subprocess.Popen(
            list(cmd),
            stdin=subprocess.DEVNULL,
            stdout=out_w,
            stderr=err_w,
            env=dict(env),
            process_group=0,
        )
    except BaseException:
        for fd in (out_r, err_r):
            os.close(fd)
        raise
    finally:
        os.close(out_w)
        os.close(err_w)
    return PluginProcess(proc, PipeReader(out_r), PipeReader(err_r))
