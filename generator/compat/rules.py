"""The rules of `gen-plugin compat`: two indexed sides in, every change between them out.

The policy (what is breaking and why) is argued in the compat package's docstring; this module
applies it. Elements are matched by full name; when the package of the named files changed,
names declared in them are matched as if renamed with it, so that one `package-changed` is
reported instead of every service and message being "removed" and "added".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from ..core.model import TypeRef
from ..schema.locations import PACKAGE_PATH
from .index import Decl, EnumInfo, MessageInfo, MethodInfo, ServiceInfo, Side
from .members import compare_enum_values, compare_fields
from .report import Change, Kind

#: A message or an enum: what may be removed from a contract as a whole.
_Type = TypeVar("_Type", MessageInfo, EnumInfo)


def diff(old: Side, new: Side) -> list[Change]:
    """Every change from ``old`` to ``new``, unordered."""
    return _Differ(old, new).run()


def _streaming(method: MethodInfo) -> str:
    if method.client_streaming and method.server_streaming:
        return "bidi-streaming"
    if method.client_streaming:
        return "client-streaming"
    return "server-streaming" if method.server_streaming else "unary"


class _Differ:
    """One comparison; collects changes as it walks services, then messages, then enums."""

    def __init__(self, old: Side, new: Side) -> None:
        self.old, self.new = old, new
        self.changes: list[Change] = []
        self._renamed: dict[str, str] = {}
        if len(old.packages) == 1 and len(new.packages) == 1 and old.packages != new.packages:
            old_package, new_package = old.packages[0], new.packages[0]
            for name in old.declared:
                relative = name[len(old_package) + 1 :] if old_package else name
                self._renamed[name] = f"{new_package}.{relative}" if new_package else relative
        self._back = {new_name: old_name for old_name, new_name in self._renamed.items()}

    def tr(self, old_name: str) -> str:
        """The name ``old_name`` is expected to have on the new side."""
        return self._renamed.get(old_name, old_name)

    def tr_type(self, ref: TypeRef | None) -> TypeRef | None:
        return None if ref is None else TypeRef(ref.kind, self.tr(ref.name) if ref.name else "")

    def add(self, kind: Kind, message: str, old: Decl, new: Decl) -> None:
        self.changes.append(Change(kind, message, self.old.location(old), self.new.location(new)))

    def comments(self, what: str, old: Decl, new: Decl) -> None:
        if self.old.comment(old) != self.new.comment(new):
            self.add(Kind.COMMENT_CHANGED, f"comment of {what} changed", old, new)

    def run(self) -> list[Change]:
        self.package()
        self.services()
        messages, enums = self.reachable()
        for name in messages:
            self.message(self.old.messages[name])
        for name in enums:
            self.enum(self.old.enums[name])
        self.added_types()
        return self.changes

    # -- package and services ---------------------------------------------------------------

    def package(self) -> None:
        if set(self.old.packages) == set(self.new.packages):
            return
        old = ", ".join(self.old.packages) or "(none)"
        new = ", ".join(self.new.packages) or "(none)"
        example = "/package.Service/Method"
        for service in self._target_services(self.old):
            if service.methods and self.tr(service.full_name) != service.full_name:
                method = service.methods[0].name
                example = (
                    f"/{service.full_name}/{method} becomes /{self.tr(service.full_name)}/{method}"
                )
                break
        self.add(
            Kind.PACKAGE_CHANGED,
            f"package changed from {old} to {new}: every RPC's method path changes "
            f"({example}), so peers of the two versions cannot call each other; to offer "
            "both, serve each as its own protocol version",
            self.old.root().child(*PACKAGE_PATH),
            self.new.root().child(*PACKAGE_PATH),
        )

    def _target_services(self, side: Side) -> list[ServiceInfo]:
        return [side.services[name] for name in sorted(side.declared) if name in side.services]

    def _signature(
        self, service: ServiceInfo, translate: Callable[[str], str]
    ) -> frozenset[object]:
        return frozenset(
            (
                m.name,
                translate(m.input),
                translate(m.output),
                m.client_streaming,
                m.server_streaming,
            )
            for m in service.methods
        )

    def services(self) -> None:
        old = {self.tr(s.full_name): s for s in self._target_services(self.old)}
        new = {s.full_name: s for s in self._target_services(self.new)}
        added = [s for name, s in new.items() if name not in old]
        for name, service in old.items():
            if name in new:
                self.service(service, new[name])
                continue
            signature = self._signature(service, self.tr)
            twins = [s for s in added if self._signature(s, str) == signature]
            if len(twins) == 1:
                added.remove(twins[0])
                self.add(
                    Kind.SERVICE_RENAMED,
                    f"service {service.full_name} renamed to {twins[0].full_name}: peers of the "
                    "old version call method paths the new one does not serve",
                    service.decl,
                    twins[0].decl,
                )
            else:
                self.add(
                    Kind.SERVICE_REMOVED,
                    f"service {service.full_name} was removed: peers of the old version call it",
                    service.decl,
                    self.new.root(),
                )
        for service in added:
            self.add(
                Kind.SERVICE_ADDED,
                f"service {service.full_name} was added: old peers never call it",
                self.old.root(),
                service.decl,
            )

    def service(self, old: ServiceInfo, new: ServiceInfo) -> None:
        self.comments(f"service {new.full_name}", old.decl, new.decl)
        new_methods = {m.name: m for m in new.methods}
        added = [m for m in new.methods if m.name not in {o.name for o in old.methods}]
        for method in old.methods:
            name = f"{old.full_name}.{method.name}"
            if method.name in new_methods:
                self.method(name, method, new_methods[method.name])
                continue
            twins = [
                m
                for m in added
                if (m.input, m.output, _streaming(m))
                == (self.tr(method.input), self.tr(method.output), _streaming(method))
            ]
            if len(twins) == 1:
                added.remove(twins[0])
                self.add(
                    Kind.RPC_RENAMED,
                    f"RPC {name} renamed to {twins[0].name}: peers of the old version call "
                    f"/{old.full_name}/{method.name}, which the new one does not serve",
                    method.decl,
                    twins[0].decl,
                )
            else:
                self.add(
                    Kind.RPC_REMOVED,
                    f"RPC {name} was removed: peers of the old version still call it",
                    method.decl,
                    new.decl,
                )
        for method in added:
            self.add(
                Kind.RPC_ADDED,
                f"RPC {new.full_name}.{method.name} was added: old peers never call it",
                old.decl,
                method.decl,
            )

    def method(self, name: str, old: MethodInfo, new: MethodInfo) -> None:
        self.comments(f"RPC {name}", old.decl, new.decl)
        for kind, what, old_type, new_type in (
            (Kind.REQUEST_TYPE_CHANGED, "request", old.input, new.input),
            (Kind.RESPONSE_TYPE_CHANGED, "response", old.output, new.output),
        ):
            if self.tr(old_type) != new_type:
                self.add(
                    kind,
                    f"{what} type of RPC {name} changed from {old_type} to {new_type}: "
                    "the contract names another message",
                    old.decl,
                    new.decl,
                )
        if _streaming(old) != _streaming(new):
            self.add(
                Kind.STREAMING_CHANGED,
                f"RPC {name} changed from {_streaming(old)} to {_streaming(new)}: "
                "peers of the two versions expect different call shapes",
                old.decl,
                new.decl,
            )

    # -- which messages and enums to compare --------------------------------------------------

    def reachable(self) -> tuple[list[str], list[str]]:
        """Old messages and enums to compare: those declared in the named files and every
        type reachable from them or from their RPCs, through fields of fields."""
        old = self.old
        pending = [name for name in sorted(old.declared) if name in old.messages]
        for service in self._target_services(old):
            pending += [type_name for m in service.methods for type_name in (m.input, m.output)]
        messages: dict[str, None] = {}
        enums = {name: None for name in sorted(old.declared) if name in old.enums}
        while pending:
            name = pending.pop()
            if name in messages or name not in old.messages:
                continue
            messages[name] = None
            for field in old.messages[name].fields:
                for ref in (field.type, field.map_key):
                    if ref is not None and ref.kind == "enum":
                        enums[ref.name] = None
                    elif ref is not None and ref.name:
                        pending.append(ref.name)
        return list(messages), [name for name in enums if name in old.enums]

    def _enclosing(self, side: Side, parent: str | None) -> Decl:
        if parent is not None and parent in side.messages:
            return side.messages[parent].decl
        return side.root()

    def added_types(self) -> None:
        """Messages and enums declared in the new named files that the old side lacks."""
        old_names = {self.tr(name) for name in (*self.old.messages, *self.old.enums)}
        for name in sorted(self.new.declared - old_names):
            info: MessageInfo | EnumInfo
            if name in self.new.messages:
                info, kind, what = self.new.messages[name], Kind.MESSAGE_ADDED, "message"
                if info.map_entry:
                    continue
            elif name in self.new.enums:
                info, kind, what = self.new.enums[name], Kind.ENUM_ADDED, "enum"
            else:
                continue
            parent = None if info.parent is None else self._back.get(info.parent, info.parent)
            self.add(kind, f"{what} {name} was added", self._enclosing(self.old, parent), info.decl)

    # -- messages and fields ----------------------------------------------------------------

    def message(self, old: MessageInfo) -> None:
        if old.map_entry:  # compared through the map field's key and value types
            return
        new = self._counterpart(old, self.new.messages, Kind.MESSAGE_REMOVED, "a field or RPC")
        if new is not None:
            compare_fields(self, old, new)

    # -- enums --------------------------------------------------------------------------------

    def enum(self, old: EnumInfo) -> None:
        new = self._counterpart(old, self.new.enums, Kind.ENUM_REMOVED, "a field")
        if new is not None:
            compare_enum_values(self, old, new)

    def _counterpart(
        self, old: _Type, found: Mapping[str, _Type], removed: Kind, users: str
    ) -> _Type | None:
        """``old`` on the new side, its comment compared; if it is gone, a removal reported."""
        what = "message" if removed is Kind.MESSAGE_REMOVED else "enum"
        new = found.get(self.tr(old.full_name))
        if new is None:
            if old.full_name in self.old.declared:
                parent = None if old.parent is None else self.tr(old.parent)
                self.add(
                    removed,
                    f"{what} {old.full_name} was removed: the wire is unaffected unless {users} "
                    "used it (reported there), but generated code loses its class",
                    old.decl,
                    self._enclosing(self.new, parent),
                )
            return None
        self.comments(f"{what} {old.full_name}", old.decl, new.decl)
        return new
