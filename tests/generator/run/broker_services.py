"""The broker services generated into OUT, found the way a user finds them: by the helpers.

A generated ``plugin`` module has a ``serve_<name>``/``dial_<name>`` pair per service marked
with ``--broker-service``; the interface is the type of ``serve_<name>``'s ``impl`` parameter.
Both case programs list them in the same order, so the plugin's n-th ``serve_`` call gets broker
id n (ids count from 1 on each side) and the host knows which id to dial.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from tests.support import dummies


class BrokerService(NamedTuple):
    name: str  # ``package.plugin:add_helper``
    interface: type[Any]
    serve: Callable[[Any, Any], int]
    dial: Callable[[Any, int], Any]


def broker_services(out: Path) -> list[BrokerService]:
    found = []
    for module in dummies.plugin_modules(out):
        for name, serve in sorted(vars(module).items()):
            if not (name.startswith("serve_") and callable(serve)):
                continue
            dial = getattr(module, "dial_" + name.removeprefix("serve_"))
            # ``Service | AsyncService``: the sync interface comes first.
            interface = typing.get_args(typing.get_type_hints(serve)["impl"])[0]
            found.append(BrokerService(f"{module.__name__}:{name[6:]}", interface, serve, dial))
    return found
