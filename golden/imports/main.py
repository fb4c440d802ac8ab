"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from imports/driver.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from acme.driver.v1 import driver_pb2, interface, plugin
from acme.shared import types_pb2


class DriverImpl(interface.Driver):
    """This plugin's implementation of ``acme.driver.v1.Driver``."""

    def start_task(self, request: driver_pb2.StartTaskRequest) -> driver_pb2.StartTaskResponse:
        # TODO: implement StartTask.
        raise NotImplementedError("StartTask is not implemented yet")

    def inspect(self, request: types_pb2.TaskHandle) -> types_pb2.TaskConfig:
        # TODO: implement Inspect.
        raise NotImplementedError("Inspect is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "driver": plugin.DriverGRPCPlugin(DriverImpl()),
        },
    )


if __name__ == "__main__":
    main()
