#!/usr/bin/env bash
# The main job: install pyplugin, then call the greeter plugin through a Python host.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
exec .venv/bin/python examples/greeter/host.py "${1:-world}"
