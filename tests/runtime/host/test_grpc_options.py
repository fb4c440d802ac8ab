"""Which grpcio channel arguments the host's channels to a plugin carry (channels.grpc_options).

grpcio keeps the first of a repeated argument and turns ``SingleThreadedUnaryStream`` on for
any value, so what reaches grpcio, in what order, is what decides the behaviour.
"""

from __future__ import annotations

import grpc
import grpc.experimental

from goplugin.channels.grpc_options import (
    aio_channel_options,
    channel_options,
    sync_channel_options,
)
from goplugin.constants import GRPC_MESSAGE_OPTIONS

SINGLE = grpc.experimental.ChannelOptions.SingleThreadedUnaryStream


def test_sync_channel_reads_server_streams_on_the_calling_thread_by_default() -> None:
    options = sync_channel_options(channel_options(GRPC_MESSAGE_OPTIONS, ()))

    assert (SINGLE, 1) in options
    assert set(GRPC_MESSAGE_OPTIONS) <= set(options)


def test_dial_options_turn_single_threaded_stream_reading_off() -> None:
    options = sync_channel_options(channel_options(GRPC_MESSAGE_OPTIONS, [(SINGLE, 0)]))

    assert [name for name, _ in options].count(SINGLE) == 0
    assert set(GRPC_MESSAGE_OPTIONS) <= set(options)


def test_users_options_come_first_and_replace_the_runtimes_by_name() -> None:
    limit = ("grpc.max_receive_message_length", 64)
    options = sync_channel_options(channel_options(GRPC_MESSAGE_OPTIONS, [limit]))

    assert options[0] == limit
    assert [name for name, _ in options].count(limit[0]) == 1


def test_async_channel_gets_no_sync_only_option() -> None:
    options = aio_channel_options(channel_options(GRPC_MESSAGE_OPTIONS, [(SINGLE, 1)]))

    assert options == GRPC_MESSAGE_OPTIONS
