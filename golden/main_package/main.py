"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from main_package.proto. It is yours: gen-plugin never
overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go go-plugin host)
starts it with the magic cookie set; started by hand, it says it is a plugin and exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from main_ import interface, main_package_pb2, plugin


class RunnerImpl(interface.Runner):
    """This plugin's implementation of ``main.Runner``."""

    def run(self, request: main_package_pb2.Job) -> main_package_pb2.Result:
        # TODO: implement Run.
        raise NotImplementedError("Run is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "runner": plugin.RunnerGRPCPlugin(RunnerImpl()),
        },
    )


if __name__ == "__main__":
    main()
