"""A plugin program serving a dummy implementation of every plugin generated into OUT.

python case_plugin.py OUT
"""

from __future__ import annotations

import sys
from pathlib import Path

out = Path(sys.argv[1])
sys.path[0] = str(out)  # instead of this folder
sys.path.insert(1, str(Path(__file__).resolve().parents[3]))  # the repository

import goplugin  # noqa: E402
from tests.support import dummies  # noqa: E402

handshake, plugins = dummies.plugin_set(out)
goplugin.serve(
    handshake_config=handshake,
    plugins={
        name: plugin(dummies.sample_implementation(dummies.impl_interface(plugin)))
        for name, plugin in plugins.items()
    },
)
