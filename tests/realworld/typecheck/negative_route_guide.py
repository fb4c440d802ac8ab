"""Mistakes made against grpc-java's real route_guide.proto: every marked line must fail.

Checked against gen-plugin's output for shared/protos/grpc-java/route_guide.proto; the errors
mypy --strict must report are in negative_route_guide.expected, pyright's rules in
negative_route_guide.pyright.expected.
"""

from __future__ import annotations

from collections.abc import Iterator

from routeguide import route_guide_pb2
from routeguide.interface import RouteGuide
from routeguide.plugin import RouteGuideGRPCPlugin


class StreamsMixedUp(RouteGuide):
    """Each RPC written with the wrong one of the four shapes."""

    # error: a unary RPC returns one message, not a stream
    def get_feature(self, request: route_guide_pb2.Point) -> Iterator[route_guide_pb2.Feature]:
        yield route_guide_pb2.Feature()

    # error: a server stream returns an iterator
    def list_features(self, request: route_guide_pb2.Rectangle) -> route_guide_pb2.Feature:
        return route_guide_pb2.Feature()

    # error: a client stream takes an iterator of requests
    def record_route(self, requests: route_guide_pb2.Point) -> route_guide_pb2.RouteSummary:
        return route_guide_pb2.RouteSummary()

    # error: a bidi stream returns an iterator
    def route_chat(
        self, requests: Iterator[route_guide_pb2.RouteNote]
    ) -> route_guide_pb2.RouteNote:
        return route_guide_pb2.RouteNote()


class Unfinished(RouteGuide):
    """The streaming RPCs left out."""

    def get_feature(self, request: route_guide_pb2.Point) -> route_guide_pb2.Feature:
        return route_guide_pb2.Feature(name=request.latitude)  # error: name is a str


def serve_unfinished() -> RouteGuideGRPCPlugin:
    return RouteGuideGRPCPlugin(Unfinished())  # error: abstract methods not implemented


def host(service: RouteGuide) -> route_guide_pb2.RouteSummary:
    service.get_feature(route_guide_pb2.Rectangle())  # error: a Point is due
    return service.record_route(route_guide_pb2.Point())  # error: an iterator of Points is due
