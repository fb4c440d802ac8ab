"""A plugin program serving a dummy implementation of every plugin generated into OUT.

python case_plugin.py OUT

Every broker service is served too, through the plugin's broker with the generated
``serve_<name>`` helper, in ``broker_services`` order (so under ids 1, 2, ...), for the host to
dial with ``dial_<name>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

out = Path(sys.argv[1])
sys.path[0] = str(out)  # instead of this folder
sys.path.insert(1, str(Path(__file__).resolve().parents[3]))  # the repository

import grpc  # noqa: E402

import goplugin  # noqa: E402
from tests.generator.run.broker_services import broker_services  # noqa: E402
from tests.support import dummies  # noqa: E402


class BrokeredServices(goplugin.GRPCPlugin):
    """Serves every broker service through the broker as the plugin starts; no plugin itself."""

    def grpc_server(self, broker: goplugin.GRPCBroker, server: grpc.Server) -> None:
        for service in broker_services(out):
            service.serve(broker, dummies.sample_implementation(service.interface))

    def grpc_client(self, broker: goplugin.GRPCBroker, channel: grpc.Channel) -> None:
        raise NotImplementedError


handshake, plugins = dummies.plugin_set(out)
served: dict[str, goplugin.GRPCPlugin] = {
    name: plugin(dummies.sample_implementation(dummies.impl_interface(plugin)))
    for name, plugin in plugins.items()
}
goplugin.serve(handshake_config=handshake, plugins={**served, " brokered": BrokeredServices()})
