"""``gen-plugin``'s options, declared once, and a parsed command line (:class:`Run`).

The generator's settings declare their own options (``core/settings.py``); the command line adds
three of its own, declared here: where to write, where imports are found, and whether to only
compare. Both the click command (``command.py``) and the click-free quick parse
(``quick_parse.py``) are built from :data:`ALL`, and both end in :func:`run_of`, so an option
cannot be known to one and missed by the other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from ..core.errors import GeneratorError
from ..core.records import record
from ..core.settings import FLAG, OPTIONS, Option, Settings, from_values

#: The command line's own options, by destination.
RUN_OPTIONS: Mapping[str, Option] = {
    "out_dir": Option(
        ("-o", "--out"),
        "Output folder of the Python packages (created if missing); -o, --go-out or both.",
        metavar="OUT",
    ),
    "go_out": Option(
        ("--go-out",),
        "Output folder of the Go packages (created if missing): a folder like protoc's --go_out, "
        "with --go-module as its module=.",
        metavar="DIR",
    ),
    "includes": Option(
        ("-I", "--proto-path"),
        "Folder that imports are relative to; repeatable. Default: each PROTO's own folder.",
        metavar="DIR",
        repeated=True,
    ),
    "check": Option(
        ("--check",), "Write nothing; print a diff and fail if OUT would change.", kind=FLAG
    ),
}

#: Every option of ``gen-plugin``, by destination, in ``--help`` order.
ALL: Mapping[str, Option] = {**RUN_OPTIONS, **OPTIONS}


@record
class Run:
    """A parsed command line: what :func:`pygoplugin_gen.front.gen_plugin.run` does."""

    protos: tuple[str, ...]
    #: Where the Python packages go; ``""`` for none (Go only).
    out_dir: str
    #: Where the Go packages go; ``""`` for none.
    go_out: str
    includes: tuple[str, ...]
    settings: Settings
    check: bool


def run_of(protos: Sequence[str], values: Mapping[str, object]) -> Run:
    """The run for ``protos`` and option values by destination (``None`` or absent: unset).

    Raises :class:`pygoplugin_gen.core.errors.GeneratorError` for a bad setting.
    """
    given = {name: value for name, value in values.items() if value is not None}
    if not given.get("out_dir") and not given.get("go_out"):
        raise GeneratorError(
            "no output folder: give -o OUT for the Python packages, --go-out DIR for the Go "
            "packages, or both"
        )
    return Run(
        protos=tuple(protos),
        out_dir=str(given.get("out_dir", "")),
        go_out=str(given.get("go_out", "")),
        includes=tuple(cast(Sequence[str], given.get("includes", ()))),
        settings=from_values({name: v for name, v in given.items() if name in OPTIONS}),
        check=bool(given.get("check", False)),
    )
