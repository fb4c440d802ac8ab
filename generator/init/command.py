"""``gen-plugin init DIR``: the front door of :mod:`pygoplugin_gen.init`, dispatched to by
``front/gen_plugin.py`` before anything else runs (an ``init`` is never a generation run)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..core.errors import GeneratorError

PROG = "gen-plugin init"


def _init(
    directory: str,
    name: str | None,
    proto: str | None,
    includes: Sequence[str],
    host: bool,
    update: bool,
) -> None:
    """Write a new plugin repository into DIR (created; it must not exist or be empty).

    The repository passes its own tests at once: pip install -e 'DIR[test]' then pytest starts
    the plugin as a real subprocess and calls every RPC. Without --proto it starts from a
    starter proto with one RPC of each kind, each with a working behaviour. With --host it is a
    host's repository instead: a typed host as its console script, tested against a stand-in
    plugin (or the plugin command in $<PACKAGE>_PLUGIN). With --update, DIR is a repository
    init wrote: its files are brought up to this release, the user's edits kept.
    """
    from . import repository

    if update:
        if name or proto or includes or host:
            raise click.UsageError("--update takes DIR alone: the rest is in its record")
        _update(directory)
        return

    try:
        contents = repository.files(
            directory, name=name, proto=proto, includes=includes, host_only=host
        )
        repository.write(directory, contents)
    except GeneratorError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        sys.exit(1)
    kind, module = ("host", "/host.py") if host else ("plugin", "/main.py")
    package = next(path for path in contents if path.endswith(module))
    sys.stderr.write(
        f"{PROG}: {directory}: {len(contents)} files written; the {kind} is {package}\n"
        f"next: cd {directory} && pip install -e '.[test,gen]' && pytest\n"
    )


def _update(directory: str) -> None:
    from .update import NEW, update

    try:
        outcome = update(directory)
    except GeneratorError as error:
        sys.stderr.write(f"{PROG}: error: {error}\n")
        sys.exit(1)
    lines = [
        *(f"updated   {path}" for path in outcome.updated),
        *(f"added     {path}" for path in outcome.added),
        *(f"merged    {path}" for path in outcome.merged),
        *(f"CONFLICT  {path} (resolve the marked lines)" for path in outcome.conflicts),
        *(f"beside    {path}{NEW} (merge it into {path} by hand)" for path in outcome.beside),
        *(f"yours     {path} (this release changes nothing in it)" for path in outcome.kept),
    ]
    sys.stdout.write("".join(line + "\n" for line in lines))
    sys.stderr.write(f"{PROG}: {directory}: updated to this release\n")
    if outcome.conflicts:
        sys.exit(1)


command = click.Command(
    name=PROG,
    callback=_init,
    params=[
        click.Argument(["directory"], metavar="DIR"),
        click.Option(
            ["--name"],
            metavar="NAME",
            help="The plugin's name: its distribution and console script, its package (with _ "
            "for -), the starter's proto package and service. Default: DIR's own name.",
        ),
        click.Option(
            ["--proto"],
            metavar="FILE",
            help="Start from this proto (copied, with the files it imports, into DIR/proto) "
            "instead of the starter. It must declare one protocol version.",
        ),
        click.Option(
            ["-I", "--proto-path", "includes"],
            metavar="DIR",
            multiple=True,
            help="Folder --proto's imports are relative to; repeatable. Default: its own folder.",
        ),
        click.Option(
            ["--host"],
            is_flag=True,
            help="A host's repository: the typed host (host.py) is the console script, main.py "
            "a stand-in plugin for its tests.",
        ),
        click.Option(
            ["--update"],
            is_flag=True,
            help="Update a repository init wrote to this release's templates, keeping your edits "
            "(three-way merges through git; see docs/init.md).",
        ),
    ],
    help=_init.__doc__,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def main(argv: Sequence[str]) -> None:
    """Run ``init`` on ``argv`` (the words after ``init``)."""
    command.main(args=list(argv), prog_name=PROG)
