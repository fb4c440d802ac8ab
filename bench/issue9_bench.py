"""Issue 9's "Must show" table: goplugin's serving cores against python-plugin, Go and grpcio.

    .venv/bin/python bench/issue9_bench.py            # ~10 minutes on 2 shared cores
    .venv/bin/python bench/issue9_bench.py --quick    # sanity, ~2 minutes

Reuses the transport bench's machinery (``transport_bench.py``, ``runtime_bench.py``): the Go
go-plugin v1.8.0 host ``bench/go/mixed`` and the Python host on grpcio's sync channel
(``transports/host_grpcio.py``, what ``goplugin.Client`` uses) each drive, interleaved:

* ``ours``       the generated ``examples/greeter`` package, sync implementation, grpcio core;
* ``ours-lib``   the same on the grpclib core (``serve(core="grpclib")``);
* ``ours-async`` ``async def`` methods on the grpclib core;
* ``grpcio``     the minimal hand-written grpcio plugin (``plugins/grpcio_greeter.py``);
* ``pyplugin``   python-plugin 0.1.0 (grpclib) from PyPI;
* ``go``         a Go go-plugin v1.8.0 plugin.

Then it prints, per host, the issue's ratios: mixed-load unary p99 against Go's (<= 3x) and
whether the 8 streams finish together, long-stream msg/s (>= 1.2x) and short-stream latency
(<= 1x) against python-plugin, startup and unary p50 (<= 1.05x) and idle RSS (<= 1x) against
the minimal grpcio plugin. No test asserts any of it: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import runtime_bench as rb
import transport_bench as tb

BENCH = Path(__file__).resolve().parent
GENERATED = BENCH / "plugins" / "generated_greeter.py"
GO = tb.GO
PEER = rb.PYPLUGIN
MINIMAL = "grpcio"
OURS = ("ours", "ours-lib", "ours-async")


def plugins(pyplugin_python: Path, go_program: Path | None) -> list[tb.Plugin]:
    python = sys.executable
    chosen = [
        tb.Plugin("ours", (python, str(GENERATED), "--core", "grpcio")),
        tb.Plugin("ours-lib", (python, str(GENERATED), "--core", "grpclib")),
        tb.Plugin("ours-async", (python, str(GENERATED), "--core", "grpclib", "--async")),
        tb.Plugin(MINIMAL, (python, str(BENCH / "plugins" / "grpcio_greeter.py"))),
        tb.Plugin(PEER, (str(pyplugin_python), str(BENCH / "plugins" / "pyplugin_greeter.py"))),
    ]
    if go_program is not None:
        chosen.append(tb.Plugin(GO, (str(go_program), "plugin"), python=False))
    return chosen


def hosts(go_program: Path | None) -> list[tb.Host]:
    chosen = [
        tb.Host("py-grpcio", (sys.executable, str(BENCH / "transports" / "host_grpcio.py"))),
        # goplugin.AsyncClient and the generated AsyncGreeter: the async host API itself.
        tb.Host("py-async", (sys.executable, str(BENCH / "transports" / "host_goplugin_async.py"))),
    ]
    if go_program is not None:
        chosen.insert(0, tb.Host("go-host", (str(go_program), "host")))
    return chosen


def _ratio(a: float, b: float) -> str:
    return "-" if not (a == a and b == b and b) else f"{a / b:.2f}"


def print_must_show(host: str, figures: Mapping[str, tb.Figures]) -> None:
    print(f"\n-- issue 9 targets, host {host} (ratios of medians) --")
    print(
        f"{'plugin':11} {'mixed p99/go <=3':>16} {'streams 1st..last s':>20} "
        f"{'stream/pyplugin >=1.2':>21} {'short/pyplugin <=1':>18} {'start/grpcio <=1.05':>19} "
        f"{'unary p50/grpcio <=1.05':>23} {'RSS/grpcio <=1':>14}"
    )
    go, peer, minimal = figures.get(GO), figures.get(PEER), figures.get(MINIMAL)
    for name in (*OURS, PEER):
        fig = figures.get(name)
        if fig is None:
            continue
        nan = float("nan")
        spread = f"{fig.mixed_first_s:.2f}..{fig.mixed_last_s:.2f}"
        print(
            f"{name:11} {_ratio(fig.mixed_p99_ms, go.mixed_p99_ms if go else nan):>16} "
            f"{spread:>20} "
            f"{_ratio(fig.stream_msgs, peer.stream_msgs if peer else nan):>21} "
            f"{_ratio(fig.short_p50_us, peer.short_p50_us if peer else nan):>18} "
            f"{_ratio(fig.startup_ms, minimal.startup_ms if minimal else nan):>19} "
            f"{_ratio(fig.unary_p50_us, minimal.unary_p50_us if minimal else nan):>23} "
            f"{_ratio(fig.idle_rss_mb, minimal.idle_rss_mb if minimal else nan):>14}"
        )


#: The Must-show table's rows: plugin row -> what it is.
SUMMARY_ROWS = {
    "ours-lib": "grpclib core (default), sync impl",
    "ours-async": "grpclib core (default), async impl",
    "ours": "grpcio core, sync impl",
    PEER: "python-plugin 0.1.0",
}

#: The Must-show table's columns: title, figure, the row it is divided by, target, higher wins.
TARGETS = [
    ("mixed p99/go (<=3)", "mixed_p99_ms", GO, 3.0, False),
    ("stream/pyplugin (>=1.2)", "stream_msgs", PEER, 1.2, True),
    ("short/pyplugin (<=1)", "short_p50_us", PEER, 1.0, False),
    ("start/grpcio (<=1.05)", "startup_ms", MINIMAL, 1.05, False),
    ("unary p50/grpcio (<=1.05)", "unary_p50_us", MINIMAL, 1.05, False),
    ("RSS/grpcio (<=1)", "idle_rss_mb", MINIMAL, 1.0, False),
]


def _together(fig: tb.Figures) -> bool:
    """The mixed load's 8 streams finished together: the last within 10 % of the first."""
    return fig.mixed_last_s <= 1.1 * fig.mixed_first_s + 0.05


def print_summary(per_host: Mapping[str, Mapping[str, tb.Figures]]) -> None:
    """Issue 9's Must-show table, one cell per target holding every host's ratio (a markdown
    table, as docs/transport.md records it). The async API is the ``async impl`` row (served
    by goplugin) under every host, and every row under ``py-async`` (``goplugin.AsyncClient``).
    A ratio missing its target is starred; "apart" marks mixed-load streams not finishing
    together."""
    hosts = list(per_host)
    print(f"\n## issue 9 Must-show, ratios of medians per host ({' / '.join(hosts)}); * = missed")
    print("\n| plugin | " + " | ".join(title for title, *_ in TARGETS) + " |")
    print("|---" * (len(TARGETS) + 1) + "|")
    for name, label in SUMMARY_ROWS.items():
        if not any(name in figures for figures in per_host.values()):
            continue
        cells = []
        for _, attr, base, target, higher in TARGETS:
            ratios = []
            for host in hosts:
                figures = per_host[host]
                fig, ref = figures.get(name), figures.get(base)
                if fig is None or ref is None:
                    ratios.append("-")
                    continue
                if name == base:
                    ratios.append("1 (ref)")
                    continue
                value = getattr(fig, attr) / getattr(ref, attr)
                missed = value < target if higher else value > target
                text = f"{value:.2f}{'*' if missed else ''}"
                if attr == "mixed_p99_ms" and not _together(fig):
                    text += " apart"
                ratios.append(text)
            cells.append(" / ".join(ratios))
        print(f"| {label} | " + " | ".join(cells) + " |")


def print_tables(config: Mapping[str, Any], results: Mapping[str, Any]) -> None:
    names = [variant["name"] for variant in config["variants"]]
    per_host: dict[str, dict[str, tb.Figures]] = {}
    for host, host_results in results.items():
        pooled: dict[str, Any] = {}
        tb.merge(pooled, host_results)  # a single RSS figure per plugin becomes a list
        figures = {name: tb.Figures.of(pooled, name) for name in names}
        tb.print_host_table(host, figures, {})
        print_must_show(host, figures)
        per_host[host] = figures
    print_summary(per_host)


def _picked(rows: list[Any], names: str | None) -> list[Any]:
    """The rows named in ``names`` (comma-separated), all when None; an unknown name is an error."""
    if names is None:
        return rows
    wanted = names.split(",")
    unknown = set(wanted) - {row.name for row in rows}
    if unknown:
        raise SystemExit(f"issue9_bench: no row named {', '.join(sorted(unknown))}")
    return [row for row in rows if row.name in wanted]


def grpc_imported(cmd: Sequence[str], env: Mapping[str, str]) -> bool:
    """Whether the plugin process imports grpcio at start-up (``python -X importtime``)."""
    return any(name == "grpc" for name, *_ in rb.import_times(cmd, env))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every raw sample here")
    parser.add_argument("--report", type=Path, help="only print the tables of a --json file")
    parser.add_argument("--plugins", help="comma-separated plugin rows to run (default: all)")
    parser.add_argument("--hosts", help="comma-separated hosts to run (default: all)")
    args = parser.parse_args(argv)
    if args.report:
        saved = json.loads(args.report.read_text())
        print_tables(saved["config"], saved["results"])
        return 0
    cache = rb.DEFAULT_CACHE.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    try:
        pyplugin_python = rb.pyplugin_python(cache)
        stubs = tb.transport_stubs(cache, rb.generate_stubs(cache, pyplugin_python))
        go_program = tb.build_go_program()
    except rb.BenchError as error:
        print(f"issue9_bench: {error}", file=sys.stderr)
        return 1
    chosen = _picked(plugins(pyplugin_python, go_program), args.plugins)
    env = rb.plugin_env(cache, stubs)
    env.pop("GOPLUGIN_CORE", None)
    config = dict(tb.QUICK if args.quick else tb.FULL, variants=[p.to_json() for p in chosen])
    results: dict[str, dict[str, Any]] = {}
    for host in _picked(hosts(go_program), args.hosts):
        print(f"[bench] host {host.name}", file=sys.stderr)
        try:
            results[host.name] = {}
            tb.merge(results[host.name], tb.run_host(host, config, env))
        except (tb.BenchError, rb.BenchError, subprocess.SubprocessError) as error:
            print(f"issue9_bench: {error}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps({"config": config, "results": results}))
    print_tables(config, results)
    cookie_env = dict(env, GREETER_PLUGIN="hello", PLUGIN_PROTOCOL_VERSIONS="1")
    for plugin in chosen:
        if plugin.python and plugin.name in OURS:
            imported = grpc_imported(plugin.cmd, cookie_env)
            print(f"{plugin.name}: imports grpc at start-up: {'yes' if imported else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
