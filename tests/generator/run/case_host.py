"""A host for test_every_case_runs.py: calls every RPC of every plugin generated into OUT.

    python case_host.py OUT     # prints a JSON report: one entry per RPC, and the exit status

Each RPC is called through the generated client with default messages (two of them when the
client streams); the report records the response types and the deprecation warnings seen.
Broker services, which are no plugins, are dialled with their generated ``dial_<name>``
helper through the host's broker: the plugin serves them under ids 1, 2, ... (case_plugin.py).
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

out = Path(sys.argv[1])
here = Path(__file__).resolve().parent
sys.path[0] = str(out)
sys.path.insert(1, str(here.parents[2]))  # the repository

import goplugin  # noqa: E402
from tests.generator.run.broker_services import broker_services  # noqa: E402
from tests.support import dummies  # noqa: E402


def call_every_rpc(label: str, interface: type[Any], remote: Any) -> None:
    """Call each RPC of ``interface`` on ``remote``; add what came back to the report."""
    deprecated_service = getattr(interface, "__deprecated__", None)
    for rpc in sorted(dummies.rpcs(interface), key=lambda rpc: rpc.name):
        one = dummies.sample(rpc.request)
        request = iter([one, dummies.sample(rpc.request)]) if rpc.client_streaming else one
        with warnings.catch_warnings(record=True) as seen:
            warnings.simplefilter("always")
            reply = getattr(remote, rpc.name)(request)
            replies = list(reply) if rpc.server_streaming else [reply]
        own = getattr(getattr(interface, rpc.name), "__deprecated__", None)
        report["calls"].append(
            {
                "plugin": label,
                "rpc": rpc.name,
                "client": type(remote).__name__,
                "is_interface": isinstance(remote, interface),
                "replies": [type(item).__name__ for item in replies],
                "expected": rpc.response.__name__,
                "warnings": sorted(
                    str(w.message) for w in seen if issubclass(w.category, DeprecationWarning)
                ),
                "deprecation": own or deprecated_service,
            }
        )


handshake, plugins = dummies.plugin_set(out)
report: dict[str, Any] = {"calls": []}
with goplugin.Client(
    handshake_config=handshake,
    plugins=plugins,
    cmd=[sys.executable, os.fspath(here / "case_plugin.py"), os.fspath(out)],
) as client:
    # Dialled first: an announcement not dialled within 5 s is dropped, as in go-plugin.
    brokered = [
        (service, service.dial(client.broker, service_id))
        for service_id, service in enumerate(broker_services(out), start=1)
    ]
    for name, plugin in sorted(plugins.items()):
        call_every_rpc(name, dummies.impl_interface(plugin), client.dispense(name))
    for service, remote in brokered:
        call_every_rpc(service.name, service.interface, remote)
    client.kill()
    report["exited"] = client.exited
    report["returncode"] = client.returncode
print(json.dumps(report))
