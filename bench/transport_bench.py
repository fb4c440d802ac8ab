"""Which gRPC transport should serve plugins and carry host calls: the candidates, measured.

Candidate serving cores (``bench/transports/plugin_*.py``, each a minimal greeter plugin with
what a go-plugin host needs: cookie, handshake, health, GRPCController/Shutdown, a GRPCStdio and
a GRPCBroker stream held open, Greet and GreetStream honouring ``locale="count=N"``):

* ``sync-6``   grpcio's sync server, default pool (6 workers on 2 cores): today's goplugin;
* ``sync-128`` grpcio's sync server with 128 workers;
* ``aio``      grpc.aio (grpcio's asyncio server), async handlers;
* ``aio-sync`` grpc.aio serving sync handlers in a 128-thread migration pool (sync user code);
* ``grpclib``  grpclib (pure-Python h2 on asyncio);
* ``grpclib-y16`` grpclib, GreetStream yielding to the event loop every 16 messages;
* ``grpclib-sync`` grpclib serving sync handlers through a thread bridge (128 threads, y16);
* ``pyplugin`` python-plugin 0.1.0 from PyPI (grpclib), in its own venv: the peer;
* ``go``       a Go go-plugin v1.8.0 plugin (``bench/go/mixed``, ``plugin`` mode), the floor.

Hosts, each driving every plugin through the same phases (see ``transports/host_common.py``),
interleaved plugin by plugin: Python hosts on grpcio's sync channel (today's goplugin Client),
grpc.aio, grpclib (plain, and with the stream reader yielding every 16 messages) and a sync API
over grpclib (a loop thread), and a Go go-plugin v1.8.0 host (``bench/go/mixed``). Hosts run one
after the other, their order rotating over ``--rounds``; samples of all rounds are pooled.

Figures: startup (launch -> handshake -> connect -> first Greet answered), unary p50/p99, long
stream msg/s, short stream (5 messages) p50, the mixed load (8 streams of 20,000 messages and
64 workers x 100 Greets at once: unary p99, first and last stream finish), idle RSS of the
plugin process, ``python -X importtime`` totals, installed size of each candidate's packages.

Run with the project's virtualenv (grpclib installed there):
``.venv/bin/python bench/transport_bench.py [--quick] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import runtime_bench as rb

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
TRANSPORTS = BENCH / "transports"
GO_PROGRAM = BENCH / "go" / "mixed"
GOPLUGIN_PROTOS = REPO / "goplugin" / "_proto"

BASELINE = "sync-6"
PEER = rb.PYPLUGIN
GO = "go"
#: Packages each candidate serves with (health and reflection included), beyond what all need.
DEPENDENCIES = {
    "grpcio": ("grpcio", "grpcio-health-checking", "grpcio-reflection"),
    "grpclib": ("grpclib", "h2", "hpack", "hyperframe", "multidict"),
}
#: What every candidate needs: messages, and AutoMTLS certificates.
COMMON_DEPENDENCIES = ("protobuf", "cryptography", "cffi", "pycparser")
CANDIDATE_DEPS = {
    "sync-6": "grpcio",
    "sync-128": "grpcio",
    "aio": "grpcio",
    "aio-sync": "grpcio",
    "grpclib": "grpclib",
    "grpclib-y16": "grpclib",
    "grpclib-sync": "grpclib",
    PEER: "grpclib",
}
#: What each host's client transport imports before its first call.
CLIENT_IMPORTS = {
    "py-grpcio": "import grpc",
    "py-aio": "import asyncio, grpc, grpc.aio",
    "py-grpclib": "import asyncio, grpclib.client",
    "py-grpclib-sync": "import asyncio, grpclib.client",
}


class BenchError(RuntimeError):
    """A preparation step or a host failed; the message says which."""


# --------------------------------------------------------------------------------------------
# Preparation


def transport_stubs(cache: Path, greeter_stubs: Path) -> Path:
    """The greeter stubs plus go-plugin's ``plugin.*`` messages, in one import directory."""
    protos = sorted(GOPLUGIN_PROTOS.glob("*.proto"))
    key = hashlib.sha256(str(greeter_stubs).encode())
    for proto in protos:
        key.update(proto.read_bytes())
    stubs = cache / f"transport-stubs-{key.hexdigest()[:12]}"
    if (stubs / "grpc_broker_pb2.py").exists():
        return stubs
    work = Path(tempfile.mkdtemp(prefix="transport-stubs-tmp-", dir=cache))
    for generated in greeter_stubs.glob("*.py"):
        shutil.copy(generated, work / generated.name)
    rb.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{GOPLUGIN_PROTOS}", f"--python_out={work}"]
        + [str(p) for p in protos]
    )
    shutil.rmtree(stubs, ignore_errors=True)
    work.rename(stubs)
    return stubs


def build_go_program() -> Path | None:
    """bench/go/mixed through tests/interop/support/gobuild.py's module build (go-plugin v1.8.0)."""
    sys.path.insert(0, str(REPO))
    try:
        from tests.interop.support import gobuild

        bin_dir = gobuild._build(  # the one Go build recipe of the repository
            f"bench-mixed-{gobuild.CURRENT}",
            gobuild.BUILD_ROOT,
            [("go", "build", "-o", "{bin}/bench-mixed", "./cmd/bench-mixed")],
            ("bench-mixed",),
            overlay={"cmd/bench-mixed": GO_PROGRAM},
        )
    except Exception as error:
        print(f"[bench] no Go host or plugin: {error}", file=sys.stderr)
        return None
    return Path(bin_dir) / "bench-mixed"


@dataclasses.dataclass(frozen=True)
class Plugin:
    name: str
    cmd: tuple[str, ...]
    python: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "cmd": list(self.cmd)}


def plugins(pyplugin_python: Path, go_program: Path | None) -> list[Plugin]:
    python = sys.executable
    chosen = [
        Plugin("sync-6", (python, str(TRANSPORTS / "plugin_grpcio.py"))),
        Plugin("sync-128", (python, str(TRANSPORTS / "plugin_grpcio.py"), "--workers", "128")),
        Plugin("aio", (python, str(TRANSPORTS / "plugin_aio.py"))),
        Plugin("aio-sync", (python, str(TRANSPORTS / "plugin_aio.py"), "--sync-handlers", "128")),
        Plugin("grpclib", (python, str(TRANSPORTS / "plugin_grpclib.py"))),
        Plugin(
            "grpclib-y16", (python, str(TRANSPORTS / "plugin_grpclib.py"), "--yield-every", "16")
        ),
        Plugin("grpclib-sync", (python, str(TRANSPORTS / "plugin_grpclib_sync.py"))),
        Plugin(PEER, (str(pyplugin_python), str(BENCH / "plugins" / "pyplugin_greeter.py"))),
    ]
    if go_program is not None:
        chosen.append(Plugin(GO, (str(go_program), "plugin"), python=False))
    return chosen


@dataclasses.dataclass(frozen=True)
class Host:
    name: str
    cmd: tuple[str, ...]


def hosts(go_program: Path | None) -> list[Host]:
    python = sys.executable
    chosen = [
        Host("py-grpcio", (python, str(TRANSPORTS / "host_grpcio.py"))),
        Host("py-aio", (python, str(TRANSPORTS / "host_aio.py"))),
        Host("py-grpclib", (python, str(TRANSPORTS / "host_grpclib.py"))),
        Host(
            "py-grpclib-y16",
            (python, str(TRANSPORTS / "host_grpclib.py"), "--yield-every", "16"),
        ),
        Host("py-grpclib-sync", (python, str(TRANSPORTS / "host_grpclib_sync.py"))),
        Host(
            "py-grpclib-w64k",
            (
                python,
                str(TRANSPORTS / "host_grpclib.py"),
                "--yield-every",
                "16",
                "--window",
                "65536",
            ),
        ),
    ]
    if go_program is not None:
        chosen.insert(0, Host("go-host", (str(go_program), "host")))
    return chosen


# --------------------------------------------------------------------------------------------
# Measuring


def run_host(host: Host, config: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        result = subprocess.run(
            [*host.cmd, handle.name], stdout=subprocess.PIPE, text=True, env=dict(env), check=False
        )
    finally:
        os.unlink(handle.name)
    if result.returncode != 0:
        raise BenchError(f"host {host.name} failed (status {result.returncode}); see above")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def merge(into: dict[str, Any], more: Mapping[str, Any]) -> None:
    """Pool one host run's samples into the earlier runs' (lists extend, RSS keeps all)."""
    for phase, per_plugin in more.items():
        pooled = into.setdefault(phase, {})
        for name, samples in (per_plugin or {}).items():
            if isinstance(samples, list):
                pooled.setdefault(name, []).extend(samples)
            else:
                pooled.setdefault(name, []).append(samples)


def import_totals(chosen: Sequence[Plugin], runs: int, env: Mapping[str, str]) -> dict[str, float]:
    """Per Python plugin, the smallest ``-X importtime`` total (ms) over ``runs`` starts."""
    cookie_env = dict(env, GREETER_PLUGIN="hello", PLUGIN_PROTOCOL_VERSIONS="1")
    cookie_env.update(PLUGIN_MIN_PORT="10000", PLUGIN_MAX_PORT="25000")
    totals: dict[str, list[float]] = {}
    for round_ in range(runs):
        for index in range(len(chosen)):
            plugin = chosen[(round_ + index) % len(chosen)]
            if not plugin.python:
                continue
            entries = rb.import_times(plugin.cmd, cookie_env)
            totals.setdefault(plugin.name, []).append(sum(e[2] for e in entries) / 1e3)
    return {name: min(values) for name, values in totals.items()}


def client_import_totals(runs: int, env: Mapping[str, str]) -> dict[str, float]:
    """``-X importtime`` total (ms) of each host's client transport alone, minus bare Python."""
    totals: dict[str, list[float]] = {}
    statements = {"(python)": "pass", **CLIENT_IMPORTS}
    for _ in range(runs):
        for name, statement in statements.items():
            result = subprocess.run(
                [sys.executable, "-X", "importtime", "-c", statement],
                capture_output=True, text=True, env=dict(env), check=True,
            )  # fmt: skip
            us = sum(
                int(row.split("|")[0].split(":")[1])
                for row in result.stderr.splitlines()
                if row.startswith("import time:") and "self [us]" not in row
            )
            totals.setdefault(name, []).append(us / 1e3)
    bare = min(totals.pop("(python)"))
    return {name: min(values) - bare for name, values in totals.items()}


_SIZE_SCRIPT = """
import importlib.metadata as m, json, os, sys
out = {}
for name in sys.argv[1:]:
    try:
        dist = m.distribution(name)
    except m.PackageNotFoundError:
        continue
    size = 0
    for f in dist.files or ():
        p = dist.locate_file(f)
        if os.path.isfile(p):
            size += os.path.getsize(p)
    out[name] = [dist.version, size]
print(json.dumps(out))
"""


def installed_sizes(python: str | Path, names: Sequence[str]) -> dict[str, tuple[str, int]]:
    """Version and installed bytes (files in each distribution's RECORD) of ``names``."""
    raw = json.loads(rb.run([str(python), "-c", _SIZE_SCRIPT, *names]))
    return {name: (version, size) for name, (version, size) in raw.items()}


# --------------------------------------------------------------------------------------------
# Reporting

p = rb.percentile
NAN = float("nan")


@dataclasses.dataclass
class Figures:
    """One plugin under one host, reduced."""

    startup_ms: float
    unary_p50_us: float
    unary_p99_us: float
    stream_msgs: float
    short_p50_us: float
    mixed_p99_ms: float
    mixed_first_s: float
    mixed_last_s: float
    idle_rss_mb: float

    @classmethod
    def of(cls, res: Mapping[str, Any], name: str) -> Figures:
        def get(phase: str) -> list[Any]:
            return list(res.get(phase, {}).get(name, []))

        mixed = get("mixed")
        mixed_unary = [x for m in mixed for x in m["unary"]]
        return cls(
            startup_ms=p(get("startup"), 50) * 1e3,
            unary_p50_us=p(get("unary"), 50) * 1e6,
            unary_p99_us=p(get("unary"), 99) * 1e6,
            stream_msgs=p([s["messages"] / s["seconds"] for s in get("stream")], 50),
            short_p50_us=p(get("short"), 50) * 1e6,
            mixed_p99_ms=p(mixed_unary, 99) * 1e3,
            # Per repetition the first and the last of the streams; the median repetition.
            mixed_first_s=p([m["stream_finish"][0] for m in mixed], 50),
            mixed_last_s=p([m["stream_finish"][-1] for m in mixed], 50),
            idle_rss_mb=p([kb / 1024 for kb in get("idle_rss_kb")], 50),
        )


def _f(value: float, width: int, digits: int) -> str:
    return f"{'-':>{width}}" if value != value else f"{value:{width}.{digits}f}"


COLUMNS = [
    # title, attribute, width, digits, higher is better
    ("start ms", "startup_ms", 8, 1, False),
    ("unary p50 us", "unary_p50_us", 12, 0, False),
    ("p99 us", "unary_p99_us", 7, 0, False),
    ("stream msg/s", "stream_msgs", 12, 0, True),
    ("short5 us", "short_p50_us", 9, 0, False),
    ("mix p99 ms", "mixed_p99_ms", 10, 1, False),
    ("mix 1st s", "mixed_first_s", 9, 2, False),
    ("mix last s", "mixed_last_s", 10, 2, False),
    ("RSS MB", "idle_rss_mb", 7, 1, False),
]


def print_host_table(host: str, figures: Mapping[str, Figures], extra: Mapping[str, str]) -> None:
    print(f"\n== host {host} ==")
    head = " ".join(f"{title:>{width}}" for title, _, width, _, _ in COLUMNS)
    print(f"{'plugin':12} {head}")
    for name, fig in figures.items():
        cells = " ".join(_f(getattr(fig, attr), w, d) for _, attr, w, d, _ in COLUMNS)
        print(f"{name:12} {cells}  {extra.get(name, '')}")
    for base in (BASELINE, PEER):
        if base not in figures:
            continue
        print(f"  ratios vs {base} (ratio of medians; times <1 and msg/s >1 are better)")
        for name, fig in figures.items():
            if name == base:
                continue
            cells = " ".join(
                _f(getattr(fig, attr) / getattr(figures[base], attr), w, 2)
                for _, attr, w, _, _ in COLUMNS
            )
            print(f"  {name:10} {cells}")


def print_static(
    imports: Mapping[str, float],
    client_imports: Mapping[str, float],
    sizes: Mapping[str, Mapping[str, tuple[str, int]]],
) -> None:
    print("\nimport time (python -X importtime, sum of self times, min over runs)")
    print("  plugins: " + ", ".join(f"{n} {ms:.1f} ms" for n, ms in imports.items()))
    if BASELINE in imports:
        base = imports[BASELINE]
        print("  vs sync-6: " + ", ".join(f"{n} {ms / base:.2f}x" for n, ms in imports.items()))
    print(
        "  host client transports (beyond bare python): "
        + ", ".join(f"{n} {ms:.1f} ms" for n, ms in client_imports.items())
    )
    print("\ndependency weight (installed files in each distribution's RECORD)")
    for where, per_package in sizes.items():
        total = sum(size for _, size in per_package.values())
        parts = ", ".join(f"{n} {v} {s / 2**20:.1f} MB" for n, (v, s) in per_package.items())
        print(f"  {where}: {total / 2**20:.1f} MB = {parts}")


def print_report(report: Mapping[str, Any]) -> None:
    """The tables of one run (fresh, or a ``--json`` file given to ``--report``)."""
    config = report["config"]
    results = report["results"]
    imports = report["imports"]
    client_imports = report["client_imports"]
    sizes = {where: {n: tuple(v) for n, v in per.items()} for where, per in report["sizes"].items()}
    names = report.get("plugins") or [v["name"] for v in config["variants"]]
    print(
        f"\nEvery host drives every plugin, interleaved; {report.get('rounds', 1)} round(s) of "
        "the hosts pooled. "
        f"Per plugin and host run: {config['startup_rounds']} launches, {config['unary_calls']} "
        f"Greets, {config['stream_reps']} streams of {config['stream_count']}, "
        f"{config['short_reps']} streams of {config['short_count']}, {config['mixed_reps']} mixed "
        f"loads ({config['mixed_streams']} streams of {config['mixed_stream_count']} + "
        f"{config['mixed_workers']} workers x {config['mixed_calls']} Greets)."
    )
    weights = {  # MB beyond protobuf, which every candidate needs
        name: _megabytes(sizes[f"project venv, {dep}"]) for name, dep in CANDIDATE_DEPS.items()
    }
    peer_packages = dict(sizes["python-plugin venv"])
    for common in COMMON_DEPENDENCIES:
        peer_packages.pop(common, None)
    weights[PEER] = _megabytes(peer_packages)
    extra = {
        name: f"import {imports[name]:.0f} ms, deps {weights.get(name, NAN):.1f} MB"
        for name in imports
    }
    for host, host_results in results.items():
        figures = {name: Figures.of(host_results, name) for name in names}
        print_host_table(host, figures, extra)
    print_static(imports, client_imports, sizes)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a fast sanity run (tiny samples)")
    parser.add_argument("--rounds", type=int, default=1, help="runs of every host, rotating")
    parser.add_argument("--hosts", help="comma-separated subset of hosts (go-host,py-grpcio,...)")
    parser.add_argument("--plugins", help="comma-separated subset of plugins")
    parser.add_argument("--importtime-runs", type=int, default=6)
    parser.add_argument("--cache-dir", type=Path, default=rb.DEFAULT_CACHE)
    parser.add_argument("--json", type=Path, help="also write every raw sample here")
    parser.add_argument("--report", type=Path, help="only print the tables of a --json file")
    return parser.parse_args(argv)


FULL = {
    "startup_warmup": 1,
    "startup_rounds": 10,
    "idle_settle_seconds": 1.0,
    "warmup": 200,
    "unary_calls": 2000,
    "stream_count": 20000,
    "stream_reps": 4,
    "short_count": 5,
    "short_reps": 400,
    "mixed_reps": 2,
    "mixed_streams": 8,
    "mixed_stream_count": 20000,
    "mixed_workers": 64,
    "mixed_calls": 100,
    "call_timeout_seconds": 300.0,
}
QUICK = dict(
    FULL,
    startup_rounds=2,
    warmup=20,
    unary_calls=100,
    stream_count=2000,
    stream_reps=1,
    short_reps=20,
    mixed_reps=1,
    mixed_stream_count=2000,
    mixed_workers=16,
    mixed_calls=10,
    idle_settle_seconds=0.2,
)


def _megabytes(packages: Mapping[str, tuple[str, int]]) -> float:
    return sum(size for _, size in packages.values()) / 2**20


def _subset(items: list[Any], wanted: str | None) -> list[Any]:
    if not wanted:
        return items
    names = wanted.split(",")
    unknown = set(names) - {item.name for item in items}
    if unknown:
        raise BenchError(f"unknown: {', '.join(sorted(unknown))}")
    return [item for item in items if item.name in names]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.report:
        print_report(json.loads(args.report.read_text()))
        return 0
    started = time.monotonic()
    cache: Path = args.cache_dir.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    try:
        pyplugin_python = rb.pyplugin_python(cache)
        stubs = transport_stubs(cache, rb.generate_stubs(cache, pyplugin_python))
        go_program = build_go_program()
        chosen = _subset(plugins(pyplugin_python, go_program), args.plugins)
        drivers = _subset(hosts(go_program), args.hosts)
    except (BenchError, rb.BenchError) as error:
        print(f"transport_bench: {error}", file=sys.stderr)
        return 1
    env = rb.plugin_env(cache, stubs)
    config = dict(QUICK if args.quick else FULL, variants=[pl.to_json() for pl in chosen])
    rounds = 1 if args.quick else args.rounds
    results: dict[str, dict[str, Any]] = {host.name: {} for host in drivers}
    try:
        for round_ in range(rounds):
            for index in range(len(drivers)):
                host = drivers[(round_ + index) % len(drivers)]
                print(f"[bench] round {round_ + 1}/{rounds}: host {host.name}", file=sys.stderr)
                merge(results[host.name], run_host(host, config, env))
        imports = import_totals(chosen, 1 if args.quick else args.importtime_runs, env)
        client_imports = client_import_totals(1 if args.quick else 3, env)
        sizes = {
            "project venv, grpcio": installed_sizes(sys.executable, DEPENDENCIES["grpcio"]),
            "project venv, grpclib": installed_sizes(sys.executable, DEPENDENCIES["grpclib"]),
            "all need": installed_sizes(sys.executable, COMMON_DEPENDENCIES),
            "python-plugin venv": installed_sizes(
                pyplugin_python,
                ("python-plugin", *DEPENDENCIES["grpclib"], *COMMON_DEPENDENCIES),
            ),
        }
    except (BenchError, rb.BenchError) as error:
        print(f"transport_bench: {error}", file=sys.stderr)
        return 1

    report = {
        "config": config,
        "rounds": rounds,
        "plugins": [pl.name for pl in chosen],
        "results": results,
        "imports": imports,
        "client_imports": client_imports,
        "sizes": sizes,
    }
    print_report(report)
    print(f"\n(whole run {time.monotonic() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
