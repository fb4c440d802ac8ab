"""Dummy implementations of any generated interface, built at run time by introspection.

Nothing here knows a proto: a plugin's interface is read off the generated plugin class, and the
RPCs off the interface's abstract methods (their annotations name request and response
messages, ``Iterator[...]`` marks a stream), the way a user's code would find them.

Two suites use it, each from the processes its tests start (which put a generated output folder
first on ``sys.path``):

* ``tests/realworld`` (``probe_host.py``, ``dummy_plugin.py``; loaded by file path, so a
  generated package that happens to be called ``tests`` cannot shadow it): finds interfaces
  with :func:`interface_of`, serves :func:`dummy_implementation` and writes consumer modules for
  the type tests from :func:`describe`;
* ``tests/generator`` (``run/case_host.py``, ``run/case_plugin.py``): finds every plugin with
  :func:`plugin_set`, interfaces with :func:`impl_interface`, serves
  :func:`sample_implementation` and sends :func:`sample` requests.

It imports neither goplugin nor grpc.
"""

from __future__ import annotations

import abc
import ast
import collections.abc
import dataclasses
import importlib
import inspect
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any


@dataclasses.dataclass(frozen=True)
class Rpc:
    """One method of a generated interface, as its annotations declare it."""

    name: str  # the Python method name (``get_feature``)
    parameter: str  # its one parameter's name (``request`` / ``requests``)
    request: type[Any]  # the request message class
    response: type[Any]  # the response message class
    client_streaming: bool
    server_streaming: bool

    @property
    def kind(self) -> str:
        return {
            (False, False): "unary",
            (False, True): "server-stream",
            (True, False): "client-stream",
            (True, True): "bidi",
        }[(self.client_streaming, self.server_streaming)]


# Finding the generated plugins and their interfaces.


def plugin_modules(out: Path) -> list[ModuleType]:
    """Every generated ``plugin`` module below ``out`` (which goes first on ``sys.path``)."""
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    names = sorted(
        ".".join(path.relative_to(out).with_suffix("").parts) for path in out.rglob("plugin.py")
    )
    return [importlib.import_module(name) for name in names]


def plugin_set(out: Path) -> tuple[Any, dict[str, type[Any]]]:
    """The shared handshake and every package's plugins, merged (one main.py serves them all)."""
    modules = plugin_modules(out)
    plugins: dict[str, type[Any]] = {}
    for module in modules:
        plugins.update(module.PLUGINS)
    return modules[0].HANDSHAKE, plugins


def interface_of(plugin_class: type[Any]) -> type[abc.ABC]:
    """The interface a generated ``<Svc>GRPCPlugin`` serves: ``grpc_client``'s return type."""
    interface = typing.get_type_hints(plugin_class.grpc_client)["return"]
    if not (inspect.isclass(interface) and issubclass(interface, abc.ABC)):
        raise TypeError(f"{plugin_class.__qualname__}.grpc_client returns {interface!r}")
    return interface


def impl_interface(plugin_class: type[Any]) -> type[Any]:
    """The interface a ``...GRPCPlugin`` serves: the first type of its ``impl`` parameter (the
    sync interface; the async one, ``Async<Name>``, follows it)."""
    impl = typing.get_type_hints(plugin_class.__init__)["impl"]
    interface = next(arg for arg in typing.get_args(impl) if arg is not type(None))
    return typing.cast(type[Any], interface)


def interfaces(module: ModuleType) -> list[type[abc.ABC]]:
    """The service interfaces a generated ``interface`` module defines, in its order (the sync
    ones: each ``Async<Name>`` twin of an interface ``<Name>`` is left out)."""
    found = [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, abc.ABC)
        and value.__module__ == module.__name__
    ]
    twins = {f"Async{value.__name__}" for value in found}
    return [value for value in found if value.__name__ not in twins]


def _message(annotation: Any) -> tuple[type[Any], bool]:
    """``(message class, is a stream)`` for ``Message`` or ``Iterator[Message]``."""
    if typing.get_origin(annotation) is collections.abc.Iterator:
        (message,) = typing.get_args(annotation)
        return message, True
    return annotation, False


def rpcs(interface: type[Any]) -> list[Rpc]:
    """Every abstract method of ``interface``, in the order the interface declares them."""
    found = []
    for name, function in vars(interface).items():
        if name not in interface.__abstractmethods__:
            continue
        hints = typing.get_type_hints(function)
        parameters = list(inspect.signature(function).parameters)[1:]  # after self
        if len(parameters) != 1:
            raise TypeError(f"{interface.__qualname__}.{name} takes {parameters}, not one message")
        request, client_streaming = _message(hints[parameters[0]])
        response, server_streaming = _message(hints["return"])
        found.append(
            Rpc(name, parameters[0], request, response, client_streaming, server_streaming)
        )
    missing = set(interface.__abstractmethods__) - {rpc.name for rpc in found}
    if missing:  # inherited abstract methods: not what a generated interface has
        raise TypeError(f"{interface.__qualname__} has abstract methods from elsewhere: {missing}")
    return found


# Messages and implementations.


def sample(message_class: type[Any]) -> Any:
    """A default message that serializes: proto2's required fields set (to their defaults)."""
    message = message_class()
    _fill(message)
    return message


def _fill(message: Any) -> None:
    for field in message.DESCRIPTOR.fields:
        if not field.is_required:
            continue
        if field.message_type is not None:
            getattr(message, field.name).SetInParent()
            _fill(getattr(message, field.name))
        else:
            setattr(message, field.name, field.default_value)


def _implement(interface: type[Any], method: Callable[[Rpc], Callable[..., Any]]) -> Any:
    """An instance of a subclass of ``interface`` with ``method(rpc)`` for every RPC."""
    body = {rpc.name: method(rpc) for rpc in rpcs(interface)}
    return type(f"Dummy{interface.__name__}", (interface,), body)()


def _default_method(rpc: Rpc) -> Callable[..., Any]:
    response = rpc.response
    if not rpc.client_streaming and not rpc.server_streaming:

        def unary(self: object, request: object) -> Any:
            return response()

        return unary
    if not rpc.client_streaming:

        def server_stream(self: object, request: object) -> Iterator[Any]:
            yield response()

        return server_stream
    if not rpc.server_streaming:

        def client_stream(self: object, requests: Iterator[object]) -> Any:
            for _ in requests:
                pass
            return response()

        return client_stream

    def bidi(self: object, requests: Iterator[object]) -> Iterator[Any]:
        for _ in requests:
            yield response()

    return bidi


def dummy_implementation(interface: type[abc.ABC]) -> Any:
    """An implementation answering every RPC with default (``Response()``) messages.

    One for a unary or client-stream RPC, one per stream for a server stream, one per request
    for a bidi stream; it consumes every request iterator it is given.
    """
    return _implement(interface, _default_method)


def _sample_method(rpc: Rpc) -> Callable[[Any, Any], Any]:
    def method(self: Any, request: Any) -> Any:
        if rpc.client_streaming:
            list(request)
        if rpc.server_streaming:
            return iter([sample(rpc.response), sample(rpc.response)])
        return sample(rpc.response)

    method.__name__ = rpc.name
    return method


def sample_implementation(interface: type[Any]) -> Any:
    """An implementation answering every RPC with :func:`sample` messages, two per stream.

    A streamed request is read to its end before the answer.
    """
    return _implement(interface, _sample_method)


# Describing a generated package, for the type tests' consumer modules.


def dotted(cls: type[Any]) -> str:
    """``package.module.Outer.Inner``: where a class is importable from."""
    return f"{cls.__module__}.{cls.__qualname__}"


def plugin_classes(plugin_source: str) -> dict[str, tuple[str, str]]:
    """Interface class name -> (plugin class name, plugin name), read off ``plugin.py``'s text.

    Read, not imported: describing a package must not depend on its plugin module importing.
    A plugin class is one whose ``grpc_client`` returns the interface; its name is its key in
    the ``PLUGINS`` dict.
    """
    tree = ast.parse(plugin_source)
    served: dict[str, str] = {}
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "grpc_client":
                    assert item.returns is not None
                    served[node.name] = ast.unparse(item.returns)
        target = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == "PLUGINS":
            assert isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(key, ast.Constant) and isinstance(value, ast.Name)
                names[value.id] = str(key.value)
    return {interface: (cls, names[cls]) for cls, interface in served.items()}


def describe(interface: type[abc.ABC], plugin_class: str, plugin_name: str) -> dict[str, Any]:
    """JSON for one service: what the type tests write consumer modules from."""
    return {
        "interface": dotted(interface),
        "plugin_class": plugin_class,
        "plugin_name": plugin_name,
        "rpcs": [
            {
                "name": rpc.name,
                "parameter": rpc.parameter,
                "request": [rpc.request.__module__, rpc.request.__qualname__],
                "response": [rpc.response.__module__, rpc.response.__qualname__],
                "client_streaming": rpc.client_streaming,
                "server_streaming": rpc.server_streaming,
            }
            for rpc in rpcs(interface)
        ],
    }
