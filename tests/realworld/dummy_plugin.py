"""A plugin process serving dummy implementations of every service of a generated package.

    python dummy_plugin.py OUT PACKAGE

OUT holds gen-plugin's output; PACKAGE (dotted) has the ``plugin.py`` whose ``PLUGINS`` set is
served, all of it in one ``goplugin.serve``, each plugin with a dummy built from its interface.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

import goplugin  # first: it takes stdout away before anything can print on the handshake line

out, package = sys.argv[1], sys.argv[2]
sys.path[0] = out  # instead of this folder: nothing here may shadow a generated package
_spec = importlib.util.spec_from_file_location(
    "_dummies", Path(__file__).resolve().parents[1] / "support" / "dummies.py"
)
assert _spec is not None and _spec.loader is not None
dummies = sys.modules["_dummies"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dummies)

plugin = importlib.import_module(f"{package}.plugin")
goplugin.serve(
    handshake_config=plugin.HANDSHAKE,
    plugins={
        name: plugin_class(dummies.dummy_implementation(dummies.interface_of(plugin_class)))
        for name, plugin_class in plugin.PLUGINS.items()
    },
)
