"""The plugin program: fill in the implementation, then let a host run this file.

Scaffolding generated once by pygoplugin from stdlib_clash/nested_package.proto. It is yours:
gen-plugin never overwrites it unless you pass --force-main. A host (``goplugin.Client`` or a Go
go-plugin host) starts it with the magic cookie set; started by hand, it says it is a plugin and
exits.
"""

from __future__ import annotations

import goplugin

# isort: split
from test.nested_package import interface, nested_package_pb2, plugin


class ProberImpl(interface.Prober):
    """This plugin's implementation of ``test.nested_package.Prober``."""

    def run(self, request: nested_package_pb2.Probe) -> nested_package_pb2.Probe:
        # TODO: implement Run.
        raise NotImplementedError("Run is not implemented yet")


def main() -> None:
    goplugin.serve(
        handshake_config=plugin.HANDSHAKE,
        plugins={
            "prober": plugin.ProberGRPCPlugin(ProberImpl()),
        },
    )


if __name__ == "__main__":
    main()
