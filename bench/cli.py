"""The `steplr` command against `python -c "import torch"`, measured side by side in one run (issue 18's targets).

    PYTHONPATH=. python bench/cli.py [--repeats 3]

Each command runs in a fresh process, the three alternated, best wall time and peak memory (max RSS) of the
repeats; each row says its target and whether it is met.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

EFFICIENTNET_B0 = ('./distributed_train.sh 8 /imagenet/ --model efficientnet_b0 -b 384 --sched step --epochs 450 '
                   '--decay-epochs 2.4 --decay-rate .97 --opt rmsproptf --opt-eps .001 -j 8 --warmup-lr 1e-6 '
                   '--lr .048 --sched-on-updates --updates-per-epoch 417').split()


def measure(command: list[str]) -> tuple[float, float]:
    "Wall time in seconds and peak memory in MB of one run of `command`."
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    assert status == 0, command
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def main(repeats: int) -> None:
    "Print one row per command, and the targets."
    csv = os.path.join(tempfile.mkdtemp(), 'lrs.csv')
    commands = {'python -c "import torch"': [sys.executable, '-c', 'import torch'],
                'steplr --epochs 300 --sched step': [sys.executable, '-m', 'steplr', '--epochs', '300', '--sched', 'step'],
                'steplr EfficientNet-B0 per update --csv': [sys.executable, '-m', 'steplr', *EFFICIENTNET_B0, '--csv', csv]}
    best = {name: (1e9, 1e9) for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            wall, memory = measure(command)
            best[name] = (min(best[name][0], wall), min(best[name][1], memory))
    torch_wall, torch_memory = best['python -c "import torch"']
    for name, (wall, memory) in best.items():
        print(f"{name:<42} {wall:6.2f} s  {memory:7.0f} MB  (+{wall - torch_wall:.2f} s, +{memory - torch_memory:.0f} MB)")
    preview_wall, preview_memory = best['steplr --epochs 300 --sched step']
    print(f"target: preview <= import torch + 0.5 s: {preview_wall - torch_wall <= 0.5}; "
          f"+ 100 MB: {preview_memory - torch_memory <= 100}; "
          f"per-update --csv <= import torch + 1.5 s: {best['steplr EfficientNet-B0 per update --csv'][0] - torch_wall <= 1.5}")


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeats', type=int, default=3)
    main(parser.parse_args().repeats)
