"""Write the flags of one timm train.py as data (steplr/train_py*.json), from a pytorch-image-models git repository.

    python tools/train_py_flags.py GIT_DIR                          # the newest train.py: steplr/train_py.json
    python tools/train_py_flags.py GIT_DIR v0.4.12 --out steplr/train_py_0.4.12.json

GIT_DIR is a clone of huggingface/pytorch-image-models (or its .git directory); REVISION defaults to the newest
commit that changed train.py. Its train.py is read, never run: every `add_argument` call at its top level is taken
as written (its option strings, `dest`, `action`, `nargs`, `type`, `default`, `const` and `choices`), with the
mutually exclusive groups and the `-c`/`--config` parser that train.py reads first. The JSON also records the
timm version (timm/version.py), the commit and its date, and the schedule names the scheduler factory of that
commit builds. steplr's own flags must not be a prefix of a train.py flag: the script refuses.
"""
import argparse
import ast
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / 'steplr' / 'train_py.json'
OWN = ('--csv', '--plot', '--timm', '--updates-per-epoch', '--version', '--world-size')  # steplr's, exact names
FACTORIES = ('timm/scheduler/scheduler_factory.py',)


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
    choices = literal(keywords.get('choices'))
    implied = {'store_true': False, 'store_false': True}.get(action)  # argparse's default for a switch
    return dict(flags=flags, dest=literal(keywords.get('dest')) or long.lstrip('-').replace('-', '_'),
                action=action, nargs=literal(keywords.get('nargs')),
                type=ast.unparse(keywords['type']) if 'type' in keywords else None,
                default=literal(keywords['default']) if 'default' in keywords else implied, const=literal(keywords.get('const')),
                choices=None if choices is None else list(choices))


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


def git(git_dir: str, *words: str) -> str:
    "The output of one git command on the repository `git_dir`."
    return subprocess.run(['git', f'--git-dir={git_dir}', *words], capture_output=True, text=True,
                          check=True).stdout


def main() -> int:
    "Read train.py at the revision named on the command line and write the JSON."
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('git_dir', help='a clone of huggingface/pytorch-image-models, or its .git directory')
    parser.add_argument('revision', nargs='?', help='a tag or commit; default: the newest that changed train.py')
    parser.add_argument('--out', type=Path, default=OUT, help=f'the JSON file to write (default: {OUT})')
    args = parser.parse_args()
    git_dir = str(Path(args.git_dir) / '.git') if (Path(args.git_dir) / '.git').exists() else args.git_dir
    revision = args.revision or git(git_dir, 'log', '-1', '--format=%H', 'HEAD', '--', 'train.py').strip()
    commit, date = git(git_dir, 'log', '-1', '--format=%H %as', revision).split()
    version = re.search(r"__version__ = '([^']+)'", git(git_dir, 'show', f'{commit}:timm/version.py')).group(1)
    factory = git(git_dir, 'show', f'{commit}:{FACTORIES[0]}')
    schedules = sorted(set(re.findall(r"sched == '(\w+)'", factory)))
    data = dict(timm=version, commit=commit, date=date, source='huggingface/pytorch-image-models train.py',
                schedules=schedules, **flags(git(git_dir, 'show', f'{commit}:train.py')))
    taken = [(own, flag) for own in OWN for entry in data['options'] for flag in entry['flags']
             if flag.startswith(own)]
    if taken: sys.exit(f'steplr flag is a prefix of a train.py flag: {taken}')
    args.out.write_text(json.dumps(data, indent=1) + '\n')
    print(f"wrote {args.out}: train.py of timm {version}, commit {commit[:8]} ({date}), "
          f"{len(data['options'])} options")
    return 0


if __name__ == '__main__':
    sys.exit(main())
