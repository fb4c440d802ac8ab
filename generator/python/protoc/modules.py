"""protoc's own Python modules for the files to generate, moved into place and repaired.

protoc writes, per file, ``_pb2.py`` and (grpcio-tools' plugin) ``_pb2_grpc.py``; the stub,
``_pb2.pyi``, is ours (``render/pb2_stub.py``), since protoc's cannot tell a message named
``int`` from the builtin.
They are produced from the run's descriptors through ``--descriptor_set_in``, for both front
doors, which is why ``gen-plugin`` and ``protoc --pyplugin_out`` produce the same bytes whichever
protoc parsed the files; then each is moved to its package (``relocate``) and repaired
(``keywords``, ``grpc_docstrings``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence

from ...core.errors import GeneratorError
from ...core.files import OutputFile
from ...schema import descriptors, load, wire
from .. import naming
from ..render import pb2_stub
from . import grpc_docstrings, keywords, relocate

_PROTOC_SUFFIXES = ("_pb2.py", "_pb2_grpc.py")


def generate(
    files: Sequence[descriptors.FileDescriptorProto], names: Sequence[str]
) -> dict[str, str]:
    """protoc's Python modules for ``names``, keyed by protoc's output path.

    ``files`` must hold every file ``names`` import. They are normalized first (see
    :func:`normalized`) so the output does not depend on which protoc produced them.
    """
    file_number = descriptors.FileDescriptorSet.FILE_FIELD_NUMBER
    descriptor_set = b"".join(
        wire.length_delimited(file_number, normalized(file)) for file in files
    )
    with tempfile.TemporaryDirectory(prefix="pygoplugin-") as scratch:
        source = os.path.join(scratch, "descriptors.pb")
        out = os.path.join(scratch, "out")
        os.mkdir(out)
        with open(source, "wb") as stream:
            stream.write(descriptor_set)
        code, messages = load.run_protoc(
            [
                f"--descriptor_set_in={source}",
                f"--python_out={out}",
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


_FIELD = descriptors.FieldDescriptorProto
_MESSAGE = descriptors.DescriptorProto
_FILE = descriptors.FileDescriptorProto
#: Where fields are, per kind of message on the way down to them: field number -> kind inside.
_CHILDREN: dict[str, dict[int, str]] = {
    "file": {_FILE.MESSAGE_TYPE_FIELD_NUMBER: "message", _FILE.EXTENSION_FIELD_NUMBER: "field"},
    "message": {
        _MESSAGE.FIELD_FIELD_NUMBER: "field",
        _MESSAGE.EXTENSION_FIELD_NUMBER: "field",
        _MESSAGE.NESTED_TYPE_FIELD_NUMBER: "message",
    },
}


def normalized(file: descriptors.FileDescriptorProto) -> bytes:
    """The file's encoding without the ``json_name`` values protoc fills in itself.

    protoc adds the default ``json_name`` to every field of a descriptor set or plugin
    request, but not when it compiles a ``.proto`` directly; dropping the defaults makes the
    embedded descriptor, and so ``_pb2.py``, byte-identical to ``grpc_tools.protoc``'s own.
    A ``json_name`` the author chose is kept. The encoding is rewritten field by field, every
    other byte kept as protoc wrote it.
    """
    return _stripped(file.SerializeToString(), "file")


def _stripped(data: bytes, kind: str) -> bytes:
    if kind == "field":  # read in place: decoding every field's options would cost more
        name, json_name = b"", None
        for number, start, body, end in wire.fields(data):
            if number == _FIELD.NAME_FIELD_NUMBER:
                name = data[body:end]
            elif number == _FIELD.JSON_NAME_FIELD_NUMBER:
                json_name, cut = data[body:end], (start, end)
        if json_name is None or json_name.decode() != _json_name(name.decode()):
            return data
        return data[: cut[0]] + data[cut[1] :]
    children = _CHILDREN[kind]
    parts = []
    for number, start, body, end in wire.fields(data):
        inside = children.get(number)
        if inside is None:
            parts.append(data[start:end])
        else:
            parts.append(wire.length_delimited(number, _stripped(data[body:end], inside)))
    return b"".join(parts)


def _json_name(name: str) -> str:
    """protoc's default JSON name: underscores dropped, the letter after each capitalized."""
    parts = name.split("_")
    return parts[0] + "".join(part[:1].upper() + part[1:] for part in parts[1:])


def moved(
    file: descriptors.FileDescriptorProto,
    module: str,
    protoc_output: Mapping[str, str],
    modules: Mapping[str, str],
    files: Mapping[str, descriptors.FileDescriptorProto],
    *,
    messages_only: bool = False,
) -> list[OutputFile]:
    """protoc's two modules for one file, moved to ``module``, imports and keywords fixed, and
    its stub, written from the descriptors (``files`` holds its imports).

    ``messages_only`` leaves out the gRPC module: an imported file's services are no plugins.
    """
    stem = naming.protoc_module(file.name)[: -len("_pb2")].replace(".", "/")
    pb2, grpc = (protoc_output[stem + suffix] for suffix in _PROTOC_SUFFIXES)
    pyi = pb2_stub.write(file, module, files, modules)
    grpc = grpc_docstrings.repair(relocate.relocate(grpc, module + "_grpc", modules))
    if keywords.names_a_keyword(file):
        grpc = keywords.repair_grpc(grpc)
    outputs = [
        OutputFile(
            naming.module_path(module),
            keywords.repair_pb2(relocate.relocate(pb2, module, modules), file),
        ),
        OutputFile(naming.module_path(module, ".pyi"), pyi),
    ]
    if messages_only:
        return outputs
    return [*outputs, OutputFile(naming.module_path(module + "_grpc"), grpc)]
