"""Generator options, parsed once into a typed object and validated.

Options arrive as click options (``--magic-cookie-key``) or as a protoc parameter
(``--pyplugin_opt=magic_cookie_key=X,protocol_version=2``). Both land in :class:`Settings`; an
unknown or malformed option is an error, never silently ignored, because a typo in a cookie
option would otherwise produce a plugin its host refuses without saying why. Each protoc
parameter key is the name of a :class:`Settings` field, so the two doors cannot drift apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import records
from .errors import GeneratorError
from .records import record

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@record
class Settings:
    """What a run may override; ``None`` means "derive it from the proto" (see naming)."""

    magic_cookie_key: str | None = None
    magic_cookie_value: str | None = None
    protocol_version: int | None = None
    #: ``(proto package, version)`` pairs, one per ``--package-version PACKAGE=N``: the version
    #: of a package whose name carries none (``acme.greeter`` beside ``acme.greeter.v2``), so
    #: several versions generated in one run can be told apart. Wins over ``protocol_version``.
    package_version: tuple[tuple[str, int], ...] = ()
    #: Write ``main.py`` even if it exists (CLI); emit it at all (protoc, which cannot know
    #: whether the user already has one).
    force_main: bool = False
    #: Full names of services served through the GRPCBroker rather than dispensed as plugins
    #: (``--broker-service proto.AddHelper``), one per option: go-plugin's callback services,
    #: such as the AddHelper a host serves to its plugin. They get ``serve_``/``dial_``
    #: helpers instead of a GRPCPlugin. Marked here, so a proto one does not own is used as is.
    broker_service: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.magic_cookie_key is not None:
            validate_cookie_key(self.magic_cookie_key)
        if self.magic_cookie_value is not None:
            validate_cookie_value(self.magic_cookie_value)
        if self.protocol_version is not None and self.protocol_version < 1:
            raise GeneratorError(
                f"protocol_version must be a positive integer, got {self.protocol_version}"
            )
        for name in self.broker_service:  # naming one twice is harmless
            validate_broker_service(name)
        seen: set[str] = set()
        for package, version in self.package_version:
            validate_package_version(f"{package}={version}")
            if package in seen:
                raise GeneratorError(f"package_version gives {package} a version twice")
            seen.add(package)

    def version_of(self, proto_package: str) -> int | None:
        """The version the options give ``proto_package``, if any (``None``: derive it)."""
        for package, version in self.package_version:
            if package == proto_package:
                return version
        return self.protocol_version


def validate_cookie_key(key: str) -> str:
    """The cookie key is an environment variable name, so it must be spelled like one."""
    if not _ENV_NAME.match(key):
        raise GeneratorError(
            f"magic_cookie_key {key!r} is not an environment variable name: "
            "use letters, digits and underscores, e.g. GREETER_PLUGIN"
        )
    return key


def validate_cookie_value(value: str) -> str:
    """Any printable text without quotes or backslashes (it travels in an env var)."""
    if not value or not value.isprintable() or '"' in value or "\\" in value:
        raise GeneratorError(
            f"magic_cookie_value {value!r} must be non-empty printable text without quotes "
            "or backslashes"
        )
    return value


_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


def validate_package_version(text: str) -> str:
    """``PACKAGE=N``: a proto package name and a positive version number."""
    package, _, version = text.partition("=")
    if not _PACKAGE_NAME.match(package) or not version.isdigit() or int(version) < 1:
        raise GeneratorError(
            f"package_version {text!r} is not PACKAGE=N: give a proto package and a positive "
            "version, e.g. acme.greeter=1"
        )
    return text


def validate_broker_service(name: str) -> str:
    """A service's full proto name: ``package.Service`` (just ``Service`` without a package)."""
    if not _PACKAGE_NAME.match(name):
        raise GeneratorError(
            f"broker_service {name!r} is not a service name: give the service's full proto "
            "name, package included, e.g. proto.AddHelper"
        )
    return name


def package_version_pairs(items: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """``["a=1", "b=2"]`` as ``(("a", 1), ("b", 2))``, each item validated."""
    pairs = []
    for item in items:
        package, _, version = validate_package_version(item).partition("=")
        pairs.append((package, int(version)))
    return tuple(pairs)


#: Options that may be given more than once in a protoc parameter, one value each time.
_REPEATABLE = frozenset({"package_version", "broker_service"})

_BOOL_WORDS = {
    "": True,
    "true": True,
    "1": True,
    "yes": True,
    "false": False,
    "0": False,
    "no": False,
}


def parse_parameter(parameter: str) -> Settings:
    """Parse protoc's parameter string: ``key=value`` or bare flags, separated by commas."""
    values: dict[str, str] = {}
    repeated: dict[str, list[str]] = {key: [] for key in _REPEATABLE}
    for item in filter(None, (part.strip() for part in parameter.split(","))):
        key, _, value = item.partition("=")
        key = key.strip()
        if key in repeated:
            repeated[key].append(value.strip())
            continue
        if key in values:
            raise GeneratorError(f"option {key!r} is given twice in {parameter!r}")
        values[key] = value.strip()
    known = set(records.fields(Settings))
    unknown = sorted(set(values) - known)
    if unknown:
        raise GeneratorError(
            f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"known options: {', '.join(sorted(known))}"
        )
    version = values.get("protocol_version")
    if version is not None and not version.isdigit():
        raise GeneratorError(f"protocol_version must be a positive integer, got {version!r}")
    force_main = values.get("force_main", "false").lower()
    if force_main not in _BOOL_WORDS:
        raise GeneratorError(f"force_main takes true or false, got {force_main!r}")
    return Settings(
        magic_cookie_key=values.get("magic_cookie_key"),
        magic_cookie_value=values.get("magic_cookie_value"),
        protocol_version=int(version) if version is not None else None,
        package_version=package_version_pairs(repeated["package_version"]),
        force_main=_BOOL_WORDS[force_main],
        broker_service=tuple(repeated["broker_service"]),
    )
