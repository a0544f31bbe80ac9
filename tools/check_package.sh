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
sequential_check=$(python -c "import json; print(next(''.join(cell['source']) for cell in
  json.load(open('nbs/11_scheduler.ipynb'))['cells'] if cell.get('id') == 'compose-code'))")
for package in dist/*.whl dist/*.tar.gz; do
  "$venv/bin/pip" install --quiet --force-reinstall --no-deps "$package"
  (cd "$(mktemp -d)" && "$venv/bin/python" -c "$quick_start
import importlib.metadata, steplr
assert steplr.__version__ == importlib.metadata.version('steplr'), steplr.__version__
print('$package: quick start ran, learning rates', scheduler.get_last_lr())")
  # the console script and python -m steplr, from the installed package
  "$venv/bin/steplr" train.py /data --sched step --epochs 12 --decay-epochs 4 --warmup-epochs 1 --lr 0.1 --csv - 2>/dev/null \
    | "$venv/bin/python" -c "import sys; rows = sys.stdin.read().split(); assert rows[0] == 't,lr' and len(rows) == 13, rows; print('$package: steplr --csv -', rows[1:4], '...')"
  (cd "$(mktemp -d)" && "$venv/bin/python" -m steplr --help >/dev/null)  # away from the source tree, as for every check here
  # SequentialLR calls private scheduler methods that change between torch releases: the scheduler page's
  # SequentialLR check, run on this older torch too
  (cd "$(mktemp -d)" && "$venv/bin/python" -c "import math, torch; from steplr import StepLRScheduler
$sequential_check
print('$package: SequentialLR on torch', torch.__version__)")
  typed_use=$(mktemp -d)
  cp tools/typed_use.py "$typed_use"
  echo -n "$package: mypy --strict tools/typed_use.py: "
  (cd "$typed_use" && "$venv/bin/python" -m mypy --strict --no-incremental typed_use.py && "$venv/bin/python" typed_use.py >/dev/null)
done
