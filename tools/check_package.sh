#!/usr/bin/env bash
# Build the sdist and a wheel from it, check their metadata, then install each into a fresh virtual
# environment that has only torch (and mypy) and run README's quick start there; a user's script
# that calls the public API must pass `mypy --strict` against the installed package.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install --quiet build twine
rm -rf dist
python -m build --sdist --wheel 2>&1 | tail -1  # the wheel is built from the sdist, so a file missing from the sdist fails here
python -m twine check dist/*
venv=$(mktemp -d)/venv
python -m venv "$venv"
"$venv/bin/pip" install --quiet torch==2.13.0 mypy  # the local CPU wheel: steplr needs nothing else at run time
quick_start=$(python - <<'PY'
import re
print(re.search(r'## Quick start.*?```python\n(.*?)```', open('README.md', encoding='utf-8').read(), re.S).group(1))
PY
)
for package in dist/*.whl dist/*.tar.gz; do
  "$venv/bin/pip" install --quiet --force-reinstall --no-deps "$package"
  (cd "$(mktemp -d)" && "$venv/bin/python" -c "$quick_start
import importlib.metadata, steplr
assert steplr.__version__ == importlib.metadata.version('steplr'), steplr.__version__
print('$package: quick start ran, learning rates', scheduler.get_last_lr())")
  typed_use=$(mktemp -d)
  cp tools/typed_use.py "$typed_use"
  echo -n "$package: mypy --strict tools/typed_use.py: "
  (cd "$typed_use" && "$venv/bin/python" -m mypy --strict --no-incremental typed_use.py && "$venv/bin/python" typed_use.py >/dev/null)
done
