"""The golden output is code a strict team accepts: black, ruff, mypy --strict, and typed use.

Each golden case is checked the way a user's project would check it: ruff and mypy run with the
case folder as the project root (where main.py sits and the generated packages are first-party).
ruff also runs with this repository's own configuration, as CI does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest

from tests.generator.conftest import REPO
from tools import goldens

GOLDEN = REPO / "golden"
TYPING = Path(__file__).resolve().parents[1] / "typecheck"
BIN = Path(sys.executable).parent
CASES = [case.name for case in goldens.cases()]
RUFF_RULES = "E,F,W,I,B,UP,N,SIM,RUF"


def ours(case: str) -> list[Path]:
    """The files pygoplugin writes itself (protoc's _pb2 modules are protoc's business)."""
    folder = GOLDEN / case
    return sorted(
        path
        for path in folder.rglob("*.py*")
        if path.suffix in (".py", ".pyi")
        and not path.name.endswith(("_pb2.py", "_pb2.pyi"))
        and path.name != "_pb2_grpc.py"
        and not path.name.endswith("_pb2_grpc.py")
    )


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


def mypy(
    files: list[Path], mypy_path: Path, cache: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    config = cache / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\nexplicit_package_bases = True\n"
        f"mypy_path = {mypy_path}:{REPO}\ncache_dir = {cache / 'cache'}\n"
        # The runtime's own go-plugin stubs are not under test here.
        "[mypy-goplugin._proto.*]\nignore_errors = True\n"
    )
    command = [str(BIN / "mypy"), "--config-file", str(config), *options, *map(str, files)]
    return run(command, cwd=mypy_path)


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy")


@pytest.mark.parametrize("case", CASES)
def test_black_would_change_nothing(case: str) -> None:
    for path in ours(case):
        source = path.read_text()
        mode = black.Mode(line_length=100, is_pyi=path.suffix == ".pyi")
        assert black.format_str(source, mode=mode) == source, path


@pytest.mark.parametrize("case", CASES)
def test_ruff_passes_in_a_users_project_and_in_this_repository(case: str) -> None:
    folder = GOLDEN / case
    user_project = [
        *("--no-cache", "--isolated", "--line-length", "100", "--select", RUFF_RULES),
        *("--target-version", "py310", "--exclude", "*_pb2.py,*_pb2.pyi,*_pb2_grpc.py", "."),
    ]  # protoc's own modules are left out, as every project using them does
    isolated = run([str(BIN / "ruff"), "check", *user_project], cwd=folder)
    assert isolated.returncode == 0, isolated.stdout
    here = run([str(BIN / "ruff"), "check", "--no-cache", str(folder)], cwd=REPO)
    assert here.returncode == 0, here.stdout


@pytest.mark.parametrize("case", CASES)
def test_mypy_strict_passes_on_every_module_and_stub(case: str, mypy_cache: Path) -> None:
    folder = GOLDEN / case
    files = sorted(
        path
        for path in folder.rglob("*.py*")
        if path.suffix in (".py", ".pyi")
        and not path.name.endswith(("_pb2.py", "_pb2_grpc.py"))  # typed by their .pyi
    )
    result = mypy(files, folder, mypy_cache)
    assert result.returncode == 0, result.stdout


#: The committed consumer module of each case that has one: code that implements every
#: interface it names and calls it as a host; it must type-check cleanly.
CONSUMERS = {
    "greeter": TYPING / "consumer_greeter.py",
    "names": TYPING / "names" / "consumer.py",
    "syntax": TYPING / "syntax" / "consumer.py",
    "go-plugin-bidirectional": TYPING / "bidirectional" / "consumer.py",
    "stub_names": TYPING / "stub_names" / "consumer.py",
    "builtin_types": TYPING / "builtin_types" / "consumer.py",
    "rpc_names": TYPING / "rpc_names" / "consumer.py",
}
#: Each case's committed negative cases: wrong implementations and uses, and the errors mypy
#: must report for them (``negative.expected``, one ``file:line: error: ...`` per line).
NEGATIVES = {
    "greeter": TYPING,
    "names": TYPING / "names",
    "syntax": TYPING / "syntax",
    "go-plugin-bidirectional": TYPING / "bidirectional",
}


@pytest.mark.parametrize("case", sorted(CONSUMERS))
def test_a_correct_implementation_and_host_type_check(case: str, mypy_cache: Path) -> None:
    result = mypy([CONSUMERS[case]], GOLDEN / case, mypy_cache)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("case", sorted(NEGATIVES))
def test_wrong_implementations_fail_with_the_expected_errors(case: str, mypy_cache: Path) -> None:
    folder = NEGATIVES[case]
    negatives = sorted(folder.glob("negative_*.py"))
    # ``deprecated`` is off by default; a user who turns it on sees deprecated RPCs flagged.
    result = mypy(negatives, GOLDEN / case, mypy_cache, "--enable-error-code", "deprecated")
    errors = sorted(
        line.split("/")[-1] for line in result.stdout.splitlines() if ": error: " in line
    )
    expected = (folder / "negative.expected").read_text().splitlines()
    assert errors == expected


@pytest.fixture(scope="module")
def pyright_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One pyright run over every case in strict mode, as Python 3.10 (our floor): pygoplugin's
    files, the consumers and the ``_pb2.pyi`` stubs (``python/render/pb2_stub.py``).
    """
    if importlib.util.find_spec("pyright") is None or shutil.which("node") is None:
        pytest.skip("pyright (the test extra) and Node.js (`node` on PATH) are needed")
    root = tmp_path_factory.mktemp("pyright")
    strict = [path for case in CASES for path in ours(case)]
    strict += list(CONSUMERS.values())
    stubs = sorted(GOLDEN.rglob("*_pb2.pyi"))
    environments = (
        [{"root": GOLDEN / case, "extraPaths": [REPO]} for case in CASES]
        + [
            {"root": path.parent, "extraPaths": [GOLDEN / case, REPO]}
            for case, path in CONSUMERS.items()
            if path.parent != TYPING
        ]
        + [{"root": TYPING, "extraPaths": [GOLDEN / "greeter", REPO]}]
    )
    config: dict[str, object] = {
        "include": [*strict, *stubs],
        "strict": [*strict, *stubs],
        "typeCheckingMode": "standard",
        "pythonVersion": "3.10",
        "executionEnvironments": environments,
        "extraPaths": [REPO],  # for files outside every root: goplugin's own
        # The virtualenv's stubs (grpc-stubs, types-protobuf): pyright resolves a venv's
        # python symlink to the base interpreter, whose sys.path lacks them.
        "venvPath": Path(sys.prefix).parent,
        "venv": Path(sys.prefix).name,
    }

    def relative(value: object) -> object:
        if isinstance(value, Path):
            return os.path.relpath(value, root)
        if isinstance(value, list):
            return [relative(item) for item in value]
        if isinstance(value, dict):
            return {key: relative(item) for key, item in value.items()}
        return value

    (root / "pyrightconfig.json").write_text(json.dumps(relative(config), indent=1))
    command = [str(BIN / "pyright"), "--outputjson", "--project", str(root / "pyrightconfig.json")]
    done = run(command, root)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 1: errors found
    report = json.loads(done.stdout)
    assert report["summary"]["filesAnalyzed"] == len(strict) + len(stubs), done.stdout
    found: dict[str, list[str]] = {case: [] for case in CASES}
    for diagnostic in report["generalDiagnostics"]:
        if diagnostic["severity"] != "error":
            continue
        path = Path(diagnostic["file"])
        owners = [case for case in CASES if path.is_relative_to(GOLDEN / case)]
        owners += [case for case, consumer in CONSUMERS.items() if consumer == path]
        case = owners[0]
        line = diagnostic["range"]["start"]["line"] + 1
        found[case].append(f"{path}:{line}: {diagnostic.get('rule')}: {diagnostic['message']}")
    return found


@pytest.mark.parametrize("case", CASES)
def test_pyright_passes_on_every_module_stub_and_consumer(
    case: str, pyright_errors: dict[str, list[str]]
) -> None:
    assert pyright_errors[case] == []
