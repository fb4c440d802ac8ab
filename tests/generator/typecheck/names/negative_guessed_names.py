"""Names guessed wrong: a snake_case collision suffix, a keyword type, a keyword field."""

from __future__ import annotations

from match.case import import_pb2
from match.case.interface import Lambda
from names.api import api_types_pb2
from names.api.interface import Lowercase


class Guessed(Lowercase):
    def do_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request

    def get_thing(self, request: api_types_pb2.Thing) -> api_types_pb2.Thing:
        return request


class NotEscaped(Lambda):
    def lambda_(self, request: import_pb2.class_) -> import_pb2.class_.import_:
        return request.nested


def fields(message: import_pb2.class_) -> int:
    return message.return_


guessed = Guessed()
