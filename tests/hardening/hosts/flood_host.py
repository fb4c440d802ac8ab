"""A host for one flooding plugin (tests/hardening/plugins/flood_plugin.py), reporting what it cost.

Usage: flood_host.py KEY=VALUE... (the plugin's FLOOD* settings). Calls the plugin until the
flood is over (nothing new on its stdout for a while, or the plugin exited), then prints one
JSON line: the host's and the plugin's peak memory (MiB), the calls made and the slowest, the
stdout bytes received, the error if any.
"""

from __future__ import annotations

import io
import json
import os
import resource
import sys
import time

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

import goplugin
from tests.runtime.plugins.echo import HANDSHAKE, EchoPlugin

HARDENING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN = os.path.join(HARDENING, "plugins", "flood_plugin.py")


#: The flood is over when stdout and stderr have been quiet this long.
QUIET_SECONDS = 3.0


class CountingSink(io.TextIOBase):
    """sync_stdout that keeps nothing: counts what arrives and when it last did."""

    def __init__(self) -> None:
        self.count = 0
        self.last = time.monotonic()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.count += len(text)
        self.last = time.monotonic()
        return len(text)


def peak_rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    settings = dict(arg.split("=", 1) for arg in sys.argv[1:])
    sink = CountingSink()
    stderr_sink = CountingSink()
    client = goplugin.Client(
        handshake_config=HANDSHAKE,
        plugins={"echo": EchoPlugin},
        cmd=[sys.executable, PLUGIN],
        env=settings,
        sync_stdout=sink,
        stderr=stderr_sink,
        start_timeout=30.0,
    )
    report: dict[str, object] = {"error": None}
    calls: list[float] = []
    try:
        echo = client.dispense("echo")
        assert client.pid is not None
        while time.monotonic() - max(sink.last, stderr_sink.last) < QUIET_SECONDS:
            started = time.monotonic()
            echo.echo("ping")
            calls.append(time.monotonic() - started)
            report["plugin_peak_mib"] = peak_rss_mib(client.pid)
            time.sleep(0.02)
    except goplugin.PluginError as error:
        report["error"] = str(error)
        report["error_type"] = type(error).__name__
    client.kill()
    report["host_peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["received"] = sink.count
    report["stderr_received"] = stderr_sink.count
    report["calls"] = len(calls)
    report["slowest_call_ms"] = round(max(calls, default=0.0) * 1000, 1)
    calls.sort()
    report["p99_call_ms"] = round(calls[int(len(calls) * 0.99)] * 1000, 1) if calls else None
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
