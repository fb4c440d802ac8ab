#!/usr/bin/env bash
# Finds a Go >= 1.25 for the interop tests (tests/go's go.mod asks for it) and prints the
# directory holding its `go`, for the caller to put first on PATH (scripts/test.sh does).
# Everything else comes from the Go module proxy: go-plugin, grpc-go, the code generators
# (no Debian Go packages; grpcio-tools in .venv is the protoc).
#
# Looks on PATH, in /usr/local/go/bin and in its own cache; when none is recent enough it
# downloads Go's toolchain module (golang.org/toolchain, what `GOTOOLCHAIN` switching fetches)
# from the module proxy into ~/.cache/pyplugin/, checks it against the checksum database
# (through the proxy) and unpacks it. Idempotent: a second run only finds what the first left.
set -euo pipefail
cd "$(dirname "$0")/.."
need_minor=25
go_version=1.26.8
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pyplugin"
goroot="$cache/go$go_version"

recent_enough() {
    local version minor
    version=$("$1" env GOVERSION 2>/dev/null) || return 1    # e.g. go1.26.8
    minor=$(echo "$version" | sed -nE 's/^go1\.([0-9]+)([^0-9].*)?$/\1/p')
    [ -n "$minor" ] && [ "$minor" -ge "$need_minor" ]
}

for go in "$(command -v go || true)" /usr/local/go/bin/go "$goroot/bin/go"; do
    if [ -n "$go" ] && [ -x "$go" ] && recent_enough "$go"; then
        dirname "$go"
        exit 0
    fi
done

python=.venv/bin/python
[ -x "$python" ] || python=python3
echo "install-go.sh: no Go >= 1.$need_minor found; fetching go$go_version from the Go module proxy" >&2
"$python" - "$go_version" "$goroot" <<'EOF'
"""Download golang.org/toolchain for this machine, verify its go.sum hash, unpack it."""

import base64
import hashlib
import io
import os
import platform
import shutil
import sys
import tempfile
import urllib.request
import zipfile

version, goroot = sys.argv[1], sys.argv[2]
arch = {"x86_64": "amd64", "aarch64": "arm64", "arm64": "arm64"}[platform.machine()]
module_version = f"v0.0.1-go{version}.{sys.platform}-{arch}"
proxy = os.environ.get("GOPROXY", "https://proxy.golang.org").split(",")[0].split("|")[0]
if proxy in ("direct", "off", ""):
    proxy = "https://proxy.golang.org"


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=600) as response:
        return response.read()


zipped = get(f"{proxy}/golang.org/toolchain/@v/{module_version}.zip")
lookup = get(f"{proxy}/sumdb/sum.golang.org/lookup/golang.org/toolchain@{module_version}")
expected = next(
    line.split()[2]
    for line in lookup.decode().splitlines()
    if line.startswith(f"golang.org/toolchain {module_version} h1:")
)
# go.sum's h1: SHA-256 over "<sha256 hex>  <name>\n" of every file, sorted by name.
archive = zipfile.ZipFile(io.BytesIO(zipped))
files = sorted(info.filename for info in archive.infolist() if not info.is_dir())
summary = "".join(f"{hashlib.sha256(archive.read(n)).hexdigest()}  {n}\n" for n in files)
actual = "h1:" + base64.b64encode(hashlib.sha256(summary.encode()).digest()).decode()
if actual != expected:
    sys.exit(f"install-go.sh: checksum mismatch for {module_version}: {actual} != {expected}")
prefix = f"golang.org/toolchain@{module_version}/"
os.makedirs(os.path.dirname(goroot), exist_ok=True)
work = tempfile.mkdtemp(prefix="go-tmp-", dir=os.path.dirname(goroot))
try:
    for name in files:
        target = os.path.join(work, name[len(prefix):])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(archive.read(name))
        # Module zips keep no file modes: the programs are everything in bin/ and pkg/tool/.
        relative = name[len(prefix):]
        if relative.startswith(("bin/", "pkg/tool/")):
            os.chmod(target, 0o755)
    os.rename(work, goroot)
finally:
    shutil.rmtree(work, ignore_errors=True)
EOF
recent_enough "$goroot/bin/go" || { echo "install-go.sh: $goroot/bin/go does not run" >&2; exit 1; }
echo "$goroot/bin"
