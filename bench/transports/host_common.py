"""What the three Python bench hosts share: config, launching a plugin, its handshake, results.

Each host (``host_grpcio.py``, ``host_aio.py``, ``host_grpclib.py``) drives every plugin of the
config through the same phases as the Go host (``bench/go/mixed``), with one client transport:

1. startup: launch -> handshake -> connect -> stdio and broker streams opened -> first Greet
   answered, then Shutdown and wait for the exit; rounds rotate the order of the plugins;
2. idle RSS: all plugins started, one Greet each, then ``idle_settle_seconds`` of nothing;
3. unary: Greet, interleaved across plugins call by call (ABCABC..., rotating);
4. long streams: GreetStream of ``stream_count`` messages, interleaved per repetition;
5. short streams: GreetStream of ``short_count`` messages, interleaved per call;
6. mixed: per plugin in turn, ``mixed_streams`` long streams and ``mixed_workers`` workers each
   making ``mixed_calls`` Greets, all at once: every call's latency, and when each stream ended.

The launch follows go-plugin: the cookie and ``PLUGIN_*`` variables in the environment, the
first stdout line is the handshake, and the host opens the stdio and broker streams before it
calls anything, since their open streams are part of what a serving core carries.
Output: one JSON object of raw samples on stdout; ``bench/transport_bench.py`` reduces it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugins")
)

from bench_greeter import load_stub

__all__ = ["Config", "Launched", "Results", "launch", "load_config", "load_stub", "rotated"]

KILL_GRACE_SECONDS = 2.0  # go-plugin's wait for the process after Shutdown


@dataclasses.dataclass
class Config:
    variants: list[dict[str, Any]]
    startup_warmup: int = 1
    startup_rounds: int = 10
    idle_settle_seconds: float = 1.0
    warmup: int = 200
    unary_calls: int = 2000
    stream_count: int = 20000
    stream_reps: int = 6
    short_count: int = 5
    short_reps: int = 500
    mixed_reps: int = 2
    mixed_streams: int = 8
    mixed_stream_count: int = 20000
    mixed_workers: int = 64
    mixed_calls: int = 100
    call_timeout_seconds: float = 120.0


def load_config(argv: Sequence[str]) -> Config:
    if len(argv) != 2:
        raise SystemExit(f"usage: {argv[0]} CONFIG.json > RESULTS.json")
    with open(argv[1]) as handle:
        raw = json.load(handle)
    known = {field.name for field in dataclasses.fields(Config)}
    return Config(**{key: value for key, value in raw.items() if key in known})


@dataclasses.dataclass
class Results:
    startup: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    idle_rss_kb: dict[str, int] = dataclasses.field(default_factory=dict)
    unary: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    stream: dict[str, list[dict[str, float]]] = dataclasses.field(default_factory=dict)
    short: dict[str, list[float]] = dataclasses.field(default_factory=dict)
    mixed: dict[str, list[dict[str, Any]]] = dataclasses.field(default_factory=dict)

    def dump(self) -> None:
        json.dump(dataclasses.asdict(self), sys.stdout)
        sys.stdout.write("\n")


def rotated(n: int, start: int) -> list[int]:
    return [(start + i) % n for i in range(n)]


def plugin_environment() -> dict[str, str]:
    """What a go-plugin v1.8.0 host puts in its plugin's environment (plaintext, no mux)."""
    env = dict(os.environ)
    env.update(
        GREETER_PLUGIN="hello",
        PLUGIN_PROTOCOL_VERSIONS="1",
        PLUGIN_MIN_PORT="10000",
        PLUGIN_MAX_PORT="25000",
    )
    return env


class Launched:
    """A started plugin process and the socket its handshake named."""

    def __init__(self, name: str, cmd: Sequence[str]) -> None:
        self.name = name
        self.process = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, env=plugin_environment())
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode().strip()
        fields = line.split("|")
        if len(fields) < 5 or fields[2] != "unix" or fields[4] != "grpc":
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"{name}: bad handshake line {line!r}")
        self.path = fields[3]
        self.target = f"unix:{self.path}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_kb(self) -> int:
        with open(f"/proc/{self.pid}/status") as handle:
            for row in handle:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1])
        return -1

    def wait_exit(self) -> None:
        """After Shutdown: wait go-plugin's grace for the exit, then SIGKILL."""
        try:
            self.process.wait(KILL_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            sys.stderr.write(f"[host] {self.name} did not exit after Shutdown; killing it\n")
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def launch(name: str, cmd: Sequence[str]) -> Launched:
    return Launched(name, cmd)


def now() -> float:
    return time.perf_counter()
