"""Dummy implementations of generated interfaces, made from their type hints alone.

Shared by ``case_plugin.py`` (which serves them) and ``case_host.py`` (which calls them): both
find each plugin's interface and each RPC's message types the way a user's code would, through
the generated modules' annotations.
"""

from __future__ import annotations

import importlib
import sys
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple


class Rpc(NamedTuple):
    """One interface method: its name, message classes and streaming sides."""

    name: str
    request: type[Any]
    response: type[Any]
    client_streaming: bool
    server_streaming: bool


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


def interface_of(plugin_class: type[Any]) -> type[Any]:
    """The interface a ``...GRPCPlugin`` serves: the type of its ``impl`` parameter."""
    impl = typing.get_type_hints(plugin_class.__init__)["impl"]
    (interface,) = [arg for arg in typing.get_args(impl) if arg is not type(None)]
    return typing.cast(type[Any], interface)


def _unwrap(hint: Any) -> tuple[type[Any], bool]:
    if typing.get_origin(hint) is Iterator:
        return typing.get_args(hint)[0], True
    return hint, False


def rpcs(interface: type[Any]) -> list[Rpc]:
    """The interface's methods, in name order."""
    found = []
    for name in sorted(interface.__abstractmethods__):
        hints = typing.get_type_hints(getattr(interface, name))
        (parameter,) = [key for key in hints if key != "return"]
        request, client_streaming = _unwrap(hints[parameter])
        response, server_streaming = _unwrap(hints["return"])
        found.append(Rpc(name, request, response, client_streaming, server_streaming))
    return found


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


def _method(rpc: Rpc) -> Callable[[Any, Any], Any]:
    def method(self: Any, request: Any) -> Any:
        if rpc.client_streaming:
            list(request)
        if rpc.server_streaming:
            return iter([sample(rpc.response), sample(rpc.response)])
        return sample(rpc.response)

    method.__name__ = rpc.name
    return method


def implementation(interface: type[Any]) -> Any:
    """An instance of a subclass of ``interface`` answering every RPC with default messages."""
    body = {rpc.name: _method(rpc) for rpc in rpcs(interface)}
    return type(f"Dummy{interface.__name__}", (interface,), body)()
