"""Hypothesis-drawn protos generate, import and type-check, with no traceback (issue 12, item 7).

Every name is drawn from what trips generators up: Python's keywords and soft keywords,
builtins, names the generated modules use themselves (``HANDSHAKE``, ``Iterator``, ``Message``),
type names and standard-library module names, as packages, messages (nested too), enums and
their values, fields of every shape, services and RPCs of all four kinds. A drawn proto either
generates, or is refused with gen-plugin's one-line error (a name whose escaped spelling is
taken is a legitimate refusal); what generates must import in a fresh interpreter and pass
``mypy --strict`` and ``pyright --strict`` (where pyright and Node.js are installed).
``PROPERTY_EXAMPLES`` raises the number of protos tried (default 4, each a mypy and a pyright
run of a few seconds).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from pygoplugin_gen.front import gen_plugin as cli
from pygoplugin_gen.python import naming

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[3]
KEYWORDS = sorted(naming.HARD_KEYWORDS | (naming.SOFT_KEYWORDS - {"_"}))
BUILTINS = ["print", "len", "type", "object", "id", "list", "dict", "set", "str", "int", "float"]
BUILTINS += ["bytes", "bool", "complex", "Exception", "super", "self", "cls", "iter", "next"]
OURS = ["HANDSHAKE", "PLUGINS", "Iterator", "AsyncIterator", "Message", "Any", "Optional"]
OURS += ["Channel", "goplugin"]
OURS += ["warnings", "abc", "annotations", "interface", "plugin", "main", "impl", "request"]
STDLIB = ["os", "sys", "json", "typing", "collections", "test", "re", "io", "enum", "string"]
STDLIB += ["types", "logging", "signal", "socket", "copy", "email", "http", "time", "select"]
#: What ``int`` declares: an enum's class derives from it.
INT_MEMBERS = ["real", "imag", "numerator", "denominator", "bit_length", "to_bytes", "conjugate"]
#: The runtime's own dependencies are not drawn as packages: a package named ``grpc`` or
#: ``google`` cannot sit beside them on sys.path (gen-plugin refuses what it knows clashes).
POOL = sorted(set(KEYWORDS + BUILTINS + OURS + STDLIB + INT_MEMBERS))
#: Names only fields and RPCs are drawn from: the private aliases the stubs import under
#: (``_builtins``, ``_Optional``, ``_grpc``) and ``grpc`` itself. A message or package so named
#: is protoc's own trouble (``_pb2.py`` binds ``_builder``, ``_descriptor``) or the runtime's.
MEMBERS = ["_builtins", "_Optional", "_Iterator", "_grpc", "_self", "grpc", "Clear", "DESCRIPTOR"]
#: Proto's scalar type names cannot name a message or enum (``float x = 1`` would be ambiguous).
SCALARS = {"double", "float", "int32", "int64", "bool", "string", "bytes", "uint32", "uint64"}
#: Nor a word that starts another declaration where a field's type stands (``enum x = 1;``).
SCALARS |= {"enum", "message", "oneof", "map", "option", "extend", "reserved", "extensions"}
#: Refusals that name their cause: escaped spellings taken, names that would shadow a module.
REFUSALS = ("is taken", "escaped", "clash", "collide", "both", "already")

names = st.sampled_from(POOL)


def _key(name: str) -> str:
    """Two names protoc (or its JSON names) would treat as one."""
    return name.replace("_", "").lower()


@st.composite
def protos(draw: st.DrawFn) -> str:
    """A proto3 file of drawn names: messages with nested types and enums, and services.

    A field may name any message of the file, its own (recursion), one declared further down
    (a forward reference: mypy reads a bare builtin name there as the builtin), or a type
    nested in another message (``len.interface``); a top-level enum may come first.

    Every name in the file is distinct (packages, types, fields, values, RPCs): protoc resolves
    a type name through every enclosing scope, so ``rpc Any(Any)`` or a field ``Any Any`` is an
    error in the proto itself, not a case for the generator.
    """
    used: set[str] = set()

    def fresh(*, type_name: bool = False, member: bool = False) -> str:
        banned = SCALARS if type_name else set()
        pool = st.sampled_from([n for n in POOL + MEMBERS * member if n not in banned])
        name = draw(pool.filter(lambda n: _key(n) not in used))
        used.add(_key(name))
        return name

    package = fresh()
    if draw(st.booleans()):
        package += "." + fresh()
    messages = [fresh(type_name=True) for _ in range(draw(st.integers(1, 3)))]
    inner = {message: (fresh(type_name=True), fresh(type_name=True)) for message in messages}
    elsewhere = [f"{m}.{name}" for m, names in inner.items() for name in names]
    lines = ['syntax = "proto3";', f"package {package};", ""]
    top_enums = []
    if draw(st.booleans()):
        top_enums.append(fresh(type_name=True))
        values = [fresh() for _ in range(2)]
        lines.append(f"enum {top_enums[0]} {{ {values[0]} = 0; {values[1]} = 1; }}")
    for message in messages:
        nested, enum = inner[message]
        values = [fresh() for _ in range(2)]
        lines += [
            f"message {message} {{",
            f"  message {nested} {{ string {fresh(member=True)} = 1; }}",
        ]
        lines.append(f"  enum {enum} {{ {values[0]} = 0; {values[1]} = 1; }}")
        shapes = [
            "string",
            "bytes",
            "double",
            "bool",
            "repeated int64",
            nested,
            enum,
            draw(st.sampled_from(messages)),
            draw(st.sampled_from(elsewhere + top_enums)),
            f"map<string, {nested}>",
        ]
        for number, shape in enumerate(draw(st.lists(st.sampled_from(shapes), max_size=5)), 1):
            lines.append(f"  {shape} {fresh(member=True)} = {number};")
        lines.append("}")
    for _ in range(draw(st.integers(1, 2))):
        service = fresh(type_name=True)
        lines.append(f"service {service} {{")
        for _ in range(draw(st.integers(1, 3))):
            request, response = draw(st.sampled_from(messages)), draw(st.sampled_from(messages))
            client, server = draw(st.booleans()), draw(st.booleans())
            lines.append(
                f"  rpc {fresh(member=True)}({'stream ' * client}{request}) "
                f"returns ({'stream ' * server}{response});"
            )
        lines.append("}")
    return "\n".join(lines) + "\n"


def generate(proto: str, folder: Path) -> tuple[int, str]:
    """gen-plugin on ``proto`` in this process: its exit code and stderr (no traceback allowed)."""
    (folder / "drawn.proto").write_text(proto)
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        try:
            cli.main([str(folder / "drawn.proto"), "-o", str(folder / "out")])
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, stderr.getvalue()


#: pyright --strict runs too where it can (the test extra and Node.js).
PYRIGHT = importlib.util.find_spec("pyright") is not None and shutil.which("node") is not None


def pyright_errors(folder: Path, out: Path) -> list[str]:
    """pyright --strict on what pygoplugin writes and on the ``_pb2.pyi`` stubs (protoc's
    ``_pb2.py`` and grpcio-tools' ``_pb2_grpc.py`` are typed by their stubs)."""
    checked = sorted(
        str(path.relative_to(folder))
        for path in out.rglob("*.py*")
        if path.suffix in (".py", ".pyi") and not path.name.endswith(("_pb2.py", "_pb2_grpc.py"))
    )
    config = {
        "include": checked,
        "strict": checked,
        "pythonVersion": "3.10",
        "executionEnvironments": [{"root": "out", "extraPaths": [str(REPO)]}],
        "venvPath": str(Path(sys.prefix).parent),
        "venv": Path(sys.prefix).name,
    }
    (folder / "pyrightconfig.json").write_text(json.dumps(config))
    done = subprocess.run(
        [str(BIN / "pyright"), "--outputjson", "--project", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(done.stdout)
    return [
        f"{d['file']}:{d['range']['start']['line'] + 1}: {d.get('rule')}: {d['message']}"
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]


IMPORT_EVERYTHING = """
import importlib, pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in sorted(out.rglob("*.py")):
    importlib.import_module(".".join(path.relative_to(out).with_suffix("").parts))
"""


#: What the draw found once, kept: ``len`` named above ``class len`` read as the builtin function.
FOUND = """syntax = "proto3";
package abc.collections;
message types { len email = 1; }
message len { message interface { string float = 1; } }
service socket { rpc typing(types) returns (types); }
"""


@pytest.mark.timeout(1800)
@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "4")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(proto=protos())
@example(proto=FOUND)
def test_drawn_protos_generate_import_and_type_check(proto: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        code, stderr = generate(proto, folder)
        assert "Traceback" not in stderr, proto
        if code != 0:
            assert stderr.startswith("gen-plugin: error:"), stderr
            assert any(word in stderr for word in REFUSALS), f"{stderr}\n{proto}"
            event("refused with a one-line error")
            return
        event("generated, imported and type-checked")
        out = folder / "out"
        imported = subprocess.run(
            [sys.executable, "-c", IMPORT_EVERYTHING, str(out)],
            cwd=out,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert imported.returncode == 0, f"{imported.stderr}\n{proto}"
        roots = sorted(path.name for path in out.iterdir() if path.name != "__pycache__")
        checked = subprocess.run(
            [str(BIN / "mypy"), "--strict", "--cache-dir", str(folder / "mypy"), *roots],
            cwd=out,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert checked.returncode == 0, f"{checked.stdout}\n{proto}"
        if PYRIGHT:
            errors = pyright_errors(folder, out)
            assert errors == [], "\n".join([*errors, proto])


@pytest.mark.parametrize("kind", ["keyword", "builtin", "stdlib"])
def test_the_name_pools_hold_what_they_promise(kind: str) -> None:
    """A guard on the strategy itself: each family of awkward names is really drawn from."""
    wanted = {"keyword": "class", "builtin": "print", "stdlib": "json"}[kind]
    assert wanted in POOL
