# Two commands on a fresh machine with Python 3.11 and make:
#   make demo   set up, migrate, load the demo organisation, serve on http://127.0.0.1:8000
#   make test   set up, then lint, the migration check and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed

.PHONY: setup catalogues messages demo test test-database lint format bench bench-quick lock openapi clean pdf-libraries serve security

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# The Dutch texts: compiled from the committed .po files (no GNU gettext needed).
catalogues: setup
	$(BIN)/python -m binnenwerk.catalogues compile

# Refresh the .po files after changing UI text (needs xgettext), then translate what is new.
messages: setup
	$(BIN)/python -m binnenwerk.catalogues extract
	$(BIN)/python -m binnenwerk.catalogues check

demo: catalogues
	-@$(MAKE) --no-print-directory pdf-libraries
	$(BIN)/binnenwerk demo

# Production: gunicorn on HOST:PORT (default 127.0.0.1:8000) behind a TLS proxy. Needs
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL) in the environment (README: Productie).
serve: catalogues
	$(BIN)/binnenwerk migrate --no-input
	$(BIN)/binnenwerk collectstatic --no-input --verbosity 0
	$(BIN)/binnenwerk serve

lint: catalogues
	$(BIN)/python -m binnenwerk.catalogues check
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	BINNENWERK_CLI=1 $(BIN)/python manage.py makemigrations --check --dry-run
	BINNENWERK_CLI=1 $(BIN)/mypy src
	$(BIN)/bandit -r src -q -c pyproject.toml

# bandit, and pip-audit on the locked dependencies (needs the package index's vulnerability
# data: not part of `make test`, which must pass offline; see README "Security checks").
security: setup
	.ci/security

# Browser tests drive Debian's Chromium (no browser download); install it when missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# PDFs (WeasyPrint) need Pango, HarfBuzz and a font from the system; install them when missing.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core
pdf-libraries:
	@ldconfig -p | grep -q libpangoft2-1.0.so.0 && ldconfig -p | grep -q libharfbuzz-subset.so.0 \
		&& test -d /usr/share/fonts/truetype/dejavu \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_PACKAGES))

test: lint $(CHROMIUM) pdf-libraries
	$(BIN)/pytest -n 2

# The suite once more on another database (DATABASE_URL, e.g. PostgreSQL in CI). Lint and the
# browser tests ran in `make test` already; the browser tests serve their own SQLite demo.
test-database: catalogues pdf-libraries
	$(BIN)/pytest -n 2 --ignore=tests/browser

format: setup
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

PG_SERVER ?= postgres://postgres@127.0.0.1:5432/test
# Import, job counter (beside DuckDB) and dashboard at 1,000-100,000 people on SQLite and, when
# PG_SERVER answers, PostgreSQL; writes benchmarks/RESULTS.md. Then the demo's page timings.
bench: catalogues
	$(BIN)/python benchmarks/bench_scale.py --sizes 1000,10000,100000 --postgres $(PG_SERVER) \
		--output benchmarks/RESULTS.md
	$(BIN)/python benchmarks/bench_pages.py

# The same at 1,000 and 10,000 people, printed only: for development.
bench-quick: catalogues
	$(BIN)/python benchmarks/bench_scale.py --sizes 1000,10000 --postgres $(PG_SERVER)

# Regenerate the committed API contract after changing the API (a test fails when it is stale).
openapi: setup
	BINNENWERK_CLI=1 $(BIN)/python manage.py spectacular --validate --fail-on-warn --file openapi.yaml

# Refresh the lock after changing dependencies in pyproject.toml.
lock: setup
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra bench --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .hypothesis
