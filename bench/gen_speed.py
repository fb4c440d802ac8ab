"""How long gen-plugin takes next to grpcio-tools' own protoc, side by side, in one run.

    .venv/bin/python bench/gen_speed.py [--runs N] [--gen-plugin PROGRAM]

For greeter and a provider protocol of 36 RPCs (``example_protos/provider/provider.proto``) it
times, as a user would run them (a fresh process each time), one row each:

* ``protoc``: ``python -m grpc_tools.protoc --python_out --pyi_out --grpc_python_out`` into an
  empty folder — the baseline every ratio divides by;
* ``cold``: ``gen-plugin`` with its cache off (``PYGOPLUGIN_CACHE_DIR=off``) on a changed proto,
  into an empty folder: everything is done from scratch, as on a first run ever;
* ``edited``: ``gen-plugin``, cache on, on a changed proto, into its previous output — the
  edit-and-regenerate loop (a replay is impossible; black's answers for unchanged text are reused);
* ``warm``: ``gen-plugin``, cache on, on the same proto as before, into an empty folder;
* ``re-run``: ``gen-plugin`` again into its own up-to-date output.

A changed proto is the proto with a new comment line above its first service, different on every
run, so the interface docstrings change; protoc times on that same changed proto. Each figure is
the median of ``--runs`` runs; the variants are interleaved (the first one rotating) so background
load hits them alike, and each ratio is shown as the ratio of medians and, in brackets, the median
of the ratios of runs made back to back. Targets (issue 12): cold at most 1.5x on greeter and
2.0x on the provider, re-run at most 1.0x.

``--gen-plugin`` times another ``gen-plugin`` program in place of this checkout's (say, a
wrapper running an older commit from a ``git worktree``), for a before-and-after on one machine.

Every process runs from bytecode, as an installed wheel does (pip compiles it at install time):
bytecode is written under the scratch folder even where PYTHONDONTWRITEBYTECODE is set, which
would otherwise make every run recompile the generator's sources (and only those: the
site-packages that protoc runs from ship compiled).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.dirname(sys.executable)
GEN_PLUGIN = os.path.join(BIN, "gen-plugin")

#: name -> (include folder, proto relative to it)
PROTOS = {
    "greeter": (os.path.join(REPO, "example_protos"), "greeter.proto"),
    "provider (36 RPCs)": (os.path.join(REPO, "example_protos"), "provider/provider.proto"),
}

VARIANTS = ("protoc", "cold", "edited", "warm", "re-run")
#: Issue 12's targets, per proto: the most each variant may take, as a ratio to protoc's time.
TARGETS = {
    "greeter": {"cold": 1.5, "re-run": 1.0},
    "provider (36 RPCs)": {"cold": 2.0, "re-run": 1.0},
}


def _timed(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def _changed(original: str, run: int) -> str:
    """The proto with a comment line, new on every run, on its first service."""
    before, service, after = original.partition("\nservice ")
    return f"{before}\n// Edited for gen_speed run {run}.{service}{after}"


def measure(
    include: str, proto: str, runs: int, scratch: str, program: str = GEN_PLUGIN
) -> dict[str, list[float]]:
    """Every variant's wall times for one proto, ``runs`` of each, interleaved."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(scratch, "pycache")
    warm_cache = os.path.join(scratch, "warm-cache")
    # The changed proto lives in a copy of its include folder, so its imports resolve alike.
    edited_include = os.path.join(scratch, "edited-protos")
    shutil.rmtree(edited_include, ignore_errors=True)
    shutil.copytree(include, edited_include)
    edited_path = os.path.join(edited_include, proto)
    with open(os.path.join(include, proto), encoding="utf-8") as stream:
        original = stream.read()
    path = os.path.join(include, proto)

    def fresh(name: str) -> str:
        folder = os.path.join(scratch, name)
        shutil.rmtree(folder, ignore_errors=True)
        return folder

    def edit(run: int) -> None:
        with open(edited_path, "w", encoding="utf-8") as stream:
            stream.write(_changed(original, run))

    def gen(proto_path: str, proto_include: str, out: str, cache: str) -> float:
        command = [program, proto_path, "-I", proto_include, "-o", out]
        return _timed(command, {**env, "PYGOPLUGIN_CACHE_DIR": cache})

    def protoc() -> float:
        out = fresh("protoc-out")
        os.makedirs(out)
        command = [sys.executable, "-m", "grpc_tools.protoc", f"-I{edited_include}"]
        command += [f"--python_out={out}", f"--pyi_out={out}", f"--grpc_python_out={out}"]
        return _timed([*command, edited_path], env)

    variants: dict[str, Callable[[], float]] = {
        "protoc": protoc,
        "cold": lambda: gen(edited_path, edited_include, fresh("cold-out"), "off"),
        "edited": lambda: gen(
            edited_path, edited_include, os.path.join(scratch, "edited-out"), warm_cache
        ),
        "warm": lambda: gen(path, include, fresh("warm-out"), warm_cache),
        "re-run": lambda: gen(path, include, os.path.join(scratch, "rerun-out"), warm_cache),
    }
    edit(-1)
    for run in variants.values():  # bytecode, the warm cache, the folders re-runs go into
        run()
    samples: dict[str, list[float]] = {name: [] for name in variants}
    names = list(variants)
    for number in range(runs):
        edit(number)  # one changed proto per round, the same for protoc, cold and edited
        for name in names[number % len(names) :] + names[: number % len(names)]:
            samples[name].append(variants[name]())
    return samples


def ratios(samples: dict[str, list[float]], name: str) -> tuple[float, float]:
    """``name`` over protoc: the ratio of the medians, and the median of the paired ratios."""
    base = samples["protoc"]
    of_medians = statistics.median(samples[name]) / statistics.median(base)
    paired = statistics.median(a / b for a, b in zip(samples[name], base, strict=True))
    return of_medians, paired


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per variant (median is shown)")
    parser.add_argument(
        "--gen-plugin", default=GEN_PLUGIN, help="the gen-plugin program to time (default: ours)"
    )
    arguments = parser.parse_args()
    runs = arguments.runs
    print(f"median of {runs} runs, interleaved; ratio = time / protoc's (median of paired ratios)")
    failed = []
    with tempfile.TemporaryDirectory(prefix="gen-speed-") as scratch:
        for label, (include, proto) in PROTOS.items():
            samples = measure(include, proto, runs, scratch, arguments.gen_plugin)
            print(f"\n{label}")
            for name in VARIANTS:
                median = statistics.median(samples[name]) * 1000
                if name == "protoc":
                    print(f"  {name:8} {median:6.0f} ms")
                    continue
                of_medians, paired = ratios(samples, name)
                target = TARGETS[label].get(name)
                verdict = ""
                if target is not None:
                    met = of_medians <= target
                    verdict = f"  target <= {target:.1f}x: {'met' if met else 'MISSED'}"
                    if not met:
                        failed.append(f"{label}: {name}")
                print(f"  {name:8} {median:6.0f} ms  {of_medians:4.2f}x ({paired:4.2f}x){verdict}")
    if failed:
        print(f"\nmissed: {'; '.join(failed)}")


if __name__ == "__main__":
    main()
