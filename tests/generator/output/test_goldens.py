"""The committed goldens and the example are exactly what the generator writes today.

On failure: look at the diff, then run ``.venv/bin/python -m tools.goldens --update`` and
review the change like any other code change.
"""

from __future__ import annotations

import os

import pytest

from tools import goldens

CASES = [case.name for case in goldens.cases()]


@pytest.mark.parametrize("case", CASES)
def test_golden_output_matches_the_generator(case: str) -> None:
    generated = goldens.generate_cached(case)
    on_disk = goldens.read_tree(os.path.join(goldens.GOLDEN, case))
    assert goldens.tree_diff(generated, on_disk, f"golden/{case}") == ""


@pytest.mark.parametrize("example", sorted(goldens.EXAMPLES_FROM_CASES))
def test_the_examples_generated_package_matches_the_generator(example: str) -> None:
    expected = goldens.without_scaffold(
        goldens.generate_cached(goldens.EXAMPLES_FROM_CASES[example])
    )
    assert goldens.tree_diff(expected, goldens.example_tree(example), f"examples/{example}") == ""


def test_every_example_proto_has_a_golden_and_no_golden_is_orphaned() -> None:
    assert {"greeter", "kinds"} <= set(CASES)
    assert sorted(os.listdir(goldens.GOLDEN)) == sorted(CASES)


def test_the_goldens_command_reports_no_drift_on_a_clean_checkout() -> None:
    assert goldens.main([]) == 0
