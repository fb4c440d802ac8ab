"""How text from a proto file is spelled inside Python source: docstrings and string literals.

Proto comments are arbitrary text: they may hold ``\"\"\"``, backslashes, tabs, control
characters or wide characters, and a naive docstring breaks the module (grpc#43022). Everything
here produces text that is valid Python *and already in black's canonical form* with lines of
at most ``LINE_LENGTH`` columns, so the format stage can skip black for it (see
``format.py``); ``tests/generator/render/test_pytext.py`` holds black to that promise.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence

LINE_LENGTH = 100
_QUOTES = '"""'


def width(text: str) -> int:
    """Display columns, counted as black and ruff count them (wide East Asian characters: 2)."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def clean_comment(comment: str) -> list[str]:
    """Comment text as protoc hands it over, as lines ready to become a docstring.

    Drops the space after ``//``, common indentation, trailing blanks and empty edge lines.
    """
    text = comment.replace("\r\n", "\n").replace("\r", "\n").expandtabs(4)
    lines = [line.rstrip() for line in textwrap.dedent(text).split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _escape(line: str) -> str:
    """Backslashes, unprintable and ambiguous characters as escapes; ``\"\"\"`` broken up.

    Ambiguous means what ruff's RUF002 flags (a typographic apostrophe, U+2019): the escape
    keeps the docstring's value while its source passes ruff.
    """
    ambiguous = set() if line.isascii() else _ambiguous(line)
    out = []
    for position, char in enumerate(line):
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif unicodedata.category(char) in ("Cc", "Zl", "Zp") or char == "\ufeff":
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif position in ambiguous:
            out.append(f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out).replace(_QUOTES, '\\"\\"\\"')


def _ambiguous(line: str) -> set[int]:
    """Positions of the characters ruff's RUF001-RUF003 would flag in ``line``.

    ruff's rule: a confusable character that is not alphanumeric is always flagged; one inside a
    word is flagged when the word also has an ASCII character or has no unambiguous non-ASCII
    character (so Greek and Cyrillic words pass, a Greek Rho between Latin letters does not).
    """
    from .confusables import is_confusable

    flagged: set[int] = set()
    word: list[int] = []
    has_ascii = has_unambiguous = False
    for position, char in enumerate([*line, " "]):
        if not char.isalnum():
            if word and (has_ascii or not has_unambiguous):
                flagged.update(word)
            word, has_ascii, has_unambiguous = [], False, False
            if not char.isascii() and is_confusable(char):
                flagged.add(position)
        elif char.isascii():
            has_ascii = True
        elif is_confusable(char):
            word.append(position)
        else:
            has_unambiguous = True
    return flagged


def _wrap(line: str, limit: int) -> list[str]:
    """Split one over-long line at spaces, keeping its indentation on every piece.

    A single word longer than the limit (a URL) stays whole: ruff allows such lines.
    """
    if width(line) <= limit:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    pieces: list[str] = []
    current = ""
    for word in line.split():
        candidate = f"{current} {word}" if current else word
        if current and width(indent + candidate) > limit:
            pieces.append(indent + current)
            current = word
        else:
            current = candidate
    pieces.append(indent + current)
    return pieces


def _trim(lines: list[str]) -> list[str]:
    """PEP 257 trimming, as black applies it: the first line stripped, the rest dedented.

    The rest is dedented by its own common indentation (the first line does not count), which
    is what black does; doing it here means black has nothing left to change.
    """
    first, rest = lines[0].strip(), lines[1:]
    indents = [len(line) - len(line.lstrip()) for line in rest if line.strip()]
    cut = min(indents, default=0)
    return [first, *(line[cut:].rstrip() for line in rest)]


def docstring(text: str | Sequence[str], indent: int) -> str:
    """A complete docstring literal (quotes included) for text at ``indent`` columns.

    One line that fits is ``\"\"\"text\"\"\"``; anything else puts the closing quotes on
    their own line. The first line follows the opening quotes, so its budget is three columns
    smaller.
    """
    lines = clean_comment(text) if isinstance(text, str) else list(text)
    if not any(line.strip() for line in lines):
        raise ValueError("a docstring needs some text")
    pad = " " * indent
    body = _trim([_escape(line) for line in lines])
    if len(body) == 1 and indent + width(body[0]) + 6 <= LINE_LENGTH:
        text = body[0]
        if text.startswith('"'):
            text = " " + text
        if text.endswith('"'):
            text += " "
        return f"{_QUOTES}{text}{_QUOTES}"
    wrapped = _wrap(body[0], LINE_LENGTH - indent - 3)
    if len(body) == 1 and len(wrapped) == 1 and " " in wrapped[0]:
        # One line that fits only without its closing quotes: black would leave it too long
        # (it never splits text), so it is split here, closing quotes on their own line.
        wrapped = _wrap(body[0], LINE_LENGTH - indent - 6)
    for line in body[1:]:
        wrapped.extend(_wrap(line, LINE_LENGTH - indent))
    if wrapped[0].startswith('"'):
        wrapped[0] = " " + wrapped[0]
    if len(wrapped) == 1:  # one unbreakable word: black keeps the quotes on its line
        padding = " " if wrapped[0].endswith('"') else ""
        return f"{_QUOTES}{wrapped[0]}{padding}{_QUOTES}"
    rest = [f"{pad}{line}" if line else "" for line in wrapped[1:]]
    return "\n".join([f"{_QUOTES}{wrapped[0]}", *rest, f"{pad}{_QUOTES}"])


def define(
    indent: int,
    name: str,
    params: Sequence[str],
    returns: str,
    body: str = "",
    keyword: str = "def",
) -> str:
    """A ``def`` line (or lines) laid out exactly as black lays it out.

    Black keeps a signature on one line when it fits, else moves the parameters to one line of
    their own, else puts one parameter per line with a trailing comma. ``body`` follows the
    colon (`` ...`` in stubs). A layout that still overflows is left to black itself.
    ``keyword`` is ``async def`` for a coroutine.
    """
    pad = " " * indent
    joined = ", ".join(params)
    one_line = f"{pad}{keyword} {name}({joined}) -> {returns}:{body}"
    if width(one_line) <= LINE_LENGTH:
        return one_line
    head, tail = f"{pad}{keyword} {name}(", f"{pad}) -> {returns}:{body}"
    middle = f"{pad}    {joined}"
    if width(middle) <= LINE_LENGTH:
        return "\n".join([head, middle, tail])
    return "\n".join([head, *(f"{pad}    {param}," for param in params), tail])


def call(indent: int, head: str, arguments: Sequence[str], tail: str = "") -> str:
    """``head(arguments)tail`` (a statement or a collection's item) laid out as black lays it out.

    The same three layouts as :func:`define`: one line, else the arguments on a line of their
    own, else one argument per line with a trailing comma. ``tail`` is what follows the closing
    parenthesis (``,`` for an item).
    """
    pad = " " * indent
    joined = ", ".join(arguments)
    one_line = f"{pad}{head}({joined}){tail}"
    if width(one_line) <= LINE_LENGTH or not arguments:
        return one_line
    head_line, tail_line = f"{pad}{head}(", f"{pad}){tail}"
    middle = f"{pad}    {joined}"
    if width(middle) <= LINE_LENGTH:
        return "\n".join([head_line, middle, tail_line])
    return "\n".join([head_line, *(f"{pad}    {argument}," for argument in arguments), tail_line])


def from_import(source: str, names: Sequence[str]) -> str:
    """``from source import names`` at module level; black explodes one that does not fit."""
    one_line = f"from {source} import {', '.join(names)}"
    if width(one_line) <= LINE_LENGTH:
        return one_line
    return "\n".join([f"from {source} import (", *(f"    {name}," for name in names), ")"])


def class_header(name: str, base: str, comment: str = "") -> str:
    """A top-level ``class`` line with one base, as black lays it out.

    ``comment`` stays on the base's line, the line a type checker reports for a deprecated base:
    black would move a comment after the colon of a header it wraps, leaving the base unsilenced,
    so a header too long for one line is written already split, comment after the base.
    """
    suffix = f"  {comment}" if comment else ""
    one_line = f"class {name}({base}):{suffix}"
    if width(one_line) <= LINE_LENGTH:
        return one_line
    return f"class {name}(\n    {base}{suffix}\n):"


def annotated(indent: int, name: str, generic: str, arguments: Sequence[str]) -> str:
    """``name: generic[a, b]`` (a stub attribute), split the way black splits a subscript."""
    pad = " " * indent
    one_line = f"{pad}{name}: {generic}[{', '.join(arguments)}]"
    if width(one_line) <= LINE_LENGTH:
        return one_line
    middle = f"{pad}    {', '.join(arguments)}"
    if width(middle) <= LINE_LENGTH:
        return "\n".join([f"{pad}{name}: {generic}[", middle, f"{pad}]"])
    return "\n".join(
        [
            f"{pad}{name}: {generic}[",
            *(f"{pad}    {argument}," for argument in arguments),
            f"{pad}]",
        ]
    )


def string_literal(value: str) -> str:
    """A double-quoted literal in black's form, for values checked to need no escaping."""
    if not value.isprintable() or '"' in value or "\\" in value:
        raise ValueError(f"{value!r} needs escaping; settings validation should have refused it")
    return f'"{value}"'
