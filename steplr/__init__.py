__version__ = "0.1.0"

from .schedule import step_lr
from .scheduler import StepLRScheduler

__all__ = ['StepLRScheduler', 'step_lr']
