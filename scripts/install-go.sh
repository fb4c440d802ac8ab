#!/usr/bin/env bash
# Checks that Go is there for the interop tests: tests/go's go.mod asks for Go >= 1.25, and the
# Go module proxy provides go-plugin, grpc-go and the code generators (no Debian Go packages, no
# system protoc: grpcio-tools in .venv is the protoc). Idempotent; prints nothing when all is well.
set -euo pipefail
need_minor=25
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    echo "install-go.sh: Go is in /usr/local/go/bin but not on PATH; add it:" >&2
    echo '    export PATH="/usr/local/go/bin:$PATH"' >&2
    exit 1
fi
if ! command -v go >/dev/null 2>&1; then
    echo "install-go.sh: the interop tests need Go >= 1.$need_minor (https://go.dev/dl/)," >&2
    echo "or run the other tests with: scripts/test.sh -m 'not interop'" >&2
    exit 1
fi
version=$(go env GOVERSION)            # e.g. go1.26.8
minor=$(echo "$version" | sed -E 's/^go1\.([0-9]+).*/\1/')
if [ "$minor" -lt "$need_minor" ] && [ "$minor" -lt 21 -o "$(go env GOTOOLCHAIN)" = local ]; then
    # From Go 1.21 on, go fetches the toolchain go.mod asks for from the module proxy itself.
    echo "install-go.sh: $version is too old for tests/go (needs go1.$need_minor or later)" >&2
    exit 1
fi
