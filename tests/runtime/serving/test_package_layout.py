"""goplugin's sub-packages stay reachable by attribute: no public name of ``goplugin`` (a
function such as ``goplugin.serving`` or ``goplugin.serve``) may shadow one, or ``import
goplugin.<package>.<module> as name`` fails for whoever writes it."""

from __future__ import annotations

import importlib
import pkgutil
import types

import goplugin


def test_no_public_name_shadows_a_sub_package() -> None:
    packages = [info.name for info in pkgutil.iter_modules(goplugin.__path__) if info.ispkg]
    for name in packages:
        importlib.import_module(f"goplugin.{name}")

    shadowed = {
        name: type(getattr(goplugin, name)).__name__
        for name in packages
        if not isinstance(getattr(goplugin, name), types.ModuleType)
    }

    assert "plugin_process" in packages and "host" in packages
    assert shadowed == {}
    assert not set(packages) & set(goplugin.__all__)
