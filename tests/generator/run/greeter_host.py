"""A host for test_plugin_process.py: runs in its own process, prints what it saw as JSON.

python greeter_host.py OUT     # OUT holds the generated greeter package and main.py files
"""

from __future__ import annotations

import json
import os
import sys

out = sys.argv[1]
sys.path.insert(0, out)

from greeter import greeter_pb2  # noqa: E402
from greeter.interface import Greeter  # noqa: E402
from greeter.plugin import HANDSHAKE, PLUGINS  # noqa: E402

import goplugin  # noqa: E402

report: dict[str, object] = {}
with goplugin.Client(
    handshake_config=HANDSHAKE, plugins=PLUGINS, cmd=[sys.executable, os.path.join(out, "main.py")]
) as client:
    greeter = client.dispense("greeter")
    request = greeter_pb2.GreetRequest(name="Ada")
    report["client_type"] = type(greeter).__name__
    report["is_greeter"] = isinstance(greeter, Greeter)
    report["greeting"] = greeter.greet(request).greeting
    report["stream"] = [reply.greeting for reply in greeter.greet_stream(request)]
    client.kill()
    report["exited"] = client.exited
    report["returncode"] = client.returncode

with goplugin.Client(
    handshake_config=HANDSHAKE,
    plugins=PLUGINS,
    cmd=[sys.executable, os.path.join(out, "scaffold_main.py")],
) as client:
    try:
        client.dispense("greeter").greet(greeter_pb2.GreetRequest(name="Ada"))
    except goplugin.UnimplementedError as error:
        report["scaffold_error"] = str(error)

print(json.dumps(report))
