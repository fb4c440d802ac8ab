"""``gen-plugin compat OLD.proto NEW.proto``: the compatibility check as a command, for CI.

Each side is compiled on its own (two versions of one file usually share its name, and often
declare the same package, so they cannot share one protoc run or descriptor pool), then
:func:`pygoplugin_gen.compat.compare` sorts the differences and the report goes to stdout. The exit
status follows ``diff``'s convention, so a CI step can tell a verdict from a failure to decide:

* 0 — compatible: a deployed plugin or host of either version keeps working;
* 1 — breaking changes (or, with ``--strict``, source-breaking ones too);
* 2 — no verdict: bad usage, or a proto that does not compile.

``gen_plugin.py`` dispatches here before it looks for a cached generation run, so a check
is never replayed as one.
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from ..core.errors import GeneratorError
from ..core.settings import FLAG, Option
from .command import click_option

if TYPE_CHECKING:
    from ..compat import ProtoSet

PROG = "gen-plugin compat"

#: Exit status when there is no verdict (click uses it for usage errors too).
NO_VERDICT = 2


def _side(path: str, includes: Sequence[str]) -> ProtoSet:
    """One side as a :class:`pygoplugin_gen.compat.ProtoSet`, shown by the path the user typed."""
    from google.protobuf import descriptor_pb2

    from ..compat import ProtoSet
    from ..schema import load

    # protoc matches -I folders and file paths as text: spell both absolutely, so that a
    # relative file and an absolute -I (or the reverse) still find each other.
    search = [os.path.abspath(folder) for folder in includes or load.default_includes([path])]
    target = os.path.abspath(path) if os.path.exists(path) else path  # else: found through -I
    data, names = load.compile_protos([target], search)
    files = descriptor_pb2.FileDescriptorSet.FromString(data)
    return ProtoSet.of(files, targets=names, paths={names[0]: path})


def _check(old: str, new: str, includes: Sequence[str], strict: bool) -> None:
    """List what changed from OLD.proto to NEW.proto and whether deployed peers still work.

    Breaking changes (a plugin or host built from the other version fails or misreads data)
    come first, then source-breaking and safe ones, each as FILE:LINE:COL of the new side with
    the old side's position after "was". Exits 1 on any breaking change, so it can guard CI.
    """
    from ..compat import compare, exit_code, render

    try:
        old_side, new_side = (_side(path, includes) for path in (old, new))
    except GeneratorError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        sys.exit(NO_VERDICT)
    report = compare(old_side, new_side)
    sys.stdout.write(render(report))
    status = exit_code(report, strict=strict)
    if status and not report.breaking:
        count = len(report.source_breaking)
        sys.stderr.write(f"{PROG}: --strict: {count} source-breaking change(s) fail the check\n")
    sys.exit(status)


command = click.Command(
    name=PROG,
    callback=_check,
    params=[
        click.Argument(["old"], metavar="OLD.proto"),
        click.Argument(["new"], metavar="NEW.proto"),
        click_option(
            "includes",
            Option(
                ("-I", "--proto-path"),
                "Folder that imports are relative to, for both sides; repeatable. Default: "
                "each file's own folder.",
                metavar="DIR",
                repeated=True,
            ),
        ),
        click_option(
            "strict",
            Option(
                ("--strict",),
                "Also fail on source-breaking changes (the wire still works; code written "
                "against the generated Python API may not).",
                kind=FLAG,
            ),
        ),
    ],
    help=inspect.getdoc(_check),
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit status: 0 compatible, 1 breaking changes (with --strict: source-breaking ones "
    "too), 2 no verdict (bad usage or a proto that does not compile).",
)


def main(argv: Sequence[str]) -> None:
    """Run the check on ``argv`` (the words after ``compat``); exits with the status above."""
    command.main(args=list(argv), prog_name=PROG)
