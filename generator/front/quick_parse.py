"""The everyday ``gen-plugin`` command lines, parsed without importing click.

click declares the command line (:mod:`generator.command`): its arguments, options, help and
errors. Importing click costs a cold run about a third of protoc's whole run, so the command
lines people type every day — ``PROTO... -o OUT`` with ``-I DIR``, ``--check``, ``--force-main``,
``--broker-service SERVICE`` and the handshake options, each given once (``-I`` and
``--broker-service`` as often as needed), spelled ``--opt VALUE``, ``--opt=VALUE`` or
``-oVALUE`` — are read here. Anything else (help, a mistake, a value that starts with ``-``, a
positional argument that is not a ``.proto`` file, such as a subcommand) is declined and left
to click, which owns the answer. ``tests/generator/test_quick_parse.py`` checks that whatever
this accepts, click turns into the very same run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..core.errors import GeneratorError
from ..core.settings import Settings


class Run(NamedTuple):
    """A parsed command line: the arguments of :func:`generator.cli.run`."""

    protos: list[str]
    out_dir: str
    includes: list[str]
    options: Settings
    check: bool


#: Options that take a value -> where it goes (``_REPEATED`` ones repeat; the others are given
#: once).
_VALUED = {
    "-o": "out_dir",
    "--out": "out_dir",
    "-I": "includes",
    "--proto-path": "includes",
    "--magic-cookie-key": "magic_cookie_key",
    "--magic-cookie-value": "magic_cookie_value",
    "--protocol-version": "protocol_version",
    "--broker-service": "broker_service",
}
_REPEATED = ("includes", "broker_service")
_FLAGS = ("--check", "--force-main")


def parse(argv: Sequence[str]) -> Run | None:
    """The run ``argv`` asks for, or ``None`` to let click parse it (and explain any mistake)."""
    protos: list[str] = []
    repeated: dict[str, list[str]] = {name: [] for name in _REPEATED}
    values: dict[str, str] = {}
    flags: set[str] = set()
    words = iter(argv)
    for word in words:
        if not word.startswith("-"):
            if not word.endswith(".proto"):
                return None
            protos.append(word)
            continue
        if word in _FLAGS:
            if word in flags:
                return None
            flags.add(word)
            continue
        if word.startswith("--"):
            option, joined, value = word.partition("=")
        else:
            option, value = word[:2], word[2:]
            joined = value
        destination = _VALUED.get(option)
        if destination is None:
            return None
        if not joined:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        if destination in repeated:
            repeated[destination].append(value)
        elif destination in values:
            return None
        else:
            values[destination] = value
    out_dir = values.get("out_dir")
    version = values.get("protocol_version")
    if not protos or out_dir is None:
        return None
    if version is not None and not (version.isascii() and version.isdigit()):
        return None
    try:
        options = Settings(
            magic_cookie_key=values.get("magic_cookie_key"),
            magic_cookie_value=values.get("magic_cookie_value"),
            protocol_version=None if version is None else int(version),
            force_main="--force-main" in flags,
            broker_service=tuple(repeated["broker_service"]),
        )
    except GeneratorError:
        return None
    return Run(protos, out_dir, repeated["includes"], options, "--check" in flags)
