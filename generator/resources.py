"""Where the generator's own files are, in a checkout and in an installed wheel alike."""

from __future__ import annotations

import importlib.util


def templates_folder() -> str:
    """The templates: ``templates/`` in a checkout, ``generator/templates/`` in a wheel.

    pyproject.toml maps the top-level ``templates/`` folder to the package
    ``generator.templates``; asking the import system finds it in either layout.
    """
    spec = importlib.util.find_spec("generator.templates")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("generator.templates is missing: the installation is broken")
    return next(iter(spec.submodule_search_locations))
