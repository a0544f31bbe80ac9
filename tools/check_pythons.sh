#!/usr/bin/env bash
# Run steplr on every Python that settings.ini claims (python_versions), as a user of each would: one
# wheel, installed with torch into a fresh virtual environment per Python; there the checks of an
# installed steplr (tools/check_installed.sh) and the notebooks that teach how steplr is built, with
# their bit-for-bit parity tests against timm. Each Python prints one line: what ran and how long it
# took; a failure prints that Python's whole log. The full suite (frameworks, site, browser) stays on
# one Python: `make test`.
#
#   bash tools/check_pythons.sh             every Python in settings.ini
#   bash tools/check_pythons.sh 3.12 3.13   some of them
set -euo pipefail
cd "$(dirname "$0")/.."

# The notebooks to run: those that need no training framework. One word adds one.
notebooks=(10_schedule 11_scheduler 12_plotting 13_timm_args 15_checks)

setting() {  # a value from settings.ini, read as setup.py reads it
  python - "$1" <<'PY'
import sys
from configparser import ConfigParser
config = ConfigParser(delimiters=['='])
config.read('settings.ini', encoding='utf-8')
print(config['DEFAULT'][sys.argv[1]])
PY
}

python_of() {  # the newest CPython $1.x installed by pyenv, or python$1 on the PATH
  local found
  found=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}/versions/$1".*/bin/python"$1" 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || found=$(command -v "python$1" || true)
  # a pyenv shim is on the PATH even for a version that is not installed: ask it to run
  [ -n "$found" ] && "$found" -c pass 2>/dev/null && echo "$found"
}

# nbdev to run the notebooks, and what they import, pinned as settings.ini pins them for development
requirements=$(for requirement in $(setting dev_requirements); do
  case ${requirement%%[=<>]*} in nbdev|fastcore|execnb|ghapi|ipykernel|timm|hypothesis|numpy|matplotlib|mypy)
    echo "$requirement";;
  esac
done)

check_python() {  # run everything on Python $1 with the wheel $2, in a fresh environment in the folder $3
  local version=$1 wheel=$2 venv=$3/venv start=$SECONDS
  python -m uv venv --quiet --python "$(python_of "$version")" "$venv"
  # one resolution: torch for steplr and for timm, for this Python
  python -m uv pip install --quiet --python "$venv/bin/python" "$wheel" $requirements
  local installed=$((SECONDS - start))
  bash tools/check_installed.sh "$venv" "Python $version"
  # a copy of the notebooks beside settings.ini and no steplr/: nbdev_test puts the folder of
  # settings.ini first on sys.path, so in the repository the notebooks would import its steplr/
  mkdir "$3/nbs"
  cp settings.ini "$3"
  for notebook in "${notebooks[@]}"; do cp "nbs/$notebook.ipynb" "$3/nbs"; done
  (cd "$3" && "$venv/bin/python" -c "import steplr; print('steplr from', steplr.__file__)" \
     && "$venv/bin/nbdev_test" --n_workers 1 --timing)
  local versions
  versions=$("$venv/bin/python" -c "import importlib.metadata as m, platform
print(f\"{platform.python_version()} (torch {m.version('torch')}, timm {m.version('timm')})\")")
  echo "Python $versions: wheel, quick start, steplr --csv -, mypy --strict, ${#notebooks[@]} notebooks" \
       "with timm parity passed in $((SECONDS - start)) s (install $installed s)"
}

# one Python, run by run_one below as a process of its own, so that its first failing step stops it
if [ "${1:-}" = --one ]; then
  check_python "$2" "$3" "$4"
  exit
fi

versions=${*:-$(setting python_versions)}
# every Python first, so that a missing one fails at once, not after the others ran
for version in $versions; do
  python_of "$version" >/dev/null || { echo "Python $version is not installed, and CI runs steplr on it" \
    "(settings.ini python_versions). Install it: pyenv install $version" >&2; exit 1; }
done

# uv installs into the environments, not pip: torch brings 3 GB of CUDA libraries, which pip unpacks
# anew into each environment (2 to 5 minutes a Python), and this registry's answers carry no caching
# headers, so pip's cache keeps no download either. uv downloads each file once into its cache
# (~/.cache/uv, shared by every Python) and links the files from there: a warm environment takes seconds.
python -m uv --version >/dev/null 2>&1 || python -m pip install --quiet --quiet uv  # -qq: no notices the reader cannot act on
# uv does not read pip's configuration, whose constraints may cap torch (this machine's cap it at the
# releases kept on its disk): give them to uv, so that every Python gets the torch pip gives the others
UV_CONSTRAINT=$(python -m pip config list | sed -n "s/^.*\.constraint='\(.*\)'$/\1/p" | tail -1)
export UV_CONSTRAINT UV_PYTHON_DOWNLOADS=never  # and the Pythons are this machine's, never uv's downloads

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python -m pip wheel --quiet --no-deps --wheel-dir "$work" .  # pure Python: one wheel for every version
wheel=$(ls "$work"/steplr-*.whl)

run_one() {  # check Python $1 with its output in a log: print its one line, or the whole log if it fails
  local log=$work/python$1.log
  mkdir "$work/python$1"
  if bash tools/check_pythons.sh --one "$1" "$wheel" "$work/python$1" >"$log" 2>&1; then
    tail -1 "$log"
  else
    cat "$log"
    echo "Python $1: failed (its log is above)"
    return 1
  fi
}

# two Pythons at once by default: each keeps about one core busy (mypy, one notebook at a time), and the
# machine has two. STEPLR_PYTHONS_JOBS=1 runs them one after the other.
jobs=${STEPLR_PYTHONS_JOBS:-2}
start=$SECONDS running=0 failed=0 count=0
for version in $versions; do
  if [ "$running" -ge "$jobs" ]; then wait -n || failed=$((failed + 1)); running=$((running - 1)); fi
  run_one "$version" &
  running=$((running + 1)) count=$((count + 1))
done
while [ "$running" -gt 0 ]; do wait -n || failed=$((failed + 1)); running=$((running - 1)); done
echo "all $count Pythons in $((SECONDS - start)) s, $jobs at a time"
echo "pythons: $((count - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
