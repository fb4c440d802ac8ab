"""The real-world corpus (``../shared/protos``): discovery, generation and consumer modules.

Every ``.proto`` below ``shared/protos`` is found by walking the folder, so a proto dropped
there is covered without touching the tests. Each top-level folder is an include root (the
folder's README says so); files are used in place. ``PYGOPLUGIN_CORPUS=/some/protos`` runs the
same tests on another folder laid out alike, such as a user's own protos.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent import futures
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PROTOS = REPO.parent / "shared" / "protos"
SHARED_PROTOS = Path(os.environ.get("PYGOPLUGIN_CORPUS") or DEFAULT_PROTOS)
BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_SERVICE = re.compile(r"^\s*service\s+\w+\s*\{", re.MULTILINE)
_IMPORT = re.compile(r'^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;', re.MULTILINE)

#: The service that carries a file without services through gen-plugin (a plugin needs one).
PROBE_PROTO = """\
syntax = "proto3";
package pyplugin_corpus_probe;
import "google/protobuf/empty.proto";
import "{name}";
service CorpusProbe {{
  rpc Probe(google.protobuf.Empty) returns (google.protobuf.Empty);
}}
"""


@dataclasses.dataclass(frozen=True)
class CorpusProto:
    """One ``.proto`` of the corpus, with its include root."""

    path: Path

    @property
    def id(self) -> str:
        """``grpc-java/route_guide.proto``: its path below ``shared/protos``."""
        return self.path.relative_to(SHARED_PROTOS).as_posix()

    @property
    def root(self) -> Path:
        return SHARED_PROTOS / self.path.relative_to(SHARED_PROTOS).parts[0]

    @property
    def name(self) -> str:
        """Its name as protoc sees it, relative to its include root."""
        return self.path.relative_to(self.root).as_posix()

    @property
    def slug(self) -> str:
        """A folder name for its output."""
        return self.id.replace("/", "__")

    @property
    def source(self) -> str:
        """Its text with comments removed (enough to spot services and imports)."""
        return _COMMENT.sub("", self.path.read_text(encoding="utf-8"))

    @property
    def has_service(self) -> bool:
        return _SERVICE.search(self.source) is not None

    def imports(self) -> list[Path]:
        """The files it imports from its own include root, transitively (well-known types and
        other files protoc finds by itself are left to it)."""
        found: dict[Path, None] = {}
        pending = [self.path]
        while pending:
            text = _COMMENT.sub("", pending.pop().read_text(encoding="utf-8"))
            for name in _IMPORT.findall(text):
                path = self.root / name
                if path.is_file() and path != self.path and path not in found:
                    found[path] = None
                    pending.append(path)
        return list(found)


def discover() -> list[CorpusProto]:
    """Every ``.proto`` of the corpus, sorted; none when ``shared/protos`` is absent."""
    if not SHARED_PROTOS.is_dir():
        return []
    return [CorpusProto(path) for path in sorted(SHARED_PROTOS.rglob("*.proto"))]


ALL = discover()
WITH_SERVICES = [proto for proto in ALL if proto.has_service]


def cases(
    protos: Sequence[CorpusProto], check: str, known: dict[tuple[str, str], str]
) -> list[Any]:
    """``protos`` as pytest params, the ones ``known`` to fail ``check`` marked strict xfail."""
    params = []
    for proto in protos:
        reason = known.get((check, proto.id))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(proto, id=proto.id, marks=marks))
    return params


@dataclasses.dataclass(frozen=True)
class Generated:
    """One corpus proto's gen-plugin run: ``<folder>/out`` is its output."""

    proto: CorpusProto
    folder: Path
    returncode: int
    stderr: str

    @property
    def out(self) -> Path:
        return self.folder / "out"

    @property
    def consumers(self) -> Path:
        return self.folder / "consumers"


def gen_plugin_command(proto: CorpusProto, folder: Path) -> list[str]:
    """``gen-plugin`` as a user runs it: the file (and what it imports), its root, ``-o``.

    A file without a service goes through gen-plugin beside a one-RPC probe service that
    imports it, so it is generated as the imported module it is.
    """
    command = [str(BIN / "gen-plugin"), str(proto.path), *map(str, proto.imports())]
    includes = ["-I", str(proto.root)]
    if not proto.has_service:
        probe = folder / "probe" / "pyplugin_corpus_probe.proto"
        probe.parent.mkdir(parents=True)
        probe.write_text(PROBE_PROTO.format(name=proto.name), encoding="utf-8")
        command.insert(1, str(probe))
        includes = ["-I", str(probe.parent), *includes]
    return [*command, *includes, "-o", str(folder / "out")]


def generate(protos: Iterable[CorpusProto], into: Path) -> dict[str, Generated]:
    """Run gen-plugin once per proto (two at a time, cache off), each into its own folder."""
    env = {**os.environ, "PYGOPLUGIN_CACHE_DIR": "off"}

    def one(proto: CorpusProto) -> Generated:
        folder = into / proto.slug
        done = subprocess.run(
            gen_plugin_command(proto, folder), env=env, capture_output=True, text=True, timeout=120
        )
        return Generated(proto, folder, done.returncode, done.stderr)

    with futures.ThreadPoolExecutor(max_workers=2) as pool:
        return {generated.proto.id: generated for generated in pool.map(one, protos)}


def probe(generated: Iterable[Generated]) -> dict[str, dict[str, Any]]:
    """``probe_host.py``'s report for each output (a host process each, three at a time)."""
    import json

    def one(run: Generated) -> dict[str, Any]:
        done = subprocess.run(
            [sys.executable, str(HERE / "probe_host.py"), str(run.out)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd="/",
        )
        if done.returncode != 0:
            return {"probe_error": done.stderr, "imports": {}, "packages": {}}
        report: dict[str, Any] = json.loads(done.stdout)
        return report

    runs = list(generated)
    with futures.ThreadPoolExecutor(max_workers=3) as pool:
        return {run.proto.id: report for run, report in zip(runs, pool.map(one, runs), strict=True)}


def pygoplugin_files(out: Path) -> list[Path]:
    """The files pygoplugin writes itself: not protoc's ``_pb2`` modules and their stubs, nor the
    ``_pb2_grpc.py`` that grpcio-tools writes (pygoplugin writes its ``.pyi``)."""
    return sorted(
        path
        for path in out.rglob("*.py*")
        if path.suffix in (".py", ".pyi")
        and not path.name.endswith(("_pb2.py", "_pb2.pyi", "_pb2_grpc.py"))
    )


def typed_files(out: Path) -> list[Path]:
    """Every emitted module and stub a type checker reads (a ``.py`` with a ``.pyi`` beside it
    is read through its stub)."""
    return sorted(
        path
        for path in out.rglob("*.py*")
        if path.suffix == ".pyi" or (path.suffix == ".py" and not path.with_suffix(".pyi").exists())
    )


# -- consumer modules --------------------------------------------------------------------------


def _module_of(dotted: str) -> str:
    return dotted.rpartition(".")[0]


def _type(pair: Sequence[str]) -> str:
    module, qualname = pair
    return f"{module}.{qualname}"


def _method(rpc: dict[str, Any]) -> Iterator[str]:
    request, response = _type(rpc["request"]), _type(rpc["response"])
    parameter = f"Iterator[{request}]" if rpc["client_streaming"] else request
    returns = f"Iterator[{response}]" if rpc["server_streaming"] else response
    yield f"    def {rpc['name']}(self, {rpc['parameter']}: {parameter}) -> {returns}:"
    if rpc["client_streaming"]:
        yield f"        for _ in {rpc['parameter']}:"
        if rpc["server_streaming"]:
            yield f"            yield {response}()"
        else:
            yield "            pass"
            yield f"        return {response}()"
    else:
        yield f"        {'yield' if rpc['server_streaming'] else 'return'} {response}()"


def _spaced(number: int, rpc: dict[str, Any]) -> Iterator[str]:
    if number:
        yield ""
    yield from _method(rpc)


def _call(rpc: dict[str, Any]) -> tuple[str, str]:
    """``(expression calling the RPC with a default request, its type)``."""
    request, response = _type(rpc["request"]), _type(rpc["response"])
    argument = f"iter([{request}()])" if rpc["client_streaming"] else f"{request}()"
    call = f"service.{rpc['name']}({argument})"
    if rpc["server_streaming"]:
        return f"list({call})", f"list[{response}]"
    return call, response


def consumer_module(service: dict[str, Any]) -> str:
    """A module that implements ``service``'s interface, serves it and calls every RPC.

    Written from :func:`dummies.describe`'s JSON: every name is spelled out in full
    (``routeguide.route_guide_pb2.Point``), so the module type-checks exactly what a user's
    implementation and host code would use.
    """
    interface, plugin = service["interface"], service["plugin_class"]
    modules = {_module_of(interface), _module_of(plugin)}
    for rpc in service["rpcs"]:
        modules.update((rpc["request"][0], rpc["response"][0]))
    calls = [_call(rpc) for rpc in service["rpcs"]]
    streams = any(rpc["client_streaming"] or rpc["server_streaming"] for rpc in service["rpcs"])
    lines = [
        f'"""A consumer of ``{interface}``, written by tests/realworld from its signatures."""',
        "",
        "from __future__ import annotations",
        "",
        *(["from collections.abc import Iterator", ""] if streams else []),
        *(f"import {module}" for module in sorted(modules)),
        "",
        "",
        f"class Impl({interface}):",
        *(line for number, rpc in enumerate(service["rpcs"]) for line in _spaced(number, rpc)),
        *([] if service["rpcs"] else ["    pass"]),
        "",
        "",
        f"def served() -> {plugin}:",
        f"    return {plugin}(Impl())",
        "",
        "",
        f"def call_every_rpc(service: {interface}) -> tuple[{', '.join(t for _, t in calls)}]:",
        f"    return ({''.join(f'{call}, ' for call, _ in calls)})",
        "",
    ]
    if not calls:
        lines[-3:-1] = [f"def call_every_rpc(service: {interface}) -> tuple[()]:", "    return ()"]
    return "\n".join(lines)


def write_consumers(run: Generated, report: dict[str, Any]) -> list[Path]:
    """One consumer module per service of ``run``, in ``run.consumers``; their paths."""
    run.consumers.mkdir(exist_ok=True)
    written = []
    for package, entry in sorted(report["packages"].items()):
        for service in entry.get("services", []):
            stem = f"consumer_{package.replace('.', '_')}_{service['plugin_name']}"
            path = run.consumers / f"{stem}.py"
            path.write_text(consumer_module(service), encoding="utf-8")
            written.append(path)
    return written
