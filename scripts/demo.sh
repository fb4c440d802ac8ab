#!/usr/bin/env bash
# The main job: install pygoplugin, generate the greeter plugin package from its .proto, then
# call the plugin (examples/greeter/main.py, filled in by hand) through a Python host.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
.venv/bin/gen-plugin example_protos/greeter.proto -o examples/greeter --magic-cookie-value hello
exec .venv/bin/python examples/greeter/host.py "${1:-world}"
