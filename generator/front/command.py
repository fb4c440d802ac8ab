"""The ``gen-plugin`` command line as click declares it: built from the options' declarations.

Kept apart from ``gen_plugin.py`` so that click is imported only when the quick parse declined
the command line (help, a mistake, an unusual spelling): click then owns the answer.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence

import click

from ..core.errors import GeneratorError
from ..core.settings import FLAG, NUMBER, Option
from .options import ALL, run_of


def click_option(name: str, option: Option) -> click.Option:
    """``option`` as a click option with destination ``name``; bad values are usage errors."""
    return click.Option(
        [*option.flags, name],
        required=option.required,
        multiple=option.repeated,
        is_flag=option.kind == FLAG,
        type=click.IntRange(min=1) if option.kind == NUMBER else None,
        metavar=option.metavar or None,
        callback=None if option.check is None else _validated(option.check),
        help=option.help,
    )


def _validated(
    validate: Callable[[str], str],
) -> Callable[[click.Context, click.Parameter, object], object]:
    """A click callback checking each given value, a validation error made a usage error."""

    def callback(context: click.Context, parameter: click.Parameter, value: object) -> object:
        values: Sequence[object] = value if isinstance(value, tuple) else [value]
        try:
            for one in values:
                if one is not None:
                    validate(str(one))
        except GeneratorError as error:
            raise click.BadParameter(str(error)) from None
        return value

    return callback


def _run(protos: Sequence[str], **values: object) -> None:
    """Generate a typed go-plugin plugin package from PROTO files into OUT."""
    from . import gen_plugin

    key = click.get_current_context().obj
    try:
        run = run_of(protos, values)
    except GeneratorError as error:
        raise click.UsageError(str(error)) from None
    gen_plugin.run(run, key=key)


def _print_version(context: click.Context, parameter: click.Parameter, value: bool) -> None:
    """``--version`` anywhere on the command line (``main`` answers the usual spelling first)."""
    if value and not context.resilient_parsing:
        from .about import version_line

        click.echo(version_line("gen-plugin"))
        context.exit()


command = click.Command(
    name="gen-plugin",
    callback=_run,
    params=[
        click.Argument(["protos"], nargs=-1, required=True, metavar="PROTO..."),
        *(click_option(name, option) for name, option in ALL.items()),
        click.Option(
            ["--version"],
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_print_version,
            help="Print the version and exit.",
        ),
    ],
    help=inspect.getdoc(_run),
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Handshake values default to ones derived from the proto package: a cookie key like "
    "GREETER_PLUGIN, a cookie value that never changes, and the version from a trailing vN "
    "package component (else 1). Versions of one protocol generated together (greeter.v1, "
    "greeter.v2) also get a versions.py with VERSIONED_PLUGINS, served by main.py. "
    "To check two versions of a proto for breaking changes: gen-plugin compat OLD NEW.",
)
