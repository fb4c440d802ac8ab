"""HPACK header blocks decoded once per connection: a host repeats them call after call.

After a host's first call to a method, its request headers are a dozen bytes of references to
HPACK's dynamic table, the same bytes for every call; hpack decodes them field by field in
pure Python, about 20 µs of a unary call's ~600 through a grpcio host (``bench/``). A block
whose decoding left the table as it was decodes the same way while the table stays so; the
first block that changes the table (a new literal, an eviction) forgets what was kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from hpack import Decoder

if TYPE_CHECKING:
    from h2.connection import H2Connection
    from hpack.struct import HeaderTuple

#: Distinct blocks kept per connection: one or two per method a host calls.
MAX_BLOCKS = 256


class RepeatingBlocksDecoder(Decoder):
    """hpack's decoder, answering a block it decoded before without decoding it again."""

    def __init__(self, replaced: Decoder) -> None:
        super().__init__(replaced.max_header_list_size)
        # The same table and limits: nothing has been decoded differently from here on.
        self.header_table = replaced.header_table
        self.max_allowed_table_size = replaced.max_allowed_table_size
        self._blocks: dict[tuple[bytes, bool, int, int], tuple[HeaderTuple, ...]] = {}

    def known(self, data: bytes) -> tuple[HeaderTuple, ...] | None:
        """The raw fields of a block decoded before (as h2 asks for them), or None: nothing
        decoded, the table untouched (``reads`` then leaves the block to h2)."""
        return self._blocks.get(
            (data, True, self.max_header_list_size, self.max_allowed_table_size)
        )

    def decode(self, data: bytes, raw: bool = False) -> Iterable[HeaderTuple]:
        key = (bytes(data), raw, self.max_header_list_size, self.max_allowed_table_size)
        kept = self._blocks.get(key)
        if kept is not None:
            return list(kept)
        entries = self.header_table.dynamic_entries
        # The newest entry itself, not its id: held here, it cannot be freed and its address
        # reused by an entry the block adds.
        count, newest = len(entries), entries[0] if entries else None
        headers = list(super().decode(data, raw))
        if len(entries) != count or (entries[0] if entries else None) is not newest:
            self._blocks.clear()  # the table changed: what was kept refers to the old one
        else:
            if len(self._blocks) >= MAX_BLOCKS:
                self._blocks.clear()
            self._blocks[key] = tuple(headers)
        return headers


def decode_repeating_blocks_once(connection: H2Connection) -> None:
    """Give ``connection`` the caching decoder (before it has decoded anything)."""
    connection.decoder = RepeatingBlocksDecoder(connection.decoder)
