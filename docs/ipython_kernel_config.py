# The kernels of the docs build (make site-build copies this file into their IPython profile).
# They run on this machine and talk to Sphinx over loopback: ipykernel's warning that the kernel is
# "running over TCP without encryption" is nothing a reader of `make site` can act on.
c.IPKernelApp.log_level = 'ERROR'  # noqa: F821 (`c` is the config object IPython passes in)
# The pages step schedulers without training, to show and draw their values: PyTorch's warning that
# `lr_scheduler.step()` came before any `optimizer.step()` (which steplr gives, as PyTorch's schedulers
# do) does not apply to them, and would fill the pages.
c.InteractiveShellApp.exec_lines = [  # noqa: F821
    "import warnings",
    r"warnings.filterwarnings('ignore', message=r'Detected call of `lr_scheduler\.step\(\)` before')",
]
