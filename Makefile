# The project's commands. Each installs what it needs first, so they work on a fresh machine.
PYTHON ?= python
NOTEBOOKS := $(wildcard nbs/*.ipynb)

.PHONY: install test check notebooks

install:
	$(PYTHON) -m pip install --quiet -e ".[dev]"

# the test suite: every notebook in nbs/ runs top to bottom, and its asserts are the tests
test: install
	nbdev_test --n_workers 2
	@echo "notebooks: $(words $(NOTEBOOKS)) passed, 0 failed"

# fail when steplr/, the clean notebooks or README.md are not what nbs/ generates
check: install
	nbdev_clean
	nbdev_export
	$(PYTHON) tools/readme.py
	git diff --exit-code -- steplr nbs README.md
	@untracked=$$(git ls-files --others --exclude-standard -- steplr nbs README.md); \
	test -z "$$untracked" || { echo "generated but not committed: $$untracked"; exit 1; }

# the main job (until the docs site lands): execute every notebook, keeping the executed copies
notebooks: install
	mkdir -p _build/notebooks
	jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 --output-dir _build/notebooks $(NOTEBOOKS)
	@echo "executed notebooks are in _build/notebooks/"
