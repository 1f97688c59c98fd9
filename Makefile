# Two commands for a fresh machine:
#   make serve   install what is needed, build the site and serve it at http://127.0.0.1:8000
#   make test    install what is needed (Chromium too) and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check report bench system clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: $(STAMP) node_modules/.installed system
	$(BIN)/python -m pytest

build: $(STAMP) system
	$(BIN)/courseware build

check: $(STAMP)
	$(BIN)/courseware check

report: $(STAMP)
	$(BIN)/courseware report

bench: $(STAMP) node_modules/.installed system scripts/lighthouse/node_modules/.installed
	$(BIN)/python scripts/benchmark.py
	$(BIN)/python scripts/search_benchmark.py

scripts/lighthouse/node_modules/.installed: scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The Python environment: exact versions from pyproject.toml, transitive ones from constraints.txt.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

# axe-core for the accessibility tests, exactly as package-lock.json has it.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: chromium for the browser tests and the PDF, poppler-utils to check the PDF.
system:
	@scripts/install-system-packages.sh

clean:
	rm -rf site .site-build-* .site-old-* .pytest_cache node_modules
