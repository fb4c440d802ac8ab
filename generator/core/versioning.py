"""Several versions of one plugin protocol generated together: which, and where they meet.

go-plugin negotiates an app protocol version at the handshake: a host offers every version it
knows (``VersionedPlugins``), the plugin serves the newest one it shares. A run that generates
``greeter.v1`` and ``greeter.v2`` therefore also emits one module listing both,
``greeter/versions.py`` with the shared ``HANDSHAKE`` and ``VERSIONED_PLUGINS``, and a
``main.py`` that serves both. Each version's own package is emitted exactly as a one-version run
emits it, so an old plugin built from ``greeter.v1`` alone and the v1 half of a two-version
build are the same code.

A run is versioned when its packages with services carry two or more protocol versions (from
``vN`` package components or ``--package-version``) and one magic cookie. Packages with
different cookies are unrelated protocols, not versions: they get no versions module, and
``main.py`` refuses to serve them together, as before.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..python import naming
from .errors import GeneratorError
from .model import Handshake, Model, Package, ProtoFile
from .records import record


@record
class Version:
    """One protocol version: the packages whose plugins make up its plugin set."""

    number: int
    packages: tuple[Package, ...]


@record
class VersionedSet:
    """Every version a run generates, and the module that lists them."""

    #: ``greeter.versions``.
    module: str
    #: The cookie all versions share; ``protocol_version`` is the newest version.
    handshake: Handshake
    #: Oldest first.
    versions: tuple[Version, ...]

    @property
    def home(self) -> str:
        """The package the versions module sits in (``greeter``)."""
        return self.module.rpartition(".")[0]

    @property
    def files(self) -> Iterator[ProtoFile]:
        """Every proto file of every version, for the ``# source:`` header."""
        for version in self.versions:
            for package in version.packages:
                yield from package.files

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(version.number for version in self.versions)


def plan(model: Model) -> VersionedSet | None:
    """The versioned set of ``model``, or ``None`` for a one-version run.

    Raises :class:`GeneratorError` when the versions cannot be listed in one module: no
    package they share, the module's name taken by a generated package, or one plugin name
    twice in a version (one would silently replace the other in ``VERSIONED_PLUGINS``).
    """
    packages = [package for package in model.packages if package.plugin_services]
    numbers = sorted({package.handshake.protocol_version for package in packages})
    cookies = {
        (package.handshake.magic_cookie_key, package.handshake.magic_cookie_value)
        for package in packages
    }
    if len(numbers) < 2 or len(cookies) > 1:
        return None
    listed = ", ".join(
        f"{package.proto_package or package.module} (version "
        f"{package.handshake.protocol_version})"
        for package in packages
    )
    home = naming.versions_home([package.module for package in packages])
    if not home:
        raise GeneratorError(
            f"versions {listed} share no package to hold {naming.VERSIONS_MODULE}.py: name "
            "the packages of one protocol's versions NAME.v1, NAME.v2, ..."
        )
    module = f"{home}.{naming.VERSIONS_MODULE}"
    for package in model.packages:
        if package.module == module or package.module.startswith(module + "."):
            raise GeneratorError(
                f"package {package.proto_package} would be generated where the versions "
                f"module {naming.module_path(module)} goes: rename that package"
            )
    versions = tuple(
        Version(
            number=number,
            packages=tuple(p for p in packages if p.handshake.protocol_version == number),
        )
        for number in numbers
    )
    for version in versions:
        _check_plugin_names(version)
    key, value = cookies.pop()
    handshake = Handshake(
        protocol_version=numbers[-1], magic_cookie_key=key, magic_cookie_value=value
    )
    return VersionedSet(module=module, handshake=handshake, versions=versions)


def _check_plugin_names(version: Version) -> None:
    seen: dict[str, str] = {}
    for package in version.packages:
        for service in package.plugin_services:
            other = seen.setdefault(service.plugin_name, service.full_name)
            if other != service.full_name:
                raise GeneratorError(
                    f"{other} and {service.full_name} would both be plugin "
                    f"{service.plugin_name!r} of version {version.number}: rename one service, "
                    "or generate them into separate output folders"
                )
