"""The ``gen-plugin`` command line, declared with click: arguments, options and help.

Kept apart from :mod:`generator.cli` so that click is imported only when a run has work to do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click

from ..core import settings
from ..core.errors import GeneratorError


def _validated(
    validate: Callable[[str], str],
) -> Callable[[click.Context, click.Parameter, str | None], str | None]:
    """A click callback that turns a settings validation error into a usage error."""

    def callback(
        context: click.Context, parameter: click.Parameter, value: str | None
    ) -> str | None:
        if value is None:
            return None
        try:
            return validate(value)
        except GeneratorError as error:
            raise click.BadParameter(str(error)) from None

    return callback


def _validated_each(
    validate: Callable[[str], str],
) -> Callable[[click.Context, click.Parameter, Sequence[str]], Sequence[str]]:
    """:func:`_validated` for a repeatable option: every value is checked."""
    one = _validated(validate)

    def callback(
        context: click.Context, parameter: click.Parameter, values: Sequence[str]
    ) -> Sequence[str]:
        return tuple(one(context, parameter, value) or value for value in values)

    return callback


@click.command(
    name="gen-plugin",
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Handshake values default to ones derived from the proto package: a cookie key like "
    "GREETER_PLUGIN, a cookie value that never changes, and the version from a trailing vN "
    "package component (else 1). Versions of one protocol generated together (greeter.v1, "
    "greeter.v2) also get a versions.py with VERSIONED_PLUGINS, served by main.py. "
    "To check two versions of a proto for breaking changes: gen-plugin compat OLD NEW.",
)
@click.argument("protos", nargs=-1, required=True, metavar="PROTO...")
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    metavar="OUT",
    help="Output folder (created if missing).",
)
@click.option(
    "-I",
    "--proto-path",
    "includes",
    multiple=True,
    metavar="DIR",
    help="Folder that imports are relative to; repeatable. Default: each PROTO's own folder.",
)
@click.option(
    "--check", is_flag=True, help="Write nothing; print a diff and fail if OUT would change."
)
@click.option("--force-main", is_flag=True, help="Overwrite OUT/main.py even if it exists.")
@click.option(
    "--magic-cookie-key",
    metavar="KEY",
    callback=_validated(settings.validate_cookie_key),
    help="Handshake cookie environment variable (default from the package: GREETER_PLUGIN).",
)
@click.option(
    "--magic-cookie-value",
    metavar="VALUE",
    callback=_validated(settings.validate_cookie_value),
    help="Handshake cookie value (default: a stable hash of the package name).",
)
@click.option(
    "--protocol-version",
    type=click.IntRange(min=1),
    metavar="N",
    help="App protocol version (default: N of a trailing vN package component, else 1).",
)
@click.option(
    "--package-version",
    "package_version",
    multiple=True,
    metavar="PACKAGE=N",
    callback=_validated_each(settings.validate_package_version),
    help="Protocol version of one proto package whose name has no vN part; repeatable.",
)
@click.option(
    "--broker-service",
    "broker_service",
    multiple=True,
    metavar="SERVICE",
    callback=_validated_each(settings.validate_broker_service),
    help="Full name of a service served through the GRPCBroker, not dispensed as a plugin "
    "(proto.AddHelper): it gets serve_/dial_ helpers instead; repeatable.",
)
@click.pass_obj
def command(
    key: str | None,
    protos: Sequence[str],
    out_dir: str,
    includes: Sequence[str],
    check: bool,
    force_main: bool,
    magic_cookie_key: str | None,
    magic_cookie_value: str | None,
    protocol_version: int | None,
    package_version: Sequence[str],
    broker_service: Sequence[str],
) -> None:
    """Generate a typed go-plugin plugin package from PROTO files into OUT."""
    from . import gen_plugin

    options = settings.Settings(
        magic_cookie_key=magic_cookie_key,
        magic_cookie_value=magic_cookie_value,
        protocol_version=protocol_version,
        package_version=settings.package_version_pairs(package_version),
        force_main=force_main,
        broker_service=tuple(broker_service),
    )
    gen_plugin.run(list(protos), out_dir, list(includes), options, check=check, key=key)
