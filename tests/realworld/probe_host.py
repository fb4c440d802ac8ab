"""The host side for one generated corpus output: describes, imports and calls it; prints JSON.

    python probe_host.py OUT

1. describes every service of every generated package from its interface module and the text of
   its plugin module (what the type tests write consumer modules from);
2. imports every module gen-plugin emitted into OUT (``main.py`` too: it serves only as a script);
3. for each package, starts ``dummy_plugin.py`` as a plugin process serving all its plugins,
   dispenses each and calls every RPC with a default request through the generated client,
   recording the response types it gets back, then shuts the plugin down.

Every failure is recorded in the report, never raised, so one broken RPC does not hide the rest.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import traceback
from pathlib import Path
from typing import Any

out = Path(sys.argv[1])
sys.path[0] = str(out)  # instead of this folder: nothing here may shadow a generated package
HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("_dummies", HERE.parent / "support" / "dummies.py")
assert _spec is not None and _spec.loader is not None
dummies = sys.modules["_dummies"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dummies)


def failure() -> str:
    return traceback.format_exc(limit=-3).strip()


def emitted_modules() -> list[str]:
    """Every emitted module, packages' modules first, ``main`` last."""
    names = []
    for path in sorted(out.rglob("*.py")):
        parts = path.relative_to(out).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return sorted(names, key=lambda name: (name == "main", name))


def call(client: Any, rpc: Any) -> list[Any]:
    """Every response message of one RPC made with a default request."""
    method = getattr(client, rpc.name)
    request = rpc.request()
    argument = iter([request]) if rpc.client_streaming else request
    result = method(argument)
    return list(result) if rpc.server_streaming else [result]


def run_package(package: str) -> dict[str, Any]:
    """Serve every plugin of ``package`` from one plugin process and call all of their RPCs."""
    import goplugin

    plugin = importlib.import_module(f"{package}.plugin")
    report: dict[str, Any] = {"calls": []}
    command = [sys.executable, str(HERE / "dummy_plugin.py"), str(out), package]
    with goplugin.Client(
        handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=command
    ) as client:
        for name, plugin_class in plugin.PLUGINS.items():
            interface = dummies.interface_of(plugin_class)
            dispensed = client.dispense(name)
            report["calls"].append(
                {"plugin": name, "rpc": "(dispense)", "ok": isinstance(dispensed, interface)}
            )
            for rpc in dummies.rpcs(interface):
                entry: dict[str, Any] = {"plugin": name, "rpc": rpc.name, "kind": rpc.kind}
                entry["expected"] = [dummies.dotted(rpc.response)]
                try:
                    responses = call(dispensed, rpc)
                except Exception:
                    entry["ok"], entry["error"] = False, failure()
                else:
                    entry["got"] = [dummies.dotted(type(response)) for response in responses]
                    entry["ok"] = all(type(r) is rpc.response for r in responses) and (
                        len(responses) == 1
                    )
                report["calls"].append(entry)
        client.kill()
        report["returncode"] = client.returncode
        report["stderr"] = list(client.stderr_tail())
    return report


def describe_package(package: str) -> list[dict[str, Any]]:
    """Every service of ``package``, from its interface module alone (goplugin not imported)."""
    interface_module = importlib.import_module(f"{package}.interface")
    source = (out.joinpath(*package.split("."), "plugin.py")).read_text(encoding="utf-8")
    plugins = dummies.plugin_classes(source)
    described = []
    for interface in dummies.interfaces(interface_module):
        plugin_class, plugin_name = plugins[interface.__name__]
        described.append(
            dummies.describe(interface, f"{package}.plugin.{plugin_class}", plugin_name)
        )
    return described


def main() -> None:
    report: dict[str, Any] = {"packages": {}, "imports": {}}
    packages = sorted(
        ".".join(path.parent.relative_to(out).parts)
        for path in out.rglob("plugin.py")
        if (path.parent / "interface.py").is_file()
    )
    for package in packages:
        entry: dict[str, Any] = {}
        report["packages"][package] = entry
        try:
            entry["services"] = describe_package(package)
        except Exception:
            entry["describe_error"] = failure()
    for name in emitted_modules():
        try:
            importlib.import_module(name)
        except Exception:
            report["imports"][name] = failure()
        else:
            report["imports"][name] = None
    for package in packages:
        try:
            report["packages"][package].update(run_package(package))
        except Exception:
            report["packages"][package]["run_error"] = failure()
    print(json.dumps(report, indent=1))


main()
