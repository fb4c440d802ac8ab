"""The golden output is code a strict team accepts: black, ruff, mypy --strict, and typed use.

Each golden case is checked the way a user's project would check it: ruff and mypy run with the
case folder as the project root (where main.py sits and the generated packages are first-party).
ruff also runs with this repository's own configuration, as CI does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator import goldens
from tests.generator.conftest import REPO

GOLDEN = REPO / "golden"
TYPING = Path(__file__).resolve().parent / "typecheck"
BIN = Path(sys.executable).parent
CASES = [case.name for case in goldens.cases()]
RUFF_RULES = "E,F,W,I,B,UP,N,SIM,RUF"


def ours(case: str) -> list[Path]:
    """The files pyplugin writes itself (protoc's _pb2 modules are protoc's business)."""
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


def mypy(files: list[Path], mypy_path: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    config = cache / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\nexplicit_package_bases = True\n"
        f"mypy_path = {mypy_path}:{REPO}\ncache_dir = {cache / 'cache'}\n"
        # The runtime's own go-plugin stubs are not under test here.
        "[mypy-goplugin._proto.*]\nignore_errors = True\n"
    )
    return run([str(BIN / "mypy"), "--config-file", str(config), *map(str, files)], cwd=mypy_path)


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


def test_a_correct_implementation_and_host_type_check(mypy_cache: Path) -> None:
    result = mypy([TYPING / "consumer_greeter.py"], GOLDEN / "greeter", mypy_cache)
    assert result.returncode == 0, result.stdout


def test_wrong_implementations_fail_with_the_expected_errors(mypy_cache: Path) -> None:
    negatives = sorted(TYPING.glob("negative_*.py"))
    result = mypy(negatives, GOLDEN / "greeter", mypy_cache)
    errors = sorted(
        line.split("/")[-1] for line in result.stdout.splitlines() if ": error: " in line
    )
    expected = (TYPING / "negative.expected").read_text().splitlines()
    assert errors == expected
