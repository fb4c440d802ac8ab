"""The ``_pb2.pyi`` writer: each name spelled for the scope that reads it, protoc's layout kept.

The golden cases pin whole stubs (and type-check them); these pin one rule each, on small
protos compiled by protoc.
"""

from __future__ import annotations

from pathlib import Path

from google.protobuf import descriptor_pb2

from pygoplugin_gen.python.render import pb2_stub
from pygoplugin_gen.schema import load


def stub(tmp_path: Path, text: str, *, others: dict[str, str] | None = None) -> str:
    for name, source in {**(others or {}), "x.proto": text}.items():
        (tmp_path / name).write_text(source)
    data, _ = load.compile_protos([str(tmp_path / "x.proto")], [str(tmp_path)])
    files = {file.name: file for file in descriptor_pb2.FileDescriptorSet.FromString(data).file}
    return pb2_stub.write(files["x.proto"], "pkg.x_pb2", files, {})


def test_a_plain_file_reads_as_protoc_writes_it(tmp_path: Path) -> None:
    text = stub(tmp_path, 'syntax = "proto3"; message A { string s = 1; repeated A more = 2; }')
    assert text == (
        "from google.protobuf.internal import containers as _containers\n"
        "from google.protobuf import descriptor as _descriptor\n"
        "from google.protobuf import message as _message\n"
        "from collections.abc import Iterable as _Iterable, Mapping as _Mapping\n"
        "from typing import Any as _Any, ClassVar as _ClassVar, Optional as _Optional, "
        "Union as _Union\n"
        "\n"
        "DESCRIPTOR: _descriptor.FileDescriptor\n"
        "\n"
        "class A(_message.Message):\n"
        '    __slots__ = ("s", "more")\n'
        "    S_FIELD_NUMBER: _ClassVar[int]\n"
        "    MORE_FIELD_NUMBER: _ClassVar[int]\n"
        "    s: str\n"
        "    more: _containers.RepeatedCompositeFieldContainer[A]\n"
        "    def __init__(self, s: _Optional[str] = ..., "
        "more: _Optional[_Iterable[_Union[A, _Mapping[str, _Any]]]] = ...) -> None: ...\n"
    )


def test_a_message_named_like_a_builtin_leaves_the_builtin_to_builtins(tmp_path: Path) -> None:
    text = stub(
        tmp_path, 'syntax = "proto3"; message int { int64 v = 1; } message B { int i = 1; }'
    )
    assert text.startswith("import builtins as _builtins\n")
    assert "    v: _builtins.int\n" in text and "    i: _shadowed_int\n" in text
    assert "V_FIELD_NUMBER: _ClassVar[_builtins.int]" in text


def test_a_field_or_nested_type_hiding_a_top_level_type_reads_it_through_an_alias(
    tmp_path: Path,
) -> None:
    text = stub(
        tmp_path,
        'syntax = "proto3"; message T { string s = 1; }\n'
        "message A { message T { int32 n = 1; } T inner = 1; .T outer = 2; }\n"
        "message B { T T = 1; }",
    )
    assert "    inner: A.T\n    outer: _shadowed_T\n" in text
    assert "    T: _shadowed_T\n" in text
    assert text.endswith("\n\n_shadowed_T = T\n")


def test_import_aliases_step_aside_for_the_files_own_names(tmp_path: Path) -> None:
    text = stub(tmp_path, 'syntax = "proto3"; message A { int32 _Optional = 1; string str = 2; }')
    assert "from typing import ClassVar as _ClassVar, Optional as _Optional_\n" in text
    assert "    _Optional: int\n    str: _builtins.str\n" in text


def test_constructor_parameters_that_would_break_strict_checkers(tmp_path: Path) -> None:
    text = stub(tmp_path, 'syntax = "proto3"; message A { string self = 1; int32 __x = 2; }')
    assert "def __init__(_self, *, self: _Optional[str] = ..., __x: _Optional[int] = ...)" in text


def test_keyword_names_by_their_escape_and_keyword_fields_left_to_kwargs(tmp_path: Path) -> None:
    text = stub(
        tmp_path,
        'syntax = "proto3"; message class { int32 from = 1; enum def { None = 0; A = 1; } }',
    )
    assert "class class_(_message.Message):\n    __slots__ = ()\n" in text
    assert "        A: _ClassVar[class_.def_]\n" in text and "    None: " not in text
    assert "    FROM_FIELD_NUMBER: _ClassVar[int]\n" in text
    assert "    def __init__(self, **kwargs: object) -> None: ...\n" in text


def test_proto2_extensions_are_typed_as_strict_checkers_accept(tmp_path: Path) -> None:
    text = stub(
        tmp_path,
        'syntax = "proto2"; message A { extensions 10 to 20; }\n'
        "extend A { optional int32 note = 10; }",
    )
    assert "\nNOTE_FIELD_NUMBER: int\nnote: _descriptor.FieldDescriptor\n" in text
    assert "Extensions" not in text and "_python_message" not in text


def test_a_file_imported_directly_and_publicly_is_imported_once(tmp_path: Path) -> None:
    others = {
        "base.proto": 'syntax = "proto3"; package base; message B { int32 n = 1; }',
        "pub.proto": 'syntax = "proto3"; import public "base.proto";',
    }
    text = stub(
        tmp_path,
        'syntax = "proto3"; import "base.proto"; import "pub.proto"; message A { base.B b = 1; }',
        others=others,
    )
    assert text.count("import base_pb2 as _base_pb2") == 1
    assert "    b: _base_pb2.B\n" in text


def test_a_builtin_named_type_is_read_through_an_alias_bound_right_after_it(
    tmp_path: Path,
) -> None:
    """mypy reads a bare ``len`` above ``class len`` as the builtin (``Function "builtins.len"
    is not valid as a type``; ``str`` would silently be the builtin ``str``)."""
    text = stub(
        tmp_path,
        'syntax = "proto3"; message types { len email = 1; }\n'
        "message len { message interface { string float = 1; } repeated len more = 1;"
        " interface inner = 2; }",
    )
    assert "    email: _shadowed_len\n" in text
    assert "email: _Optional[_Union[_shadowed_len, _Mapping[str, _Any]]]" in text
    assert "    more: _containers.RepeatedCompositeFieldContainer[_shadowed_len]\n" in text
    assert "    inner: _shadowed_len.interface\n" in text
    assert ": len" not in text and "[len" not in text
    class_end = text.index("\n\n", text.index("class len("))
    assert text[class_end:].startswith("\n\n_shadowed_len = len\n")
    assert text.count("_shadowed_len = len") == 1


def test_a_builtin_named_enum_is_read_through_its_alias_wherever_it_is_named(
    tmp_path: Path,
) -> None:
    text = stub(
        tmp_path,
        'syntax = "proto3"; enum bytes { A = 0; } enum id { B = 0; }\n' "message M { id i = 1; }",
    )
    assert "    A: _ClassVar[_shadowed_bytes]\n" in text and "\nA: _shadowed_bytes\n" in text
    assert "\n\n_shadowed_bytes = bytes\n\nclass id(" in text
    assert "\n\n_shadowed_id = id\nA: _shadowed_bytes\n" in text
    assert "    i: _shadowed_id\n" in text


def test_a_builtin_named_type_nobody_names_gets_no_alias(tmp_path: Path) -> None:
    text = stub(tmp_path, 'syntax = "proto3"; message len { string s = 1; }')
    assert "_shadowed" not in text and text.endswith(
        "    def __init__(self, s: _Optional[str] = ...) -> None: ...\n"
    )


def test_enum_values_named_like_int_members_are_declared_with_an_ignore(tmp_path: Path) -> None:
    """An enum's class derives from ``int``: ``real`` or ``to_bytes`` overrides int's (pyright
    reports each, mypy most); Python's dunders and what a message or module already binds are
    left out."""
    text = stub(
        tmp_path,
        'syntax = "proto3"; enum E { real = 0; to_bytes = 1; __slots__ = 2; DESCRIPTOR = 3; }\n'
        "message M { enum F { Clear = 0; ok = 1; } }",
    )
    assert "    real: _ClassVar[E]  # type: ignore[assignment, unused-ignore]\n" in text
    assert "    to_bytes: _ClassVar[E]  # type: ignore[assignment, unused-ignore]\n" in text
    assert "    DESCRIPTOR: _ClassVar[E]\n" in text and "__slots__: " not in text
    assert "\nreal: E\nto_bytes: E\n\n" in text  # no module-level DESCRIPTOR: E
    assert "        Clear: _ClassVar[M.F]\n" in text
    assert "    ok: M.F\n" in text and "    Clear: M.F" not in text
