# Every target creates .venv on first use and installs what it needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
AXE := tests/browser/vendor/node_modules/axe-core/axe.min.js

.PHONY: site serve test check bench dump portability clean browser-deps

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m build_tools build

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --no-strict

check: $(STAMP)
	$(BIN)/python -m build_tools check

dump: $(STAMP)
	$(BIN)/python -m build_tools dump generated/dump

bench: $(STAMP)
	$(BIN)/python -m build_tools bench

# Material, ProperDocs and Zensical come from the package's portability extra, installed here only.
portability: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,portability]'
	$(BIN)/python -m build_tools portability
	$(BIN)/python -m pytest -q -m portability tests/test_portability.py

$(AXE):
	cd tests/browser/vendor && npm install --no-audit --no-fund --silent

# Chromium comes from the system packages; as root we install it, otherwise we say how.
browser-deps: $(AXE)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: run 'sudo apt-get install chromium'"; exit 1; fi; }

test: $(STAMP) browser-deps
	$(BIN)/python -m pytest -q

clean:
	rm -rf site generated .pytest_cache
