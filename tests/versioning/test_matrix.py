"""The compatibility matrix, Python host x Python plugin, with real plugin processes.

Every cell runs the versioned greeter example (``examples/versioned``): the plugin serves the
versions named in the cell (``subset_plugin.py``), the host offers the versions named in the
cell (``hosts.py``), and go-plugin's rule picks the newest version both have. What the host
dispenses proves which version's plugin set was served: only version 2 has a ``title`` and a
``Farewell`` RPC, and the v1 and v2 services are different gRPC services on the wire.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

import goplugin
from tests.versioning.hosts import EXAMPLE, VersionedHosts, python_plugin

V1_GREETING = "Hello, Ada!"
V2_GREETING = "Hello, Dr Ada!"


@pytest.mark.parametrize(
    ("plugin", "offer", "negotiated"),
    [
        pytest.param("1", (1, 2), 1, id="v1-plugin x v1+v2-host -> v1"),
        pytest.param("1,2", (1,), 1, id="v1+v2-plugin x v1-host -> v1"),
        pytest.param("2", (1, 2), 2, id="v2-plugin x v1+v2-host -> v2"),
        pytest.param("1,2", (2,), 2, id="v1+v2-plugin x v2-host -> v2"),
        pytest.param("1,2", (1, 2), 2, id="v1+v2 both sides -> v2"),
    ],
)
def test_host_and_plugin_settle_on_the_newest_shared_version(
    versioned_hosts: VersionedHosts, plugin: str, offer: tuple[int, ...], negotiated: int
) -> None:
    greeted = versioned_hosts.greet(python_plugin(plugin), offer)

    assert greeted.negotiated == negotiated
    assert greeted.interface == f"greeter.v{negotiated}.plugin"
    if negotiated == 1:  # a v1 request has no title, and v1 has no Farewell
        assert (greeted.greeting, greeted.farewell) == (V1_GREETING, None)
        assert greeted.stream == tuple(f"Hello Ada, message {n}" for n in range(5))
    else:
        assert (greeted.greeting, greeted.farewell) == (V2_GREETING, "Goodbye, Ada!")
        assert greeted.stream == tuple(f"Hello Dr Ada, message {n}" for n in range(5))


@pytest.mark.parametrize(
    ("plugin", "offer", "message"),
    [
        pytest.param("1", (2,), "Plugin version: 1, Client versions: [2]", id="v1-plugin x v2"),
        pytest.param("2", (1,), "Plugin version: 2, Client versions: [1]", id="v2-plugin x v1"),
    ],
)
def test_no_common_version_is_the_hosts_incompatible_version_error(
    versioned_hosts: VersionedHosts, plugin: str, offer: tuple[int, ...], message: str
) -> None:
    with pytest.raises(goplugin.IncompatibleVersionError) as raised:
        versioned_hosts.greet(python_plugin(plugin), offer)

    assert str(raised.value) == f"Incompatible API version with plugin. {message}"


def test_the_example_host_offers_both_versions_and_uses_v2() -> None:
    """``examples/versioned/host.py`` against its own main.py, and against a v1-only build."""

    def host(*arguments: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, str(EXAMPLE / "host.py"), *arguments],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    assert host("Ada", "Dr") == ["negotiated: version 2", V2_GREETING, "Goodbye, Ada!"]
    assert host("Ada", "Dr", "--", *python_plugin("1")) == ["negotiated: version 1", V1_GREETING]
