"""Where the generator's templates are, in a checkout and in an installed wheel alike."""

from __future__ import annotations

import importlib.util

#: The generator's import name (``pygoplugin_gen``), whatever folder it lives in.
PACKAGE = __name__.split(".")[0]


def templates_folder() -> str:
    """The templates: ``templates/`` in a checkout, ``pygoplugin_gen/templates/`` in a wheel.

    pyproject.toml maps the top-level ``templates/`` folder to the package
    ``pygoplugin_gen.templates``; asking the import system finds it in either layout.
    """
    spec = importlib.util.find_spec(f"{PACKAGE}.templates")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{PACKAGE}.templates is missing: the installation is broken")
    return next(iter(spec.submodule_search_locations))
