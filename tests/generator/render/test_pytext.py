"""Proto text inside Python source: always valid, faithful, and already in black's form.

The format stage skips black for text whose lines all fit (see generator/format.py). That is
only sound if what generator.pytext produces is exactly what black would produce, so these
tests hand awkward input to it and check black would change nothing.
"""

from __future__ import annotations

import ast
import inspect

import black
import pytest

from pygoplugin_gen.python.render import pytext
from pygoplugin_gen.python.render.format import format_python, needs_black

COMMENTS = [
    "Simple.",
    'Ends with a quote "',
    '"Starts" with a quote',
    'Holds """triple""" quotes and a lone "" pair',
    "A backslash \\ in the middle and one at the end \\",
    "Two at the end \\\\",
    "Line one.\n\nLine three, after a blank line.",
    "Summary:\n  indented detail\n    deeper detail\n  back",
    "Tabs\there and\n\tleading tab",
    "Non-ASCII: héllo, naïve, 日本語のコメントは幅が二倍です。" * 3,
    "Control \x07 bell, form\x0cfeed, nul \x00 and a line\u2028separator",
    "word " * 60,
    "https://example.com/" + "a" * 120 + " is a long URL",
    "x" * 150,
    "   leading spaces on the first line\n second",
    'Ends with a quote on the last line\nsecond line "',
]


def module_with_docstrings(comment: str) -> str:
    """A module whose module, class and method docstrings all come from ``comment``."""
    lines = pytext.clean_comment(comment)
    return (
        f"{pytext.docstring(lines, 0)}\n\n\n"
        f"class A:\n    {pytext.docstring(lines, 4)}\n\n"
        f"    def f(self) -> None:\n        {pytext.docstring(lines, 8)}\n"
    )


@pytest.mark.parametrize("comment", COMMENTS)
def test_docstrings_from_awkward_comments_are_valid_and_black_leaves_them_alone(
    comment: str,
) -> None:
    source = module_with_docstrings(comment)
    tree = ast.parse(source)
    assert ast.get_docstring(tree) is not None
    assert black.format_str(source, mode=black.Mode(line_length=100)) == source
    unbreakable = any(len(word) > 80 for word in comment.split())
    assert needs_black(source) == unbreakable  # only a giant word leaves a line too long


@pytest.mark.parametrize(
    "comment",
    [c for c in COMMENTS if "\n" not in c and len(c) < 80 and c.isprintable()],
)
def test_a_short_comment_reads_back_word_for_word(comment: str) -> None:
    literal = pytext.docstring(pytext.clean_comment(comment), 4)
    assert ast.literal_eval(literal).strip() == comment.strip()


def test_special_characters_survive_as_themselves() -> None:
    text = 'quote """ backslash \\ bell \x07 wide 日本'
    value = ast.literal_eval(pytext.docstring([text], 0))
    assert value == text


def test_multiline_comments_keep_their_relative_indentation() -> None:
    lines = pytext.clean_comment(" Summary:\n   detail\n     deeper\n")
    value = ast.literal_eval(pytext.docstring(lines, 4))
    assert inspect.cleandoc(value) == "Summary:\ndetail\n  deeper"


@pytest.mark.parametrize("name_length", [5, 40, 70, 110])
@pytest.mark.parametrize("stub", [False, True])
def test_signatures_are_laid_out_as_black_lays_them_out(name_length: int, stub: bool) -> None:
    message = "pkg_pb2.M" + "e" * name_length
    body = " ..." if stub else ""
    define = pytext.define(
        4, "Method", ["self", f"request: {message}", "context: grpc.ServicerContext"], message, body
    )
    attribute = pytext.annotated(4, "Method", "grpc.UnaryUnaryMultiCallable", [message, message])
    if stub:
        source = f"class A:\n{attribute}\n{define}\n"
    else:
        source = f"class A:\n{attribute}\n\n{define}\n        pass\n"
    assert format_python(source, stub=stub) == black.format_str(
        source, mode=black.Mode(line_length=100, is_pyi=stub)
    )
    if not needs_black(source):
        assert black.format_str(source, mode=black.Mode(line_length=100, is_pyi=stub)) == source


@pytest.mark.parametrize("length", [5, 20, 26, 27, 40, 80])
@pytest.mark.parametrize("comment", ["", "# pyright: ignore[reportDeprecated]"])
def test_class_headers_are_in_black_form_with_the_comment_on_the_base(
    length: int, comment: str
) -> None:
    name = "S" * length
    header = pytext.class_header(f"{name}Impl", f"interface.{name}", comment)
    source = f'{header}\n    """Doc."""\n'
    assert black.format_str(source, mode=black.Mode(line_length=100)) == source
    base_line = next(line for line in header.splitlines() if f"interface.{name}" in line)
    assert base_line.endswith(comment)


def _black_agrees_where_nothing_overflows(source: str) -> None:
    """The promise format.py relies on: text with no overflowing line is black's own."""
    if not needs_black(source):
        assert black.format_str(source, mode=black.Mode(line_length=100)) == source


@pytest.mark.parametrize("length", range(1, 90, 4))
def test_calls_and_imports_are_in_black_form_whatever_the_name_lengths(length: int) -> None:
    n = "x" * length
    spec = pytext.call(4, "goplugin.unary_unary", [f'"N{n}"', f"a_pb2.Q{n}", f"a_pb2.R{n}"], ",")
    _black_agrees_where_nothing_overflows(f'X = goplugin.ServiceSpec(\n    "s",\n{spec}\n)\n')
    warn = pytext.call(
        8, "warnings.warn", [f'"RPC {n} gone"', "DeprecationWarning", "stacklevel=2"]
    )
    method = pytext.call(8, f"self._{n} = channel.method", ["S.SERVICE", f'"N{n}"'])
    _black_agrees_where_nothing_overflows(f"class A:\n    def f(self) -> None:\n{warn}\n{method}\n")
    item = pytext.call(12, f'"{n}": plugin.{n}GRPCPlugin', [f"{n}Impl()"], ",")
    _black_agrees_where_nothing_overflows(
        f"def f() -> None:\n    g(\n        p={{\n{item}\n        }},\n    )\n"
    )
    names = [f"a{n}", f"b{n}", f"c{n[: length // 2]}"]
    _black_agrees_where_nothing_overflows(pytext.from_import(".interface", names) + "\n")
    _black_agrees_where_nothing_overflows(pytext.from_import(f"google.{n}", ["any_pb2"]) + "\n")
