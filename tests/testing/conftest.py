from __future__ import annotations

pytest_plugins = ["goplugin.testing.pytest_plugin", "pytester"]
