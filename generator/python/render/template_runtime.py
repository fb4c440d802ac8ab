"""What the compiled templates' code calls, in place of ``jinja2.runtime``.

jinja2 compiles a template to Python that imports a dozen names from ``jinja2.runtime``; that
module alone imports ``inspect``, ``json``, ``markupsafe`` and jinja2's AST, about 14 ms of a
cold run that renders a few templates. ``tools/templates.py`` points the compiled modules here
instead, and this module gives them the part of jinja2's runtime our templates use, with
jinja2's behaviour: contexts (variables, includes sharing them, calls), loops (``loop.last``
and its peers), macros called by position or keyword, and undefined values (strict ones fail
on use and name the variable). The compiler's output is jinja2's own, so a template feature
this module lacks fails loudly: ``tests/generator/render/test_templating.py`` renders every golden
case here and through jinja2 itself and compares the bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, NoReturn


class _Missing:
    """jinja2's ``missing``: a variable the context does not have (``None`` may be a value)."""

    def __repr__(self) -> str:
        return "missing"


missing: Any = _Missing()


class TemplateRuntimeError(Exception):
    """A template did what it cannot: used an undefined value, called an unknown filter."""


class TemplateNotFound(TemplateRuntimeError):  # noqa: N818 (jinja2's name, imported by it)
    """An included template does not exist."""


def internalcode(function: Callable[..., Any]) -> Callable[..., Any]:
    """jinja2 marks its frames for tracebacks with this; here it changes nothing."""
    return function


def identity(value: Any) -> Any:
    return value


def str_join(pieces: Iterable[Any]) -> str:
    return "".join(map(str, pieces))


# Only with autoescape, which the generator's environment has off: never called.
markup_join = str_join
Markup = str
escape = str


class Undefined:
    """An undefined value as jinja2's default ``Undefined``: empty when printed or tested."""

    __slots__ = ("_hint", "_name", "_obj")

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None):
        self._hint = hint
        self._obj = obj
        self._name = name

    def _message(self) -> str:
        if self._hint is not None:
            return self._hint
        if self._obj is missing:
            return f"{self._name!r} is undefined"
        return f"{type(self._obj).__name__!r} object has no attribute {self._name!r}"

    def _fail(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TemplateRuntimeError(self._message())

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        self._fail()

    def __str__(self) -> str:
        return ""

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    __call__ = __getitem__ = __add__ = __radd__ = __mod__ = __lt__ = __gt__ = _fail


class StrictUndefined(Undefined):
    """jinja2's ``StrictUndefined``: any use but ``is defined`` fails and names the cause."""

    __slots__ = ()
    __str__ = __bool__ = __iter__ = __len__ = __eq__ = __hash__ = Undefined._fail


class _EvalContext:
    """What compiled code reads of jinja2's evaluation context: autoescape is always off."""

    autoescape = False
    volatile = False


class Context:
    """A template's variables: its own (``vars``), and its parent's (globals, includer's)."""

    def __init__(
        self,
        environment: Any,
        parent: MutableMapping[str, Any],
        name: str | None,
        blocks: Mapping[str, Any],
    ) -> None:
        self.environment = environment
        self.parent = parent
        self.name = name
        self.blocks = blocks
        self.vars: dict[str, Any] = {}
        self.exported_vars: set[str] = set()
        self.eval_ctx = _EvalContext()

    def resolve_or_missing(self, key: str) -> Any:
        if key in self.vars:
            return self.vars[key]
        if key in self.parent:
            return self.parent[key]
        return missing

    def get_all(self) -> dict[str, Any]:
        if not self.vars:
            return dict(self.parent)
        return {**self.parent, **self.vars}

    def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)``, without the loop and block variables jinja2 passes
        along for functions that take the context (ours never do)."""
        kwargs.pop("_loop_vars", None)
        kwargs.pop("_block_vars", None)
        return function(*args, **kwargs)


def new_context(
    environment: Any,
    template_name: str | None,
    blocks: Mapping[str, Any],
    vars: Mapping[str, Any] | None = None,
    shared: bool = False,
    globals: Mapping[str, Any] | None = None,
    locals: Mapping[str, Any] | None = None,
) -> Context:
    """As jinja2's: a shared context (an include's) reads the includer's variables as they are."""
    parent: MutableMapping[str, Any]
    if shared:
        parent = vars if isinstance(vars, MutableMapping) else dict(vars or {})
    else:
        parent = {**(globals or {}), **(vars or {})}
    if locals:
        if shared:
            parent = dict(parent)
        for key, value in locals.items():
            if value is not missing:
                parent[key] = value
    return Context(environment, parent, template_name, blocks)


class LoopContext:
    """``loop`` in a ``{% for %}``: iterating it gives each item with the loop itself."""

    def __init__(
        self,
        iterable: Iterable[Any],
        undefined: Callable[..., Any],
        recurse: Any = None,
        depth0: int = 0,
    ) -> None:
        if recurse is not None or depth0:
            raise TemplateRuntimeError("recursive loops are not supported by template_runtime")
        self._items: Sequence[Any] = list(iterable)
        self._undefined = undefined
        self.index0 = -1

    def __iter__(self) -> Iterator[tuple[Any, LoopContext]]:
        for index, item in enumerate(self._items):
            self.index0 = index
            yield item, self

    @property
    def length(self) -> int:
        return len(self._items)

    @property
    def index(self) -> int:
        return self.index0 + 1

    @property
    def revindex0(self) -> int:
        return self.length - self.index

    @property
    def revindex(self) -> int:
        return self.length - self.index0

    @property
    def first(self) -> bool:
        return self.index0 == 0

    @property
    def last(self) -> bool:
        return self.index0 == self.length - 1

    @property
    def previtem(self) -> Any:
        if self.index0 <= 0:
            return self._undefined("there is no previous item")
        return self._items[self.index0 - 1]

    @property
    def nextitem(self) -> Any:
        if self.index0 + 1 >= self.length:
            return self._undefined("there is no next item")
        return self._items[self.index0 + 1]

    def cycle(self, *values: Any) -> Any:
        if not values:
            raise TypeError("no items for cycling given")
        return values[self.index0 % len(values)]


class Macro:
    """A ``{% macro %}``: called by position or keyword; a parameter not given is undefined."""

    def __init__(
        self,
        environment: Any,
        func: Callable[..., str],
        name: str,
        arguments: Sequence[str],
        catch_kwargs: bool,
        catch_varargs: bool,
        caller: bool,
        default_autoescape: bool | None = None,
    ) -> None:
        if catch_kwargs or catch_varargs or caller:
            raise TemplateRuntimeError(
                f"macro {name!r} uses varargs, kwargs or caller, which template_runtime lacks"
            )
        self._func = func
        self.name = name
        self.arguments = tuple(arguments)

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        if len(args) > len(self.arguments):
            raise TypeError(
                f"macro {self.name!r} takes not more than {len(self.arguments)} argument(s)"
            )
        values = list(args)
        for name in self.arguments[len(args) :]:
            values.append(kwargs.pop(name, missing))
        if kwargs:
            raise TypeError(f"macro {self.name!r} takes no keyword argument {next(iter(kwargs))!r}")
        return self._func(*values)

    def __repr__(self) -> str:
        return f"<Macro {self.name!r}>"


class Namespace:
    """``namespace()``: an object whose attributes a template may set."""

    def __init__(self, **attributes: Any) -> None:
        self.__dict__.update(attributes)


class TemplateReference:
    """``self`` in a template (its blocks); our templates use no blocks."""

    def __init__(self, context: Context) -> None:
        self._context = context
