"""What the goplugin runtime costs a plugin, measured from a real Go go-plugin v1.8.0 host.

One run prints, side by side, the figures of greeter plugins driven by the same Go host
(``bench/go/``, built with Go modules against go-plugin v1.8.0 by
tests/interop/support/gobuild.py):

* ``ours``     ``bench/plugins/goplugin_greeter.py``: the goplugin runtime, wired like the example,
  whose GreetStream honours ``locale="count=N"`` (a bench-only convention);
* ``example``  the repository's greeter example as shipped (startup, unary, kill only: its stream
  is the fixed 5 messages), to show the bench plugin stands for it;
* ``grpcio``   ``bench/plugins/grpcio_greeter.py``: the minimal hand-written grpcio plugin, the
  baseline every ratio is taken against;
* ``pyplugin`` ``bench/plugins/pyplugin_greeter.py`` on python-plugin 0.1.0 from PyPI (grpclib),
  installed into its own virtualenv under the cache directory.

Figures: startup (launch -> handshake -> dispense -> first Greet answered), Kill time, unary
Greet latency, GreetStream throughput; then which imports dominate our plugin's startup
(``python -X importtime``). All variants are interleaved (ABCABC..., the first one rotating) in
one run, because this runs on shared, noisy machines where only side-by-side figures mean much.

Run with the project's virtualenv: ``.venv/bin/python bench/runtime_bench.py [--help]``.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import importlib.metadata
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PLUGINS = BENCH / "plugins"
GREETER_PROTO = REPO / "example_protos" / "greeter.proto"
EXAMPLE_DIR = REPO / "examples" / "greeter"
DEFAULT_CACHE = BENCH / ".cache"

PYPLUGIN_REQUIREMENT = "python-plugin==0.1.0"
STUBS_ENV = "PYPLUGIN_BENCH_STUBS"
BASELINE = "grpcio"
OURS = "ours"
EXAMPLE = "example"
PYPLUGIN = "pyplugin"
#: The same plugins again, the Go host turning go-plugin's AutoMTLS on.
MTLS = "+mtls"

#: The issue's targets for our runtime against the minimal grpcio plugin.
STARTUP_TARGET = 1.05
UNARY_TARGET = 1.05
STREAM_TARGET = 0.95


class BenchError(RuntimeError):
    """A preparation step failed; the message says which and how to fix it."""


# --------------------------------------------------------------------------------------------
# Preparation: python-plugin's virtualenv, generated stubs, the Go host


def run(command: Sequence[str | Path], **kwargs: Any) -> str:
    """Run a command, returning stdout; fail with the command and its output."""
    printable = " ".join(str(part) for part in command)
    try:
        result = subprocess.run(
            [str(part) for part in command], capture_output=True, text=True, check=False, **kwargs
        )
    except OSError as error:
        raise BenchError(f"{printable}: {error}") from error
    if result.returncode != 0:
        raise BenchError(
            f"{printable} exited with status {result.returncode}:\n{result.stdout}{result.stderr}"
        )
    return str(result.stdout)


def pyplugin_python(cache: Path) -> Path:
    """python-plugin 0.1.0 in a virtualenv of its own: it must never meet our packages."""
    venv = cache / "python-plugin-venv"
    python = venv / "bin" / "python"
    check = "import importlib.metadata as m, pyplugin, grpclib; print(m.version('python-plugin'))"
    if python.exists():
        try:
            if run([python, "-c", check]).strip() == PYPLUGIN_REQUIREMENT.split("==")[1]:
                return python
        except BenchError:
            pass
        shutil.rmtree(venv)
    print(f"[bench] installing {PYPLUGIN_REQUIREMENT} into {venv} ...", file=sys.stderr)
    run([sys.executable, "-m", "venv", venv])
    run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         PYPLUGIN_REQUIREMENT])  # fmt: skip
    run([python, "-c", check])
    return python


def generate_stubs(cache: Path, pyplugin_venv_python: Path, proto: Path = GREETER_PROTO) -> Path:
    """``proto``'s ``<name>_pb2`` (shared), ``_pb2_grpc`` (grpcio) and ``_grpc`` (grpclib), in
    a directory of ``cache`` named by what made them: made again only when one of those
    changed (the proto, grpcio-tools, the grpclib plugin)."""
    grpclib_plugin = pyplugin_venv_python.parent / "protoc-gen-grpclib_python"
    key = hashlib.sha256(proto.read_bytes())
    key.update(importlib.metadata.version("grpcio-tools").encode())
    key.update(str(grpclib_plugin).encode())
    stubs = cache / f"stubs-{key.hexdigest()[:12]}"
    if (stubs / f"{proto.stem}_grpc.py").exists():
        return stubs
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="stubs-tmp-", dir=cache))
    run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{proto.parent}",
            f"--python_out={work}",
            f"--grpc_python_out={work}",
            f"--plugin=protoc-gen-grpclib_python={grpclib_plugin}",
            f"--grpclib_python_out={work}",
            proto,
        ]
    )
    shutil.rmtree(stubs, ignore_errors=True)
    work.rename(stubs)
    for stale in cache.glob("stubs-*"):
        if stale != stubs:
            shutil.rmtree(stale, ignore_errors=True)
    return stubs


def build_go_host() -> Path:
    """bench/go, built as a program of the tests' Go module against go-plugin v1.8.0.

    The recipe is the interop tests' (tests/interop/support/gobuild.py: Go modules,
    protoc-gen-go pinned in tests/go/go.mod), and so is the cache
    (tests/.gobuild/bench-v1.8.0-<hash>/).
    """
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from tests.interop.support.gobuild import (
        GoBuildError,
        GoToolchainMissingError,
        build_bench_host,
    )

    print("[bench] building the Go bench host (cached in tests/.gobuild) ...", file=sys.stderr)
    try:
        return build_bench_host()
    except (GoToolchainMissingError, GoBuildError) as error:
        raise BenchError(f"building the Go bench host failed: {error}") from error


def example_script() -> Path:
    """The greeter example's plugin: generated-code ``main.py`` when present, else ``plugin.py``."""
    for name in ("main.py", "plugin.py"):
        if (EXAMPLE_DIR / name).is_file():
            return EXAMPLE_DIR / name
    raise BenchError(f"no greeter plugin in {EXAMPLE_DIR} (looked for main.py, plugin.py)")


@dataclasses.dataclass(frozen=True)
class Variant:
    """One plugin to compare: its row name, its command line, the phases it takes part in."""

    name: str
    cmd: tuple[str, ...]
    unary: bool = True
    stream: bool = True
    automtls: bool = False

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self) | {"cmd": list(self.cmd)}


def variants(pyplugin_venv_python: Path, *, with_example: bool, with_mtls: bool) -> list[Variant]:
    """The plugins to compare; ours and the grpcio baseline run on this very interpreter."""
    python = sys.executable
    chosen = [
        Variant(OURS, (python, str(PLUGINS / "goplugin_greeter.py"))),
        Variant(BASELINE, (python, str(PLUGINS / "grpcio_greeter.py"))),
        Variant(PYPLUGIN, (str(pyplugin_venv_python), str(PLUGINS / "pyplugin_greeter.py"))),
    ]
    if with_example:
        # Its GreetStream is the example's fixed 5 messages: startup, unary and kill only.
        chosen.insert(1, Variant(EXAMPLE, (python, str(example_script())), stream=False))
    if with_mtls:
        # The grpcio baseline has no TLS: AutoMTLS is compared plugin against itself.
        chosen += [
            dataclasses.replace(v, name=v.name + MTLS, automtls=True)
            for v in chosen
            if v.name in (OURS, PYPLUGIN)
        ]
    return chosen


def plugin_env(cache: Path, stubs: Path) -> dict[str, str]:
    """The environment every plugin runs in, identical for all variants.

    Bytecode is cached (under the bench cache, so the tree stays clean) even where the caller
    sets PYTHONDONTWRITEBYTECODE: a deployed plugin starts from .pyc files, and without them
    every start recompiles the runtime's sources, which is not what the runtime costs.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache / "pycache")
    env[STUBS_ENV] = str(stubs)
    return env


# --------------------------------------------------------------------------------------------
# Measuring


def run_go_host(host: Path, config: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, Any]:
    """Run the Go host once over all variants; its stderr (go-plugin warnings) passes through."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(config, handle)
    try:
        result = subprocess.run(
            [str(host), handle.name], stdout=subprocess.PIPE, text=True, env=dict(env), check=False
        )
    finally:
        os.unlink(handle.name)
    if result.returncode != 0:
        raise BenchError(f"the Go bench host failed (status {result.returncode}); see above")
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@dataclasses.dataclass
class ImportProfile:
    """``-X importtime`` of one plugin: module -> (self, cumulative) µs, the minimum over runs.

    The minimum, not the median: importing is the same work every time, and on a shared machine
    noise only ever adds to it.
    """

    self_us: dict[str, float]
    cumulative_us: dict[str, float]
    roots: list[str]  # the modules imported at the outermost level, in order

    @property
    def total_us(self) -> float:
        return sum(self.self_us.values())


def import_times(cmd: Sequence[str], env: Mapping[str, str]) -> list[tuple[str, int, int, int]]:
    """Start a plugin under ``-X importtime``, wait for its handshake, stop it, parse stderr.

    Returns (module, depth, self µs, cumulative µs) per import. stderr goes to a file: the
    importtime report is long enough to fill a pipe before the handshake line appears.
    """
    line = ""
    with tempfile.TemporaryFile("w+") as stderr:
        process = subprocess.Popen(
            [cmd[0], "-X", "importtime", *cmd[1:]],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=dict(env),
            text=True,
        )
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            if not line.startswith("1|"):
                raise BenchError(f"{' '.join(cmd)}: no handshake under -X importtime: {line!r}")
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            _remove_socket(line)
        stderr.seek(0)
        report = stderr.read()
    entries = []
    for row in report.splitlines():
        if not row.startswith("import time:") or "cumulative" in row:
            continue
        parts = row[len("import time:") :].split("|")
        self_us, cumulative_us, name = parts[0], parts[1], parts[2]
        stripped = name.lstrip()
        depth = (len(name) - len(stripped) - 1) // 2
        entries.append((stripped, depth, int(self_us), int(cumulative_us)))
    return entries


def _remove_socket(handshake: str) -> None:
    """The grpcio baseline dies of SIGTERM without removing its socket; tidy up after it."""
    fields = handshake.split("|")
    if len(fields) > 3 and fields[2] == "unix":
        with contextlib.suppress(OSError):
            os.unlink(fields[3])


def import_profiles(
    chosen: Sequence[Variant], runs: int, env: Mapping[str, str]
) -> dict[str, ImportProfile]:
    """Profile each variant's imports ``runs`` times, interleaved, and keep per-module minima."""
    samples: dict[str, list[list[tuple[str, int, int, int]]]] = defaultdict(list)
    for round_ in range(runs):
        for index in range(len(chosen)):
            variant = chosen[(round_ + index) % len(chosen)]
            samples[variant.name].append(import_times(variant.cmd, env))
    profiles = {}
    for name, per_run in samples.items():
        self_us: dict[str, list[int]] = defaultdict(list)
        cumulative_us: dict[str, list[int]] = defaultdict(list)
        for entries in per_run:
            for module, _, own, cumulative in entries:
                self_us[module].append(own)
                cumulative_us[module].append(cumulative)
        roots = [module for module, depth, _, _ in per_run[0] if depth == 0]
        profiles[name] = ImportProfile(
            {module: float(min(v)) for module, v in self_us.items()},
            {module: float(min(v)) for module, v in cumulative_us.items()},
            roots,
        )
    return profiles


# --------------------------------------------------------------------------------------------
# Reporting


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100), linearly interpolated between the closest ranks."""
    ordered = sorted(samples)
    if not ordered:
        return NAN
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


NAN = float("nan")


def _known(value: float) -> bool:
    return not math.isnan(value)


@dataclasses.dataclass
class Samples:
    """One variant's raw samples, aligned across variants by round / call / repetition."""

    startup: list[float]  # seconds, launch -> first Greet answered
    handshake: list[float]  # seconds, launch -> handshake line parsed
    kill: list[float]  # seconds, Kill()
    forced: int  # kills go-plugin had to finish with SIGKILL
    unary: list[float]  # seconds per Greet
    unary_cpu: float  # plugin CPU seconds per Greet (NaN where /proc is not)
    stream_rate: list[float]  # messages per second, per stream
    stream_cpu: list[float]  # plugin CPU seconds per message, per stream


def samples_of(results: Mapping[str, Any], order: Sequence[str]) -> dict[str, Samples]:
    """Each variant's samples, in ``order`` (the Go host's JSON maps come back sorted by name)."""
    by_name = {}
    for name in order:
        startups = results["startup"][name]
        streams = (results.get("stream") or {}).get(name) or []
        unary = list((results.get("unary") or {}).get(name) or [])
        unary_cpu = (results.get("unary_cpu") or {}).get(name, -1.0)
        by_name[name] = Samples(
            startup=[s["total"] for s in startups],
            handshake=[s["handshake"] for s in startups],
            kill=[s["kill"] for s in startups],
            forced=sum(1 for s in startups if s["forced"]),
            unary=unary,
            unary_cpu=unary_cpu / len(unary) if unary and unary_cpu >= 0 else NAN,
            stream_rate=[s["messages"] / s["seconds"] for s in streams],
            stream_cpu=[s["cpu"] / s["messages"] for s in streams if s["cpu"] >= 0],
        )
    return by_name


@dataclasses.dataclass(frozen=True)
class Ratio:
    """``a`` over ``b``: the ratio of the medians, and the median of the paired ratios.

    Paired: round i of ``a`` against round i of ``b``, which ran back to back, so slow spells
    of the machine cancel out; when the two estimates disagree, the run was too noisy.
    """

    of_medians: float
    paired: float

    @classmethod
    def of(cls, a: Sequence[float], b: Sequence[float]) -> Ratio:
        if not a or not b:
            return cls(NAN, NAN)
        pairs = [x / y for x, y in zip(a, b, strict=False) if y]
        return cls(_over(percentile(a, 50), percentile(b, 50)), percentile(pairs, 50))

    def __str__(self) -> str:
        if not _known(self.of_medians):
            return f"{'-':>15}"
        return f"{self.of_medians:6.3f} ({self.paired:5.3f})"


def _cell(value: float, scale: float, width: int, digits: int) -> str:
    return f"{value * scale:{width}.{digits}f}" if _known(value) else f"{'-':>{width}}"


def print_table(samples: Mapping[str, Samples], config: Mapping[str, Any]) -> None:
    print(
        f"\nOne Go go-plugin v1.8.0 host drives every variant, interleaved. Per variant: "
        f"{config['startup_rounds']} launches,\n{config['unary_calls']} unary Greets, "
        f"{config['stream_reps']} GreetStreams of {config['stream_count']} messages.\n"
    )
    print(
        f"{'':13} {'startup ms':>15} {'handshake':>9} {'kill ms':>14} {'':>7} | "
        f"{'unary us':>20} | {'stream':>16}"
    )
    print(
        f"{'variant':13} {'p50':>7} {'p90':>7} {'ms p50':>9} {'p50':>6} {'max':>7} "
        f"{'SIGKILL':>7} | {'p50':>6} {'p90':>6} {'CPU':>6} | {'msg/s p50':>9} {'CPU us':>6}"
    )
    for name, s in samples.items():
        print(
            f"{name:13} {_cell(percentile(s.startup, 50), 1e3, 7, 1)} "
            f"{_cell(percentile(s.startup, 90), 1e3, 7, 1)} "
            f"{_cell(percentile(s.handshake, 50), 1e3, 9, 1)} "
            f"{_cell(percentile(s.kill, 50), 1e3, 6, 1)} {_cell(max(s.kill), 1e3, 7, 1)} "
            f"{s.forced:7d} | {_cell(percentile(s.unary, 50), 1e6, 6, 0)} "
            f"{_cell(percentile(s.unary, 90), 1e6, 6, 0)} {_cell(s.unary_cpu, 1e6, 6, 0)} | "
            f"{_cell(percentile(s.stream_rate, 50), 1, 9, 0)} "
            f"{_cell(percentile(s.stream_cpu, 50), 1e6, 6, 1)}"
        )
    print(
        "CPU: the plugin process's user+system time per call / per streamed message (p50): "
        "what\nthe plugin spends, where the other columns say what the host waits."
    )


def _over(a: float, b: float) -> float:
    """a / b, unknown (NaN) where b is 0: tiny sample counts can measure no CPU at all."""
    return a / b if b else NAN


def print_ratios(samples: Mapping[str, Samples]) -> list[str]:
    """Print the ratios table; return the targets our runtime missed."""
    print(
        "\nratios: ratio of medians (median of paired ratios); times < 1 and msg/s > 1 are faster"
    )
    print(
        f"{'':26} {'startup':>15} {'unary p50':>15} {'p90':>6} {'CPU':>6} "
        f"{'stream msg/s':>15} {'CPU':>6} {'kill':>6}"
    )
    missed: list[str] = []
    pairs = [
        (OURS, BASELINE),
        (EXAMPLE, BASELINE),
        (OURS, PYPLUGIN),
        (BASELINE, PYPLUGIN),
        # What AutoMTLS costs each plugin, and ours against python-plugin's, both under it.
        (OURS + MTLS, OURS),
        (PYPLUGIN + MTLS, PYPLUGIN),
        (OURS + MTLS, PYPLUGIN + MTLS),
    ]
    for name, base in pairs:
        if name not in samples or base not in samples:
            continue
        a, b = samples[name], samples[base]
        startup = Ratio.of(a.startup, b.startup)
        unary = Ratio.of(a.unary, b.unary)
        stream = Ratio.of(a.stream_rate, b.stream_rate)
        unary_p90 = _over(percentile(a.unary, 90), percentile(b.unary, 90)) if a.unary else NAN
        unary_cpu = _over(a.unary_cpu, b.unary_cpu)
        stream_cpu = _over(percentile(a.stream_cpu, 50), percentile(b.stream_cpu, 50))
        kill = _over(percentile(a.kill, 50), percentile(b.kill, 50))
        print(
            f"{name + ' / ' + base:26} {startup!s:>15} {unary!s:>15} "
            f"{_cell(unary_p90, 1, 6, 3)} {_cell(unary_cpu, 1, 6, 3)} {stream!s:>15} "
            f"{_cell(stream_cpu, 1, 6, 3)} {_cell(kill, 1, 6, 2)}"
        )
        if name == OURS and base == BASELINE:
            checks = [
                ("startup p50", startup.of_medians, STARTUP_TARGET, False),
                ("unary p50", unary.of_medians, UNARY_TARGET, False),
                ("stream msg/s", stream.of_medians, STREAM_TARGET, True),
            ]
            for label, value, target, higher_is_better in checks:
                ok = value >= target if higher_is_better else value <= target
                if not ok:
                    missed.append(
                        f"{label} {value:.3f}x (target {'>=' if higher_is_better else '<='} "
                        f"{target}x)"
                    )
    verdict = "; ".join(missed) if missed else "all met"
    print(
        f"targets for {OURS} / {BASELINE}: startup <= {STARTUP_TARGET}x, unary p50 <= "
        f"{UNARY_TARGET}x, stream >= {STREAM_TARGET}x -> {'MISSED: ' if missed else ''}{verdict}"
    )
    return missed


#: Imported by the interpreter before any script runs; not the plugin's doing.
_INTERPRETER_ROOTS = frozenset({"site", "encodings", "zipimport", "io", "_signal", "abc", "codecs"})


def _by_package(module_times: Mapping[str, float]) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for module, us in module_times.items():
        totals[module.split(".")[0]] += us
    return sorted(totals.items(), key=lambda item: -item[1])


def print_imports(profiles: Mapping[str, ImportProfile], runs: int, top: int = 8) -> None:
    print(f"\nimports (python -X importtime; per module the minimum of {runs} runs)")
    for name, profile in profiles.items():
        print(f"  {name:9} {profile.total_us / 1e3:6.1f} ms in {len(profile.self_us)} modules")
    ours, base = profiles.get(OURS), profiles.get(BASELINE)
    if ours is None:
        return
    script_roots = [
        m
        for m in ours.roots
        if m not in _INTERPRETER_ROOTS and not m.startswith(("_frozen", "encodings."))
    ]
    print(f"  {OURS}: heaviest imports the plugin makes (cumulative ms):")
    heaviest = sorted(script_roots, key=lambda m: -ours.cumulative_us[m])[:top]
    print("    " + ", ".join(f"{m} {ours.cumulative_us[m] / 1e3:.1f}" for m in heaviest))
    print(f"  {OURS}: self time by top-level package (ms):")
    print("    " + ", ".join(f"{p} {us / 1e3:.1f}" for p, us in _by_package(ours.self_us)[:top]))
    if base is None:
        return
    extra = {m: us for m, us in ours.self_us.items() if m not in base.self_us}
    print(
        f"  {OURS} imports {len(extra)} modules {BASELINE} does not, "
        f"{sum(extra.values()) / 1e3:.1f} ms self time (ms by package):"
    )
    print("    " + ", ".join(f"{p} {us / 1e3:.1f}" for p, us in _by_package(extra)[:top]))
    print("    heaviest of them (self ms):")
    heaviest_extra = sorted(extra.items(), key=lambda item: -item[1])[: top + 4]
    print("    " + ", ".join(f"{m} {us / 1e3:.1f}" for m, us in heaviest_extra))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--startup-rounds", type=int, default=30, help="launches per variant")
    parser.add_argument("--unary-calls", type=int, default=4000, help="timed Greets per variant")
    parser.add_argument("--warmup", type=int, default=300, help="untimed Greets per variant first")
    parser.add_argument("--stream-count", type=int, default=20000, help="messages per stream")
    parser.add_argument("--stream-reps", type=int, default=16, help="streams per variant")
    parser.add_argument("--importtime-runs", type=int, default=8, help="-X importtime runs each")
    parser.add_argument(
        "--skip-example", action="store_true", help="leave out the shipped example's row"
    )
    parser.add_argument(
        "--skip-mtls", action="store_true", help="leave out the AutoMTLS rows (ours, pyplugin)"
    )
    parser.add_argument("--call-timeout", type=float, default=120.0, help="seconds per call")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE,
        help="venv and stubs (Go host: tests/.gobuild)",
    )
    parser.add_argument("--json", type=Path, help="also write the raw samples and summary here")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    cache: Path = args.cache_dir.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    try:
        pyplugin_py = pyplugin_python(cache)
        stubs = generate_stubs(cache, pyplugin_py)
        host = build_go_host()
        chosen = variants(
            pyplugin_py, with_example=not args.skip_example, with_mtls=not args.skip_mtls
        )
    except BenchError as error:
        print(f"runtime_bench: {error}", file=sys.stderr)
        return 1
    env = plugin_env(cache, stubs)
    config = {
        "variants": [variant.to_json() for variant in chosen],
        "startup_warmup": 1,
        "startup_rounds": args.startup_rounds,
        "warmup": args.warmup,
        "unary_calls": args.unary_calls,
        "stream_count": args.stream_count,
        "stream_reps": args.stream_reps,
        "call_timeout_seconds": args.call_timeout,
    }
    for variant in chosen:
        print(f"[bench] {variant.name:9} {' '.join(variant.cmd)}", file=sys.stderr)
    try:
        results = run_go_host(host, config, env)
        profiled = [v for v in chosen if v.name in (OURS, BASELINE, PYPLUGIN)]
        # What a go-plugin v1.8.0 host sets, so the plugins take the same paths as under it.
        cookie_env = dict(
            env,
            GREETER_PLUGIN="hello",
            PLUGIN_PROTOCOL_VERSIONS="1",
            PLUGIN_MIN_PORT="10000",
            PLUGIN_MAX_PORT="25000",
        )
        profiles = import_profiles(profiled, args.importtime_runs, cookie_env)
    except BenchError as error:
        print(f"runtime_bench: {error}", file=sys.stderr)
        return 1
    samples = samples_of(results, [variant.name for variant in chosen])
    print_table(samples, config)
    print_ratios(samples)
    print_imports(profiles, args.importtime_runs)
    print(f"\n(whole run {time.monotonic() - started:.0f} s)")
    if args.json:
        report = {
            "config": config,
            "results": results,
            "imports": {k: dataclasses.asdict(v) for k, v in profiles.items()},
        }
        args.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
