# Two commands matter: `make run` (set up and open the app) and `make test` (set up and test).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run demo test test-postgres lint bench package package-check clean screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[postgres-binary]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/lbn-desktop $(ARGS)

demo: $(VENV)/.installed
	$(BIN)/lbn-desktop --demo $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

$(VENV)/.installed-package: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

# One-folder app in dist/lbn-quartermaster (see packaging/ and the README).
package: $(VENV)/.installed-package
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build \
		packaging/lbn-quartermaster.spec

package-check: package
	bash packaging/check_package.sh dist/lbn-quartermaster/lbn-desktop

# Same suite with the service, migration and concurrency tests also on a local PostgreSQL.
test-postgres: $(VENV)/.installed-test
	LBN_TEST_POSTGRES_URL="$$(bash .ci/postgres.sh)" $(MAKE) test

# Median timings at scales small, medium and large beside their floors (see README).
bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks.run $(BENCH_ARGS)

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py shots --guide resources/guide/images

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
