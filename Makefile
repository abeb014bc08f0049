# Lodestar: `make demo` and `make test` are the two commands of the README's quick start.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgresql://postgres@127.0.0.1:5432/lodestar
DEMO_DB ?= sqlite:///demo.sqlite3
DEMO_DATA ?= demo-data
HOST ?= 127.0.0.1
PORT ?= 8000
# Two test processes, one per core of the machines this runs on; PYTEST_ARGS= runs them in one.
PYTEST_ARGS ?= -n 2

.PHONY: install demo test lint typecheck migrations-check test-sqlite test-postgres bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing Lodestar and its development tools into $(VENV) ..."
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,spark]'
	@touch $(STAMP)

# The translation catalogs, compiled from their .po files (with Babel: no GNU gettext needed).
CATALOGS := $(patsubst %.po,%.mo,$(wildcard src/lodestar/locale/*/LC_MESSAGES/*.po))
%.mo: %.po $(STAMP)
	@$(BIN)/python -m lodestar.i18n.catalogs

# axe-core, which the browser tests inject into each page, from npm as tests/browser/package-lock.json pins it.
AXE_CORE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE_CORE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ -n "$$CI" ]; then \
		echo "npm is missing, and CI requires axe-core for the browser tests." >&2; exit 1; \
	else \
		echo "SKIPPED: npm is missing, so the browser tests' accessibility checks are skipped (CI requires them)."; \
	fi

# oidc-provider, the OpenID Provider the single sign-on tests start on loopback, as tests/oidc/package-lock.json pins it.
OIDC_PROVIDER := tests/oidc/node_modules/oidc-provider/package.json
$(OIDC_PROVIDER): tests/oidc/package.json tests/oidc/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error && touch $@; \
	elif [ -n "$$CI" ]; then \
		echo "npm is missing, and CI requires oidc-provider for the single sign-on tests." >&2; exit 1; \
	else \
		echo "SKIPPED: npm is missing, so the single sign-on tests are skipped (CI requires them)."; \
	fi

install: $(STAMP) $(CATALOGS)

# The demo writes its warehouse extract and metrics file into $(DEMO_DATA) and refreshes from them.
# The job worker (schedules, "Refresh now") runs beside the web server; Ctrl-C stops both.
demo: export LODESTAR_DATABASE_URL = $(DEMO_DB)
demo: export LODESTAR_METRICS_FILE = $(DEMO_DATA)/metrics.yaml
demo: $(STAMP) $(CATALOGS)
	@$(BIN)/lodestar demo --data $(DEMO_DATA) --sign-ins
	@echo "\nServing the web app on http://$(HOST):$(PORT)/ with the job worker beside it (Ctrl-C stops both)."
	@$(BIN)/lodestar worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		LODESTAR_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(BIN)/lodestar serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

migrations-check: $(STAMP)
	LODESTAR_DATABASE_URL=sqlite:///:memory: $(BIN)/lodestar makemigrations --check --dry-run

test-sqlite: $(STAMP) $(CATALOGS) $(AXE_CORE) $(OIDC_PROVIDER)
	LODESTAR_DATABASE_URL=sqlite:///test-lodestar.sqlite3 $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

test-postgres: $(STAMP) $(CATALOGS) $(AXE_CORE) $(OIDC_PROVIDER)
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		LODESTAR_DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS); \
	elif [ -n "$$CI" ]; then \
		echo "PostgreSQL is not reachable at $(PG_URL), and CI requires it." >&2; exit 1; \
	else \
		echo "SKIPPED: PostgreSQL is not reachable at $(PG_URL) (CI requires it)."; \
	fi

test: lint typecheck migrations-check test-sqlite test-postgres

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) tests/browser/node_modules tests/oidc/node_modules *.sqlite3 $(DEMO_DATA) staticfiles .pytest_cache .mypy_cache .ruff_cache .hypothesis
