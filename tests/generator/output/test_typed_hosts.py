"""Host code is typed without a cast or an ``isinstance`` assert (issue 12, item 4).

``client.dispense("greeter", Greeter)`` is a ``Greeter`` to mypy and pyright, although
``Greeter`` is abstract, and a ``TypeError`` naming both classes at once when the plugin set
gives something else, rather than an ``AttributeError`` at some later call.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.generator.conftest import REPO

EXAMPLES = REPO / "examples"
BIN = Path(sys.executable).parent
HOSTS = ["bidirectional", "greeter", "kv", "versioned"]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("example", HOSTS)
def test_example_hosts_pass_mypy_strict_with_no_cast(example: str, tmp_path: Path) -> None:
    folder = EXAMPLES / example
    host = (folder / "host.py").read_text()
    assert "isinstance(" not in host and "cast(" not in host
    command = [str(BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), "host.py", "main.py"]
    result = run(command, folder)
    assert result.returncode == 0, result.stdout


def test_example_hosts_pass_pyright_strict(tmp_path: Path) -> None:
    if importlib.util.find_spec("pyright") is None or shutil.which("node") is None:
        pytest.skip("pyright (the test extra) and Node.js (`node` on PATH) are needed")

    def here(path: Path) -> str:  # pyright takes only paths relative to its configuration
        return os.path.relpath(path, tmp_path)

    files = [
        here(EXAMPLES / example / name) for example in HOSTS for name in ("host.py", "main.py")
    ]
    config = {
        "include": files,
        "typeCheckingMode": "strict",
        "pythonVersion": "3.10",
        "executionEnvironments": [
            {"root": here(EXAMPLES / example), "extraPaths": [here(REPO)]} for example in HOSTS
        ],
        # The virtualenv's stubs (grpc-stubs, types-protobuf), as test_generated_code does.
        "venvPath": here(Path(sys.prefix).parent),
        "venv": Path(sys.prefix).name,
    }
    (tmp_path / "pyrightconfig.json").write_text(json.dumps(config))
    command = [str(BIN / "pyright"), "--outputjson", "--project", str(tmp_path)]
    result = run(command, tmp_path)
    report = json.loads(result.stdout)
    errors = [
        f"{item['file']}:{item['range']['start']['line'] + 1}: {item['message']}"
        for item in report["generalDiagnostics"]
        if item["severity"] == "error"
    ]
    assert errors == []
    assert report["summary"]["filesAnalyzed"] == len(files)


WRONG_INTERFACE = """
import sys
import goplugin
from greeter.plugin import HANDSHAKE, PLUGINS
from greeter.interface import Greeter

class Other(Greeter):
    pass

command = [sys.executable, "main.py"]
with goplugin.Client(handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=command) as client:
    print(client.dispense("greeter", Greeter).greet.__qualname__)
    try:
        client.dispense("greeter", Other)
    except TypeError as error:
        print(error)
"""


def test_dispense_checks_the_interface_it_is_given() -> None:
    result = run([sys.executable, "-c", WRONG_INTERFACE], EXAMPLES / "greeter")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "GreeterGRPCClient.greet",
        "plugin 'greeter': GreeterGRPCPlugin.grpc_client returned a GreeterGRPCClient, "
        "not an instance of Other",
    ]


def test_the_greeter_example_host_greets_through_the_typed_client() -> None:
    result = run([sys.executable, "host.py", "Ada"], EXAMPLES / "greeter")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Hello, Ada!"
    assert len(result.stdout.splitlines()) == 6
