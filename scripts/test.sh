#!/usr/bin/env bash
# Installs everything the tests need (the virtualenv; a Go >= 1.25, which fetches go-plugin and
# the rest from the Go module proxy), holds the code to what the project promises (mypy --strict
# on the runtime, the generator and its tools; ruff; black), then runs the whole suite: fast tests
# and the interop tests against real Go hosts and plugins, built with go-plugin v1.8.0 and v1.0.1.
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not interop"). CI runs exactly this
# (.ci/run), with CI=true: tests that need ../shared/protos then fail rather than skip without it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
.venv/bin/mypy goplugin generator tools
.venv/bin/ruff check .
.venv/bin/black --check .
if go_bin=$(scripts/install-go.sh); then
    export PATH="$go_bin:$PATH"
else
    echo "test.sh: no Go; the interop tests will fail (skip them with -m 'not interop')" >&2
fi
exec .venv/bin/python -m pytest "$@"
