# ZeroSei digitale: `make run` serves the app, `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 3000

# Reflex's own bun download cannot work here: bun comes from npm, into an ignored folder.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(PATH)
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export PORT

.PHONY: run test lint install install-test db bench bench-open-data schemathesis lighthouse clean help

help:
	@echo "make run   – install, migrate, seed if empty, serve on http://localhost:$(PORT)"
	@echo "make test  – install, lint, then the whole test suite (unit, state, api, e2e browser)"
	@echo "make lint  – ruff check and ruff format --check (the same as CI)"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e ".[test]"
	@touch $@

.tools/node_modules/.bin/bun:
	npm install --prefix .tools --no-audit --no-fund --loglevel=error bun@1.4.4

install: $(VENV)/.installed .tools/node_modules/.bin/bun

# axe-core (accessibility rules) for the browser tests, pinned, into the same ignored folder.
AXE := .tools/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --prefix .tools --save-exact --no-audit --no-fund --loglevel=error axe-core@4.10.3

install-test: install $(VENV)/.installed-test $(AXE)

db: install
	$(BIN)/python -m zerosei_app.prestart

run: db
	$(BIN)/reflex run --env prod --frontend-port $(PORT) --backend-port $(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-test lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# In-process latencies, then the served app with wrk and websocket loads (bench/served.py; needs wrk).
bench: install-test
	$(BIN)/python bench/percorso.py
	$(BIN)/python bench/served.py

# Open data downloads and HSDS pages at seed and national scale (issue 20).
bench-open-data: install-test
	$(BIN)/python bench/open_data.py

# The whole /api/v1 OpenAPI fuzzed with schemathesis --checks all against the served app.
schemathesis: install-test
	$(BIN)/python bench/fuzz_api.py $(SCHEMATHESIS_ARGS)

lighthouse: install
	bench/lighthouse.sh

clean:
	rm -rf .web .states $(VENV) .tools
