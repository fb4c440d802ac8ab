"""The compatibility matrix across languages: go-plugin's VersionedPlugins against ours.

The Go side speaks the versioned greeter itself, from Go code generated from the same
``example_protos/greeter/v1`` and ``v2`` protos (packages ``greeter.v1`` and ``greeter.v2``), so
each cell makes real calls to the negotiated version's service: ``/greeter.v1.Greeter/Greet``
on version 1, ``/greeter.v2.Greeter/Greet`` with a ``title`` and ``Farewell`` on version 2. A
wrong pick cannot pass: the other version's service is not served, and v1 has no title.

- Go go-plugin host (``-versions``) x the generated Python plugin (``subset_plugin.py``);
- Python host (``tests/versioning/hosts.py``) x Go go-plugin plugin
  (``GREETER_PLUGIN_VERSIONS``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import goplugin
from tests.versioning.hosts import VersionedHosts, python_plugin

from ..conftest import RunGoHost
from ..support.gobuild import OLDEST

pytestmark = pytest.mark.interop

V1_LINES = ["greet: Hello, Ada!", "stream: 5 messages", "kill: ok"]
V2_LINES = ["greet: Hello, Dr Ada!", "stream: 5 messages", "farewell: Goodbye, Ada!", "kill: ok"]


@pytest.mark.parametrize(
    ("plugin", "offer", "negotiated"),
    [
        pytest.param("1", "1,2", 1, id="v1-plugin x v1+v2-host -> v1"),
        pytest.param("1,2", "1", 1, id="v1+v2-plugin x v1-host -> v1"),
        pytest.param("1,2", "1,2", 2, id="v1+v2 both sides -> v2"),
    ],
)
def test_go_host_and_python_plugin_settle_on_the_newest_shared_version(
    run_go_versioned_host: RunGoHost, plugin: str, offer: str, negotiated: int
) -> None:
    result = run_go_versioned_host(
        python_plugin(plugin), "-versions", offer, "-name", "Ada", "-title", "Dr"
    )

    assert result.returncode == 0, result.stderr
    expected = V1_LINES if negotiated == 1 else V2_LINES
    assert result.stdout.splitlines() == [f"negotiated: {negotiated}", *expected]


def test_go_host_reports_no_common_version_naming_both_sides(
    run_go_versioned_host: RunGoHost, go_version: str
) -> None:
    result = run_go_versioned_host(python_plugin("1"), "-versions", "2")

    assert result.returncode == 1
    assert result.stdout == ""
    # go-plugin's own words; later releases spell them with a lower-case "incompatible".
    first_word = "Incompatible" if go_version == OLDEST else "incompatible"
    assert (
        f"greeter-versioned-host: start: {first_word} API version with plugin. "
        "Plugin version: 1, Client versions: [2]"
    ) in result.stderr


@pytest.mark.parametrize(
    ("plugin", "offer", "negotiated"),
    [
        pytest.param("1", (1, 2), 1, id="v1-plugin x v1+v2-host -> v1"),
        pytest.param("1,2", (1,), 1, id="v1+v2-plugin x v1-host -> v1"),
        pytest.param("1,2", (1, 2), 2, id="v1+v2 both sides -> v2"),
    ],
)
def test_python_host_and_go_plugin_settle_on_the_newest_shared_version(
    versioned_hosts: VersionedHosts,
    go_versioned_plugin: Path,
    plugin: str,
    offer: tuple[int, ...],
    negotiated: int,
) -> None:
    greeted = versioned_hosts.greet(
        [str(go_versioned_plugin)], offer, env={"GREETER_PLUGIN_VERSIONS": plugin}
    )

    assert greeted.negotiated == negotiated
    if negotiated == 1:
        assert (greeted.greeting, greeted.farewell) == ("Hello, Ada!", None)
    else:
        assert (greeted.greeting, greeted.farewell) == ("Hello, Dr Ada!", "Goodbye, Ada!")
    assert len(greeted.stream) == 5


def test_python_host_reports_no_common_version_with_a_go_plugin(
    versioned_hosts: VersionedHosts, go_versioned_plugin: Path
) -> None:
    with pytest.raises(goplugin.IncompatibleVersionError) as raised:
        versioned_hosts.greet(
            [str(go_versioned_plugin)], (2,), env={"GREETER_PLUGIN_VERSIONS": "1"}
        )

    first_line = str(raised.value).splitlines()[0]  # then the Go plugin's last stderr lines
    assert first_line == (
        "Incompatible API version with plugin. Plugin version: 1, Client versions: [2]"
    )


def test_go_host_and_go_plugin_agree_with_the_python_cells(
    run_go_versioned_host: RunGoHost, go_versioned_plugin: Path
) -> None:
    """The harness itself: Go against Go gives what the Python cells expect."""
    result = run_go_versioned_host(
        [str(go_versioned_plugin)], "-name", "Ada", "-title", "Dr", env={}
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["negotiated: 2", *V2_LINES]
