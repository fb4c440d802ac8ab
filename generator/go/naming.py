"""Every Go name the Go target makes, in one place, as pure functions of proto names.

Names that protoc-gen-go and protoc-gen-go-grpc also make (a message's Go type, an RPC's Go
method, the Go package name of a ``go_package``) follow their rules exactly, because the
generated package refers to what those tools wrote: :func:`go_camel_case` and
:func:`go_sanitized` are protobuf-go's ``strs.GoCamelCase`` and ``strs.GoSanitized``. Names
that are ours (the plugin package, its exported declarations) are derived here and must stay
stable: a regenerated package has to keep every name user code implements or calls. The names
both targets share (plugin-set keys, the handshake) come from ``core/naming.py``.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata

from ..core.naming import file_stem, is_version_component

#: Go's keywords (the language has added none since Go 1).
KEYWORDS = frozenset(
    {
        *("break", "case", "chan", "const", "continue", "default", "defer", "else"),
        *("fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map"),
        *("package", "range", "return", "select", "struct", "switch", "type", "var"),
    }
)

#: Package-level names every generated plugin package declares; a service whose Go name is one
#: of them gets ``Service`` appended (as Python's escaping does), so neither hides the other.
PACKAGE_NAMES = frozenset(
    {"Handshake", "PluginMap", "Broker", "BrokerFromContext", "VersionedPlugins"}
)


def _is_lower(char: str) -> bool:
    return "a" <= char <= "z"


def go_camel_case(name: str) -> str:
    """protobuf-go's ``GoCamelCase``: ``get_thing`` -> ``GetThing``, ``Item.Key`` -> ``Item_Key``.

    What protoc-gen-go names message types and protoc-gen-go-grpc names services and methods,
    so the generated package spells them as those tools do.
    """
    out: list[str] = []
    i = 0
    while i < len(name):
        char = name[i]
        following = name[i + 1] if i + 1 < len(name) else ""
        if char == "." and _is_lower(following):
            pass
        elif char == ".":
            out.append("_")
        elif char == "_" and (i == 0 or name[i - 1] == "."):
            out.append("X")
        elif char == "_" and _is_lower(following):
            pass
        elif "0" <= char <= "9":
            out.append(char)
        else:
            out.append(char.upper() if _is_lower(char) else char)
            while i + 1 < len(name) and _is_lower(name[i + 1]):
                i += 1
                out.append(name[i])
        i += 1
    return "".join(out)


def go_sanitized(name: str) -> str:
    """protobuf-go's ``GoSanitized``: letters and digits kept, anything else ``_``; a keyword or a
    name not starting with a letter gets a leading ``_``."""
    cleaned = "".join(char if unicodedata.category(char)[0] in "LN" else "_" for char in name)
    if cleaned in KEYWORDS or not cleaned or unicodedata.category(cleaned[0])[0] != "L":
        return "_" + cleaned
    return cleaned


def split_go_package(go_package: str) -> tuple[str, str]:
    """``"example.com/a/v1;apiv1"`` -> (import path, package name); the name as protoc-gen-go
    derives it when the option gives none (the path's last element, sanitized)."""
    path, _, name = go_package.partition(";")
    return path, name or go_sanitized(posixpath.basename(path))


def pb_alias(package_name: str) -> str:
    """The import name of a messages package inside generated code: ``greeter`` -> ``greeterpb``.

    The suffix keeps it apart from the parameters and locals of generated functions and from
    go-plugin's and grpc's own package names; ``emptypb`` stays ``emptypb``.
    """
    return package_name if package_name.endswith("pb") else package_name + "pb"


def short_name(proto_package: str, proto_file: str) -> str:
    """``greeter.v1`` -> ``greeterv1``, ``acme.greeter`` -> ``greeter``: the last component that
    is not a version, then the version, as Go names versioned packages."""
    parts = proto_package.split(".") if proto_package else [file_stem(proto_file)]
    version = parts[-1] if len(parts) > 1 and is_version_component(parts[-1]) else ""
    base = parts[-2] if version else parts[-1]
    word = re.sub(r"[^0-9a-z]", "", (base + version).lower())
    return word if word[:1].isalpha() else "x" + word


def plugin_package(proto_package: str, proto_file: str) -> str:
    """The generated package's name and folder: ``greeter`` -> ``greeterplugin``,
    ``greeter.v1`` -> ``greeterv1plugin``. It sits in a folder of that name below the messages'
    ``go_package``, so every protocol's wiring is one import away from its messages."""
    return short_name(proto_package, proto_file) + "plugin"


def versions_package(base_package: str, proto_file: str) -> str:
    """The package listing every version of a protocol: ``greeter`` -> ``greeterversions``."""
    return short_name(base_package, proto_file) + "versions"


def service_name(name: str) -> str:
    """A service's Go interface name: protoc-gen-go-grpc's spelling, or with ``Service``
    appended when it would be one of the package's own names."""
    go = go_camel_case(name)
    return go + "Service" if go in PACKAGE_NAMES else go
