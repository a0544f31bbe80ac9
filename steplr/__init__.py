__version__ = "0.2.0"

from typing import TYPE_CHECKING, Any

from .schedule import multistep_lr, step_lr

if TYPE_CHECKING:  # type checkers see the real names; at run time they are imported on first use (below)
    from .plotting import plot_schedule, scheduled_lrs
    from .scheduler import MultiStepLRScheduler, StepLRScheduler
    from .timm_args import scheduler_from_args

__all__ = ['MultiStepLRScheduler', 'StepLRScheduler', 'multistep_lr', 'plot_schedule', 'scheduled_lrs',
           'scheduler_from_args', 'step_lr']

# the names whose modules import torch: `import steplr` and the closed form alone do not
_LAZY = {'MultiStepLRScheduler': 'scheduler', 'StepLRScheduler': 'scheduler', 'plot_schedule': 'plotting',
         'scheduled_lrs': 'plotting', 'scheduler_from_args': 'timm_args'}


def __getattr__(name: str) -> Any:
    "PEP 562: import the module that defines `name` when it is first asked for."
    if name not in _LAZY: raise AttributeError(f"module 'steplr' has no attribute {name!r}")
    import importlib
    value = getattr(importlib.import_module(f'.{_LAZY[name]}', __name__), name)
    globals()[name] = value  # asked once: later lookups find it without this function
    return value


def __dir__() -> list[str]: return sorted([*globals(), *_LAZY])
