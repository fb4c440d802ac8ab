"""The rules for numbered members: fields of messages and values of enums.

Members are matched by name first: a name kept under a new number is a renumbering. A name
that disappeared while its number stayed is a rename when the wire type stayed too (same bytes
on the wire), else the number now means another member. A removal is safe only when the new
side reserves both the number and the name; otherwise the message says which is missing.
"""

from __future__ import annotations

from typing import Protocol

from ..core.model import TypeRef
from .index import Decl, EnumInfo, FieldInfo, MessageInfo, Reserved
from .report import Kind


class Recorder(Protocol):
    """What these rules need of the comparison they are part of (`compat_rules._Differ`)."""

    def tr_type(self, ref: TypeRef | None) -> TypeRef | None:
        """``ref`` with its type name as the new side is expected to spell it."""

    def add(self, kind: Kind, message: str, old: Decl, new: Decl) -> None:
        """Record one change."""

    def comments(self, what: str, old: Decl, new: Decl) -> None:
        """Record a comment change of ``what``, if any."""


def compare_fields(d: Recorder, old: MessageInfo, new: MessageInfo) -> None:
    """Every field change between two versions of one message."""
    _Fields(d, old, new).run()


def compare_enum_values(d: Recorder, old: EnumInfo, new: EnumInfo) -> None:
    """Every value change between two versions of one enum."""
    name = old.full_name
    old_by_name = {v.name: v for v in old.values}
    new_by_name = {v.name: v for v in new.values}
    new_numbers: dict[int, list[str]] = {}
    for value in new.values:
        new_numbers.setdefault(value.number, []).append(value.name)
    for value in old.values:
        label = f"enum value {name}.{value.name}"
        moved = new_by_name.get(value.name)
        if moved is not None:
            if moved.number != value.number:
                d.add(
                    Kind.ENUM_VALUE_RENUMBERED,
                    f"{label} renumbered from {value.number} to {moved.number}: "
                    + _renumber_effect(
                        "value", value.number, new_numbers.get(value.number, [None])[0]
                    ),
                    value.decl,
                    moved.decl,
                )
            else:
                d.comments(label, value.decl, moved.decl)
            continue
        successor = (
            new_by_name[new_numbers[value.number][0]] if value.number in new_numbers else None
        )
        if successor is not None:
            if successor.name in old_by_name:  # another old value moved onto this number
                d.add(
                    Kind.ENUM_VALUE_REMOVED,
                    f"{label} = {value.number} was removed: its number now names "
                    f"{successor.name}, so the new version misreads an old peer's {value.name}",
                    value.decl,
                    new.decl,
                )
            else:
                d.add(
                    Kind.ENUM_VALUE_RENAMED,
                    f"{label} = {value.number} renamed to {successor.name}: the binary wire "
                    "is unchanged, but generated code (and JSON) uses the new name",
                    value.decl,
                    successor.decl,
                )
            continue
        hint = _reserve_hint(new.reserved, value.number, value.name)
        if not hint:
            d.add(
                Kind.ENUM_VALUE_REMOVED_RESERVED,
                f"{label} = {value.number} was removed and its number and name reserved: "
                "neither can be reused with another meaning",
                value.decl,
                new.reserved.number(value.number) or new.decl,
            )
        else:
            d.add(
                Kind.ENUM_VALUE_REMOVED,
                f"{label} = {value.number} was removed: peers of the old version still "
                f"send it; to remove it safely, reserve its {hint}",
                value.decl,
                new.decl,
            )
    old_numbers = {value.number for value in old.values}
    for value in new.values:
        if value.name in old_by_name or value.number in old_numbers:
            continue  # matched, renumbered or renamed: reported above
        label = f"enum value {new.full_name}.{value.name} = {value.number}"
        reserved = old.reserved.number(value.number)
        if reserved is not None:
            d.add(
                Kind.RESERVED_NUMBER_REUSED,
                f"{label} reuses a number the old version reserved",
                reserved,
                value.decl,
            )
        elif value.name in old.reserved.names:
            d.add(
                Kind.RESERVED_NAME_REUSED,
                f"{label} reuses a name the old version reserved",
                old.reserved.names[value.name],
                value.decl,
            )
        else:
            d.add(
                Kind.ENUM_VALUE_ADDED,
                f"{label} was added: old readers keep it as an unknown number",
                old.decl,
                value.decl,
            )


class _Fields:
    """The field-by-field comparison of one message on both sides."""

    def __init__(self, differ: Recorder, old: MessageInfo, new: MessageInfo) -> None:
        self.d, self.old, self.new = differ, old, new
        self.old_by_name = {f.name: f for f in old.fields}
        self.new_by_name = {f.name: f for f in new.fields}
        self.old_by_number = {f.number: f for f in old.fields}
        self.new_by_number = {f.number: f for f in new.fields}
        #: Old and new versions of the same field, in old declaration order.
        self.pairs: list[tuple[FieldInfo, FieldInfo]] = []

    def label(self, field: FieldInfo, message: MessageInfo | None = None) -> str:
        return f"field {(message or self.old).full_name}.{field.name} = {field.number}"

    def same_type(self, old: FieldInfo, new: FieldInfo) -> bool:
        return (self.d.tr_type(old.type), self.d.tr_type(old.map_key)) == (new.type, new.map_key)

    def run(self) -> None:
        for field in self.old.fields:
            self.old_field(field)
        for field in self.new.fields:
            self.new_field(field)
        for old, new in self.pairs:
            self.pair(old, new)
        self.oneofs()

    def old_field(self, field: FieldInfo) -> None:
        label = self.label(field)

        def report(kind: Kind, message: str, new: FieldInfo) -> None:
            self.d.add(kind, message, field.decl, new.decl)

        same_name = self.new_by_name.get(field.name)
        if same_name is not None:
            if same_name.number == field.number:
                self.pairs.append((field, same_name))
                return
            taken = self.new_by_number.get(field.number)
            effect = _renumber_effect("field", field.number, taken.name if taken else None)
            report(
                Kind.FIELD_RENUMBERED,
                f"field {self.old.full_name}.{field.name} renumbered from {field.number} to "
                f"{same_name.number}: {effect}",
                same_name,
            )
            return
        same_number = self.new_by_number.get(field.number)
        if same_number is not None and same_number.name not in self.old_by_name:
            if not self.same_type(field, same_number):
                report(
                    Kind.FIELD_NUMBER_REUSED,
                    f"field number {field.number} of {self.old.full_name} was {field.type_text} "
                    f"{field.name}, is now {same_number.type_text} {same_number.name}: peers of "
                    "the two versions misread each other's value",
                    same_number,
                )
                return
            report(
                Kind.FIELD_RENAMED,
                f"{label} renamed to {same_number.name}: the binary wire is unchanged, but "
                "generated code (and JSON) uses the new name",
                same_number,
            )
            self.pairs.append((field, same_number))
            return
        hint = _reserve_hint(self.new.reserved, field.number, field.name)
        if same_number is None and not hint:
            self.d.add(
                Kind.FIELD_REMOVED_RESERVED,
                f"{label} was removed and its number and name reserved: old peers' values are "
                "skipped as unknown fields, and neither can be reused with another meaning",
                field.decl,
                self.new.reserved.number(field.number) or self.new.decl,
            )
            return
        self.d.add(
            Kind.FIELD_REMOVED,
            f"{label} was removed: peers of the old version still send and expect it; "
            + (
                f"its number is now used by {same_number.name}"
                if same_number is not None
                else f"to remove it safely, reserve its {hint}"
            ),
            field.decl,
            self.new.decl,
        )

    def new_field(self, field: FieldInfo) -> None:
        d, label = self.d, self.label(field, self.new)
        if field.name in self.old_by_name:
            return  # kept or renumbered: reported from the old side
        previous = self.old_by_number.get(field.number)
        if previous is not None:
            if previous.name in self.new_by_name:  # the old field moved away from this number
                d.add(
                    Kind.FIELD_NUMBER_REUSED,
                    f"{label} takes the number of old field {previous.name}: old peers read "
                    f"its value as {previous.name}",
                    previous.decl,
                    field.decl,
                )
            return  # else renamed or reused: reported from the old side
        reserved = self.old.reserved.number(field.number)
        if reserved is not None:
            d.add(
                Kind.RESERVED_NUMBER_REUSED,
                f"{label} reuses a number the old version reserved: old data under "
                f"{field.number} meant something else",
                reserved,
                field.decl,
            )
        elif field.required:
            d.add(
                Kind.REQUIRED_FIELD_ADDED,
                f"required {label} was added: readers of the new version reject messages from "
                "old senders, which never set it",
                self.old.decl,
                field.decl,
            )
        elif field.name in self.old.reserved.names:
            d.add(
                Kind.RESERVED_NAME_REUSED,
                f"{label} reuses a name the old version reserved: the binary wire is fine, but "
                "JSON and code written against the old field mix the two up",
                self.old.reserved.names[field.name],
                field.decl,
            )
        else:
            d.add(
                Kind.FIELD_ADDED,
                f"{label} was added: old readers skip it as an unknown field, and new readers "
                "see its default when an old sender leaves it out",
                self.old.decl,
                field.decl,
            )

    def pair(self, old: FieldInfo, new: FieldInfo) -> None:
        d, label = self.d, self.label(old)
        d.comments(label, old.decl, new.decl)
        same_type = self.same_type(old, new)
        if not same_type:
            d.add(
                Kind.FIELD_TYPE_CHANGED,
                f"{label} changed type from {old.type_text} to {new.type_text}: peers of the "
                "two versions disagree on its encoding",
                old.decl,
                new.decl,
            )
        if old.cardinality != new.cardinality:
            why = (
                "a proto2 reader rejects a message that lacks a required field"
                if "required" in (old.cardinality, new.cardinality)
                else "a singular reader keeps only the last of a repeated writer's values"
            )
            d.add(
                Kind.FIELD_CARDINALITY_CHANGED,
                f"{label} changed from {old.cardinality} to {new.cardinality}: {why}",
                old.decl,
                new.decl,
            )
        elif (
            same_type
            and not old.repeated
            and old.oneof == new.oneof
            and old.presence != new.presence
        ):
            gained = "gained" if new.presence else "lost"
            d.add(
                Kind.FIELD_PRESENCE_CHANGED,
                f"{label} {gained} explicit presence (proto3 optional or editions "
                "field_presence): the wire is unchanged, but HasField() and whether a zero value "
                "is sent differ in generated code",
                old.decl,
                new.decl,
            )

    def oneofs(self) -> None:
        """Oneof membership changes among fields that exist on both sides.

        Fields joining one oneof lose data (a reader keeps only the last member set), and so
        do fields leaving one (an old reader of the oneof keeps only one of them); a single
        field entering or leaving a oneof, or a oneof renamed whole, keeps the wire intact.
        """
        d, handled = self.d, set[int]()
        groups: dict[tuple[str, str], list[tuple[FieldInfo, FieldInfo]]] = {}
        for old, new in self.pairs:
            if old.oneof is not None:
                groups.setdefault(("old", old.oneof), []).append((old, new))
            if new.oneof is not None:
                groups.setdefault(("new", new.oneof), []).append((old, new))
        for (side, oneof), members in groups.items():
            other = {(n if side == "old" else o).oneof for o, n in members}
            names = ", ".join(o.name for o, _ in members)
            if len(members) >= 2 and (len(other) > 1 or None in other):
                if side == "old":
                    message = (
                        f"fields {names} of {self.old.full_name} no longer share oneof "
                        f"{oneof}: a new sender may set several, an old reader keeps only one"
                    )
                    decls = self.old.oneofs[oneof], self.new.decl
                else:
                    message = (
                        f"fields {names} of {self.new.full_name} now share oneof {oneof}: an "
                        "old sender may set several, a new reader keeps only one"
                    )
                    decls = self.old.decl, self.new.oneofs[oneof]
                d.add(Kind.ONEOF_CHANGED, message, *decls)
                handled |= {o.number for o, _ in members}
            elif side == "old" and len(other) == 1 and None not in other and oneof not in other:
                renamed = members[0][1].oneof or ""
                d.add(
                    Kind.ONEOF_RENAMED,
                    f"oneof {self.old.full_name}.{oneof} renamed to {renamed}: the wire is "
                    "unchanged, but WhichOneof() in generated code takes the new name",
                    self.old.oneofs[oneof],
                    self.new.oneofs[renamed],
                )
                handled |= {o.number for o, _ in members}
        for old, new in self.pairs:
            if old.oneof != new.oneof and old.number not in handled:
                move = _describe_move(old.oneof, new.oneof)
                d.add(
                    Kind.FIELD_ONEOF_CHANGED,
                    f"{self.label(old)} moved {move}: the wire is unchanged, but presence and "
                    "WhichOneof() in generated code change",
                    old.decl,
                    new.decl,
                )


def _reserve_hint(reserved: Reserved, number: int, name: str) -> str:
    """What is still missing for a removal to count as safe."""
    missing = []
    if reserved.number(number) is None:
        missing.append(f"number {number}")
    if name not in reserved.names:
        missing.append(f"name {name}")
    return " and ".join(missing)


def _renumber_effect(what: str, number: int, successor: str | None) -> str:
    """What a reader of the new version makes of an old peer's ``what`` ``number``."""
    if successor is None:
        return f"the new version skips an old peer's {what} {number} as unknown"
    return f"the new version reads an old peer's {what} {number} as {successor}"


def _describe_move(old: str | None, new: str | None) -> str:
    if old is None:
        return f"into oneof {new}"
    if new is None:
        return f"out of oneof {old}"
    return f"from oneof {old} to oneof {new}"
