"""README's newcomer path runs as written: generate, implement, run a host, type-check.

The section's ``sh`` blocks run in order in one bash process, and its ``python`` blocks are the
edits a reader makes between them: ``# host.py`` is a whole new file, ``# in main.py`` replaces
the definitions of the same names in the scaffold. What the commands print must be the
``# ...`` lines the README shows after them. ``~`` is a temporary folder, and
``scripts/bootstrap.sh`` itself is left out: scripts/test.sh ran it before the tests, and a second
run would reinstall the package under everybody's feet for nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.generator.conftest import REPO

HEADING = "## Your first plugin"
BOOTSTRAP = "scripts/bootstrap.sh && "

#: Applies a ``# in FILE`` block: each top-level definition replaces the one of its name.
APPLY = """
import ast, sys
from pathlib import Path

target, block = Path(sys.argv[1]), Path(sys.argv[2]).read_text()
lines = target.read_text().splitlines(keepends=True)
block_lines = block.splitlines(keepends=True)
found = {node.name: node for node in ast.parse("".join(lines)).body if hasattr(node, "name")}
for new in reversed(ast.parse(block).body):
    old = found[new.name]  # a KeyError: the README names a definition the scaffold lacks
    start = min([old.lineno, *(d.lineno for d in getattr(old, "decorator_list", []))]) - 1
    lines[start : old.end_lineno] = block_lines[new.lineno - 1 : new.end_lineno]
target.write_text("".join(lines))
"""


def section() -> str:
    text = (REPO / "README.md").read_text()
    start = text.index(f"\n{HEADING}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def script(text: str, folder: Path) -> tuple[str, list[str]]:
    """The bash script that does what the section says, and the output the section shows."""
    (folder / "apply.py").write_text(APPLY)
    steps = ["set -euo pipefail", f"cd {REPO}"]
    expected: list[str] = []
    blocks = re.findall(r"```(sh|python)\n(.*?)```", text, re.DOTALL)
    assert [kind for kind, _ in blocks] == ["sh", "python", "python", "sh"], blocks
    for number, (kind, body) in enumerate(blocks):
        if kind == "sh":
            assert number or body.startswith(BOOTSTRAP), body
            steps.append(body.removeprefix(BOOTSTRAP) if number == 0 else body)
            expected += [line[2:] for line in body.splitlines() if line.startswith("# ")]
            continue
        first, _, code = body.partition("\n")
        block = folder / f"block{number}.py"
        block.write_text(code)
        if first.startswith("# in "):
            steps.append(f"python {folder / 'apply.py'} {first[5:]} {block}")
        else:
            steps.append(f"cp {block} {first[2:]}")
    return "\n".join(steps) + "\n", expected


def test_the_newcomer_path_runs_as_written(tmp_path: Path) -> None:
    text = section()
    home = tmp_path / "home"
    home.mkdir()
    commands, expected = script(text, tmp_path)
    environment = {**os.environ, "HOME": str(home)}
    environment.pop("VIRTUAL_ENV", None)
    environment.pop("MYPYPATH", None)
    done = subprocess.run(
        ["bash", "-c", commands],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines() == expected, done.stderr
    hello = home / "hello"
    main = (hello / "main.py").read_text()
    assert "NotImplementedError" not in main and "Greets by name" in main
    assert sorted(path.name for path in hello.iterdir() if not path.name.startswith(".")) == [
        "greeter",
        "greeter.proto",
        "host.py",
        "main.py",
    ]


def test_the_section_is_the_first_after_the_introduction() -> None:
    """A newcomer meets it before anything about the repository's own development."""
    text = (REPO / "README.md").read_text()
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings.index(HEADING + ": generate, implement, host, type-check") <= 1
