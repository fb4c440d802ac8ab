#!/usr/bin/env bash
# Installs everything the tests need (the virtualenv; checks Go, which fetches go-plugin and the
# rest from the Go module proxy), then runs the whole suite: fast tests and the interop tests
# against real Go hosts and plugins, built with go-plugin v1.8.0 and v1.0.1.
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not interop").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
scripts/install-go.sh
exec .venv/bin/python -m pytest "$@"
