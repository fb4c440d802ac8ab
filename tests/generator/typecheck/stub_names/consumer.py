"""Fields named like builtins, sibling types, ``self`` and ``__2conflict``: set and read by name.

It must type-check under mypy --strict and pyright --strict with the stub as generated, and
runs (``python consumer.py`` beside the package) as protobuf's runtime has it.
"""

from __future__ import annotations

from stub_names.stub_names_pb2 import RED, Attr, Members, Response


def build() -> Response:
    response = Response(
        bytes=b"raw",
        float=1.5,
        str="text",
        int=[1, 2],
        bool=True,
        self="me",
        Attr=Attr(value="sibling"),
        Color=RED,
        inner=Response.Inner(x=1, float=2.5),
        mode=Response.FAST,
        type="kind",
        object={"key": Attr(value="mapped")},
        list=[Attr(value="listed")],
        complex=3.0,
    )
    raw: bytes = response.bytes
    number: float = response.float + response.inner.float
    sibling: str = response.Attr.value
    assert raw == b"raw" and number == 4.0 and sibling == "sibling"
    assert response.self == "me" and response.object["key"].value == "mapped"
    return response


def members() -> str:
    message = Members(Clear="clear", DESCRIPTOR=2, HasField=True, Extensions="ext")
    clear: str = message.Clear
    number: int = message.DESCRIPTOR
    assert message.HasField is True and message.Extensions == "ext" and number == 2
    return clear


if __name__ == "__main__":
    print(build().WhichOneof("choice"), members())
