"""The load stage: grpcio-tools' bundled protoc, run in-process, in both directions.

``compile_protos`` turns ``.proto`` files into a ``FileDescriptorSet`` (the CLI's way in; the
protoc plugin receives the same descriptors in its request). ``python_modules`` turns a
descriptor set back into protoc's own ``_pb2.py``, ``_pb2.pyi`` and ``_pb2_grpc.py`` — through
``--descriptor_set_in``, for both front doors, which is why ``gen-plugin`` and
``protoc --pyplugin_out`` produce the same bytes whichever protoc parsed the files.

protoc reports problems on file descriptor 2 (it is C++); that output is captured and turned
into a :class:`GeneratorError` that keeps protoc's ``file:line:column`` and adds what to do.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..python import naming
from .errors import GeneratorError

if TYPE_CHECKING:
    from google.protobuf import descriptor_pb2

_PROTOC_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")


def well_known_include() -> str:
    """The folder of the well-known ``.proto`` files that ship inside grpcio-tools."""
    import grpc_tools

    return os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")


def _run_protoc(arguments: Sequence[str]) -> tuple[int, str]:
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
    normal = os.path.normpath(path)
    for include in includes:
        prefix = os.path.normpath(include)
        if prefix == "." and not os.path.isabs(normal):
            return path
        if normal.startswith(prefix.rstrip(os.sep) + os.sep):
            return path
    for include in includes:
        candidate = os.path.join(include, *name.split("/"))
        if os.path.isfile(candidate) and os.path.samefile(candidate, path):
            return candidate
    return path


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
    names = [virtual_name(proto, includes) for proto in protos]
    with tempfile.TemporaryDirectory(prefix="pyplugin-") as scratch:
        target = os.path.join(scratch, "descriptors.pb")
        code, messages = _run_protoc(
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


def python_modules(
    files: Sequence[descriptor_pb2.FileDescriptorProto], names: Sequence[str]
) -> dict[str, str]:
    """protoc's Python modules for ``names``, keyed by protoc's output path.

    ``files`` must hold every file ``names`` import. They are normalized first (see
    :func:`normalized`) so the output does not depend on which protoc produced them.
    """
    from google.protobuf import descriptor_pb2

    descriptor_set = descriptor_pb2.FileDescriptorSet(file=[normalized(file) for file in files])
    with tempfile.TemporaryDirectory(prefix="pyplugin-") as scratch:
        source = os.path.join(scratch, "descriptors.pb")
        out = os.path.join(scratch, "out")
        os.mkdir(out)
        with open(source, "wb") as stream:
            stream.write(descriptor_set.SerializeToString())
        code, messages = _run_protoc(
            [
                f"--descriptor_set_in={source}",
                f"--python_out={out}",
                f"--pyi_out={out}",
                f"--grpc_python_out={out}",
                *names,
            ]
        )
        if code != 0:
            raise GeneratorError(f"protoc could not generate Python modules:\n{messages.strip()}")
        modules = {}
        for name in names:
            stem = naming.protoc_module(name)[: -len("_pb2")].replace(".", "/")
            for suffix in _PROTOC_SUFFIXES:
                with open(os.path.join(out, stem + suffix), encoding="utf-8") as stream:
                    modules[stem + suffix] = stream.read()
        return modules


def normalized(file: descriptor_pb2.FileDescriptorProto) -> descriptor_pb2.FileDescriptorProto:
    """A copy without the ``json_name`` values protoc fills in itself.

    protoc adds the default ``json_name`` to every field of a descriptor set or plugin
    request, but not when it compiles a ``.proto`` directly; dropping the defaults makes the
    embedded descriptor, and so ``_pb2.py``, byte-identical to ``grpc_tools.protoc``'s own.
    A ``json_name`` the author chose is kept.
    """
    copy = type(file)()
    copy.CopyFrom(file)

    def strip(messages: Iterable[descriptor_pb2.DescriptorProto]) -> None:
        for message in messages:
            for field in [*message.field, *message.extension]:
                if field.json_name == _json_name(field.name):
                    field.ClearField("json_name")
            strip(message.nested_type)

    strip(copy.message_type)
    for extension in copy.extension:
        if extension.json_name == _json_name(extension.name):
            extension.ClearField("json_name")
    return copy


def _json_name(name: str) -> str:
    """protoc's default JSON name: underscores dropped, the letter after each capitalized."""
    parts = name.split("_")
    return parts[0] + "".join(part[:1].upper() + part[1:] for part in parts[1:])


_HINTS = (
    (re.compile(r"Import \"(.+)\" was not found"), "pass the folder that holds {0} with -I DIR"),
    (re.compile(r"File not found"), "pass the folder that holds this file with -I DIR"),
    (
        re.compile(r"\"(.+)\" is not defined"),
        "declare {0} in this file, or import the file that declares it (check the spelling "
        "and the package prefix)",
    ),
    (re.compile(r"^Expected|^Unexpected|Missing field|Invalid"), "fix the proto syntax there"),
    (re.compile(r"No such file or directory"), "check the path"),
)


def explain_protoc_failure(messages: str) -> GeneratorError:
    """protoc's complaint, kept word for word, followed by what to do about it."""
    lines = [line for line in messages.strip().splitlines() if line.strip()] or ["protoc failed"]
    advice = []
    for line in lines:
        for pattern, hint in _HINTS:
            found = pattern.search(line.split(": ", 1)[-1])
            if found:
                advice.append(hint.format(*found.groups()))
                break
    what_to_do = "; ".join(dict.fromkeys(advice)) or "fix the proto"
    body = "\n".join(lines)
    return GeneratorError(f"{body}\nwhat to do: {what_to_do}, then run again")


def _forward_warnings(messages: str) -> None:
    if messages.strip():
        sys.stderr.write(messages if messages.endswith("\n") else messages + "\n")
