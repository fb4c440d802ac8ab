"""Issue 14: one proto, both halves generated, against go-plugin v1.8.0 with AutoMTLS.

For each case with a Go side (the greeter, the versioned greeter, kinds.proto with all four RPC
kinds, go-plugin's own KV and bidirectional protos):

* a Go host from tests/go/gencmd, written only against the generated Go package (``AutoMTLS:
  true``), drives the generated Python plugin (examples/*/main.py,
  tests/interop/plugins/gen_kinds_plugin.py);
* a Python host (tests/interop/hosts/gen_hosts.py, examples/kv/host.py,
  examples/bidirectional/host.py; ``goplugin.Client``, which uses AutoMTLS and refuses a plugin
  that does not) drives the Go plugin from tests/go/gencmd, written only against the generated
  Go package.

The generated Go is the committed golden-go/ (gengo.py builds from the same generator output),
and it is gofmt- and vet-clean.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import HOSTS, PLUGINS, HostRun, RunExampleHost, run_program
from ..support.gengo import GeneratedGoBinaries
from ..support.gobuild import GoExampleBinaries

pytestmark = pytest.mark.interop

REPO = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
GEN_HOSTS = str(HOSTS / "gen_hosts.py")
KINDS_PLUGIN = [PYTHON, str(PLUGINS / "gen_kinds_plugin.py")]


def _example(name: str, script: str = "main.py") -> list[str]:
    return [PYTHON, str(REPO / "examples" / name / script)]


def _ok(run: HostRun) -> list[str]:
    assert run.returncode == 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}"
    return run.stdout.splitlines()


GREETINGS = [f"stream: Hello Ada, message {number}" for number in range(5)]

#: What kinds-host prints for a plugin that behaves as kinds.proto's twins do.
KINDS_LINES = [
    "get: apple 3",
    "get kiwi: NotFound",
    "list: apple 3",
    "list: apricot 5",
    "put: stored 2",
    "sync: elder 4",
    "sync: fig 6",
    "all: 7 items",
    "first: apple 3",
    "get: banana 7",
    "put-abort: stop here",
    "record: ok",
    "status: http 200",
]


# -- the generated Go is what gofmt and go vet want ----------------------------------------------


def test_the_go_goldens_are_gofmt_clean() -> None:
    gofmt = shutil.which("gofmt") or "gofmt"
    result = subprocess.run(
        [gofmt, "-l", str(REPO / "golden-go")], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_generated_packages_and_the_programs_are_vet_clean(
    generated_go: GeneratedGoBinaries,
) -> None:
    env = {**os.environ, "GOWORK": "off", "CGO_ENABLED": "0"}
    result = subprocess.run(
        ["go", "vet", "-mod=readonly", "./gencmd/...", "./proto/..."],
        cwd=generated_go.src,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # What was vetted and built is exactly what golden-go/ commits.
    for case in sorted((REPO / "golden-go").iterdir()):
        for golden in sorted(case.rglob("*.go")):
            built = generated_go.src / golden.relative_to(case)
            assert built.read_text() == golden.read_text(), built


# -- Go host, Python plugin ----------------------------------------------------------------------


def test_go_greeter_host_drives_the_python_plugin(generated_go: GeneratedGoBinaries) -> None:
    run = run_program(
        [str(generated_go["greeter-host"]), "-name", "Ada", "--", *_example("greeter")],
        env=None,
        timeout=60,
    )
    assert _ok(run) == ["greet: Hello, Ada!", *GREETINGS]


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        (
            "1,2",
            [
                "negotiated: 2",
                "greet: Hello, Dr Ada!",
                *(f"stream: Hello Dr Ada, message {number}" for number in range(5)),
                "farewell: Goodbye, Ada!",
            ],
        ),
        ("1", ["negotiated: 1", "greet: Hello, Ada!", *GREETINGS]),
    ],
)
def test_go_versioned_host_negotiates_with_the_python_plugin(
    generated_go: GeneratedGoBinaries, versions: str, expected: list[str]
) -> None:
    host = str(generated_go["versioned-host"])
    command = [host, "-versions", versions, "-name", "Ada", "-title", "Dr", "--"]
    run = run_program([*command, *_example("versioned")], env=None, timeout=60)
    assert _ok(run) == expected


def test_go_kinds_host_drives_every_rpc_kind_of_the_python_plugin(
    generated_go: GeneratedGoBinaries,
) -> None:
    run = run_program([str(generated_go["kinds-host"]), "--", *KINDS_PLUGIN], env=None, timeout=90)
    assert _ok(run) == KINDS_LINES


def test_go_kv_host_drives_the_python_plugin(
    generated_go: GeneratedGoBinaries, tmp_path: Path
) -> None:
    host, plugin = str(generated_go["kv-host"]), _example("kv")
    put = run_program(
        [host, "put", "hello", "world", "--", *plugin], env=None, cwd=tmp_path, timeout=60
    )
    assert _ok(put) == ["put: ok"]
    get = run_program([host, "get", "hello", "--", *plugin], env=None, cwd=tmp_path, timeout=60)
    assert _ok(get) == ["get: world"]
    missing = run_program([host, "get", "nope", "--", *plugin], env=None, cwd=tmp_path, timeout=60)
    assert missing.returncode == 1
    assert "code = NotFound" in missing.stderr


def test_go_counter_host_serves_its_add_helper_to_the_python_plugin(
    generated_go: GeneratedGoBinaries, tmp_path: Path
) -> None:
    host, plugin = str(generated_go["counter-host"]), _example("bidirectional")
    for _ in range(2):
        put = run_program(
            [host, "put", "hello", "1", "--", *plugin], env=None, cwd=tmp_path, timeout=60
        )
        assert _ok(put) == ["put: ok"]
    assert "sum: 1 + 1" in put.stderr  # the plugin called back into this Go host
    get = run_program([host, "get", "hello", "--", *plugin], env=None, cwd=tmp_path, timeout=60)
    assert _ok(get) == ["get: 2"]


# -- Python host, Go plugin ----------------------------------------------------------------------


def test_python_greeter_host_drives_the_go_plugin(generated_go: GeneratedGoBinaries) -> None:
    run = run_program(
        [PYTHON, GEN_HOSTS, "greeter", "Ada", "--", str(generated_go["greeter-plugin"])],
        env=None,
        timeout=60,
    )
    assert _ok(run) == ["greet: Hello, Ada!", *GREETINGS]


@pytest.mark.parametrize(
    ("served", "expected"),
    [
        (
            "",
            [
                "negotiated: 2",
                "greet: Hello, Dr Ada!",
                *(f"stream: Hello Dr Ada, message {number}" for number in range(5)),
                "farewell: Goodbye, Ada!",
            ],
        ),
        ("1", ["negotiated: 1", "greet: Hello, Ada!", *GREETINGS]),
    ],
)
def test_python_versioned_host_negotiates_with_the_go_plugin(
    generated_go: GeneratedGoBinaries, served: str, expected: list[str]
) -> None:
    run = run_program(
        [PYTHON, GEN_HOSTS, "versioned", "Ada", "Dr", "--", str(generated_go["versioned-plugin"])],
        env={"VERSIONED_PLUGIN_VERSIONS": served},
        timeout=60,
    )
    assert _ok(run) == expected


def test_python_kinds_host_drives_every_rpc_kind_of_the_go_plugin(
    generated_go: GeneratedGoBinaries,
) -> None:
    run = run_program(
        [PYTHON, GEN_HOSTS, "kinds", "--", str(generated_go["kinds-plugin"])], env=None, timeout=90
    )
    # A Python request iterator that raises cancels the call (grpcio), so that line is Go's own.
    assert _ok(run) == [line for line in KINDS_LINES if not line.startswith("put-abort")]


def test_python_kv_host_drives_the_go_plugin(
    generated_go: GeneratedGoBinaries, tmp_path: Path
) -> None:
    env = {"KV_PLUGIN": str(generated_go["kv-plugin"])}
    host = _example("kv", "host.py")
    put = run_program([*host, "put", "hello", "world"], env=env, cwd=tmp_path, timeout=60)
    assert _ok(put) == []
    assert (tmp_path / "kv_hello").read_bytes() == b"world"  # written by the Go plugin
    get = run_program([*host, "get", "hello"], env=env, cwd=tmp_path, timeout=60)
    assert _ok(get) == ["world"]


def test_python_counter_host_serves_its_add_helper_to_the_go_plugin(
    generated_go: GeneratedGoBinaries, tmp_path: Path
) -> None:
    env = {"COUNTER_PLUGIN": str(generated_go["counter-plugin"])}
    host = _example("bidirectional", "host.py")
    for _ in range(2):
        assert (
            _ok(run_program([*host, "put", "hello", "1"], env=env, cwd=tmp_path, timeout=60)) == []
        )
    assert (tmp_path / "kv_hello").read_text() == '{"Value":2}'  # the Go plugin's sums
    get = run_program([*host, "get", "hello"], env=env, cwd=tmp_path, timeout=60)
    assert _ok(get) == ["2"]


# -- Go host, Go plugin: the control -------------------------------------------------------------


def test_go_kinds_host_and_go_plugin_agree_with_the_python_twins(
    generated_go: GeneratedGoBinaries,
) -> None:
    run = run_program(
        [str(generated_go["kinds-host"]), "--", str(generated_go["kinds-plugin"])],
        env=None,
        timeout=60,
    )
    assert _ok(run) == KINDS_LINES


# -- the wire is the proto's: the generated Go meets go-plugin's hand-written example ------------


def test_go_plugins_own_counter_host_drives_the_generated_go_plugin(
    generated_go: GeneratedGoBinaries, run_counter_host: RunExampleHost, tmp_path: Path
) -> None:
    plugin = [str(generated_go["counter-plugin"])]
    for _ in range(2):
        assert run_counter_host(plugin, "put", "hello", "1", cwd=tmp_path).returncode == 0
    get = run_counter_host(plugin, "get", "hello", cwd=tmp_path)
    assert (get.returncode, get.stdout) == (0, "2\n")


def test_the_generated_go_counter_host_drives_go_plugins_own_plugin(
    generated_go: GeneratedGoBinaries, go_examples: GoExampleBinaries, tmp_path: Path
) -> None:
    host, plugin = str(generated_go["counter-host"]), str(go_examples.counter_plugin)
    for _ in range(2):
        put = run_program(
            [host, "put", "hello", "1", "--", plugin], env=None, cwd=tmp_path, timeout=60
        )
        assert _ok(put) == ["put: ok"]
    get = run_program([host, "get", "hello", "--", plugin], env=None, cwd=tmp_path, timeout=60)
    assert _ok(get) == ["get: 2"]
