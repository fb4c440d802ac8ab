"""``../shared/protos``, the real-world protos some tests run on, and what their absence means.

A developer's checkout without them skips those tests. Under CI (``CI=true``) their absence
fails the run instead: a copy of ``shared/`` is laid beside every CI checkout, so a missing one
is a broken setup, and tests that silently skip would let it pass as green.
"""

from __future__ import annotations

import os

import pytest


def under_ci() -> bool:
    """Whether this run is CI's (``CI=true``, as CI services and ``.ci/run``'s caller set it)."""
    return os.environ.get("CI", "").lower() == "true"


def require(present: bool, what: str) -> None:
    """Go on if ``present``; else skip the calling test module, or fail it under CI."""
    if present:
        return
    if under_ci():
        pytest.fail(f"{what}, and CI=true: these tests must run under CI", pytrace=False)
    pytest.skip(what, allow_module_level=True)
