"""The format stage: black, in-process, only where the templates cannot promise its output.

Importing black and running it costs more than everything else in a run (about 0.5 s per 1,600
lines here), so the templates and ``pytext.py`` emit text that is already in black's
form: fixed layout, docstrings normalized the way black normalizes them, signatures split the
way black splits them. The one thing they cannot always promise is a line that still overflows
(a very long name); only such text goes through black, and black's answer is cached by the hash
of the text, so unchanged input is never formatted twice. ``tests/generator/render/test_pytext.py``
and ``test_generated_code.py`` check the promise on awkward text and on every golden file.
"""

from __future__ import annotations

from ...cache import store
from .pytext import LINE_LENGTH, width


def needs_black(text: str) -> bool:
    """True when some line overflows, the only layout the templates leave to black."""
    return any(width(line) > LINE_LENGTH for line in text.split("\n"))


def format_python(text: str, *, stub: bool = False) -> str:
    """``text`` in black's style (``stub`` selects black's ``.pyi`` style)."""
    if not needs_black(text):
        return text
    key = store.digest("black", "pyi" if stub else "py", store.fingerprint(), text)
    cached = store.load("black", key)
    if cached is not None:
        return cached
    import black

    formatted = black.format_str(text, mode=black.Mode(line_length=LINE_LENGTH, is_pyi=stub))
    store.store("black", key, formatted)
    return formatted
