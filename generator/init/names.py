"""Every name a new repository uses, derived from one: ``--name`` or the folder's own name.

One name is spelled several ways (a distribution and console script ``weather``, a Python package
``weather``, a proto package ``weather.v1``, a service ``Weather``); deriving them in one place
keeps the pyproject, the proto, the workflow and the README saying the same thing.
"""

from __future__ import annotations

import keyword
import re
import sys

from ..core.errors import GeneratorError
from ..core.records import record

_NAME = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*")

#: Top-level modules a plugin's package must not shadow: what it imports at run time.
_TAKEN = frozenset({"goplugin", "grpc", "google", "grpc_health", "grpc_reflection", "tests"})


@record
class Names:
    """The spellings of one plugin name."""

    #: As typed: the distribution and the plugin's console script (``weather-station``).
    dist: str
    #: The Python package in ``src/`` (``weather_station``).
    package: str
    #: The starter proto's package, without its version (``weather_station``).
    proto_package: str
    #: The starter service (``WeatherStation``).
    service: str


def names_of(name: str) -> Names:
    """The spellings of ``name``; a name no package could carry is refused with the rule."""
    if not _NAME.fullmatch(name):
        raise GeneratorError(
            f"{name!r} cannot name a plugin: use lowercase letters and digits, words joined by "
            "'-' or '_', starting with a letter (choose one with --name)"
        )
    package = name.replace("-", "_")
    if keyword.iskeyword(package) or package in sys.stdlib_module_names or package in _TAKEN:
        raise GeneratorError(
            f"{name!r} cannot name a plugin: its package {package!r} would shadow "
            f"{'a Python keyword' if keyword.iskeyword(package) else 'a module it imports'} "
            "(choose another with --name)"
        )
    service = "".join(word.capitalize() for word in package.split("_"))
    return Names(dist=name, package=package, proto_package=package, service=service)
