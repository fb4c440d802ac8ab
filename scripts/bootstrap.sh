#!/usr/bin/env bash
# Creates (or reuses) the project's virtualenv in .venv and installs pygoplugin into it with the
# generator and test extras. Idempotent: a second run only re-checks what is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
# This distribution was called "pyplugin" before (a name PyPI gives to another project).
if .venv/bin/python -m pip show --quiet pyplugin >/dev/null 2>&1; then
    .venv/bin/python -m pip uninstall --quiet --yes pyplugin
fi
# An editable install follows code edits by itself: install again only when pyproject.toml
# changed (dependencies, entry points, packages), so later runs are quick and print nothing.
stamp=.venv/pygoplugin-pyproject.sha256
want=$(sha256sum pyproject.toml | cut -d" " -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] ||
    ! .venv/bin/python -c "import goplugin, pygoplugin_gen" 2>/dev/null; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -e ".[gen,test]"
    echo "$want" >"$stamp"
fi
# The editable install finds the packages with an import hook, which type checkers do not run:
# mypy or pyright on a plugin would not find goplugin. A path entry to a folder holding links to
# goplugin/ and to the generator (under its import name) lets them see both as they are edited.
# (The templates, a sub-package kept in templates/, are still found through the hook.)
typing_path="$PWD/.venv/type-checkers"
mkdir -p "$typing_path"
ln -sfn "$PWD/goplugin" "$typing_path/goplugin"
ln -sfn "$PWD/generator" "$typing_path/pygoplugin_gen"
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
echo "$typing_path" >"$site/pygoplugin-type-checkers.pth"
