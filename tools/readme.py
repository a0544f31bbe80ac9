"""Write README.md from nbs/index.ipynb, as nbdev_readme would without Quarto.

Drops `#| hide` cells and `#|` directive lines, fences code cells, and points notebook links into nbs/.
`python tools/readme.py --check` exits 1 when README.md is out of date instead of writing it.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICE = '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->'


def directives(source: str) -> list[str]:
    "The nbdev directives (`#| hide` -> 'hide') at the top of a cell."
    return [line[2:].strip() for line in source.splitlines() if line.startswith('#|')]


def cell_markdown(cell: dict) -> str | None:
    "One cell as README markdown, or None when the cell stays out of the docs."
    source = ''.join(cell['source'])
    if any(d.split(':')[0].strip() == 'hide' for d in directives(source)): return None
    body = '\n'.join(line for line in source.splitlines() if not line.startswith('#|')).strip()
    if not body: return None
    if cell['cell_type'] == 'code': return f'```python\n{body}\n```'
    return re.sub(r'\]\((\d\d\w*\.ipynb)\)', r'](nbs/\1)', body)


def readme() -> str:
    "The README text for the current index notebook."
    cells = json.loads((ROOT / 'nbs' / 'index.ipynb').read_text(encoding='utf-8'))['cells']
    parts = [text for text in map(cell_markdown, cells) if text is not None]
    return '\n\n'.join([NOTICE, *parts]) + '\n'


if __name__ == '__main__':
    text, path = readme(), ROOT / 'README.md'
    if '--check' in sys.argv[1:]:
        if not path.exists() or path.read_text(encoding='utf-8') != text:
            sys.exit('README.md is out of date with nbs/index.ipynb: run `python tools/readme.py`')
    else:
        path.write_text(text, encoding='utf-8')
