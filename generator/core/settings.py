"""Generator options: each declared once, as a field of :class:`Settings`, and validated.

Options arrive as command-line options (``--magic-cookie-key X``) or as a protoc parameter
(``--pyplugin_opt=magic_cookie_key=X,protocol_version=2``). Each is declared once below: the
field holds its value, and its :class:`Option` says how the command line spells it, what it
means and how it is checked. ``gen-plugin``'s click command, its click-free quick parse and the
protoc parameter are all derived from these declarations (``front/``), so the doors cannot
drift apart: a protoc parameter key is the field's name. An unknown or malformed option is an
error, never silently ignored, because a typo in a cookie option would otherwise produce a
plugin its host refuses without saying why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, cast

from . import records
from .errors import GeneratorError
from .records import field, record

_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_PACKAGE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")

#: What an :class:`Option` takes: text, a positive whole number, or nothing (a flag).
TEXT, NUMBER, FLAG = "text", "number", "flag"


def _same(text: str) -> Any:
    return text


@record
class Option:
    """How one option is spelled on the command line, what it means and how it is checked."""

    #: ``("-o", "--out")``: the short spelling first, if any.
    flags: tuple[str, ...]
    help: str
    #: The value's placeholder in ``--help`` (``KEY``); none for a flag.
    metavar: str = ""
    #: :data:`TEXT`, :data:`NUMBER` or :data:`FLAG`.
    kind: str = TEXT
    #: Given any number of times, one value each time (the field holds a tuple).
    repeated: bool = False
    required: bool = False
    #: Validates one text value, returning it, or raises :class:`GeneratorError`.
    check: Callable[[str], str] | None = None
    #: One checked text value as the field holds it (``"a=1"`` -> ``("a", 1)``) ...
    parse: Callable[[str], Any] = _same
    #: ... and back, for the command line that reproduces a run.
    spell: Callable[[Any], str] = str

    @property
    def flag(self) -> str:
        """The long spelling, as messages name the option."""
        return self.flags[-1]


def validate_cookie_key(key: str) -> str:
    """The cookie key is an environment variable name, so it must be spelled like one."""
    if not _ENV_NAME.match(key):
        raise GeneratorError(
            f"magic_cookie_key {key!r} is not an environment variable name: "
            "use letters, digits and underscores, e.g. GREETER_PLUGIN"
        )
    return key


def validate_cookie_value(value: str) -> str:
    """Any printable text without quotes or backslashes (it travels in an env var)."""
    if not value or not value.isprintable() or '"' in value or "\\" in value:
        raise GeneratorError(
            f"magic_cookie_value {value!r} must be non-empty printable text without quotes "
            "or backslashes"
        )
    return value


def validate_package_version(text: str) -> str:
    """``PACKAGE=N``: a proto package name and a positive version number."""
    package, _, version = text.partition("=")
    if not _PACKAGE_NAME.match(package) or not version.isdigit() or int(version) < 1:
        raise GeneratorError(
            f"package_version {text!r} is not PACKAGE=N: give a proto package and a positive "
            "version, e.g. acme.greeter=1"
        )
    return text


def validate_broker_service(name: str) -> str:
    """A service's full proto name: ``package.Service`` (just ``Service`` without a package)."""
    if not _PACKAGE_NAME.match(name):
        raise GeneratorError(
            f"broker_service {name!r} is not a service name: give the service's full proto "
            "name, package included, e.g. proto.AddHelper"
        )
    return name


def validate_go_import(text: str) -> str:
    """``FILE=PATH``: a proto file name as imports spell it and a Go import path."""
    proto, _, path = text.partition("=")
    if not proto.endswith(".proto") or not path or path.startswith((".", "/")) or " " in path:
        raise GeneratorError(
            f"go_import {text!r} is not FILE=PATH: give the proto file as imports name it and "
            "its messages' full Go import path, e.g. kinds.proto=example.com/app/proto/kinds"
        )
    return text


def validate_go_module(module: str) -> str:
    """A module path as ``go.mod`` declares it: no spaces, no leading or trailing slash."""
    if not module or " " in module or module.startswith(("/", ".")) or module.endswith("/"):
        raise GeneratorError(
            f"go_module {module!r} is not a Go module path: give the path of go.mod's module "
            "line, e.g. example.com/app"
        )
    return module


def _go_import_pair(text: str) -> tuple[str, str]:
    proto, _, path = validate_go_import(text).partition("=")
    return proto, path


_PROTO_FILE = re.compile(r"^[^=,\s]+\.proto$")


def validate_python_module(text: str) -> str:
    """``PROTO=MODULE``: a proto file (``a/b.proto``) or package (``a.b``), and a Python module
    (for a file) or package (for a package) that already holds its generated code."""
    proto, _, module = text.partition("=")
    if not (_PROTO_FILE.match(proto) or _PACKAGE_NAME.match(proto)) or not _PACKAGE_NAME.match(
        module
    ):
        raise GeneratorError(
            f"python_module {text!r} is not PROTO=MODULE: give an imported proto file and the "
            "Python module that holds its messages (vendor/types.proto=vendor_sdk.types_pb2), "
            "or a proto package and the Python package that holds its modules "
            "(vendor.types=vendor_sdk.types)"
        )
    return text


def _python_module_pair(text: str) -> tuple[str, str]:
    proto, _, module = validate_python_module(text).partition("=")
    return proto, module


def _spell_text_pair(pair: tuple[str, str]) -> str:
    return f"{pair[0]}={pair[1]}"


def _package_version_pair(text: str) -> tuple[str, int]:
    package, _, version = validate_package_version(text).partition("=")
    return package, int(version)


def _spell_pair(pair: tuple[str, object]) -> str:
    return f"{pair[0]}={pair[1]}"


@record
class Settings:
    """What a run may override; ``None`` means "derive it from the proto" (see core/naming)."""

    #: Write ``main.py`` even if it exists (CLI); emit it at all (protoc, which cannot know
    #: whether the user already has one).
    force_main: bool = field(
        default=False,
        meta=Option(("--force-main",), "Overwrite OUT/main.py even if it exists.", kind=FLAG),
    )
    magic_cookie_key: str | None = field(
        default=None,
        meta=Option(
            ("--magic-cookie-key",),
            "Handshake cookie environment variable (default from the package: GREETER_PLUGIN).",
            metavar="KEY",
            check=validate_cookie_key,
        ),
    )
    magic_cookie_value: str | None = field(
        default=None,
        meta=Option(
            ("--magic-cookie-value",),
            "Handshake cookie value (default: a stable hash of the package name).",
            metavar="VALUE",
            check=validate_cookie_value,
        ),
    )
    protocol_version: int | None = field(
        default=None,
        meta=Option(
            ("--protocol-version",),
            "App protocol version (default: N of a trailing vN package component, else 1).",
            metavar="N",
            kind=NUMBER,
        ),
    )
    #: ``(proto package, version)`` pairs, one per ``--package-version PACKAGE=N``: the version
    #: of a package whose name carries none (``acme.greeter`` beside ``acme.greeter.v2``), so
    #: several versions generated in one run can be told apart. Wins over ``protocol_version``.
    package_version: tuple[tuple[str, int], ...] = field(
        default=(),
        meta=Option(
            ("--package-version",),
            "Protocol version of one proto package whose name has no vN part; repeatable.",
            metavar="PACKAGE=N",
            repeated=True,
            check=validate_package_version,
            parse=_package_version_pair,
            spell=_spell_pair,
        ),
    )
    #: Full names of services served through the GRPCBroker rather than dispensed as plugins
    #: (``--broker-service proto.AddHelper``), one per option: go-plugin's callback services,
    #: such as the AddHelper a host serves to its plugin. They get ``serve_``/``dial_``
    #: helpers instead of a GRPCPlugin. Marked here, so a proto one does not own is used as is.
    broker_service: tuple[str, ...] = field(
        default=(),
        meta=Option(
            ("--broker-service",),
            "Full name of a service served through the GRPCBroker, not dispensed as a plugin "
            "(proto.AddHelper): it gets serve_/dial_ helpers instead; repeatable.",
            metavar="SERVICE",
            repeated=True,
            check=validate_broker_service,
        ),
    )

    #: ``(proto file, Go import path)`` pairs, one per ``--go-import FILE=PATH``: the Go package
    #: of a file's messages when its ``go_package`` is missing or relative (protoc-gen-go's
    #: ``M`` option); the Go target only.
    go_import: tuple[tuple[str, str], ...] = field(
        default=(),
        meta=Option(
            ("--go-import",),
            "Go import path of one proto file's messages, overriding its go_package "
            "(protoc-gen-go's M option): FILE=PATH; repeatable. Go output only.",
            metavar="FILE=PATH",
            repeated=True,
            check=validate_go_import,
            parse=_go_import_pair,
            spell=_spell_pair,
        ),
    )
    #: A module path stripped from Go output paths (``yourapp``: ``yourapp/proto/x`` is written
    #: to ``proto/x``), as protoc-gen-go's ``module=`` option does; the Go target only.
    go_module: str | None = field(
        default=None,
        meta=Option(
            ("--go-module",),
            "Go module path to strip from Go output paths, as protoc-gen-go's module= option "
            "does. Go output only.",
            metavar="MODULE",
            check=validate_go_module,
        ),
    )

    #: ``(proto file or package, Python module or package)`` pairs, one per ``--python-module
    #: PROTO=MODULE``: imports whose Python code already exists (a vendor's SDK, a shared
    #: package of your own), so they are imported from there instead of emitted beside the
    #: plugin. Every other imported file is emitted as a message module.
    python_module: tuple[tuple[str, str], ...] = field(
        default=(),
        meta=Option(
            ("--python-module",),
            "An imported proto file or package whose Python code already exists, and where: "
            "a/b.proto=sdk.b_pb2 or a.b=sdk.b (imports not mapped are generated as message "
            "modules); repeatable.",
            metavar="PROTO=MODULE",
            repeated=True,
            check=validate_python_module,
            parse=_python_module_pair,
            spell=_spell_text_pair,
        ),
    )

    def __post_init__(self) -> None:
        for name, option in OPTIONS.items():
            if option.check is not None:
                for value in _values(getattr(self, name), option):
                    option.check(option.spell(value))
        if self.protocol_version is not None and self.protocol_version < 1:
            raise GeneratorError(
                f"protocol_version must be a positive integer, got {self.protocol_version}"
            )
        seen: set[str] = set()
        for package, _ in self.package_version:
            if package in seen:
                raise GeneratorError(f"package_version gives {package} a version twice")
            seen.add(package)
        mapped: set[str] = set()
        for proto, _ in self.python_module:
            if proto in mapped:
                raise GeneratorError(f"python_module maps {proto} twice")
            mapped.add(proto)

    def version_of(self, proto_package: str) -> int | None:
        """The version the options give ``proto_package``, if any (``None``: derive it)."""
        for package, version in self.package_version:
            if package == proto_package:
                return version
        return self.protocol_version


def _values(value: Any, option: Option) -> Sequence[Any]:
    """A field's value as a list of single values (none when unset)."""
    if option.repeated:
        return list(value)
    return [] if value is None else [value]


#: Every setting's option, by field name, in declaration order.
OPTIONS: Mapping[str, Option] = {
    name: meta for name, meta in records.metadata(Settings).items() if isinstance(meta, Option)
}


def value_of(option: Option, raw: object, name: str) -> Any:
    """A value as a front door delivers it (text, a number, a flag, or a list of texts for a
    repeated option) checked and made what the field holds; :class:`GeneratorError` if bad."""
    if option.repeated:
        texts = [raw] if isinstance(raw, str) else list(cast(Iterable[str], raw))
        return tuple(option.parse(_checked(option, text)) for text in texts)
    if option.kind == FLAG:
        return bool(raw)
    if option.kind == NUMBER:
        if isinstance(raw, int):
            return raw
        text = str(raw)
        if not (text.isascii() and text.isdigit()):
            raise GeneratorError(f"{name} must be a positive integer, got {text!r}")
        return int(text)
    return option.parse(_checked(option, str(raw)))


def _checked(option: Option, text: str) -> str:
    return option.check(text) if option.check is not None else text


def from_values(values: Mapping[str, object]) -> Settings:
    """Settings from the values front doors parsed, by field name (absent: the default)."""
    return Settings(**{name: value_of(OPTIONS[name], raw, name) for name, raw in values.items()})


def command_line(settings: Settings) -> list[str]:
    """The ``gen-plugin`` options that give ``settings`` (defaults left out)."""
    words: list[str] = []
    for name, option in OPTIONS.items():
        value = getattr(settings, name)
        if option.kind == FLAG:
            words += [option.flag] if value else []
        else:
            for single in _values(value, option):
                words += [option.flag, option.spell(single)]
    return words


def parameter(settings: Settings) -> str:
    """The protoc parameter (``--pyplugin_opt``) that gives ``settings``."""
    items: list[str] = []
    for name, option in OPTIONS.items():
        value = getattr(settings, name)
        if option.kind == FLAG:
            items += [name] if value else []
        else:
            items += [f"{name}={option.spell(single)}" for single in _values(value, option)]
    return ",".join(items)


_BOOL_WORDS = {
    "": True,
    "true": True,
    "1": True,
    "yes": True,
    "false": False,
    "0": False,
    "no": False,
}


def parse_parameter(parameter: str) -> Settings:
    """Parse protoc's parameter string: ``key=value`` or bare flags, separated by commas."""
    values: dict[str, str] = {}
    repeated: dict[str, list[str]] = {}
    for item in filter(None, (part.strip() for part in parameter.split(","))):
        key, _, value = item.partition("=")
        key, value = key.strip(), value.strip()
        option = OPTIONS.get(key)
        if option is not None and option.repeated:
            repeated.setdefault(key, []).append(value)
            continue
        if key in values:
            raise GeneratorError(f"option {key!r} is given twice in {parameter!r}")
        values[key] = value
    unknown = sorted(set(values) - set(OPTIONS))
    if unknown:
        raise GeneratorError(
            f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
            f"known options: {', '.join(sorted(OPTIONS))}"
        )
    flags = {key: _flag(key, value) for key, value in values.items() if OPTIONS[key].kind == FLAG}
    return from_values({**values, **flags, **repeated})


def _flag(key: str, value: str) -> bool:
    word = value.lower()
    if word not in _BOOL_WORDS:
        raise GeneratorError(f"{key} takes true or false, got {word!r}")
    return _BOOL_WORDS[word]
