"""Every golden case's plugins serve a real subprocess and answer through the generated clients.

The golden output is copied as a user would have it; a dummy implementation of every interface
(``tests/support/dummies.py``, built from the generated type hints) is served by one plugin
process, and a host calls every RPC of every plugin with default messages: keyword-named RPCs
and types, streams of every kind, nested and well-known types, deprecated RPCs (which must warn
on the host), services without RPCs. Broker services (``--broker-service``), which are no
plugins, are served by the plugin through its broker with their generated ``serve_<name>``
helper and called by the host through ``dial_<name>`` and ``client.broker``.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.generator.conftest import REPO, python
from tools import goldens

HOST = Path(__file__).resolve().parents[1] / "run" / "case_host.py"
#: Cases with one handshake for all their packages (the versioned case negotiates instead).
CASES = [case.name for case in goldens.cases() if case.name not in ("versioned", "greeter")]


@pytest.mark.parametrize("case", CASES)
def test_every_rpc_of_every_plugin_answers_through_the_generated_client(
    case: str, tmp_path: Path
) -> None:
    out = tmp_path / case
    shutil.copytree(REPO / "golden" / case, out)

    report = json.loads(python(str(HOST), str(out), cwd="/"))

    calls = report["calls"]
    assert calls, "no RPC was called"
    brokered = {call["plugin"] for call in calls if ":" in call["plugin"]}
    helpers = {
        f"{'.'.join(path.relative_to(out).with_suffix('').parts)}:{name}"
        for path in out.rglob("plugin.py")
        for name in re.findall(r"^def serve_(\w+)\(", path.read_text(), re.MULTILINE)
    }
    assert brokered == helpers  # every broker service was dialled and called
    for call in calls:
        assert call["is_interface"], call
        expected = [call["expected"]] * len(call["replies"])
        assert call["replies"] == expected and call["replies"], call
        warned = [call["deprecation"]] if call["deprecation"] else []
        assert call["warnings"] == warned, call
    assert report["exited"] is True
    assert report["returncode"] == 0


IMPORT_ALL = """
import importlib, sys
from pathlib import Path
out = Path(sys.argv[1])
sys.path[0] = str(out)
for path in sorted(out.rglob("*.py")):
    parts = path.relative_to(out).with_suffix("").parts
    importlib.import_module(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    print(path.relative_to(out))
"""


@pytest.mark.parametrize("case", [case.name for case in goldens.cases()])
def test_every_emitted_module_imports_protocs_grpc_modules_too(case: str) -> None:
    """grpcio-tools writes ``def lambda(...)`` for an RPC named lambda: repaired, it imports."""
    folder = REPO / "golden" / case
    imported = python("-c", IMPORT_ALL, str(folder), cwd="/").split()
    assert sorted(imported) == sorted(
        str(path.relative_to(folder)) for path in folder.rglob("*.py")
    )
