"""Sphinx extension: read nbdev notebooks the way nbdev's own docs pipeline would.

myst-nb understands cell tags, not nbdev's `#|` directives. On `source-read` each notebook's JSON is
rewritten before myst-nb parses and executes it:

- directive lines are removed, and translated into myst-nb tags: `hide` and `default_exp` cells are
  removed from the page (they still run); `echo: false` hides the input, `output: false` the output,
  `code-fold` folds the input, `eval: false` skips execution; `export` cells show their code; a
  `test_only` cell (a hidden test that takes many seconds, such as a 250,000-update parity run) is
  neither shown nor run, since the site shows nothing of it and `make test` (nbdev_test) runs it;
- after each exported cell, a `show_doc` cell documents every public function and class it defines,
  as nbdev does;
- the title cell moves to the top of the page, above the notebook's export and import cells;
- a hidden first cell makes `show_doc` render as a signature block Sphinx can read (`site_setup.py`);
- the home page gets the sidebar's two parts as hidden tables of contents: notebooks numbered 0x
  teach steplr, those numbered 1x show how it is built, each part in its numbered order;
- each notebook's execution is reported as it ends (n of N, its name, how long it took), since
  executing them is most of the build's time.
"""
import ast
import json
import sys
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PARTS = [('Learning steplr', '0'), ('How steplr is built', '1')]  # caption, and the first digit of its notebooks
HIDDEN_DIRECTIVES = {'hide', 'default_exp'}
TAGS = {'echo: false': 'remove-input', 'output: false': 'remove-output', 'code-fold': 'hide-input',
        'code-fold: true': 'hide-input', 'eval: false': 'skip-execution'}


def split_directives(source: str) -> tuple[list[str], str]:
    "The `#|` directives of a cell (without the marker) and its source without them."
    lines = source.splitlines()
    directives = [line[2:].strip() for line in lines if line.startswith('#|')]
    return directives, '\n'.join(line for line in lines if not line.startswith('#|')).strip('\n')


def public_definitions(source: str) -> list[str]:
    "Names of the public functions and classes a cell defines at top level, once each (`@overload`s share one)."
    return list(dict.fromkeys(node.name for node in ast.parse(source).body
                              if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith('_')))


def code_cell(cell_id: str, source: str, *tags: str) -> dict:
    "A new code cell."
    return {'cell_type': 'code', 'id': cell_id, 'execution_count': None, 'metadata': {'tags': list(tags)}, 'outputs': [], 'source': source}


def docs_cells(cell: dict) -> list[dict]:
    "What one notebook cell becomes on the site."
    source = ''.join(cell['source'])
    if cell['cell_type'] != 'code': return [cell]
    directives, body = split_directives(source)
    names = [d.split(':')[0].split()[0] for d in directives if d]
    tags = ['remove-cell'] if HIDDEN_DIRECTIVES & set(names) else [TAGS[d] for d in directives if d in TAGS]
    if 'test_only' in names: tags = ['remove-cell', 'skip-execution']  # a long hidden test: `make test` runs it
    cell = {**cell, 'source': body, 'metadata': {**cell.get('metadata', {}), 'tags': tags}}
    shown = [code_cell(f'show-doc-{name}', f'show_doc({name})', 'remove-input') for name in public_definitions(body)] if {'export', 'exports'} & set(names) else []
    return [cell, *shown]


def toc_cell(notebooks: list[str]) -> dict:
    "Hidden toctrees for the home page: the sidebar's two parts, each in numbered order."
    trees = [f'```{{toctree}}\n:hidden:\n:maxdepth: 1\n:caption: {caption}\n\n' + '\n'.join(n for n in notebooks if n.startswith(digit)) + '\n```'
             for caption, digit in PARTS]
    return {'cell_type': 'markdown', 'id': 'site-toc', 'metadata': {}, 'source': '\n\n'.join(trees)}


def rewrite(app, docname: str, source: list[str]):
    "Turn the nbdev notebook `docname` into what myst-nb should read."
    if not app.env.doc2path(docname).suffix == '.ipynb': return
    started[docname] = time.perf_counter()
    notebook = json.loads(source[0])
    setup = code_cell('site-setup', f'import sys; sys.path.insert(0, {str(DOCS)!r})\nimport site_setup; site_setup.install()\n'
                      'from nbdev.showdoc import show_doc', 'remove-cell')
    cells = [new for cell in notebook['cells'] for new in docs_cells(cell)]
    # nbdev notebooks open with their export and import cells; the page opens with its title, as nbdev's own docs do
    titles = [cell for cell in cells if cell['cell_type'] == 'markdown' and ''.join(cell['source']).startswith('# ')][:1]
    cells = titles + [setup] + [cell for cell in cells if cell not in titles]
    if docname == app.config.root_doc:
        others = [name for name in notebooks(app) if name != docname]
        cells.append(toc_cell(others))
    source[0] = json.dumps({**notebook, 'cells': cells})


started: dict[str, float] = {}  # when each notebook this process reads was handed to myst-nb


def notebooks(app) -> list[str]:
    "The names of the site's notebooks, in numbered order."
    return sorted(path.stem for path in Path(app.srcdir).glob('*.ipynb'))


def progress_file(app) -> Path:
    "Where the build's processes count the notebooks they have executed."
    return Path(app.doctreedir) / 'executed-notebooks'


def announce(app):
    "Say what the build is about to do, and start the count."
    total = len(notebooks(app))
    progress_file(app).parent.mkdir(parents=True, exist_ok=True)
    progress_file(app).write_text('')
    print(f'steplr site: executing {total} notebooks, {app.parallel or 1} at a time', file=sys.stderr, flush=True)


def report(app, doctree):
    "Say that a notebook has been executed: n of N, its name, and how long it took."
    docname = app.env.docname
    if docname not in started: return
    with open(progress_file(app), 'a') as file: file.write(f'{docname}\n')  # one short append: safe across processes
    names = notebooks(app)
    done, width = len(progress_file(app).read_text().split()), max(map(len, names)) + len('.ipynb')
    print(f'  [{done:>{len(str(len(names)))}}/{len(names)}] {docname + ".ipynb":<{width}}'
          f'  {time.perf_counter() - started.pop(docname):5.1f} s', file=sys.stderr, flush=True)


def setup(app):
    app.connect('builder-inited', announce)
    app.connect('source-read', rewrite)
    app.connect('doctree-read', report)
    return {'parallel_read_safe': True, 'parallel_write_safe': True}
