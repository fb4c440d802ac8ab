"""``@record``: frozen data classes without the ``dataclasses`` module: the generator's one
idiom for records (the model, its Python spelling, settings, compat's index and report, output
files, write plans).

``dataclasses`` would make them, but it compiles (``exec``) several methods for every class,
and importing it pulls in ``inspect`` early. Measured here for 25 classes of six fields:
``@dataclass(frozen=True)`` 19 ms, ``typing.NamedTuple`` 2 ms, ``@record`` 0.3 ms, on a cold
run of about 500 ms (the generator defines some 40 record classes). :func:`record` gives a
class what those classes used: a keyword-or-positional ``__init__`` from the annotated fields
in order (a class attribute is that field's default), an optional ``__post_init__`` hook,
read-only attributes, ``__eq__``/``__hash__`` over the fields and a dataclass-style
``__repr__``. Its methods are shared by every class rather than compiled per class. Type
checkers see it as a frozen dataclass (``typing.dataclass_transform``); :func:`field` attaches
metadata to a field the way ``dataclasses.field(metadata=...)`` does.
"""

from __future__ import annotations

from typing import Any, TypeVar, cast, dataclass_transform

_T = TypeVar("_T")


class _Field:
    """What :func:`field` leaves in a class body until :func:`record` takes it apart."""

    __slots__ = ("default", "meta")

    def __init__(self, default: object, meta: object) -> None:
        self.default = default
        self.meta = meta


def field(*, default: _T, meta: object = None) -> _T:
    """A field's ``default`` with ``meta`` attached (read back with :func:`metadata`)."""
    return cast(_T, _Field(default, meta))


class FrozenRecordError(AttributeError):
    """Raised on an attempt to set or delete an attribute of a record."""


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """Make ``cls`` a frozen record of its annotated fields (see the module docstring)."""
    # Not inspect.get_annotations: importing inspect is what this module avoids. Under
    # ``from __future__ import annotations`` the annotations are strings, never evaluated.
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    meta = {name: value.meta for name, value in defaults.items() if isinstance(value, _Field)}
    for name in meta:
        defaults[name] = defaults[name].default
        setattr(cls, name, defaults[name])
    members = {
        "_record_fields": names,
        "_record_known": frozenset(names),
        "_record_defaults": defaults,
        "_record_meta": meta,
        "_record_post_init": cls.__dict__.get("__post_init__"),
        "__match_args__": names,
        **_METHODS,
    }
    for name, value in members.items():
        setattr(cls, name, value)
    return cls


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    names: tuple[str, ...] = cls._record_fields
    if len(args) > len(names):
        raise TypeError(
            f"{cls.__name__}() takes {len(names)} positional arguments, got {len(args)}"
        )
    values = dict(zip(names, args, strict=False))
    for name, value in kwargs.items():
        if name not in cls._record_known or name in values:
            problem = "got multiple values for" if name in values else "got an unexpected"
            raise TypeError(f"{cls.__name__}() {problem} keyword argument {name!r}")
        values[name] = value
    state = self.__dict__
    defaults = cls._record_defaults
    for name in names:
        if name in values:
            state[name] = values[name]
        elif name in defaults:
            state[name] = defaults[name]
        else:
            raise TypeError(f"{cls.__name__}() missing required argument {name!r}")
    if cls._record_post_init is not None:
        cls._record_post_init(self)


def _values(self: Any) -> tuple[Any, ...]:
    state = self.__dict__
    return tuple(state[name] for name in type(self)._record_fields)


def _eq(self: Any, other: object) -> object:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    state = self.__dict__
    shown = ", ".join(f"{name}={state[name]!r}" for name in type(self)._record_fields)
    return f"{type(self).__qualname__}({shown})"


def _setattr(self: Any, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r}")


def _delattr(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r}")


_METHODS = {
    "__init__": _init,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
    "__setattr__": _setattr,
    "__delattr__": _delattr,
}


def fields(cls: type) -> tuple[str, ...]:
    """The field names of a :func:`record` class, in order."""
    names: tuple[str, ...] = cls.__dict__["_record_fields"]
    return names


def metadata(cls: type) -> dict[str, object]:
    """The ``meta`` of each field of a :func:`record` class declared with :func:`field`, in
    field order."""
    meta: dict[str, object] = cls.__dict__["_record_meta"]
    return {name: meta[name] for name in fields(cls) if name in meta}
