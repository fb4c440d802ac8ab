#!/usr/bin/env bash
# Installs everything the tests need (the virtualenv; a Go >= 1.25, which fetches go-plugin and
# the rest from the Go module proxy), then runs the whole suite: fast tests and the interop tests
# against real Go hosts and plugins, built with go-plugin v1.8.0 and v1.0.1.
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not interop").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
if go_bin=$(scripts/install-go.sh); then
    export PATH="$go_bin:$PATH"
else
    echo "test.sh: no Go; the interop tests will fail (skip them with -m 'not interop')" >&2
fi
exec .venv/bin/python -m pytest "$@"
