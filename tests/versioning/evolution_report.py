"""What the field-evolution host and plugin report about a message: its fields, and extras."""

from __future__ import annotations

from google.protobuf import json_format
from google.protobuf.message import Message


def carries_unknown_fields(message: Message) -> bool:
    """Whether ``message`` holds fields its class does not declare (kept, never read)."""
    known = type(message)()
    known.CopyFrom(message)
    known.DiscardUnknownFields()
    return known.SerializeToString() != message.SerializeToString()


def fields(message: Message) -> dict[str, object]:
    """Every field the message's class declares, defaults included, by proto name."""
    return json_format.MessageToDict(
        message, always_print_fields_with_no_presence=True, preserving_proto_field_name=True
    )
