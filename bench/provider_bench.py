"""Issue 9's serving targets on the biggest real protocol: the 36-RPC provider service.

    .venv/bin/python bench/provider_bench.py                  # about 1.5 minutes on 2 shared cores
    .venv/bin/python bench/provider_bench.py --quick          # sanity, about 30 seconds
    .venv/bin/python bench/provider_bench.py --plugins ours-lib,grpcio --json run.json
    .venv/bin/python bench/provider_bench.py --report run.json   # a saved run's tables again

``issue9_bench.py`` checks the targets on the greeter (two RPCs, tiny messages); a plugin author's
real protocol looks like ``example_protos/provider/provider.proto`` (``acme.provider.v6.Provider``,
36 RPCs in the shape of Terraform's tfplugin, ~1 KB msgpack states). Four provider plugins, each a
real subprocess launched as a go-plugin host launches it (the magic cookie, ``PLUGIN_MIN_PORT``,
``PLUGIN_MAX_PORT``, ``PLUGIN_PROTOCOL_VERSIONS=6``; the handshake line read from stdout):

* ``ours-lib``   gen-plugin's package, a sync ``Provider``, goplugin's default core (grpclib);
* ``ours-async`` the same package's ``AsyncProvider`` (``async def``), grpclib core;
* ``grpcio``     the minimal grpcio plugin: handshake, servicer, GRPCController/Shutdown;
* ``pyplugin``   python-plugin 0.1.0 from PyPI (grpclib stubs), in its own virtualenv.

(``plugins/provider_generated.py``, ``provider_grpcio.py``, ``provider_pyplugin.py``.) They behave
alike: ReadResource answers the request's ~1 KB ``current_state`` as ``new_state``, ReadStateBytes
streams ``state_id="count=N"`` chunks of 100 bytes, the other 34 RPCs answer empty messages; a
check call per plugin proves it before anything is timed.

The host is the transport bench's grpcio host (``transports/host_grpcio.py``): its phases,
interleaved plugin by plugin with a rotating start (ABCD, BCDA, ...) so machine noise hits all
alike, and goplugin.Client's channel stack. Requests are serialized once and replies stay bytes,
so the host's protobuf work is the same (none) for every plugin. Phases: start-up (launch ->
handshake -> first ReadResource answered), idle RSS 1 s after the first call, unary ReadResource
p50/p99 (interleaved call by call), a long ReadStateBytes of 20,000 chunks (msg/s), a short one of
5 (p50), and the concurrent load: 8 long streams and 32 threads x 50 ReadResource calls at once
(ReadResource p99, when the first and the last stream finished).

Targets (ratios of medians): start-up and unary p50 <= 1.05x grpcio, idle RSS <= 1x grpcio, long
stream >= 1.2x pyplugin, short stream <= 1x pyplugin; for the concurrent load the p99 ratio to
grpcio and whether the 8 streams finished together (last/first). No test asserts any of it: these
machines are shared and noisy.

Everything generated lives in ``bench/.cache/provider/`` (git-ignored): grpcio-tools' and grpclib's
stubs and gen-plugin's package, side by side in one import directory.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import importlib
import importlib.metadata
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType, ModuleType
from typing import Any, ClassVar

import grpc
import issue9_bench
import runtime_bench as rb
import transport_bench as tb

PROVIDER_PROTO = rb.REPO / "example_protos" / "provider" / "provider.proto"
GEN_PLUGIN = Path(sys.executable).parent / "gen-plugin"
#: The app protocol version gen-plugin derives from the package's ``v6``, and the cookie every
#: provider plugin checks; ``plugins/provider_pyplugin.py`` spells the same values.
PROTOCOL_VERSION = 6
COOKIE_KEY = "ACME_PROVIDER_PLUGIN"
COOKIE_VALUE = "provider-bench"
SERVICE = "/acme.provider.v6.Provider/"

MINIMAL = "grpcio"
PEER = rb.PYPLUGIN

# host_common (the Python hosts' launch and /proc reading) imports nothing generated; host_grpcio
# loads stubs at import and comes later (load_host).
sys.path.insert(0, str(tb.TRANSPORTS))
host_common: Any = importlib.import_module("host_common")

#: The transport bench's phases, with more samples and a lighter mixed load (32 x 50 calls).
FULL: dict[str, Any] = dict(
    tb.FULL,
    startup_rounds=21,
    warmup=300,
    unary_calls=3000,
    stream_reps=7,
    short_reps=600,
    mixed_reps=3,
    mixed_workers=32,
    mixed_calls=50,
)
QUICK: dict[str, Any] = dict(
    FULL,
    startup_rounds=7,
    warmup=100,
    unary_calls=1000,
    stream_reps=3,
    short_reps=200,
    mixed_reps=1,
)


# --------------------------------------------------------------------------------------------
# Preparation


def provider_stubs(cache: Path, pyplugin_venv_python: Path) -> Path:
    """One import directory: grpcio-tools' ``provider_pb2``/``_pb2_grpc``, grpclib's
    ``provider_grpc`` and gen-plugin's ``acme.provider.v6`` package.

    The protoc stubs are made only when missing or when the proto (or grpcio-tools, or the
    grpclib plugin) changed. gen-plugin runs every time, with the bench's cookie: it writes
    nothing when its output is up to date, and so a changed generator is benched as it is now.
    """
    stubs = rb.generate_stubs(cache / "provider", pyplugin_venv_python, PROVIDER_PROTO)
    if not GEN_PLUGIN.exists():
        raise rb.BenchError(f"no {GEN_PLUGIN}: install the project into this virtualenv")
    cookie = ["--magic-cookie-key", COOKIE_KEY, "--magic-cookie-value", COOKIE_VALUE]
    rb.run([GEN_PLUGIN, PROVIDER_PROTO, "-o", stubs, *cookie])
    return stubs


def plugins(pyplugin_python: Path) -> list[tb.Plugin]:
    python = sys.executable
    script = rb.PLUGINS / "provider_generated.py"
    return [
        tb.Plugin("ours-lib", (python, str(script))),
        tb.Plugin("ours-async", (python, str(script), "--async")),
        tb.Plugin(MINIMAL, (python, str(rb.PLUGINS / "provider_grpcio.py"))),
        tb.Plugin(PEER, (str(pyplugin_python), str(rb.PLUGINS / "provider_pyplugin.py"))),
    ]


def provider_env(cache: Path, stubs: Path) -> dict[str, str]:
    """What the plugins run with: the benches' plugin environment (bytecode cached, the stubs
    directory in ``PYPLUGIN_BENCH_STUBS``) plus what a go-plugin host sets for this protocol."""
    env = rb.plugin_env(cache, stubs)
    env.pop("GOPLUGIN_CORE", None)  # ours serve on the default core, as a generated main.py
    env.update(
        {
            COOKIE_KEY: COOKIE_VALUE,
            "PLUGIN_PROTOCOL_VERSIONS": str(PROTOCOL_VERSION),
            "PLUGIN_MIN_PORT": "10000",
            "PLUGIN_MAX_PORT": "25000",
        }
    )
    return env


def load_host(transport_stubs: Path) -> Any:
    """``transports/host_grpcio.py``: the phases (``run``, ``mixed``) and goplugin.Client's
    channel stack (``CHANNEL_OPTIONS``, ``intercepted``, ``_typed``). It loads the greeter and
    go-plugin stubs at import from ``PYPLUGIN_BENCH_STUBS``, which must name them first."""
    os.environ[rb.STUBS_ENV] = str(transport_stubs)
    return importlib.import_module("host_grpcio")


def load_messages(stubs: Path) -> ModuleType:
    """grpcio-tools' ``provider_pb2``, for the requests and the one check of every reply."""
    if str(stubs) not in sys.path:
        sys.path.insert(0, str(stubs))
    return importlib.import_module("provider_pb2")


def msgpack_state(size: int = 1024) -> bytes:
    """About ``size`` bytes shaped like the msgpack of a Terraform state: a map of attribute
    names to strings. A realistic DynamicValue payload without a msgpack dependency."""
    body = b""
    pairs = 0
    while len(body) < size - 3:
        key = f"attribute_{pairs:02d}".encode()
        value = f"value {pairs} of a resource attribute, padded...".encode()[:40]
        body += bytes([0xA0 | len(key)]) + key + bytes([0xD9, len(value)]) + value
        pairs += 1
    return bytes([0xDE]) + pairs.to_bytes(2, "big") + body


class Payloads:
    """The bench's requests, serialized once, and the ReadResource reply every plugin owes."""

    def __init__(self, provider_pb2: ModuleType) -> None:
        self._pb2 = provider_pb2
        state = provider_pb2.DynamicValue(msgpack=msgpack_state())
        request = provider_pb2.ReadResourceRequest(
            type_name="acme_instance",
            current_state=state,
            private=b"\x01" * 32,
            client_capabilities=provider_pb2.ClientCapabilities(deferral_allowed=True),
        )
        self.read_resource: bytes = request.SerializeToString()
        self.read_resource_reply: bytes = provider_pb2.ReadResourceResponse(
            new_state=state
        ).SerializeToString()
        self._state_requests: dict[int, bytes] = {}

    def read_state_bytes(self, count: int) -> bytes:
        """A ReadStateBytesRequest asking for ``count`` chunks (``state_id="count=N"``)."""
        request = self._state_requests.get(count)
        if request is None:
            message = self._pb2.ReadStateBytesRequest(
                type_name="acme_state", state_id=f"count={count}"
            )
            request = self._state_requests[count] = message.SerializeToString()
        return request


# --------------------------------------------------------------------------------------------
# The host's side of one plugin


class ProviderProcess(host_common.Launched):  # type: ignore[misc]
    """A provider plugin launched as a go-plugin host launches it (``rss_kb``, ``wait_exit``:
    host_common's ``Launched``).

    ``Launched`` itself starts a plugin with the greeter's cookie and protocol version 1; this
    one passes ``env`` (the provider's cookie, version 6), checks that the handshake line agrees,
    and remembers every process it starts so that none outlives the bench (``kill_leftovers``).
    """

    started: ClassVar[list[ProviderProcess]] = []

    def __init__(self, name: str, cmd: Sequence[str], env: Mapping[str, str]) -> None:
        self.name = name
        self.path = ""
        self.process = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, env=dict(env))
        ProviderProcess.started.append(self)
        assert self.process.stdout is not None
        line = self.process.stdout.readline().decode().strip()
        fields = line.split("|")
        if len(fields) < 5 or fields[1:3] != [str(PROTOCOL_VERSION), "unix"] or fields[4] != "grpc":
            raise rb.BenchError(f"{name}: bad handshake line {line!r}")
        self.path = fields[3]
        self.target = f"unix:{self.path}"

    @classmethod
    def kill_leftovers(cls) -> int:
        """SIGKILL every plugin still running and remove its socket; how many were running."""
        running = 0
        for launched in cls.started:
            if launched.process.poll() is None:
                running += 1
                launched.process.kill()
                launched.process.wait()
            if launched.process.stdout is not None:
                launched.process.stdout.close()
            if launched.path:
                with contextlib.suppress(OSError):
                    os.unlink(launched.path)
        cls.started.clear()
        return running


class ProviderSession:
    """One provider plugin as ``host_grpcio.run`` drives a session: ``greet()`` is one
    ReadResource, ``stream(n)`` one ReadStateBytes of n chunks, ``kill()`` go-plugin's Kill.

    Calls go through goplugin.Client's channel stack, as issue9_bench's ``py-grpcio`` host does:
    its channel options (server streams read on the calling thread) and its interceptor (typed
    errors, the stream reader's fairness yield). Requests are bytes and replies stay bytes; the
    ReadResource reply is compared with the bytes every plugin owes. The stdio and broker
    streams are opened and drained as go-plugin's host does: serving them is part of a core's
    work.
    """

    def __init__(
        self,
        name: str,
        cmd: Sequence[str],
        timeout: float,
        *,
        host: Any,
        env: Mapping[str, str],
        payloads: Payloads,
    ) -> None:
        self._host = host
        self.plugin = ProviderProcess(name, cmd, env)
        self.timeout = timeout
        self.payloads = payloads
        self.channel = grpc.insecure_channel(self.plugin.target, options=host.CHANNEL_OPTIONS)
        self._calls = host.intercepted(self.channel, host._typed)
        self._read_resource = self._calls.unary_unary(SERVICE + "ReadResource")
        self._read_state_bytes = self._calls.unary_stream(SERVICE + "ReadStateBytes")
        stdio = self.channel.unary_stream("/plugin.GRPCStdio/StreamStdio", None, None)
        broker = self.channel.stream_stream("/plugin.GRPCBroker/StartStream", None, None)
        self._outgoing: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._side = [stdio(b""), broker(iter(self._outgoing.get, host._END))]
        for call in self._side:
            threading.Thread(target=host._drain, args=(call,), daemon=True).start()

    def greet(self) -> None:
        reply = self._read_resource(self.payloads.read_resource, timeout=self.timeout)
        if reply != self.payloads.read_resource_reply:
            raise rb.BenchError(f"{self.plugin.name}: ReadResource answered other bytes")

    def stream(self, count: int) -> int:
        request = self.payloads.read_state_bytes(count)
        n = sum(1 for _ in self._read_state_bytes(request, timeout=self.timeout))
        if n != count:
            raise rb.BenchError(f"{self.plugin.name}: {n} chunks, asked for {count}")
        return n

    def call(self, method: str, request: bytes) -> bytes:
        """Any unary RPC of the service, bytes in and out (the behaviour check)."""
        reply: bytes = self._calls.unary_unary(SERVICE + method)(request, timeout=self.timeout)
        return reply

    def call_stream(self, method: str, request: bytes) -> list[bytes]:
        """Any server-streaming RPC of the service, bytes in and out (the behaviour check)."""
        return list(self._calls.unary_stream(SERVICE + method)(request, timeout=self.timeout))

    def kill(self) -> None:
        """``host_grpcio.Session.kill``: Shutdown, the side streams ended, the channel closed,
        the exit awaited for go-plugin's grace and then SIGKILLed. It reads only ``channel``,
        ``_outgoing``, ``_side`` and ``plugin``, which this class keeps under the same names."""
        self._host.Session.kill(self)


def check_behaviour(
    chosen: Sequence[tb.Plugin], open_session: Any, provider_pb2: ModuleType
) -> None:
    """Each plugin once, untimed: ReadResource gives the state back, ReadStateBytes sends 5
    chunks of 100 bytes by default, an RPC the bench does not time answers empty, and every
    plugin's replies are byte for byte the others'. The timed calls then only count replies."""
    seen: dict[str, tuple[bytes, ...]] = {}
    for plugin in chosen:
        session = open_session(plugin.name, plugin.cmd, 30.0)
        try:
            session.greet()  # the state given back, byte for byte
            chunks = session.call_stream("ReadStateBytes", b"")
            metadata = session.call("GetMetadata", b"")
            logs = session.call_stream("StreamLogs", b"")
        finally:
            session.kill()
        parsed = [provider_pb2.StateBytesChunk.FromString(chunk) for chunk in chunks]
        if [(len(chunk.bytes), chunk.total_length) for chunk in parsed] != [(100, 500)] * 5:
            raise rb.BenchError(f"{plugin.name}: ReadStateBytes sent {len(chunks)} other chunks")
        if metadata or logs:
            raise rb.BenchError(f"{plugin.name}: GetMetadata or StreamLogs answered something")
        seen[plugin.name] = (*chunks, metadata, *logs)
    if len(set(seen.values())) > 1:
        raise rb.BenchError(f"the plugins answer differently: {sorted(seen)}")


# --------------------------------------------------------------------------------------------
# Reporting


#: Target columns: title, figure, the row it is divided by, target, higher is better.
TARGETS: list[tuple[str, str, str, float | None, bool]] = [
    ("start/grpcio <=1.05", "startup_ms", MINIMAL, 1.05, False),
    ("unary p50/grpcio <=1.05", "unary_p50_us", MINIMAL, 1.05, False),
    ("RSS/grpcio <=1", "idle_rss_mb", MINIMAL, 1.0, False),
    ("stream/pyplugin >=1.2", "stream_msgs", PEER, 1.2, True),
    ("short/pyplugin <=1", "short_p50_us", PEER, 1.0, False),
    ("mix p99/grpcio", "mixed_p99_ms", MINIMAL, None, False),
]


def figures_of(results: Mapping[str, Any], names: Sequence[str]) -> dict[str, tb.Figures]:
    pooled: dict[str, Any] = {}
    tb.merge(pooled, results)  # the single RSS figure per plugin becomes a list
    return {name: tb.Figures.of(pooled, name) for name in names}


def print_absolute(figures: Mapping[str, tb.Figures]) -> None:
    print("\n| plugin | " + " | ".join(title for title, *_ in tb.COLUMNS) + " |")
    print("|---" * (len(tb.COLUMNS) + 1) + "|")
    for name, fig in figures.items():
        cells = [tb._f(getattr(fig, attr), 0, digits) for _, attr, _, digits, _ in tb.COLUMNS]
        print(f"| {name} | " + " | ".join(cells) + " |")


def _ratio_cell(
    fig: tb.Figures, ref: tb.Figures, attr: str, target: float | None, higher: bool
) -> str:
    value = getattr(fig, attr) / getattr(ref, attr)
    if value != value:
        return "-"
    missed = target is not None and (value < target if higher else value > target)
    return f"{value:.3f}{'*' if missed else ''}"


def print_ratios(figures: Mapping[str, tb.Figures]) -> None:
    """Ratios of medians against the targets' references; ``*`` marks a missed target. The last
    column is the concurrent load's last stream over its first ("apart" when more than 10 %
    plus 50 ms: issue9_bench's rule)."""
    print("\nratios of medians; * = target missed")
    print("\n| plugin | " + " | ".join(title for title, *_ in TARGETS) + " | streams last/first |")
    print("|---" * (len(TARGETS) + 2) + "|")
    for name, fig in figures.items():
        cells = []
        for _, attr, base, target, higher in TARGETS:
            ref = figures.get(base)
            if ref is None:
                cells.append("-")
            elif name == base:
                cells.append("1 (ref)")
            else:
                cells.append(_ratio_cell(fig, ref, attr, target, higher))
        spread = fig.mixed_last_s / fig.mixed_first_s if fig.mixed_first_s else float("nan")
        together = "together" if issue9_bench._together(fig) else "apart"
        cells.append("-" if spread != spread else f"{spread:.2f} {together}")
        print(f"| {name} | " + " | ".join(cells) + " |")


def print_report(report: Mapping[str, Any]) -> None:
    config = report["config"]
    print(
        f"\nprovider (acme.provider.v6, 36 RPCs), one Python host (grpcio, goplugin.Client's "
        f"channel stack), plugins interleaved. Per plugin: {config['startup_rounds']} launches, "
        f"{config['unary_calls']} ReadResource, {config['stream_reps']} ReadStateBytes of "
        f"{config['stream_count']}, {config['short_reps']} of {config['short_count']}, "
        f"{config['mixed_reps']} concurrent loads ({config['mixed_streams']} streams of "
        f"{config['mixed_stream_count']} + {config['mixed_workers']} threads x "
        f"{config['mixed_calls']} ReadResource)."
    )
    figures = figures_of(report["results"], report["plugins"])
    print_absolute(figures)
    print_ratios(figures)


# --------------------------------------------------------------------------------------------
# Running


def _interrupted(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples (about 30 seconds)")
    parser.add_argument(
        "--plugins", help="comma-separated rows (ours-lib,ours-async,grpcio,pyplugin)"
    )
    parser.add_argument("--json", type=Path, help="also write every raw sample here")
    parser.add_argument("--report", type=Path, help="only print the tables of a --json file")
    parser.add_argument("--cache-dir", type=Path, default=rb.DEFAULT_CACHE)
    return parser.parse_args(argv)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Prepare, check and run the phases; the raw report (``--json``'s content)."""
    cache: Path = args.cache_dir.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    pyplugin_python = rb.pyplugin_python(cache)
    stubs = provider_stubs(cache, pyplugin_python)
    host = load_host(tb.transport_stubs(cache, rb.generate_stubs(cache, pyplugin_python)))
    provider_pb2 = load_messages(stubs)
    chosen = tb._subset(plugins(pyplugin_python), args.plugins)
    open_session = functools.partial(
        ProviderSession, host=host, env=provider_env(cache, stubs), payloads=Payloads(provider_pb2)
    )
    print("[bench] checking every plugin answers alike", file=sys.stderr)
    check_behaviour(chosen, open_session, provider_pb2)
    config = dict(QUICK if args.quick else FULL, variants=[p.to_json() for p in chosen])
    print(f"[bench] running {', '.join(p.name for p in chosen)}", file=sys.stderr)
    results = host.run(host.Config(**config), open_session)
    return {
        "config": config,
        "plugins": [p.name for p in chosen],
        "results": dataclasses.asdict(results),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report:
        print_report(json.loads(args.report.read_text()))
        return 0
    started = time.monotonic()
    signal.signal(signal.SIGTERM, _interrupted)  # so a killed run still kills its plugins
    try:
        report = measure(args)
    except (rb.BenchError, tb.BenchError, subprocess.SubprocessError) as error:
        print(f"provider_bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        killed = ProviderProcess.kill_leftovers()
        print(f"provider_bench: interrupted; {killed} plugin(s) killed", file=sys.stderr)
        sys.stderr.flush()
        # The concurrent load's threads may wait on a barrier nobody will reach: do not join.
        os._exit(130)
    finally:
        ProviderProcess.kill_leftovers()
    if args.json:
        args.json.write_text(json.dumps(report))
    print_report(report)
    print(f"\n(whole run {time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
