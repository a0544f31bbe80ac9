# The project's commands. Each installs what it needs first, so they work on a fresh machine.
PYTHON ?= python
PORT ?= 8000
SITE := _build/site
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser test check site site-build

install:
	@echo "installing steplr and its development requirements (pip install -e '.[dev]')"
	@$(PYTHON) -m pip install --quiet --quiet -e ".[dev]"  # -qq: no notices the reader cannot act on

# Debian's Chromium and its driver, for the browser test of the site
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver; }

# the tests: every notebook runs top to bottom (its asserts are the tests), the pages that train run
# again on PyTorch's other CPU paths, then the site is built from the executed notebooks and every page
# is checked in headless Chromium
test: install browser
	nbdev_test --n_workers 2
	@echo "notebooks: $(words $(wildcard nbs/*.ipynb)) passed, 0 failed"
	bash tools/check_cpu_paths.sh
	$(PYTHON) tools/visible_cells.py
	$(MAKE) --no-print-directory site-build
	$(PYTHON) -m pytest -q docs/test_site.py
	@echo "screenshots of every page: _build/screenshots/"

# fail when steplr/, the clean notebooks or README.md are not what nbs/ generates, or when the
# exported module does not type-check strictly
check: install
	nbdev_clean
	nbdev_export
	$(PYTHON) tools/readme.py
	git diff --exit-code -- steplr nbs README.md
	@untracked=$$(git ls-files --others --exclude-standard -- steplr nbs README.md); \
	test -z "$$untracked" || { echo "generated but not committed: $$untracked"; exit 1; }
	$(PYTHON) -m mypy --strict steplr

# build the docs site, executing every notebook (each reported as it ends); warnings and failing
# cells are errors. The kernels read their settings from an IPython profile inside _build.
site-build: install
	@rm -rf $(SITE) _build/jupyter_execute
	@mkdir -p _build/ipython/profile_default
	@cp docs/ipython_kernel_config.py _build/ipython/profile_default/
	@IPYTHONDIR=$(CURDIR)/_build/ipython sphinx-build -W --keep-going -j 2 -q -b html -c docs nbs $(SITE)
	@echo "site built in $(SITE)"

# the main job: build the site and serve it on this machine
site: site-build
	@echo "steplr docs: open http://127.0.0.1:$(PORT)/index.html (Ctrl-C to stop)"
	@$(PYTHON) -m http.server $(PORT) --bind 127.0.0.1 --directory $(SITE)
