"""The versioned greeter example, serving only some of its versions: an older or newer build.

    python subset_plugin.py 1      # a plugin built from greeter/v1 alone (plugins=, v1 handshake)
    python subset_plugin.py 2      # one built from greeter/v2 alone
    python subset_plugin.py 1,2    # the example as it is (versioned_plugins=)

It reuses the example's implementations and generated packages, so each cell of the
compatibility matrix runs the same code with a different set of versions. A one-version build
is served exactly as the scaffold of a one-version run serves it: that version's own
``plugin.HANDSHAKE`` and ``plugins=``.
"""

from __future__ import annotations

import os
import sys

EXAMPLE = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "examples",
    "versioned",
)
sys.path.insert(0, EXAMPLE)

import goplugin  # noqa: E402

# isort: split
import main as example  # noqa: E402
from greeter import versions  # noqa: E402
from greeter.v1 import plugin as v1_plugin  # noqa: E402
from greeter.v2 import plugin as v2_plugin  # noqa: E402


def serve(wanted: list[int]) -> None:
    v2 = example.GreeterV2Impl()
    sets: dict[int, dict[str, goplugin.GRPCPlugin]] = {
        1: {"greeter": v1_plugin.GreeterGRPCPlugin(example.GreeterV1Impl(v2))},
        2: {"greeter": v2_plugin.GreeterGRPCPlugin(v2)},
    }
    if wanted == [1]:
        goplugin.serve(handshake_config=v1_plugin.HANDSHAKE, plugins=sets[1])
    elif wanted == [2]:
        goplugin.serve(handshake_config=v2_plugin.HANDSHAKE, plugins=sets[2])
    else:
        chosen = {version: sets[version] for version in wanted}
        goplugin.serve(handshake_config=versions.HANDSHAKE, versioned_plugins=chosen)


if __name__ == "__main__":
    serve(sorted(int(version) for version in sys.argv[1].split(",")))
