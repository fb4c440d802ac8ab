"""Messages named like builtins, used where the builtins are meant and where the messages are.

It must type-check under mypy --strict and pyright --strict with the stub as generated (a stub
that read ``value: int`` as the message ``int`` fails here), and runs beside the package.
"""

from __future__ import annotations

from builtin_types import builtin_types_pb2 as pb

# The stub binds the builtins' names to messages; this module keeps Python's own.
number: int = 7


def build() -> pb.object:
    message = pb.object(
        int=pb.int(value=number),
        nested=pb.object.str(raw=b"raw"),
        top=pb.str(value="top", length=pb.int(value=3)),
        floats=[1.5, 2.5],
        flags={"on": True},
        kind=pb.bytes,
        _builtins="private",
        _Optional=2,
    )
    value: int = message.int.value
    raw: bytes = message.nested.raw
    text: str = message.top.value
    length: pb.int = message.top.length
    total: float = sum(message.floats)
    flag: bool = message.flags["on"]
    kind: pb.Kind = message.kind
    private: str = message._builtins
    assert (value, raw, text, length.value, total, flag) == (7, b"raw", "top", 3, 4.0, True)
    assert kind == pb.Kind.bytes and private == "private" and message._Optional == 2
    assert pb.float(value=0.5).value == 0.5 and pb.bool(value=True).value
    return message


if __name__ == "__main__":
    print(build().top.value)
