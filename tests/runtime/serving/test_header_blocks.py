"""The grpclib core decodes a header block it has seen before from memory, and only while
HPACK's dynamic table is as it was: every answer equals a plain hpack decoder's."""

from __future__ import annotations

from hpack import Decoder, Encoder

from goplugin.grpclib_core.lean.header_blocks import RepeatingBlocksDecoder


def test_a_reference_to_the_newest_entry_follows_the_table_not_the_memory() -> None:
    newest = b"\xbe"  # index 62: the dynamic table's newest entry, whichever it is
    plain, kept = Decoder(), RepeatingBlocksDecoder(Decoder())
    first = Encoder().encode([("x-a", "1")])  # a literal added to the table
    second = Encoder().encode([("x-b", "2")])
    answers = []
    for block in (first, newest, newest, second, newest):
        answers.append(list(kept.decode(block)))
        assert answers[-1] == list(plain.decode(block))

    assert answers[1] == answers[2] == [("x-a", "1")]
    assert answers[4] == [("x-b", "2")]


def test_many_calls_with_evictions_decode_as_hpack_does() -> None:
    encoder = Encoder()
    encoder.header_table_size = 200  # small: later headers evict earlier ones
    plain, kept = Decoder(), RepeatingBlocksDecoder(Decoder())
    blocks = []
    for call in range(300):
        headers = [
            (":method", "POST"),
            (":path", f"/pkg.Service/Method{call % 5}"),
            ("content-type", "application/grpc"),
            ("x-call-group", str(call // 40)),
        ]
        blocks.append(encoder.encode(headers))

    for raw in (False, True):
        for block in blocks:
            assert list(kept.decode(block, raw=raw)) == list(plain.decode(block, raw=raw))
        plain, kept = Decoder(), RepeatingBlocksDecoder(Decoder())

    assert len(set(blocks)) < len(blocks) / 2  # most calls repeat an earlier block
