__version__ = "0.2.0"

from .plotting import plot_schedule, scheduled_lrs
from .schedule import multistep_lr, step_lr
from .scheduler import MultiStepLRScheduler, StepLRScheduler
from .timm_args import scheduler_from_args

__all__ = ['MultiStepLRScheduler', 'StepLRScheduler', 'multistep_lr', 'plot_schedule', 'scheduled_lrs',
           'scheduler_from_args', 'step_lr']
