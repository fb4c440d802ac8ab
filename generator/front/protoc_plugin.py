"""``protoc-gen-pyplugin``: the protoc plugin front door (``protoc --pyplugin_out=OUT``).

Reads a ``CodeGeneratorRequest`` on stdin, answers a ``CodeGeneratorResponse`` on stdout. The
request's descriptors go through the same pipeline as the CLI's, so both doors emit the same
bytes. Problems the user can fix go in ``response.error`` (protoc prints it next to the file
name and fails), never in a traceback.

protoc writes whatever the response lists, so this door cannot leave an existing ``main.py``
alone; it emits the scaffold only when asked with ``--pyplugin_opt=force_main``.
"""

from __future__ import annotations

import sys

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from ..core import pipeline
from ..core.errors import GeneratorError
from ..core.settings import parse_parameter
from ..python import target

_FEATURES = (
    plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    | plugin_pb2.CodeGeneratorResponse.FEATURE_SUPPORTS_EDITIONS
)


def respond(request: plugin_pb2.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
    """The response to one request: files, or an error message."""
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=_FEATURES,
        minimum_edition=descriptor_pb2.EDITION_PROTO2,
        maximum_edition=descriptor_pb2.EDITION_2024,
    )
    try:
        options = parse_parameter(request.parameter)
        outputs = pipeline.generate(
            request.proto_file,
            request.file_to_generate,
            options,
            target=target.generate,
            include_main=options.force_main,
        )
    except GeneratorError as error:
        response.error = str(error)
        return response
    for output in outputs:
        response.file.add(name=output.path, content=output.content)
    return response


def main() -> None:
    """Entry point: stdin to stdout, as protoc drives every plugin."""
    request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
    sys.stdout.buffer.write(respond(request).SerializeToString())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
