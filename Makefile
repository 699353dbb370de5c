# The two commands: `make run` (set up everything, demo data, serve with a worker) and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
UV := .tools/bin/uv
export UV_PYTHON_DOWNLOADS := never
SYSTEM_PACKAGES := fonts-liberation2 libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils

.PHONY: run test install system assets migrate seed lint format bench clean

run: install migrate seed
	bin/serve

test: install
	$(PY) -m pytest

install: system .venv/.synced static/vendor/.copied

system:
	@bin/system-packages $(SYSTEM_PACKAGES)

$(UV):
	python3 -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check "uv==0.13.8"

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --python "$$(command -v python3.11 || command -v python3)"
	touch $@

static/vendor/.copied: package.json package-lock.json bin/copy-assets
	npm ci --no-audit --no-fund --silent
	bin/copy-assets
	touch $@

migrate: install
	$(PY) manage.py migrate --noinput -v0

seed: migrate
	$(PY) manage.py seed_demo

# ruff, then the import-linter contracts of pyproject.toml (the layering of the apps).
lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports --no-logo

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

# Each bench script measures against its baseline in the same run and ends with
# "<name> <value> <unit>" lines. BENCH_ARGS=--quick for a short run.
bench: install
	@for script in bench/bench_*.py; do echo "== $$script"; PYTHONPATH=. $(PY) $$script $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf .venv .tools node_modules static/vendor var .grimp_cache
