"""Run each learning notebook as a reader who copies its page would: the visible cells only, in order.

A code cell is hidden when the page leaves its code out: `#| hide` (the cell is not shown at all) and
`#| echo: false` (its output is shown, its code is not). Every other code cell is visible, and the
visible cells of a learning page must run on their own: imports, helpers and checks all shown.
Each notebook runs in a fresh Python process, from nbs/, as `nbdev_test` runs it; a failure names
the notebook, the cell (its 0-based index in the notebook) and the error.

    python tools/visible_cells.py                         # every learning notebook (nbs/0*.ipynb) and index
    python tools/visible_cells.py nbs/01_tutorial.ipynb   # the notebooks named
"""
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'
LEARNING = sorted(NBS.glob('0*.ipynb')) + [NBS / 'index.ipynb']  # the site's "Learning steplr" part, and the README
HIDDEN = {'hide', 'echo: false'}
# known to fail until the page changes; the test fails when one of them passes, so that it is taken off
PENDING: dict[str, str] = {}


def hidden(source: str) -> bool:
    "Whether a code cell's `#|` directives keep its code off the page."
    return bool(HIDDEN & {line[2:].strip() for line in source.splitlines() if line.startswith('#|')})


def run_visible(path: Path) -> str | None:
    "Run the visible code cells of the notebook `path` in this process; the first failure, described, or None."
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    shell = CaptureShell(path=path.parent)
    for index, cell in enumerate(read_nb(path).cells):
        if cell.cell_type != 'code' or hidden(cell.source): continue
        shell.cell(cell)
        if shell.exc:
            first_line = cell.source.strip().splitlines()[0] if cell.source.strip() else ''
            error = ''.join(traceback.format_exception_only(shell.exc)).strip()
            return f'cell [{index}] ({first_line[:60]}): {error}'
    return None


def main(paths: list[Path]) -> int:
    "Run each notebook in its own process; report each, and return the exit status."
    failed, width = 0, max(len(path.name) for path in paths)
    for path in paths:
        start = time.perf_counter()
        done = subprocess.run([sys.executable, __file__, '--one', str(path)], cwd=path.parent,
                              capture_output=True, text=True)
        error = done.stdout.strip() if done.returncode else None
        if done.returncode and not error: error = f'exited with status {done.returncode}: {done.stderr.strip()[-500:]}'
        name, seconds = f'{path.name:<{width}}', f'{time.perf_counter() - start:5.1f} s'
        if path.name in PENDING:
            if error: print(f'  pending  {name}  {seconds}  ({PENDING[path.name]}): {error}')
            else:
                failed += 1
                print(f'  FAILED   {name}  {seconds}  now passes: take it off PENDING in tools/visible_cells.py')
        elif error:
            failed += 1
            print(f'  FAILED   {name}  {seconds}  {error}')
        else: print(f'  passed   {name}  {seconds}')
    print(f'visible cells: {len(paths) - failed} of {len(paths)} notebooks as expected'
          + (f', {failed} not' if failed else ''))
    return 1 if failed else 0


if __name__ == '__main__':
    if sys.argv[1:2] == ['--one']:
        failure = run_visible(Path(sys.argv[2]).resolve())
        if failure: print(failure)
        sys.exit(1 if failure else 0)
    sys.exit(main([Path(arg).resolve() for arg in sys.argv[1:]] or LEARNING))
