"""Build the Go programs the interop tests (and bench/) run, from the Go module in tests/go.

``tests/go`` is one Go module (``yourapp``, named after the ``go_package`` prefix of
``example_protos``) with two committed module files: ``go.mod`` pins hashicorp/go-plugin v1.8.0
and ``go.v1.0.1.mod`` the oldest go-plugin the module proxy serves that builds (README there says
why that one). Each target builds from a private copy of the module:

1. protoc-gen-go and protoc-gen-go-grpc, at the versions ``go.mod``'s ``tool`` lines pin
   (``go tool -n`` builds them into Go's cache), generate the Go code of the greeter protos
   through grpcio-tools' protoc (``python -m grpc_tools.protoc``): no system protoc;
2. ``go build -mod=readonly`` builds the programs against the chosen module file, so a go.sum
   that misses an entry fails the build instead of being patched up in the copy.

The result is kept in ``tests/.gobuild/<target>-<hash>/bin``: the hash covers every input (the
module's files, the protos, this recipe, the Go and protoc versions), so editing any of them
rebuilds and nothing else does, and older builds of the same target are deleted. A build runs in
a temporary directory renamed into place at the end, so two pytest processes building at once
never see a half-written binary. GOPROXY and GOFLAGS are left as the caller has them: once the
module cache holds the dependencies, building needs no network.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
GO_MODULE = REPO / "tests" / "go"
EXAMPLE_PROTOS = REPO / "example_protos"
GREETER_PROTO = EXAMPLE_PROTOS / "greeter.proto"
#: Every proto the Go programs use, relative to ``EXAMPLE_PROTOS``: the lesson's greeter and the
#: versioned one (go_package yourapp/proto/greeter, .../greeter/v1 and .../greeter/v2).
GO_PROTOS = ("greeter.proto", "greeter/v1/greeter.proto", "greeter/v2/greeter.proto")
BUILD_ROOT = REPO / "tests" / ".gobuild"
BENCH_HOST_SOURCES = REPO / "bench" / "go"

#: go-plugin today (Terraform, OpenTofu, Vault build with 1.7/1.8) and the oldest that builds.
CURRENT = "v1.8.0"
OLDEST = "v1.0.1"
GO_PLUGIN_VERSIONS = (CURRENT, OLDEST)

#: The go-plugin release that added what each switch of the greeter hosts turns on
#: (tests/go/internal/hostflags); a host built against an older one refuses the switch.
SWITCH_SINCE = {
    "-automtls": "v1.0.0",
    "-stdio": "v1.4.0",
    "-socket-dir": "v1.5.0",
    "-socket-group": "v1.5.0",
    "-mux": "v1.6.0",
}

#: go-plugin version -> (module file, build tags). goplugin_old selects the hostflags file that
#: refuses the options the old go-plugin lacks.
_MODULE_FILES = {
    CURRENT: ("go.mod", ()),
    OLDEST: ("go.v1.0.1.mod", ("goplugin_old",)),
}
_GREETER_COMMANDS = (
    "greeter-host",
    "greeter-plugin",
    "greeter-versioned-host",
    "greeter-versioned-plugin",
    "counter-host",
)
#: go-plugin's own Go Counter plugin, built from the module of each version's target (so the
#: old build gets v1.0.1's): the Go-vs-Go control for counter-host.
_COUNTER_PLUGIN = (
    "counter-go-grpc",
    "github.com/hashicorp/go-plugin/examples/bidirectional/plugin-go-grpc",
)
#: go-plugin's own examples, built unmodified from the module: binary name -> package.
_EXAMPLES = {
    "kv": "github.com/hashicorp/go-plugin/examples/grpc",
    "kv-go-grpc": "github.com/hashicorp/go-plugin/examples/grpc/plugin-go-grpc",
    "counter": "github.com/hashicorp/go-plugin/examples/bidirectional",
    "counter-go-grpc": "github.com/hashicorp/go-plugin/examples/bidirectional/plugin-go-grpc",
}
#: Generated or built by hand in tests/go (README): never inputs, never copied.
_LOCAL_OUTPUTS = ("proto", "bin")
_BUILD_TIMEOUT = 900.0


class GoToolchainMissingError(RuntimeError):
    """Go (or grpcio-tools, for protoc) is missing."""


class GoBuildError(RuntimeError):
    """A step of the Go build failed; the message carries the command and its output."""


@dataclasses.dataclass(frozen=True)
class GoGreeterBinaries:
    """The programs of tests/go (the greeters and counter-host), built against one go-plugin
    version."""

    go_plugin_version: str
    host: Path
    plugin: Path
    versioned_host: Path
    versioned_plugin: Path
    #: go-plugin's examples/bidirectional Counter host with the hostflags switches
    #: (``COUNTER_PLUGIN=... counter-host [-automtls] put KEY N`` / ``get KEY``), and the same
    #: version's own Go Counter plugin (examples/bidirectional/plugin-go-grpc).
    counter_host: Path
    counter_plugin: Path

    def exist(self) -> bool:
        programs = (self.host, self.plugin, self.versioned_host, self.versioned_plugin)
        return all(path.is_file() for path in (*programs, self.counter_host, self.counter_plugin))


@dataclasses.dataclass(frozen=True)
class GoExampleBinaries:
    """go-plugin v1.8.0's examples/grpc (KV) and examples/bidirectional (Counter), unmodified.

    ``kv_host``: ``KV_PLUGIN="<plugin command>" KV_PROTO=grpc kv put hello world`` / ``get hello``;
    ``counter_host``: ``COUNTER_PLUGIN="<plugin command>" counter put hello 1`` / ``get hello``.
    Both run the plugin command through ``sh -c``. The Go plugins keep their data in files
    ``kv_<key>`` in their working directory.
    """

    kv_host: Path
    kv_plugin: Path
    counter_host: Path
    counter_plugin: Path

    def exist(self) -> bool:
        return all(
            path.is_file()
            for path in (self.kv_host, self.kv_plugin, self.counter_host, self.counter_plugin)
        )


def build_go_greeter(version: str = CURRENT, build_root: Path = BUILD_ROOT) -> GoGreeterBinaries:
    """The greeter hosts and plugins built against go-plugin ``version``, built if needed."""
    modfile, tags = _module_file(version)
    go_build = ("go", "build", f"-modfile={modfile}", *_tags(tags))
    counter_plugin, counter_plugin_pkg = _COUNTER_PLUGIN
    bin_dir = _build(
        f"greeter-{version}",
        build_root,
        [
            (*go_build, "-o", "{bin}/", "./cmd/..."),
            (*go_build, "-o", f"{{bin}}/{counter_plugin}", counter_plugin_pkg),
        ],
        (*_GREETER_COMMANDS, counter_plugin),
    )
    binaries = _greeter_binaries(version, bin_dir)
    _check_linked_version(binaries.host, version)
    return binaries


def build_go_examples(build_root: Path = BUILD_ROOT) -> GoExampleBinaries:
    """go-plugin v1.8.0's KV and Counter hosts and Go plugins, straight from the module."""
    commands = [("go", "build", "-o", f"{{bin}}/{name}", pkg) for name, pkg in _EXAMPLES.items()]
    bin_dir = _build(f"examples-{CURRENT}", build_root, commands, tuple(_EXAMPLES))
    return GoExampleBinaries(
        kv_host=bin_dir / "kv",
        kv_plugin=bin_dir / "kv-go-grpc",
        counter_host=bin_dir / "counter",
        counter_plugin=bin_dir / "counter-go-grpc",
    )


def build_bench_host(build_root: Path = BUILD_ROOT) -> Path:
    """bench/go (package main) built as cmd/bench-host of the module, against go-plugin v1.8.0."""
    bin_dir = _build(
        f"bench-{CURRENT}",
        build_root,
        [("go", "build", "-o", "{bin}/bench-host", "./cmd/bench-host")],
        ("bench-host",),
        overlay={"cmd/bench-host": BENCH_HOST_SOURCES},
    )
    return bin_dir / "bench-host"


def host_supports(version: str, switch: str) -> bool:
    """Whether greeter hosts built against go-plugin ``version`` honour ``switch``."""
    return _release(version) >= _release(SWITCH_SINCE[switch])


def _release(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.lstrip("v").split("."))


def check_toolchain() -> None:
    """Fail with one message naming what is missing and how to get it."""
    problems = []
    if shutil.which("go") is None:
        problems.append("`go` is not on PATH")
    try:
        import grpc_tools.protoc  # noqa: F401  (protoc for the Go code generators)
    except ImportError:
        problems.append(f"grpcio-tools is not installed in {sys.executable}")
    if problems:
        raise GoToolchainMissingError(
            "the Go interop tests need Go >= 1.25 (the module proxy provides everything else) "
            f"and grpcio-tools: {'; '.join(problems)}.\nscripts/test.sh sets both up (Go through "
            "scripts/install-go.sh), or skip these tests with -m 'not interop'."
        )


def _module_file(version: str) -> tuple[str, tuple[str, ...]]:
    try:
        return _MODULE_FILES[version]
    except KeyError:
        raise ValueError(
            f"no Go module file for go-plugin {version!r}; known: {', '.join(_MODULE_FILES)}"
        ) from None


def _tags(tags: Sequence[str]) -> tuple[str, ...]:
    return (f"-tags={','.join(tags)}",) if tags else ()


def _greeter_binaries(version: str, bin_dir: Path) -> GoGreeterBinaries:
    return GoGreeterBinaries(
        go_plugin_version=version,
        host=bin_dir / "greeter-host",
        plugin=bin_dir / "greeter-plugin",
        versioned_host=bin_dir / "greeter-versioned-host",
        versioned_plugin=bin_dir / "greeter-versioned-plugin",
        counter_host=bin_dir / "counter-host",
        counter_plugin=bin_dir / _COUNTER_PLUGIN[0],
    )


def _check_linked_version(host: Path, version: str) -> None:
    """The host reports the go-plugin it links: proof the module file maps to that version."""
    printed = _run([str(host), "-version"], env=os.environ).strip()
    if printed != f"go-plugin {version}":
        raise GoBuildError(f"{host} was meant to link go-plugin {version} but says {printed!r}")


def _build(
    target: str,
    build_root: Path,
    commands: Sequence[Sequence[str]],
    outputs: Sequence[str],
    overlay: Mapping[str, Path] | None = None,
    prepare: Callable[[Path, Mapping[str, str]], None] | None = None,
    key_extra: bytes = b"",
) -> Path:
    """Build ``target`` unless an identical build exists; return its bin directory.

    ``prepare(src, env)``, if given, adds to the prepared sources before the commands run
    (generated code: ``gengo.py``); ``key_extra`` is whatever else it depends on, hashed into
    the build key.
    """
    check_toolchain()
    overlay = overlay or {}
    final = build_root / f"{target}-{_build_key(target, overlay, key_extra)}"
    if all((final / "bin" / name).is_file() for name in outputs):
        return final / "bin"
    build_root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="tmp-", dir=build_root))
    try:
        src = _prepare_sources(work, overlay)
        env = _go_env(build_root)
        if prepare is not None:
            prepare(src, env)
        for command in commands:
            argv = [part.replace("{bin}", str(work / "bin")) for part in command]
            # -mod=readonly after "build": the committed go.mod and go.sum must be complete.
            _run([*argv[:2], "-mod=readonly", *argv[2:]], env=env, cwd=src)
        _publish(work, final, outputs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune_stale(build_root, target, keep=final)
    return final / "bin"


def _build_key(target: str, overlay: Mapping[str, Path], key_extra: bytes = b"") -> str:
    """A hash of every input: the module, the protos, this recipe, the tools' versions."""
    digest = hashlib.sha256(target.encode() + b"\0")
    if key_extra:
        digest.update(key_extra + b"\0")
    files = [(path.relative_to(REPO), path) for path in _module_inputs()]
    files += [
        (EXAMPLE_PROTOS.relative_to(REPO) / name, EXAMPLE_PROTOS / name) for name in GO_PROTOS
    ]
    for dest, source in sorted(overlay.items()):
        files += [(Path(dest) / p.name, p) for p in sorted(source.iterdir()) if p.is_file()]
    files.append((Path("gobuild.py"), Path(__file__).resolve()))
    for name, path in files:
        digest.update(str(name).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(_run(["go", "version"], env=os.environ).encode())
    digest.update(
        _run([sys.executable, "-m", "grpc_tools.protoc", "--version"], env=os.environ).encode()
    )
    return digest.hexdigest()[:16]


def _module_inputs() -> list[Path]:
    return sorted(
        path
        for path in GO_MODULE.rglob("*")
        if path.is_file() and path.relative_to(GO_MODULE).parts[0] not in _LOCAL_OUTPUTS
    )


def _prepare_sources(work: Path, overlay: Mapping[str, Path]) -> Path:
    """Copy the module, add the overlay packages, generate the protos' Go code into it."""
    src = work / "src"
    shutil.copytree(GO_MODULE, src, ignore=_ignore_local_outputs)
    for dest, source in overlay.items():
        shutil.copytree(source, src / dest, ignore=shutil.ignore_patterns("*_test.go", ".*"))
    env = _go_env(work.parent)
    tools = {
        name: _run(["go", "tool", "-n", name], env=env, cwd=src).strip()
        for name in ("protoc-gen-go", "protoc-gen-go-grpc")
    }
    _run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{EXAMPLE_PROTOS}",
            f"--plugin=protoc-gen-go={tools['protoc-gen-go']}",
            f"--plugin=protoc-gen-go-grpc={tools['protoc-gen-go-grpc']}",
            # module=yourapp: go_package yourapp/proto/greeter lands in src/proto/greeter.
            f"--go_out={src}",
            "--go_opt=module=yourapp",
            f"--go-grpc_out={src}",
            "--go-grpc_opt=module=yourapp",
            *GO_PROTOS,
        ],
        env=env,
        cwd=EXAMPLE_PROTOS,
    )
    return src


def _ignore_local_outputs(directory: str, names: list[str]) -> list[str]:
    if Path(directory).resolve() == GO_MODULE:
        return [name for name in names if name in _LOCAL_OUTPUTS]
    return []


def _go_env(build_root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        # Pure Go binaries: no C compiler needed, nothing linked against the host's libc.
        CGO_ENABLED="0",
        # A go.work above the checkout must not change what gets built.
        GOWORK="off",
    )
    # Go refuses to build without a cache directory; it derives one from HOME when it can.
    if not any(env.get(var) for var in ("GOCACHE", "XDG_CACHE_HOME", "HOME")):
        env["GOCACHE"] = str(build_root / "go-cache")
    return env


def _publish(work: Path, final: Path, outputs: Sequence[str]) -> None:
    """Rename the finished build into place; if another process won the race, keep theirs."""
    try:
        os.rename(work, final)
    except OSError:
        if all((final / "bin" / name).is_file() for name in outputs):
            return
        # A leftover without binaries (someone deleted one by hand): replace it.
        shutil.rmtree(final, ignore_errors=True)
        os.rename(work, final)


def _prune_stale(build_root: Path, target: str, keep: Path) -> None:
    """Delete older builds of this target, so the cache does not grow with every edit."""
    # Plain <hash> directories are the GOPATH-era layout: stale by definition.
    pattern = re.compile(f"({re.escape(target)}-)?[0-9a-f]{{16}}")
    for entry in build_root.iterdir():
        if entry != keep and entry.is_dir() and pattern.fullmatch(entry.name):
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
