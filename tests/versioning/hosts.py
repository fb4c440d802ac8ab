"""Python hosts for the compatibility matrix, built from the versioned example's packages.

A host offering one version is built the way a one-version run builds it: that version's
``plugin.HANDSHAKE`` and ``plugins=PLUGINS``. A host offering several uses the versions
module: ``versions.HANDSHAKE`` and (some of) ``versions.VERSIONED_PLUGINS``. Either way the
host dispenses and then looks at what it got, as ``examples/versioned/host.py`` does.

The generated ``greeter`` package is imported into the test process (hosts are cheap; plugins
are the subprocesses), and taken out again afterwards so no other test sees it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import goplugin

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "versioned"
SUBSET_PLUGIN = Path(__file__).resolve().parent / "subset_plugin.py"


def python_plugin(versions: str) -> list[str]:
    """The versioned example plugin serving ``versions`` (``"1"``, ``"1,2"``)."""
    return [sys.executable, str(SUBSET_PLUGIN), versions]


@dataclasses.dataclass(frozen=True)
class Greeted:
    """What a host saw: the version negotiated and the answers of that version's RPCs."""

    negotiated: int
    interface: str
    greeting: str
    stream: tuple[str, ...]
    #: Farewell's answer; ``None`` on version 1, which has no Farewell.
    farewell: str | None


@dataclasses.dataclass(frozen=True)
class VersionedHosts:
    """The generated modules a host needs, and hosts offering any set of versions."""

    versions: ModuleType
    plugins: Mapping[int, ModuleType]
    interfaces: Mapping[int, ModuleType]
    messages: Mapping[int, ModuleType]

    def client(
        self, cmd: Sequence[str], offer: Sequence[int], env: Mapping[str, str] | None = None
    ) -> goplugin.Client:
        """A client offering ``offer``, as a host built for exactly those versions would."""
        sets: dict[str, Any]
        if len(offer) == 1:
            plugin = self.plugins[offer[0]]
            handshake, sets = plugin.HANDSHAKE, {"plugins": plugin.PLUGINS}
        else:
            chosen = {version: self.versions.VERSIONED_PLUGINS[version] for version in offer}
            handshake, sets = self.versions.HANDSHAKE, {"versioned_plugins": chosen}
        return goplugin.Client(
            handshake_config=handshake, cmd=list(cmd), env=env, start_timeout=30.0, **sets
        )

    def greet(
        self,
        cmd: Sequence[str],
        offer: Sequence[int],
        *,
        env: Mapping[str, str] | None = None,
        name: str = "Ada",
        title: str = "Dr",
    ) -> Greeted:
        """Start the plugin, call every RPC of the negotiated version, stop it."""
        with self.client(cmd, offer, env) as client:
            greeter = client.dispense("greeter")
            version = client.negotiated_version
            if isinstance(greeter, self.interfaces[2].Greeter):
                pb2 = self.messages[2]
                request = pb2.GreetRequest(name=name, title=title)
                farewell = greeter.farewell(pb2.FarewellRequest(name=name)).farewell
            elif isinstance(greeter, self.interfaces[1].Greeter):
                request, farewell = self.messages[1].GreetRequest(name=name), None
            else:
                raise AssertionError(f"dispense returned a {type(greeter).__name__}")
            return Greeted(
                negotiated=version,
                interface=type(greeter).__module__,
                greeting=greeter.greet(request).greeting,
                stream=tuple(reply.greeting for reply in greeter.greet_stream(request)),
                farewell=farewell,
            )


@contextlib.contextmanager
def versioned_hosts() -> Iterator[VersionedHosts]:
    """Import the example's generated ``greeter`` package for the block, then forget it."""
    clash = sys.modules.get("greeter")
    if clash is not None and str(EXAMPLE) not in str(getattr(clash, "__path__", "")):
        raise RuntimeError(f"another 'greeter' package is already imported: {clash!r}")
    sys.path.insert(0, str(EXAMPLE))
    importlib.invalidate_caches()
    try:
        yield VersionedHosts(
            versions=importlib.import_module("greeter.versions"),
            plugins={v: importlib.import_module(f"greeter.v{v}.plugin") for v in (1, 2)},
            interfaces={v: importlib.import_module(f"greeter.v{v}.interface") for v in (1, 2)},
            messages={v: importlib.import_module(f"greeter.v{v}.greeter_pb2") for v in (1, 2)},
        )
    finally:
        sys.path.remove(str(EXAMPLE))
        for name in [name for name in sys.modules if name.split(".")[0] == "greeter"]:
            del sys.modules[name]
