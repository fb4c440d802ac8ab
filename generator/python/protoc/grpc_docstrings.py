"""grpcio-tools' ``_pb2_grpc.py`` with proto comments made valid docstrings (grpc#43022).

grpcio-tools copies each service's and RPC's comment verbatim between triple quotes, so a
comment holding ``\"\"\"`` ends the docstring early and one holding ``\\x`` or ``\\N`` is a
syntax error: the module does not import. Its comment docstrings have one shape, the opening
quotes before the first line and the closing quotes alone on a line at the same indentation::

    def Greet(self, request, context):
        \"\"\"Greet says hello.
        \"\"\"

Inside that shape, backslashes are doubled and triple quotes escaped, which keeps each
docstring's value the comment text. The rest of the module is left as grpcio-tools wrote it.
"""

from __future__ import annotations

_QUOTES = '"""'


def repair(source: str) -> str:
    """``source`` with every multi-line docstring's body escaped; unchanged if none needs it."""
    if "\\" not in source and source.count(_QUOTES) % 2 == 0 and '"' * 4 not in source:
        quotes_inside = any(
            line.strip().count(_QUOTES) > 1 and not _one_liner(line.strip())
            for line in source.split("\n")
        )
        if not quotes_inside:
            return source
    lines = source.split("\n")
    changed = False
    number = 0
    while number < len(lines):
        line = lines[number]
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        previous = lines[number - 1].rstrip() if number else ""
        opens = stripped.startswith(_QUOTES) and previous.endswith(":")
        if not opens or _one_liner(stripped):
            number += 1
            continue
        end = number + 1
        while end < len(lines) and lines[end] != indent + _QUOTES:
            end += 1
        if end == len(lines):  # not grpcio-tools' shape: leave it alone
            break
        body = [stripped[3:], *lines[number + 1 : end]]
        escaped = [part.replace("\\", "\\\\").replace(_QUOTES, '\\"\\"\\"') for part in body]
        if escaped != body:
            lines[number] = indent + _QUOTES + escaped[0]
            lines[number + 1 : end] = escaped[1:]
            changed = True
        number = end + 1
    return "\n".join(lines) if changed else source


def _one_liner(stripped: str) -> bool:
    """``\"\"\"text\"\"\"`` with no quotes inside: grpcio-tools' own texts ("Missing ...")."""
    return (
        len(stripped) >= 6
        and stripped.startswith(_QUOTES)
        and stripped.endswith(_QUOTES)
        and _QUOTES not in stripped[3:-3]
    )
