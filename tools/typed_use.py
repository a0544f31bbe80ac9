"""A user's training script, checked with `mypy --strict` against the installed steplr by tools/check_package.sh.

It fails when py.typed is missing from the package, or when a public function or method it calls has no
annotations, or annotations that do not fit how a training script uses them. It calls every name in the `__all__` of
steplr's modules, with the kinds of number the code accepts: numpy scalars, 0-dim tensors and arrays,
lists and ranges of times.
"""
import argparse
from typing import Any

import numpy as np
import torch

from steplr import (MultiStepLRScheduler, StepLRScheduler, multistep_lr, plot_schedule, scheduled_lrs,
                    scheduler_from_args, step_lr)
from steplr.checks import Number
from steplr.cli import main
from steplr.timm_args import settings_from_args

model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = StepLRScheduler(optimizer, decay_t=30, decay_rate=0.1, warmup_t=5, warmup_lr_init=1e-4,
                            noise_range_t=(10, 20), noise_seed=-1, warmup_prefix=True, last_epoch=-1)
for epoch in range(3):
    optimizer.step()
    scheduler.step(epoch + 1)
    scheduler.step_update(epoch * 100)
scheduler.step()  # PyTorch's protocol: the next epoch
scheduler.step(np.int64(3))
scheduler.step(torch.tensor(4))
scheduler.step_update(np.int64(5))
scheduler.decay_t = 2  # timm's settings, read and assigned
decay_rate: float = scheduler.decay_rate

one_lr: float = step_lr(12, 0.1, decay_t=30, decay_rate=0.1, warmup_t=5)
float32_lr: float = step_lr(np.float32(3.0), 0.1, decay_t=np.int64(2), decay_rate=torch.tensor(0.5))
lrs: torch.Tensor = step_lr(torch.arange(100), 0.1, decay_t=30)
array_lrs: np.ndarray[Any, np.dtype[np.float64]] = step_lr(np.arange(100), 0.1, decay_t=30)
list_lrs: np.ndarray[Any, np.dtype[np.float64]] = step_lr([0, 5, 10], 0.1, decay_t=5)
range_lrs: np.ndarray[Any, np.dtype[np.float64]] = multistep_lr(range(100), 0.1, milestones=np.array([30, 60]))
multistep_one: float = multistep_lr(np.int64(40), 0.1, decay_t=[30, 60], decay_rate=0.1)
multistep = MultiStepLRScheduler(torch.optim.SGD(model.parameters(), lr=0.1), milestones=np.array([30, 60]))
multistep.step_update(torch.tensor(7))
last_lrs: list[float | torch.Tensor] = scheduler.get_last_lr()
state: dict[str, Any] = scheduler.state_dict()
scheduler.load_state_dict(state)
epoch_values: list[float] | None = scheduler.get_epoch_values(np.int64(3))
update_values: list[float] | None = scheduler.get_update_values(3)
current: list[float] = scheduler.get_lr()
as_pytorch: torch.optim.lr_scheduler.LRScheduler = scheduler
drawn: list[float] = scheduled_lrs(torch.optim.lr_scheduler.StepLR(optimizer, step_size=5), 10)
try: plot_schedule(scheduler, 10)
except ImportError: pass  # matplotlib is optional
args = argparse.Namespace(sched='step', lr=0.1, epochs=10, decay_epochs=3, decay_rate=0.5, warmup_epochs=0,
                          warmup_lr=1e-5, lr_noise=None, lr_noise_pct=0.67, lr_noise_std=1.0, seed=42,
                          sched_on_updates=False, warmup_prefix=False, decay_milestones=[3], cooldown_epochs=0)
from_args: tuple[StepLRScheduler, int] = scheduler_from_args(args, torch.optim.SGD(model.parameters(), lr=0.1))
settings: tuple[dict[str, Any], int] = settings_from_args(args)
period: Number = np.int64(5)
period_lr: float = step_lr(7, 0.1, decay_t=period)
exit_code: int = main(['--sched', 'step', '--epochs', '5'])
print(one_lr, float32_lr, float(lrs[-1]), array_lrs[-1], list_lrs, range_lrs[-1], multistep_one, last_lrs,
      state, epoch_values, update_values, current, as_pytorch.last_epoch, drawn, from_args, settings, period_lr,
      exit_code, decay_rate)
