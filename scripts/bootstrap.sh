#!/usr/bin/env bash
# Creates (or reuses) the project's virtualenv in .venv and installs pyplugin into it with the
# generator and test extras. Idempotent: a second run only re-checks what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[gen,test]"
