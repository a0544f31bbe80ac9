"""Run first in every notebook during the docs build: `show_doc` as a signature block Sphinx can read.

nbdev 2.4.14's markdown for `show_doc` starts with a `---` rule (a docutils error inside an output),
links to a source file on GitHub with Quarto attribute syntax that Sphinx prints as text, and loses a
keyword-only `*`. This renderer shows the name, the signature as Python with each parameter's comment
(nbdev's docments), and the docstring.
"""
import inspect

import nbdev.showdoc
from fastcore.docments import docments


def _annotation(annotation) -> str:
    "An annotation as source text (annotations are strings under `from __future__ import annotations`)."
    return annotation if isinstance(annotation, str) else inspect.formatannotation(annotation)


def signature(obj, name: str) -> str:
    "`obj`'s signature as a Python block, one parameter a line with its comment."
    comments, signature_ = docments(obj), inspect.signature(obj)
    parameters = [p for p in signature_.parameters.values() if p.name != 'self']
    lines, marked = [], False
    for parameter in parameters:
        if parameter.kind is parameter.KEYWORD_ONLY and not marked:
            lines.append('    *,'); marked = True
        text = parameter.name
        if parameter.annotation is not parameter.empty: text += f': {_annotation(parameter.annotation)}'
        if parameter.default is not parameter.empty: text += f'={parameter.default!r}'
        if parameter.kind is parameter.VAR_KEYWORD: text = f'**{text}'
        comment = comments.get(parameter.name)
        lines.append(f'    {text},' + (f'  # {comment}' if comment else ''))
    keyword = 'class' if inspect.isclass(obj) else 'def'
    returns = signature_.return_annotation
    arrow = '' if returns is inspect.Signature.empty or inspect.isclass(obj) else f' -> {_annotation(returns)}'
    body = '\n'.join(lines)
    return f'{keyword} {name}(\n{body}\n){arrow}' if lines else f'{keyword} {name}(){arrow}'


class SignatureRenderer:
    "What `show_doc` returns during the docs build."
    def __init__(self, sym, name: str | None = None, title_level: int = 3):
        self.sym, self.name, self.title_level = sym, name or sym.__qualname__, title_level

    def _repr_markdown_(self) -> str:
        doc = inspect.getdoc(self.sym) or ''
        return f"{'#' * self.title_level} `{self.name}`\n\n```python\n{signature(self.sym, self.name)}\n```\n\n{doc}\n"


def install():
    "Use `SignatureRenderer` for `show_doc`."
    nbdev.showdoc.BasicMarkdownRenderer = SignatureRenderer
