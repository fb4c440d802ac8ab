"""A freshly generated greeter plugin, run as a real subprocess behind goplugin.Client."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.generator.conftest import GREETER_PROTO, REPO, GenPlugin, python

HOST = Path(__file__).resolve().parents[1] / "run" / "greeter_host.py"
FILLED_IN_MAIN = REPO / "examples" / "greeter" / "main.py"


def test_the_generated_plugin_serves_greet_and_greet_stream_and_exits_cleanly(
    gen_plugin: GenPlugin, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert gen_plugin(GREETER_PROTO, "-o", out, "--magic-cookie-value", "hello").exit_code == 0
    (out / "main.py").rename(out / "scaffold_main.py")  # as generated: nothing implemented
    shutil.copy(FILLED_IN_MAIN, out / "main.py")  # the example's filled-in implementation

    report = json.loads(python(str(HOST), str(out), cwd="/"))

    assert report["client_type"] == "GreeterGRPCClient"
    assert report["is_greeter"] is True
    assert report["greeting"] == "Hello, Ada!"
    assert report["stream"] == [f"Hello Ada, message {number}" for number in range(5)]
    assert report["exited"] is True
    assert report["returncode"] == 0  # shut down on request, not killed
    assert report["scaffold_error"] == "Greet is not implemented yet"
