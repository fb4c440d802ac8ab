"""The services a repository implements, read from the generator's own ``main.py`` scaffold.

The generator already spells every implementation class, method, message type and import for
any proto (keywords, nested messages, imported packages, well-known types); ``init`` parses that
scaffold with :mod:`ast` instead of spelling them a second time, then renders its own
implementation, host and tests from what it found, so they cannot disagree with the generated
package.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from ..core.errors import GeneratorError
from ..core.records import record

UNARY, SERVER_STREAM, CLIENT_STREAM, BIDI = "unary", "server_stream", "client_stream", "bidi"

#: Imports every implementation has; the templates write them themselves.
_OWN_IMPORTS = frozenset({"__future__", "collections.abc", "goplugin"})


@record
class Method:
    """One RPC as Python spells it: ``name(request: request_type) -> response_type``."""

    name: str
    kind: str
    #: The message types, as the scaffold's imports reach them (``kinds_pb2.Item.Key``).
    request_type: str
    response_type: str

    @property
    def streams_requests(self) -> bool:
        return self.kind in (CLIENT_STREAM, BIDI)

    @property
    def streams_responses(self) -> bool:
        return self.kind in (SERVER_STREAM, BIDI)


@record
class Service:
    """One plugin of the set: its name in ``PLUGINS``, its interface and its methods."""

    plugin_name: str
    #: A Python identifier for the plugin (a field of the host's ``Plugins``).
    attribute: str
    impl_class: str
    #: The interface as the scaffold's imports reach it (``interface.Inventory``).
    interface: str
    grpc_plugin: str
    methods: tuple[Method, ...]


@record
class Import:
    """``from module import names``; ``generated`` when ``module`` is in the generated code."""

    module: str
    names: tuple[str, ...]
    generated: bool

    def spelled(self, package: str | None) -> str:
        """The line, a generated module reached from inside ``package`` (relatively) or not."""
        module = self.module
        if self.generated:
            module = f".{module}" if package is None else f"{package}.{module}"
        return f"from {module} import {', '.join(self.names)}"


@record
class Scaffold:
    services: tuple[Service, ...]
    imports: tuple[Import, ...]
    #: The handshake as the imports reach it (``plugin.HANDSHAKE``).
    handshake: str
    #: The module holding ``PLUGINS`` (``plugin``).
    plugin_module: str
    #: Whether any method streams (the implementation then imports ``Iterator``).
    streams: bool


def read(text: str, generated_roots: Sequence[str]) -> Scaffold:
    """The services of the scaffold ``text``; ``generated_roots``: the generated top packages."""
    tree = ast.parse(text)
    imports = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module not in _OWN_IMPORTS:
            module = node.module or ""
            imports.append(
                Import(
                    module=module,
                    names=tuple(_alias(alias) for alias in node.names),
                    generated=module.split(".")[0] in generated_roots,
                )
            )
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}
    main = next(
        (node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "main"),
        None,
    )
    serve = _serve_call(main)
    keywords = {keyword.arg: keyword.value for keyword in serve.keywords}
    plugins = keywords.get("plugins")
    if not isinstance(plugins, ast.Dict) or "handshake_config" not in keywords:
        raise GeneratorError(
            "init starts from one protocol version: give it a proto with one version's services"
        )
    services = []
    for key, value in zip(plugins.keys, plugins.values, strict=True):
        if not (isinstance(key, ast.Constant) and isinstance(value, ast.Call)):
            raise GeneratorError("the generator's main.py scaffold has an unexpected shape")
        impl = value.args[0]
        assert isinstance(impl, ast.Call) and isinstance(impl.func, ast.Name)
        cls = classes[impl.func.id]
        services.append(
            Service(
                plugin_name=str(key.value),
                attribute=_identifier(str(key.value)),
                impl_class=cls.name,
                interface=ast.unparse(cls.bases[0]),
                grpc_plugin=ast.unparse(value.func),
                methods=tuple(
                    _method(node) for node in cls.body if isinstance(node, ast.FunctionDef)
                ),
            )
        )
    handshake = ast.unparse(keywords["handshake_config"])
    return Scaffold(
        services=tuple(services),
        imports=tuple(imports),
        handshake=handshake,
        plugin_module=handshake.rsplit(".", 1)[0],
        streams=any(m.kind != UNARY for s in services for m in s.methods),
    )


def _serve_call(main: ast.FunctionDef | None) -> ast.Call:
    for node in ast.walk(main) if main is not None else ():
        if isinstance(node, ast.Call) and ast.unparse(node.func) == "goplugin.serve":
            return node
    raise GeneratorError("the generator's main.py scaffold has no goplugin.serve call")


def _method(node: ast.FunctionDef) -> Method:
    argument = node.args.args[1]
    assert argument.annotation is not None and node.returns is not None
    request, response = ast.unparse(argument.annotation), ast.unparse(node.returns)
    streams_in, streams_out = _element(request), _element(response)
    kind = {
        (False, False): UNARY,
        (False, True): SERVER_STREAM,
        (True, False): CLIENT_STREAM,
        (True, True): BIDI,
    }[(streams_in is not None, streams_out is not None)]
    return Method(
        name=node.name,
        kind=kind,
        request_type=streams_in or request,
        response_type=streams_out or response,
    )


def _element(annotation: str) -> str | None:
    """``T`` of ``Iterator[T]``, else None."""
    if annotation.startswith("Iterator[") and annotation.endswith("]"):
        return annotation[len("Iterator[") : -1]
    return None


def _alias(alias: ast.alias) -> str:
    return alias.name if alias.asname is None else f"{alias.name} as {alias.asname}"


def _identifier(name: str) -> str:
    spelled = "".join(c if c.isalnum() else "_" for c in name)
    return spelled if spelled.isidentifier() else f"plugin_{spelled}"
