"""The load stage: grpcio-tools' bundled protoc, run in-process.

``compile_protos`` turns ``.proto`` files into a ``FileDescriptorSet`` (the CLI's way in; the
protoc plugin receives the same descriptors in its request). A target may run protoc again on
those descriptors with :func:`run_protoc` (the Python target has protoc write its own modules,
``python/protoc/modules.py``).

protoc reports problems on file descriptor 2 (it is C++); that output is captured and turned
into a :class:`GeneratorError` that keeps protoc's ``file:line:column`` and adds what to do.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence

from ..core.errors import GeneratorError


def well_known_include() -> str:
    """The folder of the well-known ``.proto`` files that ship inside grpcio-tools."""
    import grpc_tools

    return os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")


def run_protoc(arguments: Sequence[str]) -> tuple[int, str]:
    """Run the bundled protoc in this process; return its exit code and what it printed."""
    from grpc_tools import protoc

    with _captured_fd2() as captured:
        code = protoc.main(["protoc", *arguments])
    return int(code), captured()


@contextlib.contextmanager
def _captured_fd2() -> Iterator[Callable[[], str]]:
    """Capture fd 2 (where protoc's C++ writes) for the block; call the result to read it."""
    sys.stderr.flush()
    saved = os.dup(2)
    text: list[str] = []
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield lambda: "".join(text)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            text.append(capture.read().decode("utf-8", "replace"))


def virtual_name(path: str, includes: Sequence[str]) -> str:
    """The name protoc gives a file: its path relative to the first include folder holding it."""
    if not os.path.exists(path):
        for include in includes:
            if os.path.isfile(os.path.join(include, path)):
                return path.replace(os.sep, "/")
        raise GeneratorError(
            "file not found: check the path, or pass the folder that holds it with -I", path
        )
    absolute = os.path.abspath(path)
    for include in includes:
        root = os.path.abspath(include)
        if os.path.commonpath([root, absolute]) == root:
            return os.path.relpath(absolute, root).replace(os.sep, "/")
    raise GeneratorError(
        "the file is in none of the -I folders: add the folder its imports are relative to "
        "with -I DIR (or give no -I to use the file's own folder)",
        path,
    )


def protoc_spelling(path: str, name: str, includes: Sequence[str]) -> str:
    """``path`` spelled so that protoc finds it under an include folder.

    protoc matches files to ``-I`` folders as text, so ``-I /abs/protos protos/x.proto`` fails
    although the folder holds the file. The path is kept as the user typed it whenever protoc
    will match it (its messages then name the file as the user knows it), else rebuilt from
    the include folder as typed and the file's name under it.
    """
    if not os.path.exists(path):  # named under an -I folder (virtual_name): protoc finds it there
        return path
    normal = os.path.normpath(path)
    for include in includes:
        prefix = os.path.normpath(include)
        if prefix == "." and not os.path.isabs(normal):
            return path
        if normal.startswith(prefix.rstrip(os.sep) + os.sep):
            return path
    for include in includes:
        candidate = os.path.join(include, *name.split("/"))
        if os.path.isfile(candidate) and _same_file(candidate, path):
            return candidate
    return path


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:  # one cannot be looked at: protoc will say what is wrong with it
        return False


def check_paths(protos: Sequence[str], includes: Sequence[str]) -> None:
    """Refuse, before protoc, the paths protoc would report only as "File not found." with no
    name (an ``-I`` that is a file) or as a failure to "map to virtual file" (a folder)."""
    for include in includes:
        where = f"-I {include}"
        if not os.path.exists(include):
            raise GeneratorError(
                "no such folder: -I takes the folder that imports are relative to", where
            )
        if not os.path.isdir(include):
            folder = os.path.dirname(include) or "."
            raise GeneratorError(
                "a file, not a folder: -I takes the folder that imports are relative to "
                f"(-I {folder}?); the .proto files to generate from are given without -I",
                where,
            )
    for proto in protos:
        if os.path.isdir(proto):
            pattern = os.path.join(proto, "*.proto")
            raise GeneratorError(
                f"a folder, not a .proto file: name the files to generate from ({pattern})",
                proto,
            )


def default_includes(protos: Sequence[str]) -> list[str]:
    """With no ``-I``: each file's own folder, so ``gen-plugin dir/x.proto`` just works.

    Files of one name in different folders (``greeter/v1/greeter.proto`` and
    ``greeter/v2/greeter.proto``, two versions of a protocol) would then both be
    ``greeter.proto`` to protoc, so they get the folder they share instead.
    """
    folders: list[str] = []
    for proto in protos:
        folder = os.path.dirname(proto) or "."
        if folder not in folders:
            folders.append(folder)
    named = {
        (os.path.basename(proto), os.path.normpath(os.path.dirname(proto) or "."))
        for proto in protos
    }
    if len({name for name, _ in named}) == len(named):
        return folders
    try:  # spelled as the files are (protoc compares -I and file paths as text)
        return [os.path.commonpath([folder for _, folder in named]) or "."]
    except ValueError:  # absolute and relative paths mixed: protoc will say what is wrong
        return folders


def compile_protos(protos: Sequence[str], includes: Sequence[str]) -> tuple[bytes, list[str]]:
    """Parse ``protos``; return a ``FileDescriptorSet`` (imports, source info) and their names."""
    check_paths(protos, includes)
    names = [virtual_name(proto, includes) for proto in protos]
    with tempfile.TemporaryDirectory(prefix="pygoplugin-") as scratch:
        target = os.path.join(scratch, "descriptors.pb")
        code, messages = run_protoc(
            [
                *(f"-I{include}" for include in includes),
                f"-I{well_known_include()}",
                f"--descriptor_set_out={target}",
                "--include_imports",
                "--include_source_info",
                *(
                    protoc_spelling(proto, name, includes)
                    for proto, name in zip(protos, names, strict=True)
                ),
            ]
        )
        if code != 0:
            raise explain_protoc_failure(messages)
        _forward_warnings(messages)
        with open(target, "rb") as stream:
            return stream.read(), names


# Patterns, not compiled ones: they are needed only when protoc fails, and compiling them all
# up front cost every run about half a millisecond (``re`` caches them once used).
_CYCLE = r"File recursively imports itself: (.+)$"
_NOT_FOUND = r"^(.+): File not found\.$"
_IMPORT_FAILED = r"Import \"(.+)\" was not found or had errors"
_HINTS = (
    (
        r"\"(.+)\" is not defined",
        "declare {0} in this file, or import the file that declares it (check the spelling "
        "and the package prefix)",
    ),
    (r"^Expected|^Unexpected|Missing field|Invalid", "fix the proto syntax there"),
    (r"No such file or directory", "check the path"),
    (
        r"^(?:Could not map to virtual file: )?(.+): Permission denied",
        "make {0} readable by the user running gen-plugin (and its folders searchable)",
    ),
)


def explain_protoc_failure(messages: str) -> GeneratorError:
    """protoc's complaint, kept word for word, followed by what to do about it.

    Each piece of advice is given once and fits its cause: files that were not found need an
    ``-I`` folder (named once for all of them); an import cycle needs a file split, which no
    ``-I`` fixes, so the "was not found or had errors" lines a cycle causes get no advice of
    their own; an import that had errors is fixed where its errors are reported.
    """
    lines = [line for line in messages.strip().splitlines() if line.strip()] or ["protoc failed"]
    missing = [found[1] for line in lines if (found := re.match(_NOT_FOUND, line))]
    cycles = [found[1] for line in lines if (found := re.search(_CYCLE, line))]
    advice = []
    if cycles:
        advice.append(
            f"break the import cycle {cycles[0]}: protos cannot import each other, so move "
            "what both need into a third file that both import"
        )
    if missing:
        listed = " and ".join(dict.fromkeys(missing))
        advice.append(
            f"pass the folder that holds {listed} with -I DIR (imports are relative to an -I "
            "folder)"
        )
    for line in lines:
        text = line.split(": ", 1)[-1]
        explained = re.match(_NOT_FOUND, line) or re.search(_CYCLE, line)
        if explained or re.search(_IMPORT_FAILED, text):
            continue
        for pattern, hint in _HINTS:
            found = re.search(pattern, text)
            if found:
                advice.append(hint.format(*found.groups()))
                break
    what_to_do = "; ".join(dict.fromkeys(advice)) or "fix the errors above"
    body = "\n".join(lines)
    return GeneratorError(f"{body}\nwhat to do: {what_to_do}, then run again")


def _forward_warnings(messages: str) -> None:
    if messages.strip():
        sys.stderr.write(messages if messages.endswith("\n") else messages + "\n")
