"""Every Python name the generator makes, in one place.

A proto file names things for every language at once; Python needs its own spelling of each
name (the names all targets share, such as plugin-set keys and handshake defaults, are in
``core/naming.py``), and the spelling must be stable: a regenerated package has to keep every
public name it had, or user code that implements or calls it breaks. So each rule lives here
once, is a pure function of the proto names, and depends on nothing else — not the Python
version running the generator (keyword lists are frozen below), not the order files were
passed in.

Escaping by context, because Python forbids different things in different places. The one
escape is PEP 8's trailing underscore, so an escaped name still reads as the proto name:

* interface methods (``greet``, ``lambda_``): the RPC name in snake_case. Hard keywords are
  escaped; soft keywords and builtins are legal method names and left alone, because
  ``def match(...)`` or ``def sum(...)`` reads better than any escape. Leading underscores are
  dropped (a method users must implement is not private, and ``__name`` would be mangled), and
  the few names a generated class body itself uses (``abc``, ``grpc``, ``goplugin``, the
  ``*_pb2`` module aliases) are escaped so a method cannot hide them. Names that collide once
  snake_cased (``GetThing``, ``get_thing``) are told apart by declaration order: ``get_thing``,
  ``get_thing_2``. The adapters keep only private attributes, so no RPC name can collide with
  them (:func:`method_names`).
* service classes: PascalCase; keywords, builtins and the names the generated modules define
  or import get ``Service`` appended (a class would shadow them, and ``Iterator_`` is not
  CapWords): ``IteratorService``.
* message and enum types as attributes of their ``_pb2`` module (``kw_pb2.class_``): protobuf
  binds a type named after a keyword only under its own name, reachable through ``getattr``;
  the generator adds the escaped name as an alias (``python/protoc/keywords.py``) so typed code
  and stubs can spell it. grpcio-tools' own ``_pb2_grpc`` attributes are escaped the same way.
* module and package paths: keywords are escaped; a top-level package that would shadow the
  standard library, ``grpc`` or ``goplugin`` when the output folder is on ``sys.path`` gets a
  trailing underscore too. ``_pb2`` module names follow protoc (``import.proto`` ->
  ``import_pb2``): the suffix already keeps them clear of keywords.

``docs/naming.md`` lists every rule with examples, for users.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.naming import dedupe, file_stem, is_version_component, is_well_known, snake_case


def _words(text: str) -> frozenset[str]:
    """A frozen set from whitespace-separated words (long name lists read better as text)."""
    return frozenset(text.split())


#: Python's hard keywords (identical from 3.10 to 3.13; frozen so output never depends on the
#: interpreter that ran the generator).
HARD_KEYWORDS = _words(
    "False None True and as assert async await break class continue def del elif else except "
    "finally for from global if import in is lambda nonlocal not or pass raise return try while "
    "with yield"
)

#: Soft keywords (3.12 adds ``type``). Legal identifiers everywhere; listed for documentation
#: and so tests can prove they survive unescaped.
SOFT_KEYWORDS = frozenset({"_", "case", "match", "type"})

#: Builtins a module-level class must not shadow (frozen from Python 3.11's ``builtins``).
BUILTINS = _words(
    "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup "
    "BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError "
    "ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError "
    "DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception "
    "ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning "
    "GeneratorExit IOError ImportError ImportWarning IndentationError IndexError "
    "InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError "
    "ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError OSError "
    "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError "
    "ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration "
    "SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError "
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError "
    "UnicodeWarning UserWarning ValueError Warning ZeroDivisionError abs aiter all anext any "
    "ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex "
    "copyright credits delattr dict dir divmod enumerate eval exec exit filter float format "
    "frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len "
    "license list locals map max memoryview min next object oct open ord pow print property quit "
    "range repr reversed round set setattr slice sorted staticmethod str sum super tuple type "
    "vars zip"
)

#: Names the generated modules bind at module level (imports and constants); a service class
#: of the same name would shadow them.
GENERATED_MODULE_NAMES = frozenset(
    {"abc", "annotations", "grpc", "goplugin", "warnings", "Iterator", "AsyncIterator"}
    | {"HANDSHAKE", "PLUGINS"}
    | {"interface", "plugin", "main"}
)

#: Module-level names a generated class body refers to (decorators run and annotations are
#: resolved in the class scope, where a method of the same name would hide the module).
CLASS_SCOPE_NAMES = frozenset({"abc", "grpc", "goplugin"})

#: The suffix of protoc's message modules; every generated import alias ends with it.
PB2_SUFFIX = "_pb2"

#: Top-level packages an output package must not shadow when the output folder is first on
#: ``sys.path`` (as it is for ``python OUT/main.py``): the standard library (frozen from 3.11's
#: ``sys.stdlib_module_names``, private modules left out), what generated code imports, and
#: ``main``: a package ``main/`` beside the scaffold ``main.py`` is what ``import main`` finds,
#: and mypy refuses the two as one module.
RESERVED_TOP_LEVEL = _words(
    "abc aifc antigravity argparse array ast asynchat asyncio asyncore atexit audioop base64 bdb "
    "binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop "
    "collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg "
    "crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis distutils doctest email "
    "encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib "
    "functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac "
    "html http idlelib imaplib imghdr imp importlib inspect io ipaddress itertools json keyword "
    "lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap "
    "modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers "
    "opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil "
    "platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr "
    "pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy "
    "sched secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket "
    "socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string "
    "stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib "
    "tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace "
    "traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid "
    "venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp "
    "zipfile zipimport zlib zoneinfo"
) | {"grpc", "grpc_tools", "goplugin", "main"}


def pascal_case(name: str) -> str:
    """``greeter`` -> ``Greeter``, ``my_service`` -> ``MyService``; CamelCase is kept as is."""
    parts = [part for part in name.split("_") if part]
    if not parts:
        return name
    pascal = "".join(part[0].upper() + part[1:] for part in parts)
    return pascal


def escape_keyword(name: str) -> str:
    """A hard keyword gets PEP 8's trailing underscore; anything else is returned unchanged."""
    return name + "_" if name in HARD_KEYWORDS else name


def method_name(rpc_name: str) -> str:
    """One RPC's method name before de-duplication: ``GetHTTPStatus`` -> ``get_http_status``.

    Leading underscores go (``_Internal`` -> ``internal``; an RPC named only ``_`` becomes
    ``rpc``); keywords, the names a class body uses and ``*_pb2`` get a trailing underscore.
    """
    name = snake_case(rpc_name).lstrip("_") or "rpc"
    if name in HARD_KEYWORDS or name in CLASS_SCOPE_NAMES or name.endswith(PB2_SUFFIX):
        return name + "_"
    return name


def method_names(rpc_names: Sequence[str]) -> list[str]:
    """Python method names for a service's RPCs, in declaration order, unique within the class.

    None starts with an underscore, so none can collide with the adapters' private attributes
    (``_impl``, ``__init__``) or with :func:`client_attribute` names.
    """
    return dedupe([method_name(name) for name in rpc_names])


def client_attribute(method: str) -> str:
    """The client adapter's attribute holding one RPC's gRPC callable: ``_`` + the method name."""
    return "_" + method


def type_attribute(proto_name: str) -> str:
    """A message or enum type (or enum value) as an attribute of its ``_pb2`` module or class.

    protobuf binds ``message class`` only as ``globals()["class"]``; the escaped name is the
    alias the generator adds beside it (see ``protoc/keywords.py``).
    """
    return escape_keyword(proto_name)


def grpc_attribute(rpc_name: str) -> str:
    """An RPC's stub attribute and servicer method in grpcio-tools' ``_pb2_grpc`` module.

    grpcio-tools names them after the RPC verbatim, which is a syntax error for a keyword
    (``def lambda(...)``); the generator repairs that module with this escape.
    """
    return escape_keyword(rpc_name)


def is_dunder(name: str) -> bool:
    """``__init__`` and the like: names Python gives a meaning of its own."""
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


#: What a service class name that must not be used as is gets appended: a CapWords word,
#: since ``Iterator_`` breaks pep8-naming (N801) and would carry into ``Iterator_GRPCServer``.
CLASS_ESCAPE = "Service"


def service_class_names(service_names: Sequence[str]) -> list[str]:
    """Class names for services: PascalCase, never a keyword, builtin or generated name.

    Such a name gets :data:`CLASS_ESCAPE` (``Iterator`` -> ``IteratorService``, ``None`` ->
    ``NoneService``); names equal once PascalCased get a number (``Greeter``, ``Greeter2``). The
    adapter classes derived from each name (``<Name>GRPCServer``...) are unique too.
    """
    taken: set[str] = set()
    result = []
    for name in service_names:
        base = pascal_case(name)
        if base in HARD_KEYWORDS or base in BUILTINS or base in GENERATED_MODULE_NAMES:
            base += CLASS_ESCAPE
        candidate, counter = base, 2
        while {candidate, *adapter_class_names(candidate)} & taken:
            candidate = f"{base}{counter}"
            counter += 1
        taken.update({candidate, *adapter_class_names(candidate)})
        result.append(candidate)
    return result


def adapter_class_names(class_name: str) -> tuple[str, str, str, str, str, str]:
    """The server adapter, client adapter, GRPCPlugin, scaffold implementation, async
    interface and async client adapter class names."""
    return (
        f"{class_name}GRPCServer",
        f"{class_name}GRPCClient",
        f"{class_name}GRPCPlugin",
        f"{class_name}Impl",
        f"Async{class_name}",
        f"Async{class_name}GRPCClient",
    )


def broker_helper_names(plugin_name: str) -> tuple[str, str, str]:
    """A broker service's helpers in ``plugin.py``: ``serve_add_helper``, ``dial_add_helper``
    and its async twin ``adial_add_helper`` (``a`` for async, as ``aiter`` and ``aclose``).

    Built from the service's unique snake_case name; the prefixes keep them clear of keywords,
    the module's other names (CapWords classes, upper-case constants, ``*_pb2`` aliases) and
    each other (a ``_async`` suffix would not: a service ``AddHelperAsync`` would take it).
    """
    return f"serve_{plugin_name}", f"dial_{plugin_name}", f"adial_{plugin_name}"


def is_cap_words(name: str) -> bool:
    """Whether pep8-naming (ruff's N801) accepts ``name`` as a class name."""
    stripped = name.strip("_")
    return stripped[:1].isupper() and "_" not in stripped


def grpc_stub_names(service_name: str) -> tuple[str, str, str]:
    """What grpcio-tools calls a service's stub, servicer and registration function."""
    return (
        f"{service_name}Stub",
        f"{service_name}Servicer",
        f"add_{service_name}Servicer_to_server",
    )


# -- files, modules and packages -----------------------------------------------------------


def protoc_module(proto_file: str) -> str:
    """The module name protoc's Python generator uses for a file (its import lines use it)."""
    return proto_file[: -len(".proto")].replace("-", "_").replace("/", ".") + "_pb2"


def python_package(proto_package: str, proto_file: str) -> str:
    """The dotted Python package that holds a proto package's output (``a.b.v1`` -> ``a.b.v1``).

    A file without a package gets a package named after the file, so its modules never land
    loose in the output folder. Components are keyword-escaped; a reserved top-level name
    (``logging``, ``grpc``) gets a trailing underscore so it cannot shadow the real module.
    """
    parts = proto_package.split(".") if proto_package else [file_stem(proto_file)]
    parts = [escape_keyword(part) for part in parts]
    if parts[0] in RESERVED_TOP_LEVEL:
        parts[0] += "_"
    return ".".join(parts)


def pb2_module(proto_package: str, proto_file: str) -> str:
    """The absolute module path of a file's ``_pb2`` module within the output folder."""
    if is_well_known(proto_file):
        return protoc_module(proto_file)
    return f"{python_package(proto_package, proto_file)}.{file_stem(proto_file)}{PB2_SUFFIX}"


def module_path(module: str, suffix: str = ".py") -> str:
    """``greeter.v1.greeter_pb2`` -> ``greeter/v1/greeter_pb2.py`` (output-relative, POSIX)."""
    return module.replace(".", "/") + suffix


def import_from(importer_package: str, module: str) -> tuple[str, str]:
    """``(from_part, name)`` to import ``module`` from a module in ``importer_package``.

    Within the same top-level package the import is relative, so the output keeps working when
    it is moved inside another package (grpc#29390); across top-level packages (and for the
    protobuf runtime's modules) it is absolute, since relative imports cannot cross them.
    """
    parent, _, name = module.rpartition(".")
    here = importer_package.split(".")
    there = parent.split(".") if parent else []
    if not there or here[0] != there[0] or parent.startswith("google.protobuf"):
        return parent, name
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    dots = "." * (len(here) - common + 1)
    return dots + ".".join(there[common:]), name


def module_aliases(modules: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """Local names for imported modules: the module's own name unless two share it.

    Colliding modules are all spelled out by their full path (``greeter_v1_greeter_pb2``) so
    neither name depends on which of them was listed first.
    """
    unique = sorted(set(modules))
    by_name: dict[str, list[str]] = {}
    for module in unique:
        by_name.setdefault(module.rpartition(".")[2], []).append(module)
    reserved = set(taken)
    aliases = {}
    for name, owners in by_name.items():
        if len(owners) == 1 and name not in reserved:
            aliases[owners[0]] = name
        else:
            for module in owners:
                aliases[module] = module.replace(".", "_")
    return aliases


# -- several versions of one protocol ---------------------------------------------------------

#: The module holding ``HANDSHAKE`` and ``VERSIONED_PLUGINS`` for all versions generated
#: together, in the package their versions share (``greeter.v1`` + ``greeter.v2`` ->
#: ``greeter.versions``): it sits beside the versions it lists, and a one-version run, which
#: has no use for it, never creates it.
VERSIONS_MODULE = "versions"


def versions_home(python_packages: Sequence[str]) -> str:
    """The package every version shares: the common prefix, trailing ``vN`` parts removed.

    ``greeter.v1`` + ``greeter.v2`` -> ``greeter``; ``greeter`` + ``greeter.v2`` -> ``greeter``;
    ``acme.greeter`` + ``acme.greeter_next`` -> ``acme``; ``""`` when nothing is shared.
    """
    stems = []
    for package in python_packages:
        parts = package.split(".")
        if len(parts) > 1 and is_version_component(parts[-1]):
            parts = parts[:-1]
        stems.append(parts)
    common: list[str] = []
    for column in zip(*stems, strict=False):
        if len(set(column)) != 1:
            break
        common.append(column[0])
    return ".".join(common)


def versioned_impl_class(class_name: str, version: int) -> str:
    """The scaffold's implementation class of one version: ``GreeterV2Impl``.

    One ``main.py`` implements every version, so the version goes into the name.
    """
    return f"{class_name}V{version}Impl"


def relative_alias(home: str, module: str) -> str:
    """How the versions module names ``module``: ``greeter.v1.plugin`` -> ``v1_plugin``.

    The path below the shared package is unique per module and says which version it is.
    """
    below = module[len(home) + 1 :] if home and module.startswith(home + ".") else module
    return below.replace(".", "_")
