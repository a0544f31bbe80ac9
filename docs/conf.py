"""Sphinx configuration of the steplr site: the notebooks in nbs/, executed at build time by myst-nb.

Build with `make site-build` (or `sphinx-build -W -b html -c docs nbs _site`): the notebooks are the
source directory and this folder holds only the configuration and the nbdev adapter.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

project = 'steplr'
author = 'steplr developers'
copyright = '2026 onwards, steplr developers'

extensions = ['myst_nb', 'nbdev_notebooks', 'explorer']
root_doc = 'index'
exclude_patterns = ['_build', '_proc', '.hypothesis', '**/.ipynb_checkpoints']

# every notebook runs at every build: plots are fresh, and a cell that raises fails the build
nb_execution_mode = 'force'
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_render_markdown_format = 'myst'
nb_merge_streams = True

html_theme = 'sphinx_book_theme'
html_title = 'steplr'
html_theme_options = {'show_toc_level': 2, 'home_page_in_toc': True}
html_static_path = ['_static']
html_js_files = ['default-mode.js']
html_css_files = ['custom.css']
html_favicon = 'favicon.svg'
html_last_updated_fmt = None
