#!/usr/bin/env bash
# Build the sdist and a wheel from it, check their metadata, then install each into a fresh virtual
# environment that has only torch (and mypy) and check each there (tools/check_installed.sh): README's
# quick start, the console script, and a user's script that must pass `mypy --strict` against it.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet build twine
rm -rf dist
python -m build --sdist --wheel 2>&1 | tail -1  # the wheel is built from the sdist, so a file missing from the sdist fails here
python -m twine check dist/*
venv=$(mktemp -d)/venv
python -m venv "$venv"
"$venv/bin/pip" install --quiet torch==2.13.0 mypy numpy  # steplr needs only torch at run time; numpy: tools/typed_use.py passes numpy scalars
for package in dist/*.whl dist/*.tar.gz; do
  "$venv/bin/pip" install --quiet --force-reinstall --no-deps "$package"
  bash tools/check_installed.sh "$venv" "$package"
done
