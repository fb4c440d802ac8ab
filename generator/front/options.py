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

from ..core.records import record
from ..core.settings import FLAG, OPTIONS, Option, Settings, from_values

#: The command line's own options, by destination.
RUN_OPTIONS: Mapping[str, Option] = {
    "out_dir": Option(
        ("-o", "--out"), "Output folder (created if missing).", metavar="OUT", required=True
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
    out_dir: str
    includes: tuple[str, ...]
    settings: Settings
    check: bool


def run_of(protos: Sequence[str], values: Mapping[str, object]) -> Run:
    """The run for ``protos`` and option values by destination (``None`` or absent: unset).

    Raises :class:`pygoplugin_gen.core.errors.GeneratorError` for a bad setting.
    """
    given = {name: value for name, value in values.items() if value is not None}
    return Run(
        protos=tuple(protos),
        out_dir=str(given["out_dir"]),
        includes=tuple(cast(Sequence[str], given.get("includes", ()))),
        settings=from_values({name: v for name, v in given.items() if name in OPTIONS}),
        check=bool(given.get("check", False)),
    )
