"""Run first in every notebook during the docs build: `show_doc` as nbdev's sites show it, in markup Sphinx reads.

nbdev 2.4.14's markdown for `show_doc` starts with a `---` rule (a docutils error inside an output),
links to a source file on GitHub with Quarto attribute syntax that Sphinx prints as text, and loses a
keyword-only `*`. This renderer shows what nbdev's own sites show: the name, the signature on as few
lines as fit the page, a table with a row per parameter (its type, its default and its docments
comment), and the docstring.
"""
import inspect
import textwrap

import nbdev.showdoc
from fastcore.docments import docments

WIDTH = 100  # characters of a code line the page shows whole


def _annotation(annotation) -> str:
    "An annotation as source text (annotations are strings under `from __future__ import annotations`)."
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def _cell(text: str) -> str:
    "`text` safe inside a markdown table cell."
    return text.replace('|', '\\|').replace('\n', ' ')


def _parameters(obj) -> list[inspect.Parameter]:
    "The parameters a caller passes (`self` left out)."
    return [p for p in inspect.signature(obj).parameters.values() if p.name != 'self']


def signature(obj, name: str) -> str:
    "`name(...)` with each parameter's name and default, wrapped under the opening parenthesis."
    words, marked = [], False
    for parameter in _parameters(obj):
        if parameter.kind is parameter.KEYWORD_ONLY and not marked: words.append('*'); marked = True
        word = f'**{parameter.name}' if parameter.kind is parameter.VAR_KEYWORD else parameter.name
        words.append(word if parameter.default is parameter.empty else f'{word}={parameter.default!r}')
    lines = textwrap.wrap(', '.join(words), WIDTH - len(name) - 1, break_long_words=False, break_on_hyphens=False)
    return f'{name}(' + ('\n' + ' ' * (len(name) + 1)).join(lines) + ')'


def table(obj) -> str:
    "A markdown table: a row per parameter with its type, default and comment, then the return type."
    comments = docments(obj)
    rows = ['| | Type | Default | Details |', '|---|---|---|---|']
    for parameter in _parameters(obj):
        kind = '' if parameter.annotation is parameter.empty else f'`{_cell(_annotation(parameter.annotation))}`'
        default = '' if parameter.default is parameter.empty else f'`{_cell(repr(parameter.default))}`'
        rows.append(f'| **{parameter.name}** | {kind} | {default} | {_cell(comments.get(parameter.name) or "")} |')
    returns = inspect.signature(obj).return_annotation
    if not inspect.isclass(obj) and returns not in (inspect.Signature.empty, None, 'None'):
        rows.append(f'| **Returns** | `{_cell(_annotation(returns))}` | | |')
    return '\n'.join(rows)


class SignatureRenderer:
    "What `show_doc` returns during the docs build."
    def __init__(self, sym, name: str | None = None, title_level: int = 3):
        self.sym, self.name, self.title_level = sym, name or sym.__qualname__, title_level

    def _repr_markdown_(self) -> str:
        doc = inspect.getdoc(self.sym) or ''
        parts = [f"{'#' * self.title_level} `{self.name}`", f"```python\n{signature(self.sym, self.name)}\n```"]
        if _parameters(self.sym) or not inspect.isclass(self.sym): parts.append(table(self.sym))
        return '\n\n'.join(parts + [doc]) + '\n'


def install():
    "Use `SignatureRenderer` for `show_doc`."
    nbdev.showdoc.BasicMarkdownRenderer = SignatureRenderer
