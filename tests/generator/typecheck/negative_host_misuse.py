"""A host that misuses what ``dispense("greeter", Greeter)`` returns: it is a ``Greeter``, not
``Any``, so mypy catches a wrong request type and a missing method without a cast."""

from __future__ import annotations

from greeter import greeter_pb2
from greeter.interface import Greeter

import goplugin


def misuse(client: goplugin.Client) -> str:
    greeter = client.dispense("greeter", Greeter)
    greeter.farewell(greeter_pb2.GreetRequest())
    return greeter.greet(greeter_pb2.GreetResponse()).greeting
