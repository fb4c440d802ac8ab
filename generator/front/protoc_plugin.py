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
from collections.abc import Sequence

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2

from ..core import pipeline
from ..core.errors import GeneratorError
from ..core.settings import parse_parameter
from ..python import target
from ..schema import descriptors, wire

PROG = "protoc-gen-pyplugin"

_FEATURES = (
    plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    | plugin_pb2.CodeGeneratorResponse.FEATURE_SUPPORTS_EDITIONS
)


def respond(request: descriptors.CodeGeneratorRequest) -> plugin_pb2.CodeGeneratorResponse:
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


USAGE = """\
usage: protoc --pyplugin_out=OUT [--pyplugin_opt=OPTIONS] [-I DIR]... PROTO...

protoc-gen-pyplugin is a protoc plugin: protoc runs it and talks to it over stdin and stdout
(a CodeGeneratorRequest in, a CodeGeneratorResponse out), so it is not run by hand. It writes
the same packages as gen-plugin, which runs protoc itself:

    gen-plugin PROTO... -o OUT

OPTIONS is a comma-separated list of key=value (or bare flags), e.g.
--pyplugin_opt=magic_cookie_value=hello,force_main.
{keys}
main.py, the plugin's scaffold, is written only with force_main: protoc overwrites whatever a
plugin returns, so without it a main.py you filled in is safe.
"""


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: stdin to stdout, as protoc drives every plugin.

    Run by hand, it answers ``--help`` and ``--version`` and explains itself rather than wait
    on a terminal; bytes on stdin that are no request are refused with one line, no traceback.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments:
        if arguments == ["--version"]:
            from .about import version_line

            sys.stdout.write(version_line(PROG) + "\n")
            return
        help_asked = arguments[0] in ("-h", "--help")
        (sys.stdout if help_asked else sys.stderr).write(_usage())
        if not help_asked:
            sys.stderr.write(f"{PROG}: error: unexpected arguments {' '.join(arguments)}\n")
        sys.exit(0 if help_asked else 2)
    if sys.stdin.isatty():
        sys.stderr.write(_usage())
        sys.exit(2)
    data = sys.stdin.buffer.read()
    try:
        request = descriptors.CodeGeneratorRequest.FromString(data)
    except wire.DecodeError:
        request = None
    if request is None or not request.file_to_generate:
        sys.stderr.write(
            f"{PROG}: error: stdin holds no CodeGeneratorRequest ({len(data)} bytes): this "
            "program is run by protoc (protoc --pyplugin_out=OUT PROTO...), or use gen-plugin "
            "PROTO... -o OUT\n"
        )
        sys.exit(1)
    sys.stdout.buffer.write(respond(request).SerializeToString())
    sys.stdout.buffer.flush()


def _usage() -> str:
    import textwrap

    from ..core.settings import OPTIONS

    return USAGE.format(keys=textwrap.fill(f"Keys: {', '.join(OPTIONS)}.", width=94))


if __name__ == "__main__":
    main()
