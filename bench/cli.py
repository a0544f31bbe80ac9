"""The `steplr` command against `python -c "import torch"`, measured side by side in one run (issue 29's targets).

    PYTHONPATH=. python bench/cli.py [--repeats 3]

Each command runs in a fresh process, the commands alternated, best wall time and peak memory (max RSS) of
the repeats. Target: a preview without noise in at most a quarter of `import torch`'s time and 150 MB. The
preview imports torch only for noise and plots; until steplr's package `__init__`, `steplr.schedule` and
`steplr.checks` import no torch (issue 28), torch still comes in through them, so the last row runs the same
preview with every `torch` import answered by an empty stand-in: the cost of the command's own code and
imports, which is what a preview costs once those modules are torch-free. The script also prints which
module imports torch first (from `python -X importtime`).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

RECIPE = ('./distributed_train.sh 2 /imagenet/ --model efficientnet_b0 -b 384 --sched step --epochs 450 '
          '--decay-epochs 2.4 --decay-rate .97 --opt rmsproptf --opt-eps .001 -j 8 --warmup-lr 1e-6 '
          '--lr .048 --sched-on-updates --updates-per-epoch 1668').split()
PREVIEW = ['--epochs', '300', '--sched', 'step']
LONG = '--sched step --sched-on-updates --updates-per-epoch 1000000 --epochs 100000 --decay-epochs 0.001'.split()
NO_TORCH = '''import importlib.machinery, runpy, sys, types
class Anything(type):  # any attribute of the stand-in torch is a class, that can be subclassed and called
    def __getattr__(cls, name): return Anything(name, (), {})
    def __call__(cls, *args, **kwargs): return args[0] if len(args) == 1 and callable(args[0]) else cls
class Module(types.ModuleType):
    def __getattr__(self, name): return Anything(name, (), {})
class NoTorch:
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] == 'torch': return importlib.machinery.ModuleSpec(name, self, is_package=True)
    def create_module(self, spec): return Module(spec.name)
    def exec_module(self, module): module.__path__ = []
sys.meta_path.insert(0, NoTorch())
sys.argv = ['steplr', *sys.argv[1:]]
runpy.run_module('steplr', run_name='__main__')
'''


def measure(command: list[str]) -> tuple[float, float]:
    "Wall time in seconds and peak memory in MB of one run of `command`."
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, command
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def first_torch_import() -> str:
    "The chain of modules through which `steplr --epochs 300 --sched step` first imports torch, or 'none'."
    done = subprocess.run([sys.executable, '-X', 'importtime', '-m', 'steplr', *PREVIEW], capture_output=True,
                          text=True)
    rows = [line.split('|')[-1] for line in done.stderr.splitlines() if line.startswith('import time:')][1:]
    depth = lambda row: len(row) - len(row.lstrip())  # importtime indents a module under its importer
    for i, row in enumerate(rows):
        if row.strip() == 'torch':
            chain, level = ['torch'], depth(row)
            for later in rows[i + 1:]:
                if depth(later) < level: chain.append(later.strip()); level = depth(later)
            return ' <- '.join(chain)
    return 'none'


def main(repeats: int) -> None:
    "Print one row per command, its ratio to `import torch`, and the targets."
    csv = os.path.join(tempfile.mkdtemp(), 'lrs.csv')
    steplr = [sys.executable, '-m', 'steplr']
    commands = {'python -c "import torch"': [sys.executable, '-c', 'import torch'],
                'steplr --epochs 300 --sched step': [*steplr, *PREVIEW],
                'steplr 10^11 updates, table': [*steplr, *LONG],
                'steplr EfficientNet-B0 per update --csv': [*steplr, *RECIPE, '--csv', csv],
                'same preview, torch stood in (own cost)': [sys.executable, '-c', NO_TORCH, *PREVIEW]}
    best = {name: (1e9, 1e9) for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            wall, memory = measure(command)
            best[name] = (min(best[name][0], wall), min(best[name][1], memory))
    torch_wall, torch_memory = best['python -c "import torch"']
    for name, (wall, memory) in best.items():
        print(f"{name:<42} {wall:6.2f} s ({wall / torch_wall:4.2f} x import torch)  {memory:5.0f} MB")
    print(f"torch is imported through: {first_torch_import()}")
    for name in ('steplr --epochs 300 --sched step', 'same preview, torch stood in (own cost)'):
        wall, memory = best[name]
        print(f"target for {name!r}: <= 1/4 of import torch: {wall <= torch_wall / 4}; <= 150 MB: {memory <= 150}")


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeats', type=int, default=3)
    main(parser.parse_args().repeats)
