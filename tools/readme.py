"""Write README.md from nbs/index.ipynb, as nbdev_readme would without Quarto: the cells, and what they print.

The notebook is executed in this process (with execnb, as `nbdev_test` runs it), so README shows each
code cell's output below it. `#| hide` cells are left out, `#| echo: false` cells show only their
output, `#|` lines are dropped, and notebook links point into nbs/.

A figure cannot go into README as pixels that `make check` compares: another matplotlib draws other
pixels. So a figure is a PNG committed under nbs/images/, which README links to and which
`python tools/readme.py --figures` redraws. The PNG carries a fingerprint of what it plots (every
line's points, the title and the axis labels), and this script stops with a message when the
notebook now plots something else.

    python tools/readme.py            # write README.md (fails if a committed figure is out of date)
    python tools/readme.py --figures  # redraw the committed figure too
"""
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'
NOTICE = '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->'
FIGURE = NBS / 'images' / 'step_schedule.png'  # the one figure nbs/index.ipynb draws
FIGURE_ALT = 'The learning rate of a step schedule: a linear warmup, then a decay every 30 epochs'


def directives(source: str) -> list[str]:
    "The nbdev directives (`#| hide` -> 'hide') at the top of a cell."
    return [line[2:].strip() for line in source.splitlines() if line.startswith('#|')]


def output_markdown(output: dict) -> str | None:
    "One output as README markdown: text fenced, a figure as a link to its committed PNG."
    data = output.get('data', {})
    if output.get('output_type') == 'stream' and output.get('name') == 'stdout': text = ''.join(output['text'])
    elif 'image/png' in data: return f'![{FIGURE_ALT}]({FIGURE.relative_to(ROOT)})'
    elif 'text/plain' in data: text = ''.join(data['text/plain'])
    else: return None
    return f'```\n{text.rstrip()}\n```' if text.strip() else None


def cell_markdown(cell: dict) -> str | None:
    "One executed cell as README markdown, or None when the cell stays out of the docs."
    source = ''.join(cell['source'])
    names = [d.split(':')[0].strip() for d in directives(source)]
    if 'hide' in names: return None
    body = '\n'.join(line for line in source.splitlines() if not line.startswith('#|')).strip()
    if cell['cell_type'] != 'code': return re.sub(r'\]\((\d\d\w*\.ipynb)\)', r'](nbs/\1)', body) or None
    parts = [] if 'echo: false' in directives(source) or not body else [f'```python\n{body}\n```']
    parts += [text for output in cell.get('outputs', []) if (text := output_markdown(output))]
    return '\n\n'.join(parts) or None


def executed_index():
    "nbs/index.ipynb with every cell run, and the namespace its cells ran in."
    from execnb.nbio import read_nb
    from execnb.shell import CaptureShell
    notebook, shell = read_nb(NBS / 'index.ipynb'), CaptureShell(path=NBS)
    shell.run_all(notebook, exc_stop=True)
    return notebook, shell.user_ns


def fingerprint(ax) -> str:
    "What a matplotlib Axes plots, as a hash: every line's points, the title and the axis labels."
    drawn = [[list(map(float, line.get_xdata())), list(map(float, line.get_ydata()))] for line in ax.get_lines()]
    return hashlib.sha256(json.dumps([drawn, ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]).encode()).hexdigest()


def check_or_draw_figure(namespace: dict, redraw: bool):
    "Redraw the committed figure from the notebook's `ax`, or stop if the committed one plots something else."
    from PIL import Image
    description = f"steplr figure {fingerprint(namespace['ax'])}"
    if redraw:
        FIGURE.parent.mkdir(exist_ok=True)
        namespace['ax'].figure.savefig(FIGURE, dpi=110, bbox_inches='tight', metadata={'Description': description})
    elif not FIGURE.exists() or Image.open(FIGURE).text.get('Description') != description:
        sys.exit(f'{FIGURE.relative_to(ROOT)} does not show what nbs/index.ipynb plots now: '
                 'run `python tools/readme.py --figures`')


def readme(redraw: bool = False) -> str:
    "The README text for the current index notebook."
    notebook, namespace = executed_index()
    images = sum('image/png' in output.get('data', {}) for cell in notebook.cells for output in cell.get('outputs', []))
    if images != 1: sys.exit(f'nbs/index.ipynb draws {images} figures; tools/readme.py knows one, {FIGURE.name}')
    check_or_draw_figure(namespace, redraw)
    parts = [text for cell in notebook.cells if (text := cell_markdown(cell)) is not None]
    return '\n\n'.join([NOTICE, *parts]) + '\n'


if __name__ == '__main__':
    (ROOT / 'README.md').write_text(readme(redraw='--figures' in sys.argv[1:]), encoding='utf-8')
