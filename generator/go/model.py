"""The model as Go names it: import paths, package names and Go types of the output.

The core model speaks proto; this layer adds what only Go needs. A proto file's messages live in
the Go package its ``go_package`` option names (or a ``--go-import FILE=PATH`` mapping, which
wins, like protoc-gen-go's ``M`` option); the generated plugin package of a proto package sits in
a folder below that package (``naming.plugin_package``) and imports it. Every record keeps the
core record it spells, so the renderer reads proto facts there and Go names here.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence

from ..core.errors import GeneratorError
from ..core.model import Handshake, Method, Model, Package, Service, TypeRef
from ..core.naming import base_package, dedupe
from ..core.records import record
from ..core.settings import Settings
from ..core.versioning import VersionedSet
from ..schema import descriptors
from . import naming


@record
class GoType:
    """A message type as Go code outside its package spells it: ``alias.Name``."""

    import_path: str
    name: str


@record
class GoMethod:
    """An RPC's Go names: protoc-gen-go-grpc's method name and its message types."""

    method: Method
    name: str
    request: GoType
    response: GoType


@record
class GoService:
    """A service's Go names."""

    service: Service
    #: The interface users implement and call (``Greeter``).
    name: str
    #: The name protoc-gen-go-grpc gives it (``RegisterGreeterServer``, ``Greeter_ListServer``).
    grpc_name: str
    methods: tuple[GoMethod, ...]


@record
class GoPackage:
    """The generated Go package of one proto package."""

    package: Package
    #: ``greeterplugin``.
    name: str
    #: ``yourapp/proto/greeter/greeterplugin``.
    import_path: str
    #: Where protoc-gen-go puts the messages: ``yourapp/proto/greeter``.
    messages_path: str
    #: Import path -> import name, for every messages package the package refers to.
    aliases: Mapping[str, str]
    services: tuple[GoService, ...]

    @property
    def plugin_services(self) -> tuple[GoService, ...]:
        return tuple(service for service in self.services if not service.service.broker)

    @property
    def broker_services(self) -> tuple[GoService, ...]:
        return tuple(service for service in self.services if service.service.broker)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(file.name for file in self.package.files)


@record
class GoVersions:
    """The package listing every version of a versioned set (``VersionedPlugins``)."""

    name: str
    import_path: str
    handshake: Handshake
    #: (version number, the plugin packages of that version), oldest first.
    versions: tuple[tuple[int, tuple[GoPackage, ...]], ...]
    #: Import path -> import name of every version's plugin package.
    aliases: Mapping[str, str]


@record
class GoModel:
    packages: tuple[GoPackage, ...]
    versions: GoVersions | None


def build(
    model: Model,
    versioned: VersionedSet | None,
    files: Sequence[descriptors.FileDescriptorProto],
    settings: Settings,
) -> GoModel:
    """Go names for ``model``; :class:`GeneratorError` when a file's Go package is unknown."""
    paths = _ImportPaths(files, settings)
    types = dict(_message_types(files, paths))
    packages = tuple(
        _package(package, paths, types) for package in model.packages if package.services
    )
    versions = None if versioned is None else _versions(versioned, packages)
    return GoModel(packages=packages, versions=versions)


class _ImportPaths:
    """Each proto file's Go import path and package name, checked once when first needed."""

    def __init__(
        self, files: Sequence[descriptors.FileDescriptorProto], settings: Settings
    ) -> None:
        self._files = {file.name: file for file in files}
        self._mapped = dict(settings.go_import)
        self._known: dict[str, tuple[str, str]] = {}
        self._names: dict[str, str] = {}

    def of(self, proto_file: str) -> tuple[str, str]:
        """(import path, package name) of the Go package holding ``proto_file``'s messages."""
        if proto_file not in self._known:
            path, name = self._resolve(proto_file)
            self._known[proto_file] = path, self._names.setdefault(path, name)
        return self._known[proto_file]

    def package_name(self, import_path: str) -> str:
        """The Go package name at ``import_path`` (one of the paths :meth:`of` returned)."""
        return self._names[import_path]

    def _resolve(self, proto_file: str) -> tuple[str, str]:
        option = self._files[proto_file].options.go_package
        given = self._mapped.get(proto_file, option)
        how = f"--go-import {proto_file}=PATH" if proto_file not in self._mapped else ""
        if not given:
            raise GeneratorError(
                "no Go import path for its messages: add `option go_package = "
                '"example.com/app/proto/NAME";` to the file, or map it with --go-import '
                f"{proto_file}=example.com/app/proto/NAME (protoc-gen-go's M option takes the "
                "same mapping)",
                proto_file,
            )
        path, name = naming.split_go_package(given)
        if path.startswith((".", "/")) or not path:
            where = "its go_package" if how else "the --go-import mapping"
            raise GeneratorError(
                f"{where} {given!r} is not a Go import path (Go code imports packages by full "
                f"path): map the file with --go-import {proto_file}=example.com/app/proto "
                "(protoc-gen-go's M option takes the same mapping)",
                proto_file,
            )
        return path, name


def _message_types(
    files: Sequence[descriptors.FileDescriptorProto], paths: _ImportPaths
) -> Iterator[tuple[str, tuple[str, str]]]:
    """Full proto name -> (declaring file, Go type name), for every message of every file."""
    for file in files:
        prefix = f"{file.package}." if file.package else ""
        for relative in _nested(file.message_type, ""):
            yield prefix + relative, (file.name, naming.go_camel_case(relative))


def _nested(messages: Sequence[descriptors.DescriptorProto], scope: str) -> Iterator[str]:
    for message in messages:
        name = f"{scope}{message.name}"
        yield name
        yield from _nested(message.nested_type, name + ".")


def _package(
    package: Package,
    paths: _ImportPaths,
    types: Mapping[str, tuple[str, str]],
) -> GoPackage:
    first = package.files[0].name
    messages_path, _ = paths.of(first)
    for file in package.files[1:]:
        other, _ = paths.of(file.name)
        if other != messages_path:
            raise GeneratorError(
                f"files of proto package {package.proto_package} have different Go import "
                f"paths ({first}: {messages_path}, {file.name}: {other}): one proto package is "
                "one Go package; give them the same go_package",
                file.name,
            )

    def go_type(ref: TypeRef) -> GoType:
        proto_file, name = types[ref.name]
        return GoType(paths.of(proto_file)[0], name)

    services = []
    for service in package.services:
        methods = tuple(
            GoMethod(
                method=method,
                name=naming.go_camel_case(method.name),
                request=go_type(method.request),
                response=go_type(method.response),
            )
            for method in service.methods
        )
        services.append(
            GoService(
                service=service,
                name=naming.service_name(service.name),
                grpc_name=naming.go_camel_case(service.name),
                methods=methods,
            )
        )
    _check_names(package, services)
    name = naming.plugin_package(package.proto_package, first)
    referred = {
        go.import_path
        for service in services
        for method in service.methods
        for go in (method.request, method.response)
    }
    used = [messages_path, *sorted(referred - {messages_path})]
    own = naming.pb_alias(naming.short_name(package.proto_package, first))
    others = [naming.pb_alias(paths.package_name(path)) for path in used[1:]]
    aliases = dict(zip(used, dedupe([own, *others]), strict=True))
    return GoPackage(
        package=package,
        name=name,
        import_path=f"{messages_path}/{name}",
        messages_path=messages_path,
        aliases=aliases,
        services=tuple(services),
    )


def _check_names(package: Package, services: Sequence[GoService]) -> None:
    """Two services whose Go declarations would collide (``Greeter`` and ``GreeterGRPCPlugin``
    both declare ``GreeterGRPCPlugin``): Go would refuse the package, so say which."""
    declared: dict[str, str] = {}
    for service in services:
        names = [service.name, *(service.name + suffix for suffix in _DECLARED_SUFFIXES)]
        for name in names:
            other = declared.setdefault(name, service.service.full_name)
            if other != service.service.full_name:
                raise GeneratorError(
                    f"services {other} and {service.service.full_name} would both declare the "
                    f"Go name {name} in the generated package of {package.proto_package}: "
                    "rename one of them",
                    service.service.proto_file,
                )


#: What each service adds to its package besides its interface (see ``render.py``).
_DECLARED_SUFFIXES = (
    "GRPCPlugin",
    "GRPCServer",
    "GRPCClient",
    "PluginName",
)


def _versions(versioned: VersionedSet, packages: Sequence[GoPackage]) -> GoVersions:
    by_package = {go.package.proto_package: go for go in packages}
    versions = tuple(
        (version.number, tuple(by_package[p.proto_package] for p in version.packages))
        for version in versioned.versions
    )
    members = [go for _, group in versions for go in group]
    parent = posixpath.commonpath([go.messages_path for go in members])
    if not parent:
        listed = ", ".join(go.messages_path for go in members)
        raise GeneratorError(
            f"the versions' Go import paths ({listed}) share no parent folder, where the "
            "package listing every version goes: give their go_package options a common "
            "prefix (example.com/app/proto/greeter/v1, .../v2)"
        )
    first = members[0].package
    base = base_package(first.proto_package, first.files[0].name)
    name = naming.versions_package(base, first.files[0].name)
    imports = [go.import_path for go in members]
    aliases = dict(zip(imports, dedupe([go.name for go in members]), strict=True))
    return GoVersions(
        name=name,
        import_path=f"{parent}/{name}",
        handshake=versioned.handshake,
        versions=versions,
        aliases=aliases,
    )
