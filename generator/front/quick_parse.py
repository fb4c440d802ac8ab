"""The everyday ``gen-plugin`` command lines, parsed without importing click.

click owns the command line (``command.py``): its help and its errors. Importing click costs a
cold run about a tenth of protoc's whole run, so the command lines people type every day —
``PROTO... -o OUT`` with any of the declared options (``options.ALL``), each given once unless
repeatable, spelled ``--opt VALUE``, ``--opt=VALUE`` or ``-oVALUE`` — are read here, from the
same declarations click is built from. Anything else (help, a mistake, a value that starts with
``-``, a positional argument that is not a ``.proto`` file, such as a subcommand) is declined and
left to click, which owns the answer. ``tests/generator/front/test_quick_parse.py`` checks that
whatever this accepts, click turns into the very same run, and that every declared option is
accepted here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.errors import GeneratorError
from ..core.settings import FLAG, NUMBER
from .options import ALL, Run, run_of

#: Each spelling of each option -> (destination, option).
_BY_FLAG = {flag: (name, option) for name, option in ALL.items() for flag in option.flags}


def parse(argv: Sequence[str]) -> Run | None:
    """The run ``argv`` asks for, or ``None`` to let click parse it (and explain any mistake)."""
    protos: list[str] = []
    values: dict[str, object] = {}
    repeated: dict[str, list[str]] = {}
    words = iter(argv)
    for word in words:
        if not word.startswith("-"):
            if not word.endswith(".proto"):
                return None
            protos.append(word)
            continue
        if word.startswith("--"):
            flag, joined, value = word.partition("=")
        else:
            flag, value = word[:2], word[2:]
            joined = value
        found = _BY_FLAG.get(flag)
        if found is None:
            return None
        name, option = found
        if option.kind == FLAG:
            if joined or name in values:
                return None
            values[name] = True
            continue
        if not joined:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        if option.kind == NUMBER and not (value.isascii() and value.isdigit()):
            return None
        if option.repeated:
            repeated.setdefault(name, []).append(value)
        elif name in values:
            return None
        else:
            values[name] = value
    values.update(repeated)
    if not protos or any(option.required and name not in values for name, option in ALL.items()):
        return None
    try:
        return run_of(protos, values)
    except GeneratorError:
        return None
