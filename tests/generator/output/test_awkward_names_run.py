"""The cases of awkward names run as their stubs say (issue 12, items 2 and 7).

``test_generated_code`` type-checks them; here each runs for real in its own interpreter (so
its packages never enter this one's ``sys.modules``): builtin-named messages are built and read,
the RPCs named ``Iterator``, ``grpc`` and after the stub's own module are served by grpcio on
127.0.0.1 and called through grpcio-tools' stub, and the package ``main_`` is served by the
scaffold ``main.py`` to a real host.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.generator.conftest import REPO

GOLDEN = REPO / "golden"
TYPING = Path(__file__).resolve().parents[1] / "typecheck"


def run(case: str, code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=GOLDEN / case,
        env={"PYTHONPATH": f"{GOLDEN / case}:{TYPING / case}:{REPO}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_messages_named_like_builtins_are_built_and_read() -> None:
    assert run("builtin_types", "import consumer; print(consumer.build().top.value)") == "top\n"


SERVE_AND_CALL = """
from concurrent import futures
import grpc, consumer
server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
consumer.serve(server)
port = server.add_insecure_port("127.0.0.1:0")
server.start()
try:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        print(consumer.call(channel))
finally:
    server.stop(None)
"""


def test_rpcs_named_like_the_stubs_imports_are_served_and_called() -> None:
    assert run("rpc_names", SERVE_AND_CALL) == "['a', 'bc', 'd']\n"


HOST = """
import sys
import goplugin
from main_ import main_package_pb2, plugin
from main_.interface import Runner
with goplugin.Client(
    handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=[sys.executable, "main.py"]
) as client:
    runner = client.dispense("runner", Runner)
    try:
        runner.run(main_package_pb2.Job(name="job"))
    except Exception as error:
        print(type(error).__name__, error)
"""


def test_a_package_named_main_is_served_by_the_scaffold_beside_it() -> None:
    """``main.py`` imports ``main_`` (not itself) and serves the scaffold's implementation."""
    assert "Run is not implemented yet" in run("main_package", HOST)
