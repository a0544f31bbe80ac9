"""steplr against timm 1.0, measured side by side in one process: prints one table of the targets.

    python bench/run.py                 # every target (about five minutes)
    python bench/run.py --skip-notebooks
    python bench/run.py --quick         # smaller sizes
    python bench/run.py --save bench/results.json   # also keep the table, for the performance page

Times are the best of the same number of repeats for steplr and for the reference, alternated: CPU
time of this thread for the per-call rows (this machine is shared and noisy: time spent waiting for
a core is not counted), wall time for whole schedules (torch computes them on several threads);
each ratio is steplr's figure over the reference's, measured in the same run. Nothing
here asserts a time: the table reports.
"""
import argparse
import gc
import glob
import json
import os
import platform
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import timm.scheduler
import torch

from steplr import MultiStepLRScheduler, StepLRScheduler, multistep_lr, step_lr

ROOT = Path(__file__).resolve().parent.parent
SCHEDULE = dict(decay_t=30 * 2500, decay_rate=0.1, warmup_t=3 * 2500, warmup_lr_init=1e-6)  # ImageNet-like, per update


def best_time(run, repeats=5, clock=time.thread_time) -> float:
    "Best time of `run()` over `repeats` calls, in seconds, with the garbage collector paused as timeit does."
    times = []
    gc.collect(); gc.disable()
    try:
        for _ in range(repeats):
            start = clock(); run(); times.append(clock() - start)
    finally:
        gc.enable()
    return min(times)


def optimizer(n_groups: int) -> torch.optim.Optimizer:
    "SGD with `n_groups` param groups; every other group has a layer-decay `lr_scale`."
    groups = [{'params': [torch.zeros(1)], **({'lr_scale': 0.75 ** i} if i % 2 else {})} for i in range(n_groups)]
    return torch.optim.SGD(groups, lr=0.5)


# each kind of schedule: timm's scheduler, steplr's, and steplr's closed form
KINDS = {'step': (timm.scheduler.StepLRScheduler, StepLRScheduler, step_lr),
         'multistep': (timm.scheduler.MultiStepLRScheduler, MultiStepLRScheduler, multistep_lr)}


def schedulers(n_groups: int, kind='step', **settings):
    "A timm scheduler and a steplr one of `kind` with the same settings, each on its own optimizer."
    timm_class, steplr_class, _ = KINDS[kind]
    return timm_class(optimizer(n_groups), **settings), steplr_class(optimizer(n_groups), **settings)


def timm_schedule(settings: dict, n_steps: int, kind='step') -> np.ndarray:
    "timm's learning rate at every update, from calling its scheduler of `kind` once per update."
    scheduler = KINDS[kind][0](optimizer(1), t_in_epochs=False, **settings)
    group, lrs = scheduler.optimizer.param_groups[0], []
    for n in range(n_steps):
        scheduler.step_update(n)
        lrs.append(group['lr'])
    return np.array(lrs)


FREQUENT = dict(decay_t=5, decay_rate=0.5, warmup_t=2, warmup_lr_init=1e-6)  # a decay every 5 updates: the stress test


def whole_schedule(n_steps=1_000_000):
    "Target 1: a schedule of `n_steps` updates as one array call, against timm stepped once per update."
    rows = []
    milestones = dict(SCHEDULE, decay_t=[n_steps * 3 // 10, n_steps * 6 // 10, n_steps * 8 // 10])  # the ResNet recipe's
    cases = [('step', dict(SCHEDULE, warmup_t=0), 'warmup off'), ('step', SCHEDULE, 'warmup on'),
             ('step', dict(SCHEDULE, warmup_prefix=True), 'warmup on, prefix'),
             ('step', FREQUENT, f"decay every {FREQUENT['decay_t']}"),
             ('multistep', milestones, 'milestones 30/60/80%'),
             ('multistep', dict(SCHEDULE, decay_t=list(range(0, n_steps, n_steps // 100))), '100 milestones')]
    for kind, settings, label in cases:
        settings = {'warmup_prefix': False, **settings}
        closed_form, goal = KINDS[kind][2], 1 / 100 if kind == 'step' else 1 / 50
        expected = timm_schedule(settings, n_steps, kind)
        # wall time: torch's array operations run on several threads
        theirs = best_time(lambda: timm_schedule(settings, n_steps, kind), repeats=3, clock=time.perf_counter)
        for array, times in [('numpy', np.arange(n_steps)), ('torch', torch.arange(n_steps))]:
            lrs = closed_form(times, 0.5, **settings)
            ours = best_time(lambda: closed_form(times, 0.5, **settings), repeats=3, clock=time.perf_counter)
            equal = np.array_equal(np.asarray(lrs), expected)
            rows.append((f"1. {n_steps / 1e6:g}M-update {kind} schedule, {array}, {label}", ours, theirs, equal, goal))
    return rows


def per_call(n_groups: int, noise: bool, n_calls: int, kind='step', **schedule):
    "`step_update` per call, timm and steplr interleaved; the learning rates are compared at every call."
    settings = dict(SCHEDULE, t_in_epochs=False, noise_range_t=0 if noise else None, warmup_prefix=False,
                    decay_t=n_calls // 4 if kind == 'step' else list(range(0, n_calls, n_calls // 100)),
                    warmup_t=n_calls // 40)
    settings.update(schedule)
    theirs, ours = schedulers(n_groups, kind, **settings)
    equal = True
    for n in range(n_calls):
        theirs.step_update(n); ours.step_update(n)
        equal &= ours.get_last_lr() == [g['lr'] for g in theirs.optimizer.param_groups]
    def calls(scheduler):
        step_update = scheduler.step_update
        return lambda: [step_update(n) for n in range(n_calls)]
    loop = best_time(lambda: [n for n in range(n_calls)])  # the loop's own cost, taken off both
    times = alternating({'timm': calls(theirs), 'steplr': calls(ours)})
    return ((times['steplr'] - loop) / n_calls, (times['timm'] - loop) / n_calls, equal)


def alternating(runs: dict, rounds=10) -> dict:
    "Best time of each of `runs` (name -> function), alternating them so that load on the machine hits all alike."
    times = {}
    for _ in range(rounds):
        for name, run in runs.items(): times[name] = min(times.get(name, 1e9), best_time(run, repeats=3))
    return times


def counting_step(n_calls: int):
    "Target 7: `step()` with no argument per call, against PyTorch's StepLR.step(); the learning rates are compared."
    theirs = torch.optim.lr_scheduler.StepLR(optimizer(1), step_size=5, gamma=0.5)
    ours = StepLRScheduler(optimizer(1), decay_t=5, decay_rate=0.5)
    warnings.filterwarnings('ignore', message=re.escape('Detected call of `lr_scheduler.step()` before'))
    equal = True
    for _ in range(200):  # StepLR multiplies, so it is bit-equal only for a power-of-two gamma such as this one
        theirs.step(); ours.step()
        equal &= ours.get_last_lr() == theirs.get_last_lr()
    def calls(scheduler):
        step = scheduler.step
        return lambda: [step() for _ in range(n_calls)]
    loop = best_time(lambda: [None for _ in range(n_calls)])
    times = alternating({'torch': calls(theirs), 'steplr': calls(ours)})
    return [("7. step(), 1 group, vs torch StepLR.step()", (times['steplr'] - loop) / n_calls, (times['torch'] - loop) / n_calls, equal, 1.0)]


def guard_row(n_calls: int):
    "Target 9: the compile guard's test, `torch.compiler.is_dynamo_compiling()`, against a whole step_update."
    scheduler = StepLRScheduler(optimizer(1), t_in_epochs=False, **SCHEDULE)
    step_update = scheduler.step_update
    loop = best_time(lambda: [n for n in range(n_calls)])
    # spelled out, as steplr's step spells it (the attribute lookups are part of its cost)
    times = alternating({'guard': lambda: [torch.compiler.is_dynamo_compiling() for n in range(n_calls)],
                         'call': lambda: [step_update(n) for n in range(n_calls)]})
    return [("9. compile guard's test, vs a step_update call", (times['guard'] - loop) / n_calls,
             (times['call'] - loop) / n_calls, True, 0.1)]


def per_call_rows(scale=1.0):
    "Targets 2 to 4, with `scale` times the default number of calls."
    rows = []
    for name, n_groups, noise, n_calls, target, schedule in [
            ("2. step_update, 1 group", 1, False, 200_000, 1.2, {}),
            ("2. step_update, 1 group, decay every 5, rate 0.99", 1, False, 200_000, 1.2, dict(FREQUENT, decay_rate=0.99)),
            ("2. step_update, 1 group, decay every 5, rate 0.5", 1, False, 200_000, 1.2, FREQUENT),
            ("3. step_update, 100 groups, lr_scale", 100, False, 20_000, 1.0, {}),
            ("3. step_update, 100 groups, decay every 5", 100, False, 20_000, 1.0, dict(FREQUENT, decay_rate=0.99)),
            ("4. step_update, 1 group, noise", 1, True, 50_000, 1.2, {}),
            ("8. multistep step_update, 100 milestones, 1 group", 1, False, 200_000, 1.2, dict(kind='multistep')),
            ("8. multistep step_update, 100 milestones, 100 groups", 100, False, 20_000, 1.0, dict(kind='multistep'))]:
        ours, theirs, equal = per_call(n_groups, noise, int(n_calls * scale), **schedule)
        rows.append((name, ours, theirs, equal, target))
    return rows


def cost_by_groups(group_counts=(1, 2, 5, 10, 20, 50, 100, 200), calls=40_000):
    "Per-call `step_update` time of steplr and timm for each number of param groups: [(groups, steplr, timm, equal)]."
    return [(n, *per_call(n, noise=False, n_calls=max(500, calls // n))) for n in group_counts]


def import_cost(statement: str) -> float:
    "Seconds `statement` takes after `import torch`, best of 5 fresh interpreters."
    code = f"import time, torch; start = time.perf_counter(); {statement}; print(time.perf_counter() - start)"
    return min(float(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout)
               for _ in range(5))


def import_row():
    "Target 5: the import's cost over torch's, and what it pulls in."
    code = ("import sys, torch; before = set(sys.modules); import steplr; "
            "print(sorted({m.split('.')[0] for m in set(sys.modules) - before}))")
    added = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True).stdout.strip()
    light = not any(heavy in added for heavy in ('timm', 'matplotlib', 'scipy', 'pandas', 'torchvision'))
    return [(f"5. import steplr after torch, adds {added}", import_cost('import steplr'),
             import_cost('import timm.scheduler'), light, None)]


def notebooks_row():
    "Target 6: every notebook executed, one after the other (kernel start-up included)."
    start, all_passed = time.perf_counter(), True
    for notebook in sorted(glob.glob(str(ROOT / 'nbs' / '*.ipynb'))):
        # nbdev_test is given the path as an argument: under `python -c` it ignores --path and runs every notebook
        code = 'import sys; from nbdev.test import nbdev_test; nbdev_test(path=sys.argv[1])'
        passed = subprocess.run([sys.executable, '-c', code, notebook], capture_output=True, cwd=ROOT).returncode == 0
        if not passed: print(f"{Path(notebook).name} failed: run nbdev_test --path {notebook}")
        all_passed &= passed
    return [("6. execute every notebook in nbs/", time.perf_counter() - start, None, all_passed, None)]


def seconds(value) -> str:
    "A time in the most readable unit."
    if value is None: return '-'
    return f"{value * 1e6:.2f} us" if value < 1e-3 else f"{value * 1e3:.1f} ms" if value < 1 else f"{value:.1f} s"


def report(rows):
    "Print the table and return whether every target was met."
    print(f"{'target':<52} {'steplr':>9} {'timm':>9} {'ratio':>6} {'goal':>6} {'equal':>5} {'met':>3}")
    all_met = True
    for name, ours, theirs, equal, goal in rows:
        ratio = ours / theirs if theirs else None
        if name.startswith('5.'): met, goal_text = ours < 0.1 and equal, '<0.1 s'
        elif name.startswith('6.'): met, goal_text = ours < 180 and equal, '<180 s'
        else: met, goal_text = ratio <= goal and equal, f"<={goal:g}"
        all_met &= met
        ratio_text = '-' if ratio is None else f"{ratio:.3f}"
        print(f"{name:<52} {seconds(ours):>9} {seconds(theirs):>9} {ratio_text:>6} {goal_text:>6} {str(equal):>5} {'yes' if met else 'NO':>3}")
    return all_met


def environment() -> str:
    "The versions and the machine a run measured, in one line."
    cpu = next((line.split(':', 1)[1].strip() for line in Path('/proc/cpuinfo').read_text().splitlines()
                if line.startswith('model name')), platform.processor()) if Path('/proc/cpuinfo').exists() else platform.processor()
    return (f"torch {torch.__version__}, timm {timm.__version__}, numpy {np.__version__}, python {sys.version.split()[0]}; "
            f"{os.cpu_count()} cores, {cpu}")


def main(quick=False, notebooks=True, save=None) -> bool:
    "Measure every target, print the table, and return whether all were met; `save`: a JSON file to keep it in."
    print(environment())
    scale = 0.2 if quick else 1.0
    rows = (whole_schedule(int(1_000_000 * scale)) + per_call_rows(scale) + counting_step(int(100_000 * scale))
            + guard_row(int(200_000 * scale)) + import_row()
            + (notebooks_row() if notebooks else []))
    all_met = report(rows)
    if save:
        results = dict(measured=time.strftime('%Y-%m-%d'), environment=environment(), command=' '.join(sys.argv),
                       rows=rows, cost_by_groups=cost_by_groups())
        Path(save).write_text(json.dumps(results, indent=1) + '\n')
        print(f"saved to {save}")
    return all_met


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--skip-notebooks', action='store_true', help='leave out target 6 (executing the notebooks)')
    parser.add_argument('--quick', action='store_true', help='a fifth of the sizes, and no notebooks')
    parser.add_argument('--save', metavar='PATH', help='also write the table and the cost by param groups to a JSON file')
    args = parser.parse_args()
    sys.exit(0 if main(quick=args.quick, notebooks=not (args.skip_notebooks or args.quick), save=args.save) else 1)
