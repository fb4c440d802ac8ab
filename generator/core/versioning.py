"""Which plugin sets one plugin program serves: one protocol version, or several versions.

go-plugin negotiates an app protocol version at the handshake: a host offers every version it
knows (``VersionedPlugins``), the plugin serves the newest one it shares. A run that generates
``greeter.v1`` and ``greeter.v2`` is therefore versioned: a target emits, beside each version's
own code (exactly what a one-version run emits, so an old plugin built from ``greeter.v1`` alone
and the v1 half of a two-version build are the same), one place listing every version's plugin
set under the shared handshake.

A run is versioned when its packages with plugin services carry two or more protocol versions
(from ``vN`` package components or ``--package-version``) and one magic cookie. Packages with
different cookies are unrelated protocols, not versions; one plugin program cannot serve them
together (:func:`check_one_program`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .errors import GeneratorError
from .model import Handshake, Model, Package, Service
from .records import record


@record
class Version:
    """One protocol version: the packages whose plugins make up its plugin set."""

    number: int
    packages: tuple[Package, ...]


@record
class VersionedSet:
    """Every version a run generates, under the handshake they share."""

    #: The cookie all versions share; ``protocol_version`` is the newest version.
    handshake: Handshake
    #: Oldest first.
    versions: tuple[Version, ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(version.number for version in self.versions)


def plan(model: Model) -> VersionedSet | None:
    """The versioned set of ``model``, or ``None`` for a one-version run.

    Raises :class:`GeneratorError` when one plugin name is used twice in a version (one would
    silently replace the other in the version's plugin set).
    """
    packages = _plugin_packages(model)
    numbers = sorted({package.handshake.protocol_version for package in packages})
    cookies = {
        (package.handshake.magic_cookie_key, package.handshake.magic_cookie_value)
        for package in packages
    }
    if len(numbers) < 2 or len(cookies) > 1:
        return None
    versions = tuple(
        Version(
            number=number,
            packages=tuple(p for p in packages if p.handshake.protocol_version == number),
        )
        for number in numbers
    )
    for version in versions:
        _check_plugin_names(
            [service for package in version.packages for service in package.plugin_services],
            _in_version(version.number),
        )
    key, value = cookies.pop()
    handshake = Handshake(
        protocol_version=numbers[-1], magic_cookie_key=key, magic_cookie_value=value
    )
    return VersionedSet(handshake=handshake, versions=versions)


def check_one_program(model: Model) -> None:
    """One plugin program serving every plugin of a one-version run: one handshake, distinct
    plugin names, and at least one plugin. (Versioned runs are checked by :func:`plan`.)"""
    packages = _plugin_packages(model)
    if not packages:
        names = ", ".join(service.full_name for service in model.services)
        raise GeneratorError(
            f"every service of this run is a broker service ({names}): main.py serves plugins, "
            "so leave at least one service unmarked by --broker-service, or generate without "
            "main.py (protoc-gen-pyplugin without force_main)"
        )
    handshakes = {package.handshake for package in packages}
    if len(handshakes) > 1:
        listed = ", ".join(
            f"{package.proto_package or package.files[0].name} ({_describe(package.handshake)})"
            for package in packages
        )
        raise GeneratorError(
            f"one main.py cannot serve packages with different handshakes: {listed}; generate "
            "them into separate output folders, or give them one handshake with "
            "--magic-cookie-key/--magic-cookie-value/--protocol-version (versions of one "
            "protocol share the cookie and differ in version: NAME.v1, NAME.v2). A file the "
            "others only import need not be passed: imports are generated as message modules"
        )
    _check_plugin_names(
        model.plugin_services,
        lambda name: (
            f"served as plugin {name!r} by main.py: generate them into separate output folders"
        ),
    )


def _plugin_packages(model: Model) -> list[Package]:
    return [package for package in model.packages if package.plugin_services]


def _in_version(number: int) -> Callable[[str], str]:
    def clash(name: str) -> str:
        return (
            f"plugin {name!r} of version {number}: rename one service, or generate them into "
            "separate output folders"
        )

    return clash


def _check_plugin_names(services: Iterable[Service], clash: Callable[[str], str]) -> None:
    """Each plugin name once, else one plugin would silently replace another in its set:
    ``clash(name)`` says what two services would both be, and what to do."""
    seen: dict[str, str] = {}
    for service in services:
        other = seen.setdefault(service.plugin_name, service.full_name)
        if other != service.full_name:
            raise GeneratorError(
                f"{other} and {service.full_name} would both be {clash(service.plugin_name)}"
            )


def _describe(handshake: Handshake) -> str:
    value = handshake.magic_cookie_value
    shown = value if len(value) <= 12 else value[:8] + "..."
    return f"{handshake.magic_cookie_key}={shown}, version {handshake.protocol_version}"
