"""Import blocks for the files init writes, in the order and form isort (ruff's ``I``) wants.

A new repository should pass the linters its users run (ruff, isort), so the third-party and
the repository's own imports come in separate sorted blocks, one ``from`` line per module, and
:func:`prune` drops the names a file never uses (a test file needs no ``interface``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence

from .scaffold import Import


def block(plain: Iterable[str], froms: Iterable[tuple[str, Sequence[str]]]) -> str:
    """``import x`` lines, then ``from m import a, b`` lines, each sorted, modules merged."""
    merged: dict[str, set[str]] = {}
    for module, names in froms:
        merged.setdefault(module, set()).update(names)
    lines = [f"import {module}" for module in sorted(set(plain))]
    lines += [
        f"from {module} import {', '.join(sorted(names, key=_name_order))}"
        for module, names in sorted(merged.items(), key=lambda item: _module_order(item[0]))
    ]
    return "\n".join(lines)


def froms(
    imports: Iterable[Import], *, generated: bool, package: str | None
) -> list[tuple[str, tuple[str, ...]]]:
    """The scaffold's imports of one kind, generated ones reached from ``package`` or relatively."""
    return [
        (line.spelled(package).split(" ")[1], line.names)
        for line in imports
        if line.generated == generated
    ]


def prune(text: str) -> str:
    """``text`` without the imported names it never uses (``from __future__`` kept)."""
    tree = ast.parse(text)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = text.split("\n")
    for node in reversed(tree.body):
        if not isinstance(node, ast.ImportFrom) or node.module == "__future__":
            continue
        kept = [alias for alias in node.names if (alias.asname or alias.name) in used]
        if len(kept) == len(node.names):
            continue
        module = "." * node.level + (node.module or "")
        spelled = [alias.name + (f" as {alias.asname}" if alias.asname else "") for alias in kept]
        replacement = [f"from {module} import {', '.join(spelled)}"] if kept else []
        assert node.end_lineno is not None
        lines[node.lineno - 1 : node.end_lineno] = replacement
    return "\n".join(lines)


def _name_order(name: str) -> tuple[int, str]:
    """isort's order-by-type: CONSTANTS, then Classes, then the rest."""
    bare = name.split(" ")[0]
    kind = 0 if bare.isupper() and len(bare) > 1 else 1 if bare[:1].isupper() else 2
    return (kind, bare)


def _module_order(module: str) -> tuple[int, str]:
    """Relative imports after absolute ones; fewer dots (closer) last, as isort does."""
    dots = len(module) - len(module.lstrip("."))
    return (-dots if dots else -100, module.lstrip(".").lower())
