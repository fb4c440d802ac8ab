"""Session fixtures for the interop tests: the built Go programs and ways to run the Go hosts.

Every Go-using fixture here depends on ``go_version``, parametrized over the go-plugin versions
of ``tests/go`` (v1.8.0 and the oldest that builds, see tests/go/README.md), so a test that
uses any of them runs once per version. The programs are built from Go modules through the
module proxy (``support/gobuild.py``); deselect these tests with ``-m 'not interop'`` where Go is
not installed.

Fixtures: ``go_plugin_versions``, ``go_version``, ``go_binaries`` (alias
``go_greeter_binaries``), ``go_greeter_host``, ``go_greeter_plugin``, ``go_versioned_host``,
``go_versioned_plugin``, ``run_go_host``, ``run_go_versioned_host``, ``go_binaries_for``
(unparametrized: any version on demand), ``go_examples``, ``run_kv_host``,
``run_counter_host`` (go-plugin v1.8.0's own examples, not parametrized), ``run_go_counter_host``
(tests/go's counter-host, following ``go_version``).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import signal
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import pytest

from .support.gengo import GeneratedGoBinaries, build_go_generated
from .support.gobuild import (
    GO_PLUGIN_VERSIONS,
    GoBuildError,
    GoExampleBinaries,
    GoGreeterBinaries,
    GoToolchainMissingError,
    build_go_examples,
    build_go_greeter,
)

if TYPE_CHECKING:
    from .support.pygreeter import GreeterModules


class HostRun(NamedTuple):
    """What one run of a Go host printed, and how it ended."""

    returncode: int
    stdout: str
    stderr: str


#: The Python plugins (``plugins/``) and hosts (``hosts/``) the tests run as processes.
PLUGINS = Path(__file__).resolve().parent / "plugins"
HOSTS = Path(__file__).resolve().parent / "hosts"

#: run_go_host(plugin_cmd, *host_flags, env=None, timeout=60.0) -> HostRun
RunGoHost = Callable[..., HostRun]
#: run_kv_host(plugin_cmd, *args, cwd, env=None, timeout=60.0) -> HostRun
RunExampleHost = Callable[..., HostRun]
#: go_binaries_for(version) -> GoGreeterBinaries
GoBinariesFor = Callable[[str], GoGreeterBinaries]


#: Build results by target (a go-plugin version, or EXAMPLES), or the error message of the build.
_BUILDS: dict[str, GoGreeterBinaries | GoExampleBinaries | GeneratedGoBinaries | str] = {}
EXAMPLES = "examples"
#: The programs of tests/go/gencmd, written against the generated Go packages (support/gengo.py).
GENERATED = "generated"


def _build(target: str) -> GoGreeterBinaries | GoExampleBinaries | GeneratedGoBinaries | str:
    """Build a target once per session; a failure is remembered, not retried by every test."""
    if target not in _BUILDS:
        try:
            if target == GENERATED:
                _BUILDS[target] = build_go_generated()
            elif target == EXAMPLES:
                _BUILDS[target] = build_go_examples()
            else:
                _BUILDS[target] = build_go_greeter(target)
        except (GoToolchainMissingError, GoBuildError, ValueError) as error:
            _BUILDS[target] = str(error)
    return _BUILDS[target]


def _built_greeter(version: str) -> GoGreeterBinaries:
    result = _build(version)
    if isinstance(result, str):
        pytest.fail(result, pytrace=False)
    assert isinstance(result, GoGreeterBinaries)
    return result


def pytest_collection_finish(session: pytest.Session) -> None:
    """Build the Go programs the selected tests use before the first test starts.

    A cold build downloads the modules and compiles grpc-go, which can take longer than one
    test's timeout; done here, no test pays for it.
    """
    if session.config.option.collectonly:
        return
    targets: set[str] = set()
    for item in session.items:
        names = getattr(item, "fixturenames", ())
        callspec = getattr(item, "callspec", None)
        if "go_version" in names and callspec is not None:
            targets.add(callspec.params["go_version"])
        if "go_binaries_for" in names:
            targets.update(GO_PLUGIN_VERSIONS)
        if "go_examples" in names:
            targets.add(EXAMPLES)
        if "generated_go" in names:
            targets.add(GENERATED)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    for target in sorted(targets):
        started = time.monotonic()
        _build(target)
        took = time.monotonic() - started
        if reporter is not None and took > 2.0:  # a real build, not the cache
            reporter.write_line(f"interop: built the Go programs ({target}) in {took:.0f}s")


@pytest.fixture(scope="session")
def go_plugin_versions() -> tuple[str, ...]:
    """The go-plugin versions the Go programs are built against, newest first."""
    return GO_PLUGIN_VERSIONS


@pytest.fixture(scope="session", params=GO_PLUGIN_VERSIONS)
def go_version(request: pytest.FixtureRequest) -> str:
    """One go-plugin version ("v1.8.0", "v1.0.1"); every Go greeter fixture follows it."""
    version: str = request.param
    return version


@pytest.fixture(scope="session")
def go_binaries_for() -> GoBinariesFor:
    """Build (once) and return the greeter programs of any go-plugin version, e.g. for a test
    of a switch only v1.8.0 has: ``go_binaries_for("v1.8.0").host``."""
    return _built_greeter


@pytest.fixture(scope="session")
def go_binaries(go_version: str, go_binaries_for: GoBinariesFor) -> GoGreeterBinaries:
    """The four greeter programs built against ``go_version``."""
    return go_binaries_for(go_version)


@pytest.fixture(scope="session")
def go_greeter_binaries(go_binaries: GoGreeterBinaries) -> GoGreeterBinaries:
    """The name the first interop tests used for ``go_binaries``."""
    return go_binaries


@pytest.fixture(scope="session")
def go_greeter_host(go_binaries: GoGreeterBinaries) -> Path:
    """The Go host: ``greeter-host [flags] -- PLUGIN-COMMAND...`` (flags: tests/go/README.md)."""
    return go_binaries.host


@pytest.fixture(scope="session")
def go_greeter_plugin(go_binaries: GoGreeterBinaries) -> Path:
    """The Go greeter plugin (see tests/go/cmd/greeter-plugin for its switches)."""
    return go_binaries.plugin


@pytest.fixture(scope="session")
def go_versioned_host(go_binaries: GoGreeterBinaries) -> Path:
    """The Go host offering greeter.v1 and greeter.v2: ``greeter-versioned-host -versions 1,2``."""
    return go_binaries.versioned_host


@pytest.fixture(scope="session")
def go_versioned_plugin(go_binaries: GoGreeterBinaries) -> Path:
    """The Go plugin serving greeter.v1 and greeter.v2 (``GREETER_PLUGIN_VERSIONS=1,2``)."""
    return go_binaries.versioned_plugin


@pytest.fixture(scope="session")
def run_go_versioned_host(go_versioned_host: Path) -> RunGoHost:
    """Run the versioned Go host against a plugin command, like ``run_go_host``."""

    def run(
        plugin_cmd: Sequence[str],
        *host_flags: str,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> HostRun:
        return run_host(go_versioned_host, plugin_cmd, host_flags, env=env, timeout=timeout)

    return run


@pytest.fixture(scope="session")
def run_go_host(go_greeter_host: Path) -> RunGoHost:
    """Run the Go host against a plugin command and return (returncode, stdout, stderr)."""

    def run(
        plugin_cmd: Sequence[str],
        *host_flags: str,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> HostRun:
        return run_host(go_greeter_host, plugin_cmd, host_flags, env=env, timeout=timeout)

    return run


@pytest.fixture(scope="session")
def go_examples() -> GoExampleBinaries:
    """go-plugin v1.8.0's KV (examples/grpc) and Counter (examples/bidirectional) hosts and Go
    plugins, built unmodified from the module."""
    result = _build(EXAMPLES)
    if isinstance(result, str):
        pytest.fail(result, pytrace=False)
    assert isinstance(result, GoExampleBinaries)
    return result


@pytest.fixture(scope="session")
def generated_go() -> GeneratedGoBinaries:
    """tests/go/gencmd's hosts and plugins, written only against the Go packages the Go target
    generates, built against go-plugin v1.8.0 (``generated_go["kinds-host"]``)."""
    result = _build(GENERATED)
    if isinstance(result, str):
        pytest.fail(result, pytrace=False)
    assert isinstance(result, GeneratedGoBinaries)
    return result


@pytest.fixture(scope="session")
def run_kv_host(go_examples: GoExampleBinaries) -> RunExampleHost:
    """Run the KV example host: ``run_kv_host(plugin_cmd, "put", "hello", "world", cwd=dir)``.

    It sets ``KV_PLUGIN`` (the plugin command, shell-quoted: the host runs it with ``sh -c``)
    and ``KV_PROTO=grpc``; ``cwd`` is where a plugin keeps its ``kv_<key>`` files.
    """

    def run(
        plugin_cmd: Sequence[str],
        *args: str,
        cwd: Path,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> HostRun:
        example_env = {"KV_PLUGIN": shlex.join(plugin_cmd), "KV_PROTO": "grpc", **(env or {})}
        return run_program(
            [str(go_examples.kv_host), *args], env=example_env, cwd=cwd, timeout=timeout
        )

    return run


@pytest.fixture(scope="session")
def run_counter_host(go_examples: GoExampleBinaries) -> RunExampleHost:
    """Run the Counter example host: ``run_counter_host(plugin_cmd, "put", "hello", "1", cwd=dir)``
    (sets ``COUNTER_PLUGIN``, shell-quoted, like ``run_kv_host``)."""

    def run(
        plugin_cmd: Sequence[str],
        *args: str,
        cwd: Path,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> HostRun:
        example_env = {"COUNTER_PLUGIN": shlex.join(plugin_cmd), **(env or {})}
        return run_program(
            [str(go_examples.counter_host), *args], env=example_env, cwd=cwd, timeout=timeout
        )

    return run


@pytest.fixture(scope="session")
def run_go_counter_host(go_binaries: GoGreeterBinaries) -> RunExampleHost:
    """Run tests/go's counter-host (go-plugin's bidirectional Counter host plus the hostflags
    switches) built against ``go_version``, like ``run_counter_host``:
    ``run_go_counter_host(plugin_cmd, "-automtls", "put", "hello", "1", cwd=dir)``."""

    def run(
        plugin_cmd: Sequence[str],
        *args: str,
        cwd: Path,
        env: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> HostRun:
        return run_counter(
            go_binaries.counter_host, plugin_cmd, args, cwd=cwd, env=env, timeout=timeout
        )

    return run


@pytest.fixture(scope="session")
def greeter_modules(tmp_path_factory: pytest.TempPathFactory) -> GreeterModules:
    """greeter_pb2 / greeter_pb2_grpc, generated by grpcio-tools for this session."""
    # Imported here, not above: it needs the goplugin runtime, and the Go-only tests must
    # keep working while the runtime is broken.
    from .support.pygreeter import generate_greeter_modules

    return generate_greeter_modules(tmp_path_factory.mktemp("greeter_pb"))


def run_host(
    host: Path,
    plugin_cmd: Sequence[str],
    host_flags: Sequence[str],
    *,
    env: Mapping[str, str] | None,
    timeout: float,
) -> HostRun:
    """Run a greeter host: ``host [flags] -- PLUGIN-COMMAND...``."""
    return run_program([str(host), *host_flags, "--", *plugin_cmd], env=env, timeout=timeout)


def run_counter(
    host: Path,
    plugin_cmd: Sequence[str],
    args: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 60.0,
) -> HostRun:
    """Run a Counter host; it runs ``COUNTER_PLUGIN`` through ``sh -c``, hence shell-quoted."""
    counter_env = {"COUNTER_PLUGIN": shlex.join(plugin_cmd), **(env or {})}
    return run_program([str(host), *args], env=counter_env, cwd=cwd, timeout=timeout)


def run_program(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None,
    timeout: float,
    cwd: Path | None = None,
) -> HostRun:
    """Run in its own process group, so a hung run can be killed together with its plugin."""
    process = subprocess.Popen(
        list(command),
        stdin=subprocess.DEVNULL,  # the Go host hands its stdin to the plugin
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        pytest.fail(
            f"{command[0]} did not finish within {timeout:g}s: {shlex.join(command)}\n"
            f"--- stdout ---\n{stdout}--- stderr ---\n{stderr}",
            pytrace=False,
        )
    return HostRun(process.returncode, stdout, stderr)
