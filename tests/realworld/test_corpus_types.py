"""The corpus's generated code is code a strict team accepts: black, ruff, mypy --strict, pyright.

Each corpus proto's output is checked as its own project (its packages are first-party; two
corpus files may share a package name). Beside it, one consumer module per service, written
from the generated interface's signatures (``corpus.consumer_module``), implements the
interface, serves it and calls every RPC: it must type-check under mypy --strict and pyright
--strict. A committed negative case on the real route_guide.proto must fail with the expected
errors.

pyright comes from the ``pyright`` PyPI package (the ``test`` extra), which bundles the npm
package and runs it with Node.js; without ``node`` on PATH its tests skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from concurrent import futures
from pathlib import Path
from typing import Any, NamedTuple

import black
import pytest

from tests.realworld import corpus
from tests.realworld.conftest import generated_ok
from tests.realworld.known_failures import KNOWN
from tests.support import shared_protos

shared_protos.require(bool(corpus.ALL), f"no protos in {corpus.SHARED_PROTOS}")

TYPECHECK = Path(__file__).resolve().parent / "typecheck"
NEGATIVE = TYPECHECK / "negative_route_guide.py"
NEGATIVE_PROTO = corpus.CorpusProto(corpus.SHARED_PROTOS / "grpc-java" / "route_guide.proto")
needs_negative_proto = pytest.mark.skipif(
    not NEGATIVE_PROTO.path.is_file() and not shared_protos.under_ci(),
    reason=f"the negative cases need {NEGATIVE_PROTO.path}",
)
RUFF_RULES = "E,F,W,I,B,UP,N,SIM,RUF"
Generated = dict[str, corpus.Generated]
Diagnostics = dict[str, list["Diagnostic"]]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}  # no version check online
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300, env=env)


# -- black and ruff ----------------------------------------------------------------------------


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "black", KNOWN))
def test_black_check_passes_on_every_file_pygoplugin_writes(
    proto: corpus.CorpusProto, generated: Generated
) -> None:
    files = corpus.pygoplugin_files(generated_ok(generated, proto))
    assert files
    for path in files:
        source = path.read_text(encoding="utf-8")
        mode = black.Mode(line_length=100, is_pyi=path.suffix == ".pyi")
        assert black.format_str(source, mode=mode) == source, path


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "ruff", KNOWN))
def test_ruff_passes_on_every_file_pygoplugin_writes(
    proto: corpus.CorpusProto, generated: Generated
) -> None:
    out = generated_ok(generated, proto)
    options = ["--no-cache", "--isolated", "--line-length", "100", "--target-version", "py310"]
    files = [str(path.relative_to(out)) for path in corpus.pygoplugin_files(out)]
    done = run([str(corpus.BIN / "ruff"), "check", *options, "--select", RUFF_RULES, *files], out)
    assert done.returncode == 0, done.stdout + done.stderr


# -- mypy --------------------------------------------------------------------------------------


def mypy(files: list[Path], out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    config = cache / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\nexplicit_package_bases = True\n"
        f"mypy_path = {out}:{corpus.REPO}\ncache_dir = {cache / 'cache'}\n"
        "[mypy-goplugin._proto.*]\nignore_errors = True\n"  # the runtime's stubs: not under test
    )
    return run([str(corpus.BIN / "mypy"), "--config-file", str(config), *map(str, files)], out)


MypyRuns = dict[str, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def mypy_runs(
    generated: Generated,
    consumers: dict[str, list[Path]],
    tmp_path_factory: pytest.TempPathFactory,
) -> MypyRuns:
    """mypy --strict over each output and its consumers (key: proto id), and over the negative
    case (key: ``negative``): one mypy process per output, two at a time, each with its cache."""
    checks = [
        (run.proto.id, [*corpus.typed_files(run.out), *consumers.get(run.proto.id, [])], run.out)
        for run in generated.values()
        if run.returncode == 0
    ]
    negative = generated.get(NEGATIVE_PROTO.id)
    if negative is not None and negative.returncode == 0:
        checks.append(("negative", [NEGATIVE], negative.out))

    def worker(share: list[tuple[str, list[Path], Path]]) -> MypyRuns:
        cache = tmp_path_factory.mktemp("realworld-mypy")
        return {key: mypy(files, out, cache) for key, files, out in share}

    with futures.ThreadPoolExecutor(max_workers=2) as pool:
        shares = pool.map(worker, [checks[0::2], checks[1::2]])
        return {key: done for share in shares for key, done in share.items()}


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "mypy", KNOWN))
def test_mypy_strict_passes_on_every_module_stub_and_consumer_module(
    proto: corpus.CorpusProto,
    generated: Generated,
    consumers: dict[str, list[Path]],
    mypy_runs: MypyRuns,
) -> None:
    generated_ok(generated, proto)
    assert consumers[proto.id], "no service described, so no consumer module written"
    done = mypy_runs[proto.id]
    assert done.returncode == 0, done.stdout + done.stderr


@needs_negative_proto
def test_a_wrong_route_guide_implementation_fails_mypy_with_the_expected_errors(
    generated: Generated, mypy_runs: MypyRuns
) -> None:
    generated_ok(generated, NEGATIVE_PROTO)
    done = mypy_runs["negative"]
    errors = [line.split("/")[-1] for line in done.stdout.splitlines() if ": error: " in line]
    assert errors == (TYPECHECK / "negative_route_guide.expected").read_text().splitlines()


# -- pyright -----------------------------------------------------------------------------------


def pyright_unavailable() -> str | None:
    """Why pyright cannot run here, or None."""
    if importlib.util.find_spec("pyright") is None:
        return "pyright is not installed: it is in the test extra (scripts/bootstrap.sh)"
    if shutil.which("node") is None:
        return "pyright needs Node.js and `node` is not on PATH (Debian: apt-get install nodejs)"
    return None


def pyright(config: dict[str, Any], root: Path, name: str) -> list[dict[str, Any]]:
    """pyright's error diagnostics for ``config``, written as ``root/name``.

    Paths in ``config`` may be absolute: they are written relative to ``root``, as pyright
    wants them (it ignores absolute ``include`` entries). Every included file must be analyzed.
    """

    def relative(value: Any) -> Any:
        if isinstance(value, Path):
            return os.path.relpath(value, root)
        if isinstance(value, list):
            return [relative(item) for item in value]
        if isinstance(value, dict):
            return {key: relative(item) for key, item in value.items()}
        return value

    (root / name).write_text(json.dumps(relative(config), indent=1))
    command = [str(corpus.BIN / "pyright"), "--outputjson", "--pythonpath", sys.executable]
    done = run([*command, "--project", str(root / name)], root)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: errors found
    report = json.loads(done.stdout)
    assert report["summary"]["filesAnalyzed"] == len(config["include"]), done.stdout
    diagnostics: list[dict[str, Any]] = report["generalDiagnostics"]
    return [found for found in diagnostics if found["severity"] == "error"]


class Diagnostic(NamedTuple):
    """One pyright error, its file relative to the folder it was found under."""

    file: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.rule}: {self.message}"


def by_folder(diagnostics: list[dict[str, Any]], folders: dict[str, Path]) -> Diagnostics:
    """pyright's errors, each under the key of the folder that holds its file."""
    found: Diagnostics = {key: [] for key in folders}
    for diagnostic in diagnostics:
        path = Path(diagnostic["file"])
        key, folder = next((k, f) for k, f in folders.items() if path.is_relative_to(f))
        line = diagnostic["range"]["start"]["line"] + 1
        rule = str(diagnostic.get("rule"))
        found[key].append(
            Diagnostic(str(path.relative_to(folder)), line, rule, diagnostic["message"])
        )
    return found


def environment(folder: Path, *paths: Path) -> dict[str, Any]:
    """A pyright execution environment: ``folder``'s files find ``paths`` and goplugin."""
    return {"root": folder, "extraPaths": [*paths, corpus.REPO]}


@pytest.fixture(scope="module")
def pyright_errors(generated: Generated, consumers: dict[str, list[Path]]) -> Diagnostics:
    """One pyright run over every output (key: proto id): pygoplugin's files and the consumers in
    strict mode, protoc's ``_pb2.pyi`` stubs in pyright's default (standard) mode; and over the
    negative case, strict (key: ``negative``)."""
    reason = pyright_unavailable()
    if reason:
        pytest.skip(reason)
    runs = [run for run in generated.values() if run.returncode == 0]
    root = runs[0].folder.parent
    ours = [path for run in runs for path in corpus.pygoplugin_files(run.out)]
    ours += [path for run in runs for path in consumers.get(run.proto.id, [])]
    stubs = [path for run in runs for path in run.out.rglob("*_pb2.pyi")]
    folders = {run.proto.id: run.folder for run in runs}
    environments = [environment(run.folder, run.out) for run in runs]
    negative = generated.get(NEGATIVE_PROTO.id)
    if negative is not None and negative.returncode == 0:
        folders["negative"] = root / "negative"
        folders["negative"].mkdir()
        ours.append(Path(shutil.copy(NEGATIVE, folders["negative"])))
        environments.append(environment(folders["negative"], negative.out))
    config = {
        "include": [*ours, *stubs],
        "strict": ours,
        "typeCheckingMode": "standard",
        "pythonVersion": "3.11",
        "extraPaths": [corpus.REPO],  # for goplugin's own files (outside every environment)
        "executionEnvironments": environments,
    }
    return by_folder(pyright(config, root, "pyrightconfig.json"), folders)


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "pyright", KNOWN))
def test_pyright_passes_on_every_module_stub_and_consumer_module(
    proto: corpus.CorpusProto, generated: Generated, pyright_errors: Diagnostics
) -> None:
    generated_ok(generated, proto)
    assert list(map(str, pyright_errors[proto.id])) == []


@needs_negative_proto
def test_a_wrong_route_guide_implementation_fails_pyright_on_every_wrong_line(
    generated: Generated, pyright_errors: Diagnostics
) -> None:
    generated_ok(generated, NEGATIVE_PROTO)
    errors = [f"{found.file}:{found.line}: {found.rule}" for found in pyright_errors["negative"]]
    expected = (TYPECHECK / "negative_route_guide.pyright.expected").read_text().splitlines()
    assert errors == expected


@pytest.fixture(scope="module")
def pyright_strict_stub_errors(generated: Generated) -> Diagnostics:
    """protoc's ``_pb2.pyi`` stubs under pyright --strict (a separate run: a stricter bar)."""
    reason = pyright_unavailable()
    if reason:
        pytest.skip(reason)
    runs = [run for run in generated.values() if run.returncode == 0]
    config = {
        "include": [path for run in runs for path in run.out.rglob("*_pb2.pyi")],
        "typeCheckingMode": "strict",
        "pythonVersion": "3.11",
        "extraPaths": [corpus.REPO],  # for goplugin's own files (outside every environment)
        "executionEnvironments": [environment(run.folder, run.out) for run in runs],
    }
    folders = {run.proto.id: run.folder for run in runs}
    return by_folder(pyright(config, runs[0].folder.parent, "pyrightconfig-stubs.json"), folders)


@pytest.mark.parametrize("proto", corpus.cases(corpus.ALL, "pyright-strict-stubs", KNOWN))
def test_protocs_pb2_stubs_pass_pyright_strict_too(
    proto: corpus.CorpusProto, generated: Generated, pyright_strict_stub_errors: Diagnostics
) -> None:
    generated_ok(generated, proto)
    assert list(map(str, pyright_strict_stub_errors[proto.id])) == []
