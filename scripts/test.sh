#!/usr/bin/env bash
# Installs everything the tests need (the virtualenv, Debian's Go and go-plugin packages), then
# runs the whole suite: fast tests and the interop tests against real Go hosts and plugins.
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not interop").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-go.sh
exec .venv/bin/python -m pytest "$@"
