#!/usr/bin/env bash
# Check the steplr installed in the virtual environment $1 as a user meets it, each check away from the
# source tree so that it imports the installed package: README's quick start, the console script and
# `python -m steplr`, and `mypy --strict` on a user's script (tools/typed_use.py). $2 names what is
# checked in the output. Used by tools/check_package.sh and tools/check_pythons.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$1 label=$2
quick_start=$("$venv/bin/python" - <<'PY'
import re
print(re.search(r'## Quick start.*?```python\n(.*?)```', open('README.md', encoding='utf-8').read(), re.S).group(1))
PY
)
(cd "$(mktemp -d)" && "$venv/bin/python" -c "$quick_start
import importlib.metadata, steplr
assert steplr.__version__ == importlib.metadata.version('steplr'), steplr.__version__
print('$label: quick start ran, learning rates', scheduler.get_last_lr())")
"$venv/bin/steplr" train.py /data --sched step --epochs 12 --decay-epochs 4 --warmup-epochs 1 --lr 0.1 --csv - 2>/dev/null \
  | "$venv/bin/python" -c "import sys; rows = sys.stdin.read().split(); assert rows[0] == 't,lr' and len(rows) == 13, rows; print('$label: steplr --csv -', rows[1:4], '...')"
(cd "$(mktemp -d)" && "$venv/bin/python" -m steplr --help >/dev/null)
# SequentialLR calls private scheduler methods that change between torch releases: the scheduler page's
# SequentialLR check, run on this environment's torch too
sequential_check=$(python -c "import json; print(next(''.join(cell['source']) for cell in
  json.load(open('nbs/11_scheduler.ipynb'))['cells'] if cell.get('id') == 'compose-code'))")
(cd "$(mktemp -d)" && "$venv/bin/python" -c "import math, torch; from steplr import StepLRScheduler
$sequential_check
print('$label: SequentialLR with steplr equals it with StepLR on torch', torch.__version__)")
# how torch.compile traces a scheduler changes between torch releases too: the scheduler page's check that
# one compiled function stepping both the optimizer and the scheduler compiles one graph
compile_check=$(python -c "import json; print(next(''.join(cell['source']) for cell in
  json.load(open('nbs/11_scheduler.ipynb'))['cells'] if cell.get('id') == 'together-code'))")
(cd "$(mktemp -d)" && "$venv/bin/python" -c "import logging, torch; from steplr import StepLRScheduler
from torch._dynamo.utils import counters
def test_eq(a, b): assert a == b, (a, b)
torch._logging.set_logs(all=logging.ERROR)
$compile_check
print('$label: optimizer.step() and scheduler.step_update() compiled together: one graph on torch', torch.__version__)")
typed_use=$(mktemp -d)
cp tools/typed_use.py "$typed_use"
echo -n "$label: mypy --strict tools/typed_use.py: "
(cd "$typed_use" && "$venv/bin/python" -m mypy --strict --no-incremental typed_use.py && "$venv/bin/python" typed_use.py >/dev/null)
