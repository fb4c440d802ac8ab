"""A Greeter host for the field-evolution tests: it sends every field it knows, prints JSON.

    python evolution_host.py OUT PLUGIN-COMMAND...    # OUT holds a generated ``greeter`` package

It runs in its own process because the seed's and the evolved proto are both package
``greeter``: one process cannot hold both in protobuf's descriptor pool. It fills every
``GreetRequest`` field its own proto declares, calls Greet on the plugin, and prints what the
plugin reported (``evolution_plugin.py`` answers with what it read), the response fields as
this host reads them, and whether the response carried fields this host's proto lacks.
"""

from __future__ import annotations

import json
import sys

sys.path.insert(0, sys.argv[1])

import goplugin

# isort: split
from evolution_report import carries_unknown_fields, fields
from greeter import greeter_pb2, plugin

#: A value for every field either proto declares; the host sends the ones its proto knows.
VALUES: dict[str, object] = {
    "name": "Ada",
    "locale": "fr",
    "title": "Dr",
    "times": 3,
    "nicknames": ["Countess", "Enchantress of Numbers"],
}

request = greeter_pb2.GreetRequest()
for field in greeter_pb2.GreetRequest.DESCRIPTOR.fields:
    value = VALUES[field.name]
    if isinstance(value, list):
        getattr(request, field.name).extend(value)
    else:
        setattr(request, field.name, value)

with goplugin.Client(
    handshake_config=plugin.HANDSHAKE, plugins=plugin.PLUGINS, cmd=sys.argv[2:]
) as client:
    response = client.dispense("greeter").greet(request)

print(
    json.dumps(
        {
            "sent": fields(request),
            "plugin": json.loads(response.greeting),
            "response": {k: v for k, v in fields(response).items() if k != "greeting"},
            "response_unknown": carries_unknown_fields(response),
        }
    )
)
