"""`python -m steplr`: the `steplr` command line (nbs/06_command_line.ipynb documents it)."""
from steplr.cli import main

raise SystemExit(main())
