"""Launch, call and kill the echo plugin CYCLES times, then count what is left over.

Usage: soak_host.py CYCLES. Run it with a TMPDIR of its own: sockets and socket folders are
counted there. Prints one JSON line: for each resource, its count after a warm-up and after the
cycles, and the seconds the cycles took (and the slowest kill()).
"""

from __future__ import annotations

import gc
import json
import os
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoPlugin

TESTS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ECHO_PLUGIN = os.path.join(TESTS, "runtime", "plugins", "echo_plugin.py")
WARM_UP = 3


def descendants(*, zombies: bool = False) -> list[int]:
    """Processes below this one (the janitor included): live ones, or the unreaped."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rpartition(")")[2].split()
            except OSError:
                continue
            if (fields[0] in ("Z", "X")) == zombies:
                parents[int(entry)] = int(fields[1])
    found, frontier = [], [os.getpid()]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def counts() -> dict[str, int]:
    gc.collect()
    tmp = tempfile.gettempdir()
    entries = os.listdir(tmp)
    return {
        "fds": len(os.listdir("/proc/self/fd")),
        "threads": len(os.listdir("/proc/self/task")),
        "python_threads": threading.active_count(),
        "processes": len(descendants()),
        "zombies": len(descendants(zombies=True)),
        "sockets": sum(1 for e in entries if e.startswith("plugin") and "dir" not in e),
        "temp_folders": sum(1 for e in entries if e.startswith("plugin-dir")),
    }


def cycle() -> float:
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"echo": EchoPlugin},
        cmd=[sys.executable, ECHO_PLUGIN],
        start_timeout=60.0,
    )
    assert client.dispense("echo").echo("soak") == "soak"
    started = time.monotonic()
    client.kill()
    return time.monotonic() - started


def main() -> None:
    cycles = int(sys.argv[1])
    for _ in range(WARM_UP):
        cycle()
    time.sleep(1.0)
    before = counts()
    started = time.monotonic()
    slowest_kill = max(cycle() for _ in range(cycles))
    took = time.monotonic() - started
    time.sleep(1.0)  # let reaped threads finish unwinding
    after = counts()
    print(
        json.dumps(
            {
                "cycles": cycles,
                "seconds": round(took, 1),
                "slowest_kill": round(slowest_kill, 3),
                "before": before,
                "after": after,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
