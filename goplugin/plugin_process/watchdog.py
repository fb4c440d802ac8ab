"""A plugin that outlives its host is an orphan nobody will ever call: notice, and leave.

A Go host does nothing for its plugins when it dies (SIGKILL, a crash, ``os._exit``), and the
kernel tells a child nothing either, so the plugin watches for itself: when its parent process
changes (the child of a dead process is adopted by init or a subreaper), the host is gone. The
plugin then removes the sockets in the socket folder its host made for it (and the folder, which
a dead go-plugin host cannot remove), and stops as if the host had sent SIGTERM; if that stop
does not finish in time, it exits anyway.

Polling ``getppid`` works on every POSIX system (Linux's ``PR_SET_PDEATHSIG`` fires when the
*thread* that started the process ends, which a host's worker thread does all the time).
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import threading

from goplugin.constants import ENV_UNIX_SOCKET_DIR

#: How often the parent is checked; detection takes at most this long.
POLL_SECONDS = 0.2
#: After the host is gone, how long the graceful stop may take before the plugin just exits.
EXIT_DEADLINE_SECONDS = 1.0
#: The prefix of the socket folders go-plugin hosts (and ours) make for a plugin.
HOST_SOCKET_DIR_PREFIX = "plugin-dir"

_started = False


def watch_host(poll_seconds: float = POLL_SECONDS) -> None:
    """Start the watch (once per process); a no-op where there is nothing to watch."""
    global _started
    if _started or sys.platform == "win32":
        return
    parent = os.getppid()
    if parent <= 1:  # started by init itself: no host whose death we could notice
        return
    _started = True
    threading.Thread(
        target=_watch, args=(parent, poll_seconds), name="goplugin-host-watch", daemon=True
    ).start()


def _watch(parent: int, poll_seconds: float) -> None:
    stopped = threading.Event()
    while os.getppid() == parent:
        stopped.wait(poll_seconds)
    _host_gone(parent)


def _host_gone(parent: int) -> None:
    with contextlib.suppress(OSError):
        os.write(2, f"plugin: host process {parent} is gone; shutting down\n".encode())
    remove_host_socket_dir(os.environ.get(ENV_UNIX_SOCKET_DIR, ""))
    hard_exit = threading.Timer(EXIT_DEADLINE_SECONDS, os._exit, args=(0,))
    hard_exit.daemon = True
    hard_exit.start()
    # serve() stops on SIGTERM exactly as when the host asks: sockets removed, server stopped.
    os.kill(os.getpid(), signal.SIGTERM)


def remove_host_socket_dir(directory: str) -> None:
    """Remove the sockets in a host-made ``plugin-dir*`` folder, then the folder if empty.

    Only sockets go: a folder holding anything else is not the private one a host made.
    """
    if not directory or not os.path.basename(directory).startswith(HOST_SOCKET_DIR_PREFIX):
        return
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            with contextlib.suppress(OSError):
                if stat.S_ISSOCK(entry.stat(follow_symlinks=False).st_mode):
                    os.unlink(entry.path)
        os.rmdir(directory)
