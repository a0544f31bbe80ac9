"""A user's training script, checked with `mypy --strict` against the installed steplr by tools/check_package.sh.

It fails when py.typed is missing from the package, or when a public function or method it calls has no
annotations, or annotations that do not fit how a training script uses them.
"""
from typing import Any

import torch

from steplr import StepLRScheduler, step_lr

model = torch.nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = StepLRScheduler(optimizer, decay_t=30, decay_rate=0.1, warmup_t=5, warmup_lr_init=1e-4,
                            noise_range_t=(10, 20), warmup_prefix=True)
for epoch in range(3):
    optimizer.step()
    scheduler.step(epoch + 1)
    scheduler.step_update(epoch * 100)
scheduler.step()  # PyTorch's protocol: the next epoch

one_lr: float = step_lr(12, 0.1, decay_t=30, decay_rate=0.1, warmup_t=5)
lrs: torch.Tensor = step_lr(torch.arange(100), 0.1, decay_t=30)
last_lrs: list[float | torch.Tensor] = scheduler.get_last_lr()
state: dict[str, Any] = scheduler.state_dict()
scheduler.load_state_dict(state)
epoch_values: list[float] | None = scheduler.get_epoch_values(3)
as_pytorch: torch.optim.lr_scheduler.LRScheduler = scheduler
print(one_lr, float(lrs[-1]), last_lrs, state, epoch_values, as_pytorch.last_epoch)
