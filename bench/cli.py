"""The `steplr` command against `python -c "import torch"`, measured side by side in one run (issue 29's targets).

    PYTHONPATH=. python bench/cli.py [--repeats 3]

Each command runs in a fresh process, the commands alternated, best wall time and peak memory (max RSS) of
the repeats. Target: a preview without noise in at most a quarter of `import torch`'s time and 150 MB, and
no torch imported at all (`steplr`'s package `__init__`, `steplr.schedule`, `steplr.checks` and
`steplr.timm_args` import none; the command imports it only for noise and plots). The script prints the
chain of modules through which the preview imports torch (from `python -X importtime`): `none` is the
target. A preview of 10^11 updates is computed from the decay times, `--csv` of every update of the
EfficientNet-B0 recipe from its phases, and its `--plot` draws a point per change (matplotlib, no torch):
none of them is computed per value.
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
    folder = tempfile.mkdtemp()
    csv, png = os.path.join(folder, 'lrs.csv'), os.path.join(folder, 'lrs.png')
    steplr = [sys.executable, '-m', 'steplr']
    commands = {'python -c "import torch"': [sys.executable, '-c', 'import torch'],
                'steplr --epochs 300 --sched step': [*steplr, *PREVIEW],
                'steplr 10^11 updates, table': [*steplr, *LONG],
                'steplr EfficientNet-B0 per update --csv': [*steplr, *RECIPE, '--csv', csv],
                'steplr EfficientNet-B0 per update --plot': [*steplr, *RECIPE, '--plot', png]}
    best = {name: (1e9, 1e9) for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            wall, memory = measure(command)
            best[name] = (min(best[name][0], wall), min(best[name][1], memory))
    torch_wall, torch_memory = best['python -c "import torch"']
    for name, (wall, memory) in best.items():
        print(f"{name:<42} {wall:6.2f} s ({wall / torch_wall:4.2f} x import torch)  {memory:5.0f} MB")
    print(f"torch is imported through: {first_torch_import()}")
    wall, memory = best['steplr --epochs 300 --sched step']
    print(f"target for the preview: <= 1/4 of import torch: {wall <= torch_wall / 4}; <= 150 MB: {memory <= 150}")


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeats', type=int, default=3)
    main(parser.parse_args().repeats)
