# The kernels of the docs build (make site-build copies this file into their IPython profile).
# They run on this machine and talk to Sphinx over loopback: ipykernel's warning that the kernel is
# "running over TCP without encryption" is nothing a reader of `make site` can act on.
c.IPKernelApp.log_level = 'ERROR'  # noqa: F821 (`c` is the config object IPython passes in)
