"""Build the Go greeter hosts and plugins that the interop tests run against.

The binaries are built from ``tests/go/`` and Go code generated from
``example_protos/greeter.proto`` (the lesson's greeter) and ``example_protos/greeter/v1`` and
``v2`` (the versioned greeter, packages ``greeter.v1`` and ``greeter.v2``), against Debian's
go-plugin 1.0.1, grpc-go and goprotobuf (GOPATH mode: Debian ships these as GOPATH sources,
not modules). Building takes seconds, but the tests run often, so the result is kept in
``tests/.gobuild/<hash>/``: the hash covers every input (Go sources, protos, toolchain
versions), so editing any of them rebuilds and nothing else does. Each build happens in a
private temporary directory that is renamed into place at the end, so two pytest processes
building at once never see a half-written binary.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GO_SOURCES = REPO / "tests" / "go"
EXAMPLE_PROTOS = REPO / "example_protos"
GREETER_PROTO = EXAMPLE_PROTOS / "greeter.proto"
#: The versioned greeter, relative to ``EXAMPLE_PROTOS`` (their go_package is below yourapp/).
VERSIONED_PROTOS = ("greeter/v1/greeter.proto", "greeter/v2/greeter.proto")
BUILD_ROOT = REPO / "tests" / ".gobuild"

#: Where Debian's golang-*-dev packages put their sources; the second GOPATH entry.
DEBIAN_GOCODE = Path("/usr/share/gocode")
_DEBIAN_SOURCES = (
    "github.com/hashicorp/go-plugin",
    "github.com/hashicorp/go-hclog",
    "github.com/golang/protobuf",
    "google.golang.org/grpc",
)
_TOOLS = ("go", "protoc", "protoc-gen-go")
_DEBIAN_PACKAGES = (
    "golang-go",
    "golang-github-hashicorp-go-plugin-dev",
    "golang-google-grpc-dev",
    "golang-goprotobuf-dev",
    "protobuf-compiler",
)
_COMMANDS = ("greeter-host", "greeter-plugin", "greeter-versioned-host", "greeter-versioned-plugin")
_BUILD_TIMEOUT = 600.0


class GoToolchainMissingError(RuntimeError):
    """Go, protoc or one of the Debian Go packages the interop tests build against is missing."""


class GoBuildError(RuntimeError):
    """A step of the Go build failed; the message carries the command and its output."""


@dataclasses.dataclass(frozen=True)
class GoGreeterBinaries:
    """The built executables: the lesson's greeter host and plugin, and the versioned ones."""

    host: Path
    plugin: Path
    versioned_host: Path
    versioned_plugin: Path

    def exist(self) -> bool:
        return all(
            path.is_file()
            for path in (self.host, self.plugin, self.versioned_host, self.versioned_plugin)
        )


def build_go_greeter(build_root: Path = BUILD_ROOT) -> GoGreeterBinaries:
    """Return the Go greeter host and plugin, building them unless an identical build exists."""
    check_toolchain()
    final = build_root / build_key()
    binaries = _binaries_in(final)
    if binaries.exist():
        return binaries
    build_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tmp-", dir=build_root))
    try:
        _build_into(work)
        _publish(work, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune_stale(build_root, keep=final)
    return binaries


def check_toolchain() -> None:
    """Fail with one message naming everything that is missing, and how to install it."""
    missing = [tool for tool in _TOOLS if shutil.which(tool) is None]
    missing += [
        str(DEBIAN_GOCODE / "src" / src)
        for src in _DEBIAN_SOURCES
        if not (DEBIAN_GOCODE / "src" / src).is_dir()
    ]
    if missing:
        raise GoToolchainMissingError(
            "the Go interop tests need Go, protoc and Debian's go-plugin packages "
            f"({', '.join(_DEBIAN_PACKAGES)}); missing: {', '.join(missing)}.\n"
            "Install them with scripts/install-go.sh, or skip these tests with -m 'not interop'."
        )


def build_key() -> str:
    """A hash of every input of the build: sources, proto, this recipe, the toolchain's versions."""
    digest = hashlib.sha256()
    inputs = sorted(p for p in GO_SOURCES.rglob("*") if p.is_file())
    versioned = [EXAMPLE_PROTOS / name for name in VERSIONED_PROTOS]
    for path in [*inputs, GREETER_PROTO, *versioned, Path(__file__).resolve()]:
        digest.update(str(path.relative_to(REPO)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for command in (["go", "version"], ["protoc", "--version"]):
        digest.update(_run(command, env=os.environ).encode())
    # A package upgrade changes what gets linked in; dpkg knows the versions (not on every OS).
    if shutil.which("dpkg-query"):
        result = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Package} ${Version}\n", *_DEBIAN_PACKAGES],
            capture_output=True,
            text=True,
            check=False,
        )
        digest.update(result.stdout.encode())
    return digest.hexdigest()[:16]


def _binaries_in(directory: Path) -> GoGreeterBinaries:
    bin_dir = directory / "bin"
    return GoGreeterBinaries(
        host=bin_dir / "greeter-host",
        plugin=bin_dir / "greeter-plugin",
        versioned_host=bin_dir / "greeter-versioned-host",
        versioned_plugin=bin_dir / "greeter-versioned-plugin",
    )


def _build_into(work: Path) -> None:
    gopath = work / "gopath"
    shutil.copytree(GO_SOURCES / "src", gopath / "src")
    # go_package "yourapp/proto/greeter" puts the code at gopath/src/yourapp/proto/greeter.
    _run(
        [
            "protoc",
            f"-I{GREETER_PROTO.parent}",
            f"--go_out=plugins=grpc:{gopath / 'src'}",
            str(GREETER_PROTO),
        ],
        env=os.environ,
    )
    # go_package "yourapp/proto/greeter/v1" and ".../v2": one protoc run per Go package.
    for name in VERSIONED_PROTOS:
        _run(
            ["protoc", f"-I{EXAMPLE_PROTOS}", f"--go_out=plugins=grpc:{gopath / 'src'}", name],
            env=os.environ,
            cwd=EXAMPLE_PROTOS,
        )
    env = _go_env(gopath, work)
    for command in _COMMANDS:
        # Run from the GOPATH's src so compiler errors name pyplugin.test/..., as in tests/go/src.
        _run(
            ["go", "build", "-o", str(work / "bin" / command), f"pyplugin.test/{command}"],
            env=env,
            cwd=gopath / "src",
        )


def _go_env(gopath: Path, work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        GO111MODULE="off",
        GOPATH=f"{gopath}{os.pathsep}{DEBIAN_GOCODE}",
        GOFLAGS="",
        # Pure Go binaries: no C compiler needed, nothing linked against the host's libc.
        CGO_ENABLED="0",
    )
    # Go refuses to build without a cache directory; it derives one from HOME when it can.
    if not any(env.get(var) for var in ("GOCACHE", "XDG_CACHE_HOME", "HOME")):
        env["GOCACHE"] = str(work.parent / "go-cache")
    return env


def _publish(work: Path, final: Path) -> None:
    """Rename the finished build into place; if another process won the race, keep theirs."""
    try:
        os.rename(work, final)
    except OSError:
        if _binaries_in(final).exist():
            return
        # A leftover without binaries (someone deleted one by hand): replace it.
        shutil.rmtree(final, ignore_errors=True)
        os.rename(work, final)


def _prune_stale(build_root: Path, keep: Path) -> None:
    """Delete builds of older sources, so the cache does not grow with every Go edit."""
    for entry in build_root.iterdir():
        if entry == keep or entry.name.startswith("tmp-") or entry.name == "go-cache":
            continue
        if entry.is_dir() and _binaries_in(entry).host.exists():
            shutil.rmtree(entry, ignore_errors=True)


def _run(command: Sequence[str], *, env: Mapping[str, str], cwd: Path | None = None) -> str:
    try:
        result = subprocess.run(
            list(command),
            capture_output=True,
            text=True,
            env=dict(env),
            cwd=cwd,
            timeout=_BUILD_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GoBuildError(f"{' '.join(command)}: {error}") from error
    if result.returncode != 0:
        raise GoBuildError(
            f"{' '.join(command)} exited with status {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )
    return result.stdout
