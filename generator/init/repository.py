"""A new plugin repository as files: rendered from ``templates/init/`` and the generator's output.

Everything is decided in memory (:func:`files`) before anything is written, so a bad proto or
name leaves no half-made repository behind; :func:`write` then refuses a folder that is not
empty, naming what would be overwritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from importlib import metadata, resources
from typing import TYPE_CHECKING

from ..core.errors import GeneratorError
from ..core.files import MAIN
from . import imports
from . import protos as protos_module
from . import scaffold as scaffold_module
from .names import Names, names_of
from .scaffold import CLIENT_STREAM, SERVER_STREAM, UNARY, Method

if TYPE_CHECKING:
    import jinja2

#: What ``init`` records of a run, for a later release's update (``update.py``, docs/init.md).
RECORD = ".pygoplugin-init.json"

#: Template -> path in the repository (``{package}``: the Python package).
_TEMPLATES = {
    "pyproject.toml.j2": "pyproject.toml",
    "README.md.j2": "README.md",
    "gitignore.j2": ".gitignore",
    "ci.yml.j2": ".github/workflows/ci.yml",
    "pre-commit-config.yaml.j2": ".pre-commit-config.yaml",
    "compat.sh.j2": "scripts/compat.sh",
    "package_init.py.j2": "src/{package}/__init__.py",
    "main.py.j2": "src/{package}/main.py",
    "host.py.j2": "src/{package}/host.py",
    "test_plugin.py.j2": "tests/test_plugin.py",
}

#: The starter's requests, by method kind: what the host scaffold sends (``n``: which one).
_STARTER_REQUESTS = {
    UNARY: 'text="hello"',
    SERVER_STREAM: "start=3",
    CLIENT_STREAM: "number={n}",
}


def files(
    directory: str,
    *,
    name: str | None,
    proto: str | None,
    includes: Sequence[str],
    host_only: bool = False,
    starter: bool | None = None,
) -> dict[str, str]:
    """Every file of the repository for ``directory``, by POSIX path relative to it.

    ``host_only``: a host's repository (``--host``), whose console script is the host and whose
    ``main.py`` is a stand-in plugin for its tests. ``starter`` (default: no ``proto`` given)
    selects the starter's behaviour, which an update keeps for a starter proto since edited.
    """
    names = names_of(name or os.path.basename(os.path.abspath(directory)))
    environment = _environment()
    if starter is None:
        starter = proto is None
    if proto is None:
        text = environment.get_template("starter.proto.j2").render(names=names)
        contract = protos_module.starter(names, text)
    else:
        contract = protos_module.from_user(proto, includes)
    generated = _generate(contract)
    roots = sorted({path.split("/")[0] for path in generated if "/" in path})
    if len(roots) > 1:
        # Across top-level packages the generated code imports absolutely (``from match.case
        # import ...``), which works only with them at the top of sys.path, not inside src/<pkg>.
        raise GeneratorError(
            f"its proto packages start with {len(roots)} different names ({', '.join(roots)}); "
            "init keeps the generated code inside the plugin's package, which needs one (generate "
            "such a set with gen-plugin -o instead)",
            proto,
        )
    scaffold = scaffold_module.read(generated.pop(MAIN), roots)
    out = f"src/{names.package}"
    values = {
        "names": names,
        "starter": starter,
        "scaffold": scaffold,
        "proto_main": contract.main,
        **_import_blocks(scaffold, names.package),
        "generate": f"gen-plugin -I proto proto/{contract.main} -o {out}",
        "runtime": f"pygoplugin>={_runtime_version()}",
        "runtime_gen": f"pygoplugin[gen]>={_runtime_version()}",
        "go_package": _go_package(contract),
        "starter_request": _starter_request if starter else _no_request,
        "host_only": host_only,
        "host_script": names.dist if host_only else f"{names.dist}-host",
        "plugin_env": f"{names.package.upper()}_PLUGIN",
    }
    # What init writes once and the user then owns: the base a later update compares with.
    owned: dict[str, str] = {}
    for template, path in _TEMPLATES.items():
        if host_only and template == "README.md.j2":
            template = "README-host.md.j2"
        text = environment.get_template(template).render(**values)
        owned[path.format(package=names.package)] = (
            _wrapped(_formatted(imports.prune(text))) if path.endswith(".py") else text
        )
    result = {f"{out}/{path}": text for path, text in generated.items()}
    result.update({f"proto/{path}": text for path, text in contract.files})
    result.update(owned)
    result[RECORD] = _record(names, contract.main, starter, host_only, owned)
    return dict(sorted(result.items()))


def write(directory: str, contents: Mapping[str, str]) -> None:
    """Write ``contents`` into ``directory``, which must be missing or empty; all or nothing."""
    if os.path.exists(directory) and not os.path.isdir(directory):
        raise GeneratorError("not a folder: init writes a new repository into a folder", directory)
    present = sorted(os.listdir(directory)) if os.path.isdir(directory) else []
    if present:
        clashes = [path for path in contents if os.path.lexists(os.path.join(directory, path))]
        what = (
            f"it would overwrite {', '.join(clashes)}"
            if clashes
            else f"it holds {', '.join(present)}"
        )
        raise GeneratorError(
            f"not empty: {what}; init writes only into a new or empty folder", directory
        )
    parent = os.path.dirname(os.path.abspath(directory))
    os.makedirs(parent, exist_ok=True)
    staging = tempfile.mkdtemp(prefix=".pygoplugin-init-", dir=parent)
    try:
        for path, text in contents.items():
            target = os.path.join(staging, *path.split("/"))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            if path.endswith(".sh"):
                os.chmod(target, 0o755)
        if os.path.isdir(directory):  # empty (checked above), perhaps the working directory
            for entry in os.listdir(staging):
                os.rename(os.path.join(staging, entry), os.path.join(directory, entry))
        else:
            os.rename(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _generate(contract: protos_module.Protos) -> dict[str, str]:
    """The generator's Python output for the contract, ``main.py`` scaffold included."""
    from ..core import pipeline
    from ..core.settings import from_values
    from ..python import target
    from ..schema import descriptors, load

    with tempfile.TemporaryDirectory(prefix="pygoplugin-init-") as scratch:
        for path, text in contract.files:
            target_path = os.path.join(scratch, *path.split("/"))
            os.makedirs(os.path.dirname(target_path), exist_ok=True)
            with open(target_path, "w", encoding="utf-8") as stream:
                stream.write(text)
        data, names = load.compile_protos([os.path.join(scratch, contract.main)], [scratch])
    files = descriptors.FileDescriptorSet.FromString(data).file
    outputs = pipeline.generate(
        files, names, from_values({}), target=target.generate, include_main=True
    )
    return {output.path: output.content for output in outputs}


def _template_source(name: str) -> str:
    """The text of ``templates/init/<name>``, as installed with the generator."""
    folder = resources.files("pygoplugin_gen.templates").joinpath("init")
    return folder.joinpath(name).read_text(encoding="utf-8")


def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _template_source(name)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )


def _import_blocks(scaffold: scaffold_module.Scaffold, package: str) -> dict[str, str]:
    """Each file's third-party and own import blocks (``imports.py``)."""
    third = imports.froms(scaffold.imports, generated=False, package=None)
    relative = imports.froms(scaffold.imports, generated=True, package=None)
    absolute = imports.froms(scaffold.imports, generated=True, package=package)
    protobuf = [("google.protobuf", ("text_format",)), ("google.protobuf.message", ("Message",))]
    return {
        "main_third_party": imports.block(["goplugin"], third),
        "main_local": imports.block([], relative),
        "host_third_party": imports.block(["goplugin"], [*third, *protobuf]),
        "test_third_party": imports.block(["pytest"], third),
        "test_first_party": imports.block(
            [], [*absolute, (f"{package}.host", ("Plugins", "connect"))]
        ),
    }


def _wrapped(text: str) -> str:
    """``text`` with each paragraph of its module docstring that overflows refilled to 100.

    Names of any length land in the templates' docstrings (a proto path, a plugin name), and
    black leaves docstrings as they are. Indented lines (examples) are never refilled.
    """
    import ast
    import textwrap

    tree = ast.parse(text)
    first = tree.body[0] if tree.body else None
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)):
        return text
    assert first.end_lineno is not None
    lines = text.split("\n")
    docstring, rest = lines[: first.end_lineno - 1], lines[first.end_lineno - 1 :]
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if any(len(line) > 100 for line in paragraph):
            out.extend(textwrap.wrap(" ".join(paragraph), 100, break_long_words=False))
        else:
            out.extend(paragraph)
        paragraph.clear()

    for line in docstring:  # the closing quotes' line is in ``rest``
        if line and not line[0].isspace():
            paragraph.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out + rest)


def _formatted(text: str) -> str:
    """``text`` as black lays it out, so the templates need not count columns."""
    import black

    return black.format_str(text, mode=black.Mode(line_length=100))


def _runtime_version() -> str:
    try:
        return metadata.version("pygoplugin")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def _go_package(contract: protos_module.Protos) -> str:
    """The Go target's package name for the contract (``weather.v1`` -> ``weatherv1plugin``)."""
    from ..go.naming import plugin_package

    text = dict(contract.files)[contract.main]
    package = next(
        (
            line.split()[1].rstrip(";")
            for line in text.splitlines()
            if line.startswith("package ") and len(line.split()) > 1
        ),
        "",
    )
    return plugin_package(package, contract.main)


def _starter_request(method: Method, n: int = 1) -> str:
    if method.kind in _STARTER_REQUESTS:
        return _STARTER_REQUESTS[method.kind].format(n=n)
    return f'text="message {n}"'


def _no_request(method: Method, n: int = 1) -> str:
    return ""


def blob_id(text: str) -> str:
    """The id git gives ``text`` as a file (``git hash-object``)."""
    data = text.encode("utf-8")
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _record(
    names: Names, proto_main: str, starter: bool, host_only: bool, contents: Mapping[str, str]
) -> str:
    """What this run wrote and from what: the base a later update compares the files with."""
    record = {
        "pygoplugin": _runtime_version(),
        "name": names.dist,
        "proto": proto_main,
        "starter": starter,
        "host": host_only,
        # Git's blob ids: an edit shows as a different id, and where the user committed the
        # file as written, ``git cat-file`` gives back the base of a three-way merge.
        "files": {path: blob_id(text) for path, text in sorted(contents.items())},
    }
    return json.dumps(record, indent=2) + "\n"
