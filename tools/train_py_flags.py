"""Write steplr/train_py.json, the flags of timm's train.py as data, from a train.py file.

    python tools/train_py_flags.py TRAIN_PY --timm VERSION --commit COMMIT

TRAIN_PY is read, never run: every `add_argument` call at its top level is taken as written (its option
strings, `dest`, `action`, `nargs`, `type`, `default` and `const`), with the mutually exclusive groups and
the `-c`/`--config` parser that train.py reads first. The JSON records the timm version and commit given,
which `steplr --help` shows. steplr's own flags must not be a prefix of a train.py flag: the script refuses.
"""
import argparse
import ast
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / 'steplr' / 'train_py.json'
OWN = ('--csv', '--plot', '--updates-per-epoch', '--world-size')  # steplr's own flags, matched exactly


def literal(node: ast.AST | None) -> object:
    "The value of a keyword argument's expression: a literal, or arithmetic on literals (`3. / 4.`); else None."
    if node is None: return None
    try: return ast.literal_eval(node)
    except ValueError: pass
    if all(isinstance(part, (ast.expr_context, ast.operator, ast.Constant, ast.BinOp, ast.UnaryOp, ast.unaryop,
                             ast.List, ast.Tuple)) for part in ast.walk(node)):
        return eval(compile(ast.Expression(node), 'train.py', 'eval'), {'__builtins__': {}})  # literals only
    return None


def option(call: ast.Call) -> dict:
    "One `add_argument` call as data."
    flags = [literal(arg) for arg in call.args]
    keywords = {keyword.arg: keyword.value for keyword in call.keywords}
    action = keywords.get('action')
    action = 'store' if action is None else ast.literal_eval(action) if isinstance(action, ast.Constant) else 'kwargs'
    long = next((flag for flag in flags if flag.startswith('--')), flags[0])
    return dict(flags=flags, dest=literal(keywords.get('dest')) or long.lstrip('-').replace('-', '_'),
                action=action, nargs=literal(keywords.get('nargs')),
                type=ast.unparse(keywords['type']) if 'type' in keywords else None,
                default=literal(keywords.get('default')), const=literal(keywords.get('const')))


def flags(source: str) -> dict:
    "train.py's parsers in `source`: the config parser's options, the main parser's, and exclusive groups."
    config, options, exclusive, groups = [], [], {}, set()
    for statement in ast.parse(source).body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign) and 'add_mutually_exclusive_group' in ast.unparse(node.value):
                groups.update(target.id for target in node.targets if isinstance(target, ast.Name))
            if not (isinstance(node, ast.Call) and getattr(node.func, 'attr', '') == 'add_argument'): continue
            entry = option(node)
            if '--config' in entry['flags']: config.append(entry); continue
            options.append(entry)
            owner = ast.unparse(node.func.value)
            if owner in groups: exclusive.setdefault(owner, []).append(entry['dest'])
    return dict(config=config, options=options, exclusive=list(exclusive.values()))


def main() -> int:
    "Read the train.py named on the command line and write the JSON."
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('train_py', type=Path)
    parser.add_argument('--timm', required=True, help='the timm version the file belongs to')
    parser.add_argument('--commit', required=True, help='the pytorch-image-models commit it was taken from')
    args = parser.parse_args()
    data = dict(timm=args.timm, commit=args.commit, source='huggingface/pytorch-image-models train.py',
                **flags(args.train_py.read_text()))
    taken = [(own, flag) for own in OWN for entry in data['options'] for flag in entry['flags']
             if flag.startswith(own)]
    if taken: sys.exit(f'steplr flag is a prefix of a train.py flag: {taken}')
    OUT.write_text(json.dumps(data, indent=1) + '\n')
    print(f"wrote {OUT}: {len(data['options'])} train.py options")
    return 0


if __name__ == '__main__':
    sys.exit(main())
