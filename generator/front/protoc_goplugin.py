"""``protoc-gen-goplugin``: the Go target's protoc door (``protoc --goplugin_out=DIR``).

The same request-in, response-out exchange as ``protoc-gen-pyplugin``, through the same pipeline
with the Go target, so ``protoc --goplugin_out=DIR`` and ``gen-plugin --go-out DIR`` write the
same bytes. Options are the settings' own keys (``--goplugin_opt=go_module=example.com/app,
go_import=kinds.proto=example.com/app/proto/kinds``, the handshake ones too); give the folder and
module given to protoc-gen-go and the plugin packages land beside its messages.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from ..core import pipeline
from ..core.errors import GeneratorError
from ..core.settings import parse_parameter
from ..go import target
from ..schema import descriptors, wire

PROG = "protoc-gen-goplugin"

_FEATURES = (
    plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    | plugin_pb2.CodeGeneratorResponse.FEATURE_SUPPORTS_EDITIONS
)


def respond(request: descriptors.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
    """The response to one request: the Go files, or an error message."""
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
            target=target.for_settings(options),
            include_main=False,
        )
    except GeneratorError as error:
        response.error = str(error)
        return response
    for output in outputs:
        response.file.add(name=output.path, content=output.content)
    return response


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: stdin to stdout, as protoc drives every plugin; by hand it explains itself."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments or sys.stdin.isatty():
        help_asked = arguments[:1] in (["-h"], ["--help"])
        (sys.stdout if help_asked else sys.stderr).write(
            f"usage: protoc --goplugin_out=DIR [--goplugin_opt=OPTIONS] [-I DIR]... PROTO...\n\n"
            f"{PROG} is a protoc plugin (protoc runs it); gen-plugin PROTO... --go-out DIR "
            "writes the same files.\n"
        )
        sys.exit(0 if help_asked else 2)
    data = sys.stdin.buffer.read()
    try:
        request = descriptors.CodeGeneratorRequest.FromString(data)
    except wire.DecodeError:
        request = None
    if request is None or not request.file_to_generate:
        sys.stderr.write(
            f"{PROG}: error: stdin holds no CodeGeneratorRequest ({len(data)} bytes): this "
            "program is run by protoc (protoc --goplugin_out=DIR PROTO...)\n"
        )
        sys.exit(1)
    sys.stdout.buffer.write(respond(request).SerializeToString())
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
