"""No golden case runs black: the templates write black's layout themselves (issue 12's speed).

Importing and running black cost 0.23 s of a 0.34 s cold run on a 36-RPC protocol, so the
format stage runs it only for a line that still overflows (``render/format.py``). These tests
hold every case to that, and ``test_generated_code.py`` checks that black would change nothing
in what was written without it.
"""

from __future__ import annotations

import pytest

from pygoplugin_gen.python import target
from pygoplugin_gen.python.render import format as format_stage
from tools import goldens

CASES = goldens.cases()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_no_golden_case_needs_black(case: goldens.Case, monkeypatch: pytest.MonkeyPatch) -> None:
    overflowing: list[str] = []

    def format_python(text: str, *, stub: bool = False) -> str:
        if format_stage.needs_black(text):
            overflowing.extend(line for line in text.split("\n") if len(line) > 100)
        return format_stage.format_python(text, stub=stub)

    monkeypatch.setattr(target, "format_python", format_python)
    goldens.generate(case)
    assert overflowing == []
