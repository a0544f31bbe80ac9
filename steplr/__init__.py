__version__ = "0.1.0"

from .plotting import plot_schedule, scheduled_lrs
from .schedule import step_lr
from .scheduler import StepLRScheduler
from .timm_args import scheduler_from_args

__all__ = ['StepLRScheduler', 'plot_schedule', 'scheduled_lrs', 'scheduler_from_args', 'step_lr']
